'use strict';
/** Orders: list and create, patch, state, tags, shipments, messages, invoices and delivery notes. */

const R = require('../responses');
const { formatDate, buildInvoice, nextId, round2 } = require('../data');

const common = require('./common');

const { ENUMS } = R;

const ORDER_PATCHABLE_FIELDS = [
	'AcceptLossOfReturnRight',
	'AdjustmentCost',
	'AdjustmentReason',
	'Buyer',
	'ConfirmedAt',
	'Currency',
	'CustomInvoiceNote',
	'CustomerNumber',
	'CustomerVatId',
	'DeliverySourceCountryCode',
	'DistributionCenter',
	'InvoiceAddress',
	'InvoiceDate',
	'InvoiceNumber',
	'InvoiceNumberPostfix',
	'InvoiceNumberPrefix',
	'LanguageCode',
	'OrderNumber',
	'PaidAmount',
	'PayedAt',
	'PaymentInstruction',
	'PaymentMethod',
	'PaymentReference',
	'PaymentTransactionId',
	'SellerComment',
	'ShipWeightKg',
	'ShippedAt',
	'ShippingAddress',
	'ShippingCost',
	'ShippingProfileId',
	'ShippingProviderId',
	'ShippingProviderProductId',
	'TaxRate1',
	'TaxRate2',
	'TotalCost',
	'VatId',
	'VatMode',
];

const ORDER_DATE_FIELDS = new Set([
	'OrderDate',
	'CreatedAt',
	'ShippedAt',
	'ConfirmedAt',
	'PayedAt',
	'InvoiceDate',
	'UpdatedAt',
	'LastModifiedAt',
]);

function findOrder(ctx, digits) {
	return common.findBy(ctx.data.orders, 'BillBeeOrderId', common.pathId(digits));
}

/** Wraps an order handler: 400 on a non-numeric id, ErrorCode 2 when the order does not exist. */
function withOrder(fn) {
	return (ctx) => {
		const order = findOrder(ctx, ctx.params.id);
		if (!order) return R.orderNotFound();
		return fn(ctx, order);
	};
}

/** The tag / excludeTags filter of the order and invoice lists: a predicate, or null without tags. */
function tagFilter(q) {
	const tags = q.list('tag').map((t) => t.toLowerCase());
	const excludeTags = q.bool('excludeTags', false);
	if (!tags.length) return null;
	return (order) => {
		const own = (order.Tags || []).map((t) => String(t).toLowerCase());
		return excludeTags ? !tags.some((t) => own.includes(t)) : tags.every((t) => own.includes(t));
	};
}

function listOrders(ctx) {
	const { q } = ctx;
	const minKey = q.dateKey('minOrderDate');
	const maxKey = q.dateKey('maxOrderDate');
	const modMinKey = q.dateKey('modifiedAtMin');
	const modMaxKey = q.dateKey('modifiedAtMax');
	const shopMatchers = q.idList('shopId').map(common.idMatcher);
	const states = q.list('orderStateId').map((s) => {
		if (!/^\d+$/.test(s)) throw R.badRequest();
		return Number(s);
	});
	const hasTags = tagFilter(q);
	const minIdText = q.id('minimumBillBeeOrderId');
	const minId = minIdText === undefined ? undefined : BigInt(minIdText);
	q.int('articleTitleSource', 0);

	const out = [];
	for (const o of common.withinDates(common.ordersNewestFirst(ctx), minKey, maxKey)) {
		if (modMinKey !== null || modMaxKey !== null) {
			const mod = common.canonicalDate(o.LastModifiedAt || o.UpdatedAt);
			if (modMinKey !== null && !(mod > modMinKey)) continue;
			if (modMaxKey !== null && mod > modMaxKey) continue;
		}
		if (shopMatchers.length) {
			const shopId = o.Seller ? o.Seller.BillbeeShopId : o.ApiAccountId;
			if (!shopMatchers.some((m) => m(shopId))) continue;
		}
		if (states.length && !states.includes(o.State)) continue;
		if (hasTags && !hasTags(o)) continue;
		if (minId !== undefined && common.toBig(o.BillBeeOrderId) < minId) continue;
		out.push(o);
	}
	return common.paginate(out, q);
}

