'use strict';
// Customer resource: typed forms (nested address object, exact int64 ids), paging and
// the errors that name the field, checked against what the sandbox received.
const test = require('node:test');
const assert = require('node:assert/strict');
const { useSandbox } = require('../helpers');
const { ERIKA_IN_BERLIN, ERIKA_IN_BERLIN_FORM } = require('../fixtures/addresses');

// Pacing is the transport test's subject; the client still paces itself to 2 req/s.
const { sandbox, run, requests, ofEndpoint } = useSandbox({ throttle: false });

test('create: typed fields and the Address object become the exact CreateCustomerApiModel body', async () => {
	const priceGroupId = '9007199254740995'; // above 2^53: must keep every digit
	const Address = { AddressType: 2, Company: 'Mustermann GmbH', ...ERIKA_IN_BERLIN };
	const { items, error } = await run({
		resource: 'customer',
		operation: 'create',
		address: { addressType: 2, company: 'Mustermann GmbH', ...ERIKA_IN_BERLIN_FORM },
		customerType: 1,
		tel1: '+49 30 1234567',
		email: 'erika@example.com',
		name: 'Erika Mustermann',
		additionalFields: {
			vatId: 'DE123456789',
			languageId: 1,

			priceGroupId: priceGroupId,
		},
		additionalFieldsJson: '{"Tel2": "+49 30 7654321"}',
	});
	assert.equal(error, undefined, error?.message);

	const [request] = ofEndpoint('customer.create');
	assert.equal(request.method, 'POST');
	assert.equal(request.path, '/customers');
	assert.deepEqual(request.body, {
		Name: 'Erika Mustermann',
		Email: 'erika@example.com',
		Tel1: '+49 30 1234567',
		LanguageId: 1,
		PriceGroupId: BigInt(priceGroupId),
		VatId: 'DE123456789',
		Type: 1,
		Address,
		Tel2: '+49 30 7654321',
	});
	assert.match(
		request.rawBody,
		/"PriceGroupId":9007199254740995[,}]/,
		'the id is a raw JSON number with all digits',
	);

	assert.equal(items.length, 1);
	const created = items[0].json;
	assert.equal(created.Name, 'Erika Mustermann');
	const address = sandbox.data.customerAddresses.find(
		(a) => String(a.CustomerId) === String(created.Id),
	);
	assert.ok(address, 'the sandbox stored the address for the new customer');
	assert.equal(address.Street, 'Hauptstraße');
	assert.equal(address.City, 'Berlin');
});

test('getAll: Limit asks for exactly that many rows in one call and returns them in order', async () => {
	const { items, error } = await run({
		resource: 'customer',
		operation: 'getAll',
		returnAll: false,
		limit: 7,
	});
	assert.equal(error, undefined, error?.message);
	const sent = ofEndpoint('customer.getAll');
	assert.equal(sent.length, 1);
	assert.deepEqual(sent[0].query, { page: '1', pageSize: '7' });
	assert.deepEqual(
		items.map((item) => String(item.json.Id)),
		sandbox.data.customers.slice(0, 7).map((c) => String(c.Id)),
	);
});

test('getAll: Return All reads every page with the largest page size', async () => {
	const { items, error } = await run({
		resource: 'customer',
		operation: 'getAll',
		returnAll: true,
	});
	assert.equal(error, undefined, error?.message);
	const sent = ofEndpoint('customer.getAll');
	assert.equal(sent.length, 1, 'the 30 seeded customers fit on one page');
	assert.equal(sent[0].query.pageSize, '250');
	assert.equal(items.length, sandbox.data.customers.length);
});

/** The listings below one customer: the customer ID goes into the path exactly, paged like any listing. */
const CUSTOMER_LISTINGS = [
	{
		operation: 'getAddresses',
		path: 'addresses',
		customer: () => sandbox.data.customers[1], // customer 1 has two addresses
		limit: 5,
		counts: [2],
		ownerOf: (json) => json.CustomerId,
	},
	{
		operation: 'getOrders',
		path: 'orders',
		customer: () => sandbox.data.orders[0].Customer,
		limit: 3,
		counts: [1, 2, 3],
		ownerOf: (json) => json.Customer.Id,
	},
];

