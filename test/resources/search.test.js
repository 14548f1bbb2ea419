'use strict';
// Search resource: a POST that only reads, so it runs in read-only mode; typed SearchModel body.
const test = require('node:test');
const assert = require('node:assert/strict');
const { useSandbox } = require('../helpers');

const { sandbox, run, requests, ofEndpoint } = useSandbox({ throttle: false });

test('search runs in read-only mode because it only reads, and sends the typed SearchModel', async () => {
	const { sku } = sandbox.samples();
	const { items, error } = await run({
		resource: 'search',
		operation: 'search',
		type: ['product'],
		term: sku,
		readOnlyMode: true,
	});
	assert.equal(error, undefined, error?.message);
	const sent = ofEndpoint('search.search');
	assert.equal(sent.length, 1, 'the POST was sent despite read-only mode');
	assert.equal(sent[0].method, 'POST');
	assert.deepEqual(sent[0].body, { Type: ['product'], Term: sku });

	assert.equal(items.length, 1, 'one result object');
	const { Products, Orders, Customers } = items[0].json;
	assert.deepEqual(Orders, []);
	assert.deepEqual(Customers, []);
	assert.ok(
		Products.some((p) => p.SKU === sku),
		`found ${sku}`,
	);
});

test('several kinds at once and a search mode from the list', async () => {
	const customer = sandbox.data.customers[0];
	const { items, error } = await run({
		resource: 'search',
		operation: 'search',
		type: ['customer', 'order'],
		term: `${customer.Name.split(' ')[0]} nichtvorhanden`,
		additionalFields: { searchMode: 1 },
	});
	assert.equal(error, undefined, error?.message);
	const [request] = ofEndpoint('search.search');
	assert.deepEqual(request.body.Type, ['customer', 'order']);
	assert.equal(request.body.SearchMode, 1);
	assert.ok(
		items[0].json.Customers.some((c) => String(c.Id) === String(customer.Id)),
		'any word matches in OR mode',
	);
});

test('without a kind to search in, n8n or the node names the field, and nothing is sent', async () => {
	// Left empty in the form: n8n itself flags the required parameter before running.
	await assert.rejects(
		run({ resource: 'search', operation: 'search', type: [], term: 'SKU-1001' }),
		/"Search In" is required|workflow has issues/,
	); // n8n 2.x names the field, 1.x reports an issue
	// Empty through an expression (e.g. from an AI agent): the node names the field.
	const { error } = await run({
		resource: 'search',
		operation: 'search',
		type: '={{ [] }}',
		term: 'SKU-1001',
	});
	assert.ok(error);
	assert.match(error.message, /Search In \(type\) is required/);
	assert.equal(requests().length, 0);
});

test('read-only mode still refuses writes, so search is the exception, not the rule', async () => {
	const { error } = await run({
		resource: 'customer',
		operation: 'create',
		name: 'Nobody',
		readOnlyMode: true,
	});
	assert.ok(error);
	assert.match(error.message, /Read-only mode is on: POST \/customers/);
	assert.equal(requests().length, 0);
});