function resolveShop(data, idValue) {
	if (idValue === undefined || idValue === null || idValue === '') return undefined;
	return common.findBy(data.shops, 'Id', String(idValue)) || null;
}

function createOrder(ctx) {
	const body = common.requireObjectBody(ctx);
	let shopRef = common.field(body, 'ApiAccountId');
	if (shopRef === undefined || shopRef === null || shopRef === 0 || shopRef === '0')
		shopRef = ctx.q.id('shopId');
	const { order, error } = insertOrder(ctx, body, shopRef);
	return error || R.ok(order, 201);
}

/**
 * Stores a new order built from `body` (as POST /orders does) and returns { order } or
 * { error: response }. `ctx` needs only { data, env }. OrderDate defaults to now, so a new order
 * is the newest one in GET /orders.
 */
function insertOrder(ctx, body, shopRef) {
	const { data } = ctx;
	const now = ctx.env.now();
	const stamp = formatDate(now);
	const order = common.clone(body);

	// Shop: orderData.ApiAccountId wins over the deprecated shopId query parameter.
	let shop = resolveShop(data, shopRef);
	if (shop === null) return { error: R.fail(10, 'Shop not found') };
	if (!shop) shop = data.shops[0];

	for (const k of Object.keys(order)) {
		if (ORDER_DATE_FIELDS.has(k)) order[k] = common.normaliseDateField(order[k]);
	}
	const id = common.nextFreeId(data.orders, 'BillBeeOrderId', data.sequences, 'order');
	order.BillBeeOrderId = id;
	if (order.Id === undefined || order.Id === null || order.Id === '') order.Id = `SANDBOX-${id}`;
	if (!order.OrderNumber) order.OrderNumber = `API-${data.orders.length + 1}`;
	if (order.State === undefined || order.State === null) order.State = 1;
	order.OrderDate = order.OrderDate || order.CreatedAt || stamp;
	order.CreatedAt = order.CreatedAt || stamp;
	order.UpdatedAt = stamp;
	order.LastModifiedAt = stamp;
	if (!Array.isArray(order.Tags)) order.Tags = [];
	if (!Array.isArray(order.ShippingIds)) order.ShippingIds = [];
	if (!Array.isArray(order.Comments)) order.Comments = [];
	if (!Array.isArray(order.Payments)) order.Payments = [];
	order.History = [];
	order.Seller = {
		Platform: 'Billbee API',
		BillbeeShopName: shop.Name,
		BillbeeShopId: shop.Id,
		...(common.isPlainObject(order.Seller) ? order.Seller : {}),
	};
	order.ApiAccountId = shop.Id;
	order.ApiAccountName = shop.Name;
	order.IsFromBillbeeApi = true;
	order.Currency = order.Currency || 'EUR';
	for (const k of ['InvoiceAddress', 'ShippingAddress']) {
		if (common.isPlainObject(order[k]) && !order[k].BillbeeId)
			order[k].BillbeeId = nextId(data.sequences, 'orderAddress');
	}
	if (!Array.isArray(order.OrderItems)) order.OrderItems = [];
	for (const item of order.OrderItems) {
		if (!common.isPlainObject(item)) continue;
		if (!item.BillbeeId) item.BillbeeId = nextId(data.sequences, 'orderItem');
		const sku = item.Product && item.Product.SKU;
		const product = sku ? common.findProductBy(data, sku, 'sku') : undefined;
		if (product && item.Product && !item.Product.BillbeeId) item.Product.BillbeeId = product.Id;
	}
	if (order.TotalCost === undefined || order.TotalCost === null) {
		const items = order.OrderItems.reduce(
			(s, it) => s + (common.toNumber(it && it.TotalPrice) || 0),
			0,
		);
		order.TotalCost = round2(items + (common.toNumber(order.ShippingCost) || 0));
	}
	const customerRef = common.isPlainObject(order.Customer) ? order.Customer.Id : undefined;
	if (customerRef !== undefined && customerRef !== null) {
		const customer = common.findBy(data.customers, 'Id', String(customerRef));
		if (customer) order.Customer = customer;
	}
	order.WebUrl = `https://app.billbee.io/app_v2/order/${id}`;
	data.orders.push(order);
	common.addEvent(ctx, order, 29, 'Auftrag über die API angelegt');
	return { order };
}

