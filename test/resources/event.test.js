'use strict';
// Event resource: event types as a list (repeated typeId keys), the frozen upper date and
// Billbee's rule of two event listings per page and hour (this file makes only two calls).
const test = require('node:test');
const assert = require('node:assert/strict');
const { useSandbox } = require('../helpers');
const { Billbee } = require('../../dist/nodes/Billbee/Billbee.node.js');

// Not reset between tests: the last test counts the listing of the one before.
const { sandbox, run, ofEndpoint } = useSandbox({ throttle: false, reset: false });

test('the event type list offers the known Billbee types by name', () => {
	const filters = new Billbee().description.properties.find(
		(p) => p.name === 'filters' && p.displayOptions?.show?.resource?.includes('event'),
	);
	const typeId = filters.options.find((o) => o.name === 'typeId');
	assert.equal(typeId.type, 'multiOptions');
	assert.equal(typeId.options.length, 77);
	assert.deepEqual(
		typeId.options.find((o) => o.value === 12),
		{ name: 'Order Shipped (12)', value: 12 },
	);
	const names = typeId.options.map((o) => o.name);
	assert.deepEqual(
		names,
		[...names].sort((a, b) => a.localeCompare(b)),
		'sorted by name',
	);
});

test('getAll: several event types go out as repeated typeId keys, with the date window and the order', async () => {
	const order = sandbox.data.orders.find((o) => o.State === 4);
	const before = Date.now();
	const { items, error } = await run({
		resource: 'event',
		operation: 'getAll',
		returnAll: false,
		limit: 10,
		filters: {
			typeId: [12, 13],
			orderId: String(order.BillBeeOrderId),
			minDate: '2025-01-01T00:00:00',
		},
	});
	assert.equal(error, undefined, error?.message);
	const sent = ofEndpoint('event.getAll');
	assert.equal(sent.length, 1);
	const { query, rawQuery } = sent[0];
	assert.deepEqual(query.typeId, ['12', '13']);
	assert.match(rawQuery, /typeId=12&typeId=13/);
	assert.equal(query.orderId, String(order.BillBeeOrderId));
	assert.equal(query.minDate, '2025-01-01T00:00:00');
	assert.ok(
		Math.abs(Date.parse(query.maxDate) - before) < 60_000,
		`maxDate ${query.maxDate} is frozen to now`,
	);
	assert.deepEqual(
		items.map((i) => i.json.TypeId).sort(),
		[12, 13],
		'paid and shipped events of that order',
	);
	for (const item of items) assert.equal(String(item.json.OrderId), String(order.BillBeeOrderId));
});

test('getAll: a third listing of page 1 within the hour is not sent; the error says when to try again', async () => {
	const first = await run({ resource: 'event', operation: 'getAll', returnAll: false, limit: 2 });
	assert.equal(first.error, undefined, first.error?.message);
	const sentBefore = ofEndpoint('event.getAll').length;
	assert.equal(sentBefore, 2);
	const third = await run({ resource: 'event', operation: 'getAll', returnAll: false, limit: 2 });
	assert.ok(third.error);
	assert.match(third.error.message, /two event listings per page per hour/);
	assert.equal(ofEndpoint('event.getAll').length, 2, 'no third call reached Billbee');
});
