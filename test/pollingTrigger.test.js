'use strict';
// The Billbee Polling Trigger through n8n-core (PollContext, WorkflowExecute) against the
// sandbox: cursors from Billbee's data, exactly-once emission, budget, errors.
const test = require('node:test');
const assert = require('node:assert/strict');
const { startSandbox } = require('./sandbox/server.js');
const { pollHost } = require('./poll-host.js');

// Each test gets its own sandbox, so changes of one test are not in the next one's windows.
let sandbox;
test.beforeEach(async () => {
	sandbox = await startSandbox({ orders: 400 });
});
test.afterEach(() => sandbox.close());

// Calls Billbee answered; a request it throttled (429, nothing executed) is repeated by the transport.
const answered = () => sandbox.log.filter((r) => !r.throttled);
const listings = (endpoint) => answered().filter((r) => r.endpoint === endpoint);
const idsOf = (items) => items.map((item) => item.json.BillBeeOrderId);

function host(parameters, options = {}) {
	return pollHost({ credentials: sandbox.credentials, parameters, ...options });
}

async function activated(parameters, options) {
	const trigger = host(parameters, options);
	assert.equal(await trigger.poll('activate'), null, 'no backfill by default');
	return trigger;
}

test('newOrder: starts now, an idle poll costs one call', async () => {
	const trigger = await activated({ event: 'newOrder' });
	sandbox.clearLog();
	assert.equal(await trigger.poll(), null);
	const calls = answered();
	assert.equal(calls.length, 1);
	assert.equal(calls[0].endpoint, 'order.getAll');
	assert.ok(calls[0].query.minimumBillBeeOrderId, 'the cursor is an order id');
});

test('newOrder: a burst of 301 orders comes in one poll, in id order, exactly once', async () => {
	const trigger = await activated({ event: 'newOrder' });
	const created = sandbox.activity.createOrders(301);
	sandbox.clearLog();
	const items = await trigger.poll();
	assert.equal(items.length, 301);
	assert.deepEqual(
		idsOf(items),
		created.map((o) => String(o.BillBeeOrderId)),
	);
	const pages = listings('order.getAll');
	assert.deepEqual(
		pages.map((r) => [r.query.page, r.query.pageSize]),
		[
			['1', '250'],
			['2', '250'],
		],
	);
	assert.equal(items[0].json.OrderNumber, created[0].OrderNumber, 'the full order');
	assert.ok(BigInt(items[0].json.BillBeeOrderId) > 2n ** 53n, 'ids keep every digit');
	assert.equal(await trigger.poll(), null, 'nothing twice');
});

test('newOrder: orders imported late with an old order date are emitted', async () => {
	const trigger = await activated({ event: 'newOrder' });
	const [late] = sandbox.activity.createOrders(1, { OrderDate: '2024-02-01T09:00:00.000' });
	const items = await trigger.poll();
	assert.deepEqual(idsOf(items), [String(late.BillBeeOrderId)]);
	assert.equal(items[0].json.OrderDate, '2024-02-01T09:00:00.000');
});

test('newOrder: the cursor survives a restart (static data)', async () => {
	const first = await activated({ event: 'newOrder' });
	const [a] = sandbox.activity.createOrders(1);
	assert.deepEqual(idsOf(await first.poll()), [String(a.BillBeeOrderId)]);
	const restarted = host({ event: 'newOrder' }, { staticData: first.saved() });
	const [b] = sandbox.activity.createOrders(1);
	assert.deepEqual(idsOf(await restarted.poll()), [String(b.BillBeeOrderId)]);
	assert.equal(await restarted.poll(), null);
});

test('a poll failing half-way emits nothing and keeps the cursor; the next gets everything', async () => {
	const trigger = await activated({ event: 'newOrder' });
	const created = sandbox.activity.createOrders(260);
	const before = trigger.saved();
	const stop = sandbox.onRequest((record) => {
		if (record.endpoint !== 'order.getAll') return;
		stop();
		sandbox.inject({
			kind: 'errorInBody',
			endpoint: 'order.getAll',
			errorMessage: 'Database busy',
		});
	});
	await assert.rejects(trigger.poll(), /Database busy/);
	assert.deepEqual(trigger.saved(), before);
	const items = await trigger.poll();
	assert.deepEqual(
		idsOf(items),
		created.map((o) => String(o.BillBeeOrderId)),
	);
});

test('a backlog stops at the poll budget and continues with the next poll', async () => {
	// A budget this small leaves time for one page per poll.
	const trigger = await activated({ event: 'newOrder' }, { budgetMs: 1000 });
	const created = sandbox.activity.createOrders(520);
	const seen = [];
	for (let poll = 0; poll < 3; poll++) seen.push(...idsOf((await trigger.poll()) ?? []));
	assert.equal(await trigger.poll(), null);
	assert.deepEqual([...seen].sort(), created.map((o) => String(o.BillBeeOrderId)).sort());
	assert.equal(new Set(seen).size, seen.length, 'nothing twice');
});