/** A realistic new order (for sandbox.createOrder), overridden by `fields`. */
function sampleOrderBody(data, fields = {}) {
	const n = data.orders.length;
	const product = data.products[n % Math.max(1, data.products.length)];
	const customer = data.customers[n % Math.max(1, data.customers.length)];
	const address =
		customer &&
		data.customerAddresses.find((a) => common.idMatcher(String(customer.Id))(a.CustomerId));
	const orderAddress = address
		? {
				FirstName: address.FirstName,
				LastName: address.LastName,
				Company: address.Company,
				Street: address.Street,
				HouseNumber: address.Housenumber,
				Zip: address.Zip,
				City: address.City,
				CountryISO2: address.CountryCode,
				Email: address.Email,
			}
		: null;
	const shop = data.shops[n % Math.max(1, data.shops.length)];
	const items = product
		? [
				{
					Product: {
						Id: String(product.Id),
						Title: product.Title[0] && product.Title[0].Text,
						SKU: product.SKU,
						EAN: product.EAN,
					},
					Quantity: 1,
					TotalPrice: product.Price,
					TaxIndex: product.VatIndex,
				},
			]
		: [];
	return {
		OrderNumber: `SBX-${n + 1}`,
		Id: `SBX-EXT-${n + 1}`,
		State: 1,
		Currency: 'EUR',
		ShippingCost: 4.9,
		OrderItems: items,
		InvoiceAddress: orderAddress,
		ShippingAddress: orderAddress && { ...orderAddress },
		Customer: customer ? { Id: customer.Id } : null,
		Buyer: orderAddress
			? {
					Platform: 'Billbee API',
					FirstName: orderAddress.FirstName,
					LastName: orderAddress.LastName,
					FullName: `${orderAddress.FirstName} ${orderAddress.LastName}`,
					Email: orderAddress.Email,
				}
			: null,
		ApiAccountId: shop ? shop.Id : undefined,
		...fields,
	};
}

function patchOrder(ctx, order) {
	const body = common.requireObjectBody(ctx);
	const bad = common.firstUnpatchable(ORDER_PATCHABLE_FIELDS, body);
	if (bad !== undefined)
		return R.invalidData(`Field '${bad}' is not patchable. See GET /orders/PatchableFields.`);
	for (const [name, value] of Object.entries(body)) {
		const key = common.canonicalFieldName(ORDER_PATCHABLE_FIELDS, name);
		if (ORDER_DATE_FIELDS.has(key)) order[key] = common.normaliseDateField(value);
		else if (common.isPlainObject(value) && common.isPlainObject(order[key]))
			Object.assign(order[key], common.clone(value));
		else order[key] = common.clone(value);
	}
	common.touch(order, ctx.env.now());
	common.addEvent(ctx, order, 62, `Felder geändert: ${Object.keys(body).join(', ')}`);
	return R.ok(order);
}

function changeOrderState(ctx, order) {
	const body = common.requireObjectBody(ctx);
	const raw = common.field(body, 'NewStateId');
	const state = common.toNumber(raw);
	const known = ENUMS.orderState.values.some((v) => v.value === state);
	if (!Number.isInteger(state) || !known)
		return R.invalidData(
			`Invalid NewStateId '${raw}'. Allowed values: 1-16, see GET /enums/orderstates.`,
		);
	const now = ctx.env.now();
	const previous = order.State;
	order.State = state;
	if (state === 3 && !order.PayedAt) order.PayedAt = formatDate(now);
	if (state === 4 && !order.ShippedAt) order.ShippedAt = formatDate(now);
	common.touch(order, now);
	common.addEvent(ctx, order, 15, `Status ${previous} -> ${state}`);
	return R.ok(null);
}

