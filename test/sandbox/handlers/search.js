'use strict';
/** Search over orders, products and customers. */

const R = require('../responses');
const common = require('./common');

const SEARCH_LIMIT = 50;

function search(ctx) {
	const body = common.requireObjectBody(ctx);
	const term = common.field(body, 'Term');
	if (typeof term !== 'string' || term.trim() === '') return R.invalidData('Term is required');
	let types = common.field(body, 'Type');
	if (typeof types === 'string') types = [types];
	if (!Array.isArray(types) || types.length === 0) types = ['order', 'product', 'customer'];
	types = types.map((t) => String(t).toLowerCase());
	if (types.some((t) => !['order', 'product', 'customer'].includes(t)))
		return R.invalidData('Type must contain only order, product or customer');
	const words = term.toLowerCase().split(/\s+/).filter(Boolean);
	const anyWord = common.toNumber(common.field(body, 'SearchMode')) === 1;
	const hit = (texts) => {
		const hay = texts
			.filter((t) => t !== null && t !== undefined)
			.join(' ')
			.toLowerCase();
		return anyWord ? words.some((w) => hay.includes(w)) : words.every((w) => hay.includes(w));
	};
	const { data } = ctx;
	const result = { Products: [], Orders: [], Customers: [] };
	if (types.includes('product')) {
		for (const p of data.products) {
			if (result.Products.length >= SEARCH_LIMIT) break;
			const titles = (p.Title || []).map((t) => t.Text);
			if (hit([p.SKU, p.EAN, ...titles]))
				result.Products.push({
					Id: p.Id,
					ShortText: titles[0] || null,
					SKU: p.SKU,
					Tags: (p.Tags || []).map((t) => t.Text).join(','),
				});
		}
	}
	if (types.includes('order')) {
		for (const o of data.orders) {
			if (result.Orders.length >= SEARCH_LIMIT) break;
			const buyer = o.Buyer ? o.Buyer.FullName : null;
			const invoiceNumber = o.InvoiceNumber
				? `${o.InvoiceNumberPrefix || ''}${o.InvoiceNumber}`
				: null;
			const articles = (o.OrderItems || [])
				.map((it) => it.Product && it.Product.Title)
				.filter(Boolean)
				.join(', ');
			const customerName = o.Customer ? o.Customer.Name : null;
			if (
				hit([
					o.OrderNumber,
					o.Id,
					buyer,
					invoiceNumber,
					customerName,
					articles,
					String(o.BillBeeOrderId),
				])
			) {
				result.Orders.push({
					Id: o.BillBeeOrderId,
					ExternalReference: o.Id,
					BuyerName: buyer,
					InvoiceNumber: invoiceNumber,
					CustomerName: customerName,
					ArticleTexts: articles,
				});
			}
		}
	}
	if (types.includes('customer')) {
		for (const c of data.customers) {
			if (result.Customers.length >= SEARCH_LIMIT) break;
			const addresses = data.customerAddresses
				.filter((a) => common.idMatcher(String(c.Id))(a.CustomerId))
				.map((a) => `${a.Street} ${a.Housenumber}, ${a.Zip} ${a.City}`);
			if (hit([c.Name, c.Email, String(c.Number), ...addresses]))
				result.Customers.push({
					Id: c.Id,
					Name: c.Name,
					Addresses: addresses.join('; '),
					Number: String(c.Number),
				});
		}
	}
	return R.ok(result);
}

const handlers = {
	'search.search': search,
};

module.exports = { handlers };