for (const { operation, path, customer: customerOf, limit, counts, ownerOf } of CUSTOMER_LISTINGS) {
	test(`${operation}: the customer ID goes into the path exactly, paged like any listing`, async () => {
		const customer = customerOf();
		const { items, error } = await run({
			resource: 'customer',
			operation,
			customerId: String(customer.Id),
			returnAll: false,
			limit,
		});
		assert.equal(error, undefined, error?.message);
		const [request] = ofEndpoint(`customer.${operation}`);
		assert.equal(request.path, `/customers/${customer.Id}/${path}`);
		assert.equal(request.query.pageSize, String(limit));
		assert.ok(counts.includes(items.length), `${items.length} items`);
		for (const item of items) assert.equal(String(ownerOf(item.json)), String(customer.Id));
	});
}

test('addAddress: address fields only; Id and CustomerId are not in the form', async () => {
	const customer = sandbox.data.customers[0];
	const fields = {
		FirstName: 'Max',
		LastName: 'Muster',
		Street: 'Ringstraße',
		Housenumber: '1',
		Zip: '80331',
		City: 'München',
		CountryCode: 'DE',
	};
	const form = {
		firstName: 'Max',
		lastName: 'Muster',
		street: 'Ringstraße',
		houseNumber: '1',
		zip: '80331',
		city: 'München',
		countryCode: 'DE',
	};
	const { items, error } = await run({
		resource: 'customer',
		operation: 'addAddress',
		customerId: String(customer.Id),
		additionalFields: form,
	});
	assert.equal(error, undefined, error?.message);
	const [request] = ofEndpoint('customer.addAddress');
	assert.equal(request.path, `/customers/${customer.Id}/addresses`);
	assert.deepEqual(request.body, fields);
	assert.equal(String(items[0].json.CustomerId), String(customer.Id));
});

test('patchAddress: sends only the given fields and leaves the others as they were', async () => {
	const address = sandbox.data.customerAddresses[0];
	const before = { ...address };
	const { items, error } = await run({
		resource: 'customer',
		operation: 'patchAddress',
		addressId: String(address.Id),
		additionalFields: { city: 'Hamburg', zip: '20095' },
		additionalFieldsJson: '{"Name2": "c/o Lager"}',
	});
	assert.equal(error, undefined, error?.message);
	const [request] = ofEndpoint('customer.patchAddress');
	assert.equal(request.method, 'PATCH');
	assert.equal(request.path, `/customers/addresses/${address.Id}`);
	assert.deepEqual(request.body, { Zip: '20095', City: 'Hamburg', Name2: 'c/o Lager' });
	assert.equal(items[0].json.City, 'Hamburg');
	assert.equal(items[0].json.Street, before.Street, 'untouched fields keep their values');
});

test('updateAddress: PUT with the typed address fields', async () => {
	const address = sandbox.data.customerAddresses[2];
	const fields = {
		AddressType: 1,
		Street: 'Neue Straße',
		Housenumber: '9',
		Zip: '50667',
		City: 'Köln',
		CountryCode: 'DE',
	};
	const form = {
		addressType: 1,
		street: 'Neue Straße',
		houseNumber: '9',
		zip: '50667',
		city: 'Köln',
		countryCode: 'DE',
	};
	const { error } = await run({
		resource: 'customer',
		operation: 'updateAddress',
		addressId: String(address.Id),
		additionalFields: form,
	});
	assert.equal(error, undefined, error?.message);
	const [request] = ofEndpoint('customer.updateAddress');
	assert.equal(request.method, 'PUT');
	assert.deepEqual(request.body, fields);
});

test('update: typed customer fields by customer ID', async () => {
	const customer = sandbox.data.customers[3];
	const { items, error } = await run({
		resource: 'customer',
		operation: 'update',
		customerId: String(customer.Id),
		email: 'neu@example.com',
		name: 'Neuer Name',
	});
	assert.equal(error, undefined, error?.message);
	const [request] = ofEndpoint('customer.update');
	assert.equal(request.path, `/customers/${customer.Id}`);
	assert.deepEqual(request.body, { Name: 'Neuer Name', Email: 'neu@example.com' });
	assert.equal(items[0].json.Email, 'neu@example.com');
});

test('a customer ID that is not a number fails naming the field, and nothing is sent', async () => {
	const { error } = await run({ resource: 'customer', operation: 'get', customerId: 'Erika' });
	assert.ok(error);
	assert.match(error.message, /Customer ID \(customerId\): "Erika" is not a whole number/);
	assert.equal(requests().length, 0);
});

test('an unknown customer is reported as Billbee answered it (404)', async () => {
	const { error } = await run({
		resource: 'customer',
		operation: 'get',
		customerId: '9007199454740994',
	});
	assert.ok(error);
	assert.match(`${error.message} ${error.description ?? ''}`, /404|not found/i);
	assert.equal(ofEndpoint('customer.get').length, 1);
});