function readTags(body) {
	const tags = common.field(body, 'Tags');
	if (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string')) return null;
	return tags;
}

function addTags(ctx, order) {
	const tags = readTags(common.requireObjectBody(ctx));
	if (!tags) return R.invalidData('Tags must be an array of strings');
	if (!Array.isArray(order.Tags)) order.Tags = [];
	for (const t of tags)
		if (!order.Tags.some((x) => String(x).toLowerCase() === t.toLowerCase())) order.Tags.push(t);
	common.touch(order, ctx.env.now());
	return R.ok(null);
}

function setTags(ctx, order) {
	const tags = readTags(common.requireObjectBody(ctx));
	if (!tags) return R.invalidData('Tags must be an array of strings');
	order.Tags = [...new Set(tags)];
	common.touch(order, ctx.env.now());
	return R.ok(null);
}

function carrierName(id) {
	const entry = ENUMS.shippingCarrier.values.find((v) => v.value === id);
	return entry ? common.stripParenthesis(entry.name) : null;
}

function addShipment(ctx, order) {
	const body = common.requireObjectBody(ctx);
	const shippingId = common.field(body, 'ShippingId');
	if (typeof shippingId !== 'string' || shippingId.trim() === '')
		throw R.badRequest('ShippingId is required.');
	const { data } = ctx;
	const providerId = common.field(body, 'ShippingProviderId');
	const provider = providerId
		? common.findBy(data.shippingProviders, 'id', String(providerId))
		: undefined;
	const carrierId = common.toNumber(common.field(body, 'CarrierId'));
	const shipment = {
		BillbeeId: nextId(data.sequences, 'shipment'),
		ShippingId: shippingId,
		Shipper: provider ? provider.name : carrierName(carrierId),
		Created: formatDate(ctx.env.now()),
		TrackingUrl: `https://tracking.example.com/${encodeURIComponent(shippingId)}`,
		ShippingProviderId: providerId ?? null,
		ShippingProviderProductId: common.field(body, 'ShippingProviderProductId') ?? null,
		ShippingCarrier: Number.isInteger(carrierId) ? carrierId : null,
		ShipmentType: common.toNumber(common.field(body, 'ShipmentType')) || 0,
	};
	if (!Array.isArray(order.ShippingIds)) order.ShippingIds = [];
	order.ShippingIds.push(shipment);
	data.shipments.push({
		...shipment,
		OrderId: order.BillBeeOrderId,
		Comment: common.field(body, 'Comment') ?? null,
	});
	common.touch(order, ctx.env.now());
	common.addEvent(ctx, order, 18, shippingId);
	return R.ok(null);
}

function checkPrintTargets(ctx) {
	const templateId = ctx.q.id('templateId');
	if (templateId !== undefined && !common.findBy(ctx.data.layouts, 'Id', templateId))
		return R.invalidData(`Layout template ${templateId} not found`);
	const cloudId = ctx.q.id('sendToCloudId');
	if (cloudId !== undefined && !common.findBy(ctx.data.cloudStorages, 'Id', cloudId))
		return R.invalidData(`Cloud storage ${cloudId} not found`);
	return null;
}

function createInvoice(ctx, order) {
	const problem = checkPrintTargets(ctx);
	if (problem) return problem;
	const includePdf = ctx.q.bool('includeInvoicePdf', false);
	const { data } = ctx;
	const now = ctx.env.now();
	if (order.InvoiceNumber === null || order.InvoiceNumber === undefined) {
		const highest = data.orders.reduce(
			(m, o) => Math.max(m, common.toNumber(o.InvoiceNumber) || 0),
			1000,
		);
		order.InvoiceNumber = highest + 1;
		order.InvoiceNumberPrefix = order.InvoiceNumberPrefix || 'RE-';
		order.InvoiceDate = formatDate(now);
		common.touch(order, now);
		data.invoices.push(buildInvoice(order));
		common.addEvent(ctx, order, 1, `Rechnung ${order.InvoiceNumberPrefix}${order.InvoiceNumber}`);
	}
	const invoice = buildInvoice(order);
	return R.ok({
		OrderNumber: order.OrderNumber,
		InvoiceNumber: invoice.InvoiceNumber,
		PDFData: includePdf
			? common.pdfBase64([
					`Rechnung ${invoice.InvoiceNumber}`,
					`Bestellung ${order.OrderNumber}`,
					`Summe ${invoice.TotalGross} ${order.Currency}`,
				])
			: null,
		InvoiceDate: order.InvoiceDate,
		TotalGross: invoice.TotalGross,
		TotalNet: invoice.TotalNet,
		PdfDownloadUrl: `${ctx.env.origin}/files/invoice/${order.BillBeeOrderId}.pdf`,
	});
}

function createDeliveryNote(ctx, order) {
	const problem = checkPrintTargets(ctx);
	if (problem) return problem;
	const includePdf = ctx.q.bool('includePdf', false);
	const { data } = ctx;
	let note = data.deliveryNotes.find((n) =>
		common.idMatcher(String(order.BillBeeOrderId))(n.OrderId),
	);
	if (!note) {
		note = {
			OrderId: order.BillBeeOrderId,
			DeliveryNoteNumber: `LS-${2000 + data.deliveryNotes.length + 1}`,
			DeliveryNoteDate: formatDate(ctx.env.now()),
		};
		data.deliveryNotes.push(note);
		common.addEvent(ctx, order, 11, note.DeliveryNoteNumber);
	}
	return R.ok({
		OrderNumber: order.OrderNumber,
		DeliveryNoteNumber: note.DeliveryNoteNumber,
		PDFData: includePdf
			? common.pdfBase64([
					`Lieferschein ${note.DeliveryNoteNumber}`,
					`Bestellung ${order.OrderNumber}`,
				])
			: null,
		DeliveryNoteDate: note.DeliveryNoteDate,
		PdfDownloadUrl: `${ctx.env.origin}/files/deliverynote/${order.BillBeeOrderId}.pdf`,
	});
}

function sendMessage(ctx, order) {
	const body = common.requireObjectBody(ctx);
	const mode = common.toNumber(common.field(body, 'SendMode') ?? 3);
	const subject = common.field(body, 'Subject');
	const text = common.field(body, 'Body');
	if (![0, 1, 2, 3, 4].includes(mode)) return R.invalidData('Invalid SendMode');
	if (!Array.isArray(subject) || subject.length === 0 || !Array.isArray(text) || text.length === 0)
		return R.invalidData('Subject and Body need at least one entry');
	if (mode === 4 && !common.field(body, 'AlternativeMail'))
		return R.invalidData('AlternativeMail is required for SendMode 4');
	ctx.data.messages.push({
		OrderId: order.BillBeeOrderId,
		SendMode: mode,
		Subject: common.clone(subject),
		Body: common.clone(text),
		AlternativeMail: common.field(body, 'AlternativeMail') ?? null,
		Created: formatDate(ctx.env.now()),
	});
	common.addEvent(ctx, order, 31, 'Nachricht gesendet');
	return R.ok(null);
}

function addMessage(ctx, order) {
	const body = common.requireObjectBody(ctx);
	const text = common.field(body, 'Text');
	if (typeof text !== 'string' || text === '') return R.invalidData('Text is required');
	const comment = {
		Id: nextId(ctx.data.sequences, 'misc'),
		FromCustomer: false,
		Text: text,
		Name: common.field(body, 'SenderName') ?? null,
		Created: formatDate(ctx.env.now()),
		IsInternal: Boolean(common.field(body, 'IsInternal')),
	};
	if (!Array.isArray(order.Comments)) order.Comments = [];
	order.Comments.push(comment);
	common.touch(order, ctx.env.now());
	return R.ok(comment);
}

function triggerEvent(ctx, order) {
	const body = common.requireObjectBody(ctx);
	const name = common.field(body, 'Name');
	if (typeof name !== 'string' || name === '') return R.invalidData('Name is required');
	common.addEvent(
		ctx,
		order,
		28,
		`Ereignis "${name}" ausgelöst (Verzögerung ${common.toNumber(common.field(body, 'DelayInMinutes')) || 0} min)`,
	);
	return R.ok(null);
}

function escapeHtml(s) {
	return String(s).replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
	);
}

