'use strict';
/** Customer addresses (also served below /customers). */

const R = require('../responses');
const { nextId } = require('../data');
const common = require('./common');

function addressOr404(ctx, digits) {
	const address = common.findBy(ctx.data.customerAddresses, 'Id', common.pathId(digits));
	if (!address) throw new R.HttpError(R.message(404, 'Address not found'));
	return address;
}

const ADDRESS_FIELDS = [
	'AddressType',
	'Company',
	'FirstName',
	'LastName',
	'Name2',
	'Street',
	'Housenumber',
	'Zip',
	'City',
	'State',
	'CountryCode',
	'Email',
	'Tel1',
	'Tel2',
	'Fax',
	'AddressAddition',
	'ArchivedAt',
	'RestoredAt',
];

function newAddress(ctx, customerId, body) {
	const address = {
		Id: nextId(ctx.data.sequences, 'customerAddress'),
		AddressType: 1,
		CustomerId: customerId,
	};
	for (const f of ADDRESS_FIELDS)
		if (address[f] === undefined) address[f] = common.clone(common.field(body, f)) ?? null;
	if (address.AddressType === null) address.AddressType = 1;
	ctx.data.customerAddresses.push(address);
	return address;
}

/** PUT: every known field is replaced (missing ones become null); PATCH: only given fields. */
function updateAddress(address, body, replace) {
	for (const f of ADDRESS_FIELDS) {
		const v = common.field(body, f);
		if (v !== undefined) address[f] = common.clone(v);
		else if (replace && f !== 'AddressType') address[f] = null;
	}
	return address;
}

const handlers = {
	'customerAddress.getAll': (ctx) => common.paginate(ctx.data.customerAddresses, ctx.q),
	'customerAddress.create': (ctx) => {
		const body = common.requireObjectBody(ctx);
		const customerId = common.field(body, 'CustomerId');
		const customer =
			customerId === undefined || customerId === null
				? undefined
				: common.findBy(ctx.data.customers, 'Id', String(customerId));
		if (!customer) return R.invalidData('CustomerId is missing or unknown');
		return R.ok(newAddress(ctx, customer.Id, body));
	},
	'customerAddress.get': (ctx) => R.ok(addressOr404(ctx, ctx.params.id)),
	'customerAddress.update': (ctx) =>
		R.ok(updateAddress(addressOr404(ctx, ctx.params.id), common.requireObjectBody(ctx), true)),
};

module.exports = { handlers, addressOr404, newAddress, updateAddress };
