'use strict';
// The tool variant (billbeeTool) reads unless its builder allows changes; the regular node keeps
// its Read-Only Mode. Runs through n8n's engine against the sandbox.
const test = require('node:test');
const assert = require('node:assert/strict');
const { NodeHelpers } = require('n8n-workflow');
const { useSandbox } = require('../helpers');
const { billbeeNode, nodeTypeInstances } = require('../harness');

const TOOL = 'n8n-nodes-billbee.billbeeTool';
const regular = nodeTypeInstances['n8n-nodes-billbee.billbee'].description;
const tool = nodeTypeInstances[TOOL].description;

const { sandbox, run, requests } = useSandbox({ throttle: false, orders: 60 });

const byId = (value) => ({ __rl: true, mode: 'id', value: String(value) });
const writes = () => requests((r) => r.method !== 'GET');
const runTool = (parameters) => run(undefined, { node: billbeeNode(parameters, { type: TOOL }) });
const changeState = (order, extra = {}) => ({
	resource: 'order',
	operation: 'changeState',
	orderId: byId(order.BillBeeOrderId),
	newStateId: 'paid',
	...extra,
});
const openOrder = () => sandbox.data.orders.find((o) => o.State === 1);

test('every resource starts on a reading operation (Get Many or Get where it has one)', () => {
	const operations = regular.properties.filter((p) => p.name === 'operation');
	assert.equal(operations.length, 14);
	for (const parameter of operations) {
		const [resource] = parameter.displayOptions.show.resource;
		const values = parameter.options.map((o) => o.value);
		const chosen = parameter.options.find((o) => o.value === parameter.default);
		assert.ok(chosen, `${resource}: default ${parameter.default} is one of its operations`);
		assert.equal(chosen.routing.request.method === 'GET' || resource === 'search', true, resource);
		if (values.includes('getAll')) assert.equal(parameter.default, 'getAll', resource);
		else if (values.includes('get')) assert.equal(parameter.default, 'get', resource);
	}
});

test('Allow Changes: shown only in the tool, no expressions (so no "let the model define this"); Read-Only Mode only in the regular node', () => {
	const allow = regular.properties.find((p) => p.name === 'allowChanges');
	assert.equal(allow.type, 'boolean');
	assert.equal(allow.default, false);
	assert.equal(allow.noDataExpression, true);
	const readOnly = regular.properties.find((p) => p.name === 'readOnlyMode');
	// Read-Only Mode shows only for writes (test/contract.test.js checks every operation).
	const node = { parameters: { resource: 'order', operation: 'changeState' }, typeVersion: 1 };
	const shown = (parameter, description) =>
		NodeHelpers.displayParameter(node.parameters, parameter, node, description);
	assert.equal(shown(allow, tool), true);
	assert.equal(shown(allow, regular), false);
	assert.equal(shown(readOnly, regular), true);
	assert.equal(shown(readOnly, tool), false);
});

test('destructive operations say so in the action n8n turns into the tool description', () => {
	const actions = regular.properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) => p.options.map((o) => [`${p.displayOptions.show.resource[0]}.${o.value}`, o]));
	const destructive = actions.filter(([, o]) => /destructive/.test(o.action)).map(([k]) => k);
	for (const key of [
		'product.delete',
		'webhook.deleteAll',
		'webhook.delete',
		'provisioning.createAccount',
	])
		assert.ok(destructive.includes(key), key);
	assert.ok(!destructive.includes('order.changeState'));
	const [, deleteAll] = actions.find(([k]) => k === 'webhook.deleteAll');
	assert.match(deleteAll.description, /Destructive: this cannot be undone/);
});

test('tool: a write without Allow Changes is refused as the tool result and never sent', async () => {
	const order = openOrder();
	const { items, error } = await runTool(changeState(order));
	assert.equal(error, undefined, error?.message);
	assert.equal(items.length, 1);
	assert.equal(items[0].json.refused, true);
	assert.match(items[0].json.message, /PUT \/orders\/\{id\}\/orderstate .*not sent/);
	assert.match(items[0].json.message, /Allow Changes/);
	assert.deepEqual(writes(), []);
	assert.equal(sandbox.data.orders.find((o) => o === order).State, 1);
});

test('tool: only the literal switch counts; an expression or $fromAI never allows changes', async () => {
	const order = openOrder();
	for (const allowChanges of [
		'={{ true }}',
		"={{ $fromAI('allowChanges', '', 'boolean') }}",
		'true',
	]) {
		const { items, error } = await runTool(changeState(order, { allowChanges }));
		assert.equal(error, undefined, error?.message);
		assert.equal(items[0].json.refused, true, String(allowChanges));
	}
	assert.deepEqual(writes(), []);
});

test('tool: with Allow Changes the write is sent, the state given by name, the id exact', async () => {
	const order = openOrder();
	const { items, error } = await runTool(changeState(order, { allowChanges: true }));
	assert.equal(error, undefined, error?.message);
	assert.equal(items[0].json.refused, undefined);
	const [put] = writes();
	assert.equal(put.method, 'PUT');
	assert.equal(put.path, `/orders/${order.BillBeeOrderId}/orderstate`);
	assert.deepEqual(put.body, { NewStateId: 3 });
	assert.equal(writes().length, 1);
});

test('tool: Read-Only Mode is not the tool switch (hidden there); Allow Changes is', async () => {
	const order = openOrder();
	const { items } = await runTool(changeState(order, { readOnlyMode: false }));
	assert.equal(items[0].json.refused, true);
	assert.deepEqual(writes(), []);
});

test('tool: the bulk stock update (custom operation) is refused the same way', async () => {
	const { items, error } = await runTool({
		resource: 'product',
		operation: 'updateStockMultiple',
		sku: 'SKU-1001',
		newQuantity: 5,
	});
	assert.equal(error, undefined, error?.message);
	assert.equal(items[0].json.refused, true);
	assert.deepEqual(writes(), []);
});

test('tool: reads are not affected by the switch', async () => {
	const order = sandbox.data.orders[3];
	const { items, error } = await runTool({
		resource: 'order',
		operation: 'get',
		orderId: byId(order.BillBeeOrderId),
	});
	assert.equal(error, undefined, error?.message);
	assert.equal(items[0].json.id, String(order.BillBeeOrderId));
});

test('regular node: writes go through as before; Read-Only Mode still refuses them', async () => {
	const order = openOrder();
	const sent = await run(changeState(order));
	assert.equal(sent.error, undefined, sent.error?.message);
	assert.equal(writes().length, 1);
	sandbox.reset();
	const refused = await run(changeState(openOrder(), { readOnlyMode: true }));
	assert.match(refused.error.message, /Read-only mode is on/);
	assert.deepEqual(writes(), []);
});

test('order states by name or id: one state, a list, and a clear error for an unknown name', async () => {
	const listing = await run({
		resource: 'order',
		operation: 'getAll',
		limit: 5,
		filters: { orderStateId: 'paid, Packed,1' },
	});
	assert.equal(listing.error, undefined, listing.error?.message);
	const [get] = requests((r) => r.endpoint === 'order.getAll');
	assert.deepEqual(get.query.orderStateId, ['3', '13', '1']);
	const wrong = await run(changeState(openOrder(), { newStateId: 'teleported' }));
	assert.match(
		wrong.error.message,
		/New State Name or ID \(newStateId\): "teleported" is not a Billbee order state/,
	);
	assert.match(wrong.error.message, /paid, shipped/);
	const byNumber = await run(changeState(openOrder(), { newStateId: '4' }));
	assert.equal(byNumber.error, undefined);
	assert.deepEqual(writes().at(-1).body, { NewStateId: 4 });
});