/** Replaces [Field] and [Field.Sub] placeholders with order values (case-insensitive). */
function parsePlaceholders(ctx, order) {
	const body = common.requireObjectBody(ctx);
	const text = common.field(body, 'TextToParse');
	if (typeof text !== 'string') return R.invalidData('TextToParse is required');
	const isHtml = Boolean(common.field(body, 'IsHtml'));
	let result = text.replace(/\[([A-Za-z][A-Za-z0-9_.]*)\]/g, (whole, dotted) => {
		let value = order;
		for (const part of dotted.split('.')) value = common.field(value, part);
		if (value === undefined || value === null || typeof value === 'object') return whole;
		return isHtml ? escapeHtml(value) : String(value);
	});
	if (common.field(body, 'Trim')) result = result.trim();
	return R.raw({ Result: result });
}

function listInvoices(ctx) {
	const { q, data } = ctx;
	const minKey = q.dateKey('minInvoiceDate');
	const maxKey = q.dateKey('maxInvoiceDate');
	const minPayKey = q.dateKey('minPayDate');
	const maxPayKey = q.dateKey('maxPayDate');
	const shopMatchers = q.idList('shopId').map(common.idMatcher);
	const states = q.list('orderStateId').map(Number);
	const hasTags = tagFilter(q);
	const includePositions = q.bool('includePositions', false);
	const needOrder = shopMatchers.length || states.length || hasTags;
	const ordersById = needOrder
		? new Map(data.orders.map((o) => [String(o.BillBeeOrderId), o]))
		: null;
	const view = common.sortedView(
		ctx.env.cache,
		'invoices',
		data.invoices,
		'InvoiceDate',
		'BillbeeId',
		false,
	);
	const out = [];
	for (const inv of common.withinDates(view, minKey, maxKey)) {
		if (minPayKey !== null || maxPayKey !== null) {
			const pay = common.canonicalDate(inv.PayDate);
			if (!pay) continue;
			if (minPayKey !== null && pay < minPayKey) continue;
			if (maxPayKey !== null && pay > maxPayKey) continue;
		}
		if (needOrder) {
			const o = ordersById.get(String(inv.BillbeeId));
			if (!o) continue;
			if (shopMatchers.length && !shopMatchers.some((m) => m(o.Seller && o.Seller.BillbeeShopId)))
				continue;
			if (states.length && !states.includes(o.State)) continue;
			if (hasTags && !hasTags(o)) continue;
		}
		out.push(includePositions ? inv : { ...inv, Positions: null });
	}
	return common.paginate(out, q);
}

