'use strict';
// Customer address resource: CustomerId required at the top, address fields typed, paging.
const test = require('node:test');
const assert = require('node:assert/strict');
const { useSandbox } = require('../helpers');

const { sandbox, run, ofEndpoint } = useSandbox({ throttle: false });

test('create: the customer ID is exact in the body, next to the typed address fields', async () => {
	const customer = sandbox.data.customers[4];
	const fields = {
		AddressType: 2,
		FirstName: 'Lena',
		LastName: 'Lager',
		Street: 'Am Hafen',
		Housenumber: '3',
		Zip: '28195',
		City: 'Bremen',
		CountryCode: 'DE',
		Email: 'lena@example.com',
	};
	const form = {
		addressType: 2,
		firstName: 'Lena',
		lastName: 'Lager',
		street: 'Am Hafen',
		houseNumber: '3',
		zip: '28195',
		city: 'Bremen',
		countryCode: 'DE',
		email: 'lena@example.com',
	};
	const { items, error } = await run({
		resource: 'customerAddress',
		operation: 'create',
		customerId: String(customer.Id),
		additionalFields: form,
	});
	assert.equal(error, undefined, error?.message);
	const [request] = ofEndpoint('customerAddress.create');
	assert.deepEqual(request.body, {
		CustomerId: BigInt(String(customer.Id)),
		...fields,
	});
	assert.equal(String(items[0].json.CustomerId), String(customer.Id));
	assert.equal(items[0].json.City, 'Bremen');
});

test('getAll: Limit 4 → one call with pageSize 4', async () => {
	const { items, error } = await run({
		resource: 'customerAddress',
		operation: 'getAll',
		returnAll: false,
		limit: 4,
	});
	assert.equal(error, undefined, error?.message);
	const sent = ofEndpoint('customerAddress.getAll');
	assert.deepEqual(
		sent.map((r) => r.query),
		[{ page: '1', pageSize: '4' }],
	);
	assert.deepEqual(
		items.map((i) => String(i.json.Id)),
		sandbox.data.customerAddresses.slice(0, 4).map((a) => String(a.Id)),
	);
});

test('get and update by address ID', async () => {
	const address = sandbox.data.customerAddresses[1];
	const got = await run({
		resource: 'customerAddress',
		operation: 'get',
		customerAddressId: String(address.Id),
	});
	assert.equal(got.error, undefined, got.error?.message);
	assert.equal(String(got.items[0].json.Id), String(address.Id));

	const fields = {
		Company: 'Neu GmbH',
		Street: 'Weg',
		Housenumber: '2',
		Zip: '01067',
		City: 'Dresden',
		CountryCode: 'DE',
	};
	const form = {
		company: 'Neu GmbH',
		street: 'Weg',
		houseNumber: '2',
		zip: '01067',
		city: 'Dresden',
		countryCode: 'DE',
	};
	const updated = await run({
		resource: 'customerAddress',
		operation: 'update',
		customerAddressId: String(address.Id),
		additionalFields: form,
	});
	assert.equal(updated.error, undefined, updated.error?.message);
	const [request] = ofEndpoint('customerAddress.update');
	assert.equal(request.method, 'PUT');
	assert.equal(request.path, `/customer-addresses/${address.Id}`);
	assert.deepEqual(request.body, fields);
	assert.equal(updated.items[0].json.City, 'Dresden');
});
