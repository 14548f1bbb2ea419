'use strict';
/** Customers, their addresses and orders. */

const R = require('../responses');
const common = require('./common');
const { addressOr404, newAddress, updateAddress } = require('./customerAddress');

function customerOr404(ctx, digits) {
	const customer = common.findBy(ctx.data.customers, 'Id', common.pathId(digits));
	if (!customer) throw new R.HttpError(R.message(404, 'Customer not found'));
	return customer;
}

function createCustomer(ctx) {
	const body = common.requireObjectBody(ctx);
	const { data } = ctx;
	const name = common.field(body, 'Name');
	const email = common.field(body, 'Email');
	const addressBody = common.field(body, 'Address');
	if (!name && !email && !common.isPlainObject(addressBody))
		return R.invalidData('Name, Email or Address is required');
	const customer = common.clone(body);
	delete customer.Address;
	customer.Id = common.nextFreeId(data.customers, 'Id', data.sequences, 'customer');
	customer.Number =
		data.customers.reduce((m, c) => Math.max(m, common.toNumber(c.Number) || 0), 10000) + 1;
	for (const k of [
		'Name',
		'Email',
		'Tel1',
		'Tel2',
		'PriceGroupId',
		'LanguageId',
		'VatId',
		'ArchivedAt',
		'RestoredAt',
	])
		if (customer[k] === undefined) customer[k] = null;
	if (!Array.isArray(customer.MetaData)) customer.MetaData = [];
	if (customer.Type === undefined) customer.Type = 0;
	data.customers.push(customer);
	if (common.isPlainObject(addressBody)) newAddress(ctx, customer.Id, addressBody);
	return R.ok(customer);
}

function updateCustomer(ctx) {
	const customer = customerOr404(ctx, ctx.params.id);
	const body = common.requireObjectBody(ctx);
	const bodyId = common.field(body, 'Id');
	if (
		bodyId !== undefined &&
		bodyId !== null &&
		bodyId !== 0 &&
		String(bodyId) !== String(customer.Id)
	)
		return R.invalidData('Id in body does not match the URL');
	for (const [k, v] of Object.entries(body))
		if (k.toLowerCase() !== 'id') customer[k] = common.clone(v);
	return R.ok(customer);
}

function customerOrders(ctx) {
	const customer = customerOr404(ctx, ctx.params.id);
	const match = common.idMatcher(String(customer.Id));
	return common.paginate(
		common.ordersNewestFirst(ctx).items.filter((o) => o.Customer && match(o.Customer.Id)),
		ctx.q,
	);
}

const handlers = {
	'customer.getAll': (ctx) => common.paginate(ctx.data.customers, ctx.q),
	'customer.create': createCustomer,
	'customer.getAddress': (ctx) => R.ok(addressOr404(ctx, ctx.params.id)),
	'customer.updateAddress': (ctx) =>
		R.ok(updateAddress(addressOr404(ctx, ctx.params.id), common.requireObjectBody(ctx), true)),
	'customer.patchAddress': (ctx) =>
		R.ok(updateAddress(addressOr404(ctx, ctx.params.id), common.requireObjectBody(ctx), false)),
	'customer.get': (ctx) => R.ok(customerOr404(ctx, ctx.params.id)),
	'customer.update': updateCustomer,
	'customer.getAddresses': (ctx) => {
		const customer = customerOr404(ctx, ctx.params.id);
		const match = common.idMatcher(String(customer.Id));
		return common.paginate(
			ctx.data.customerAddresses.filter((a) => match(a.CustomerId)),
			ctx.q,
		);
	},
	'customer.addAddress': (ctx) => {
		const customer = customerOr404(ctx, ctx.params.id);
		return R.ok(newAddress(ctx, customer.Id, common.requireObjectBody(ctx)));
	},
	'customer.getOrders': customerOrders,
};

module.exports = { handlers };