const handlers = {
	'order.getAll': listOrders,
	'order.create': createOrder,
	'order.createDeliveryNote': withOrder(createDeliveryNote),
	'order.createInvoice': withOrder(createInvoice),
	'order.getPatchableFields': () => R.ok(ORDER_PATCHABLE_FIELDS),
	'order.createMultiple': common.genericAnswer,
	'order.findByPartner': (ctx) => {
		const partner = ctx.params.partner.toLowerCase();
		const order = ctx.data.orders.find(
			(o) =>
				o.Id === ctx.params.id && o.Seller && String(o.Seller.Platform).toLowerCase() === partner,
		);
		return order ? R.ok(order) : R.orderNotFound();
	},
	'order.getByExternalReference': (ctx) => {
		const ref = ctx.params.extRef;
		const order =
			ctx.data.orders.find((o) => o.Id === ref) ||
			ctx.data.orders.find((o) => o.OrderNumber === ref);
		return order ? R.ok(order) : R.orderNotFound();
	},
	'order.getInvoices': listInvoices,
	'order.addTagsMultiple': common.genericAnswer,
	'order.get': withOrder((ctx, order) => {
		ctx.q.int('articleTitleSource', 0);
		return R.ok(order);
	}),
	'order.patch': withOrder(patchOrder),
	'order.addMessage': withOrder(addMessage),
	'order.changeState': withOrder(changeOrderState),
	'order.parsePlaceholders': withOrder(parsePlaceholders),
	'order.sendMessage': withOrder(sendMessage),
	'order.addShipment': withOrder(addShipment),
	'order.addTags': withOrder(addTags),
	'order.setTags': withOrder(setTags),
	'order.triggerEvent': withOrder(triggerEvent),
};

module.exports = { handlers, insertOrder, sampleOrderBody, ORDER_PATCHABLE_FIELDS };