test('Fetch Test Event returns a few recent orders and does not move the cursor', async () => {
	const trigger = await activated({ event: 'newOrder' });
	const before = trigger.saved();
	sandbox.activity.createOrders(5);
	const { items, error } = await trigger.fetchTestEvent();
	assert.equal(error, undefined);
	assert.ok(items.length >= 1 && items.length <= 3);
	assert.deepEqual(trigger.saved(), before);
	assert.equal((await trigger.poll()).length, 5, 'the orders are still new to the cursor');
});

test('orderChanged: two orders changed in the same second across a poll boundary', async () => {
	const trigger = await activated({ event: 'orderChanged' });
	const [a, b] = sandbox.data.orders.slice(0, 2);
	const at = Date.now() - 5000;
	sandbox.activity.modify(a, { at, fields: { AdminNote: 'first' } });
	assert.deepEqual(idsOf(await trigger.poll()), [String(a.BillBeeOrderId)]);
	// b gets the very same LastModifiedAt, but becomes visible only after that poll.
	sandbox.activity.modify(b, { at, fields: { AdminNote: 'second' } });
	assert.equal(a.LastModifiedAt, b.LastModifiedAt);
	assert.deepEqual(idsOf(await trigger.poll()), [String(b.BillBeeOrderId)]);
	assert.equal(await trigger.poll(), null);
	sandbox.activity.modify(a, { fields: { AdminNote: 'again' } });
	assert.deepEqual(idsOf(await trigger.poll()), [String(a.BillBeeOrderId)], 'once per change');
});

test('orderChanged: more than 250 changes between two polls, upper bound frozen', async () => {
	const trigger = await activated({ event: 'orderChanged' });
	const changed = sandbox.data.orders.slice(10, 290);
	for (const order of changed) sandbox.activity.modify(order, { fields: { AdminNote: 'bulk' } });
	sandbox.clearLog();
	const items = await trigger.poll();
	assert.equal(items.length, 280);
	assert.deepEqual([...idsOf(items)].sort(), changed.map((o) => String(o.BillBeeOrderId)).sort());
	const pages = listings('order.getAll');
	assert.equal(pages.length, 2);
	assert.equal(pages[0].query.modifiedAtMax, pages[1].query.modifiedAtMax);
	assert.equal(pages[0].query.modifiedAtMin, pages[1].query.modifiedAtMin);
	assert.equal(await trigger.poll(), null);
});

test('orderChanged: an idle poll costs one call over a bounded window', async () => {
	const trigger = await activated({ event: 'orderChanged' });
	sandbox.clearLog();
	assert.equal(await trigger.poll(), null);
	assert.equal(answered().length, 1);
	const [call] = answered();
	assert.ok(call.query.modifiedAtMin && call.query.modifiedAtMax);
});

test('orderStateChanged: moves into a chosen state, with the previous state', async () => {
	const trigger = await activated({ event: 'orderStateChanged', orderStates: [3] });
	const order = sandbox.data.orders[40];
	sandbox.activity.changeState(order, 1);
	assert.equal(await trigger.poll(), null, 'a move into another state is not emitted');
	sandbox.activity.changeState(order, 3);
	const [item] = await trigger.poll();
	assert.equal(item.json.BillBeeOrderId, String(order.BillBeeOrderId));
	assert.equal(item.json.State, 3);
	assert.equal(item.json.PreviousState, 1);
	sandbox.activity.modify(order, { fields: { AdminNote: 'still paid' } });
	assert.equal(await trigger.poll(), null, 'an edit within the state is not a transition');
	sandbox.activity.changeState(order, 4);
	assert.equal(await trigger.poll(), null);
});

test('orderStateChanged without a state names the field', async () => {
	const trigger = host({ event: 'orderStateChanged', orderStates: [] });
	await assert.rejects(trigger.poll('activate'), (error) => {
		assert.equal(error.constructor.name, 'NodeOperationError');
		assert.match(error.message, /Order States/);
		return true;
	});
});

test('a wrong credential fails activation with the credential hint', async () => {
	const trigger = pollHost({
		credentials: { ...sandbox.credentials, apiPassword: 'wrong' },
		parameters: { event: 'newOrder' },
	});
	await assert.rejects(trigger.poll('activate'), (error) => {
		assert.match(error.message, /credentials \(HTTP 401\)/);
		assert.match(error.description, /Check the Billbee credential/);
		return true;
	});
});

test('a 401 in a later poll fails that poll', async () => {
	const trigger = await activated({ event: 'newOrder' });
	sandbox.inject({ kind: 'status', status: 401, endpoint: 'order.getAll' });
	await assert.rejects(trigger.poll(), /HTTP 401/);
});

test('Start From emits the orders since that date, then continues by id', async () => {
	const old = sandbox.activity.createOrders(2, { OrderDate: '2030-01-05T00:00:00.000' });
	const trigger = host({ event: 'newOrder', options: { startFrom: '2030-01-01T00:00:00Z' } });
	const items = await trigger.poll('activate');
	assert.deepEqual(
		idsOf(items),
		old.map((o) => String(o.BillBeeOrderId)),
	);
	const [next] = sandbox.activity.createOrders(1);
	assert.deepEqual(idsOf(await trigger.poll()), [String(next.BillBeeOrderId)]);
});
