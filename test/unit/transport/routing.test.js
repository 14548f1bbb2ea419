'use strict';
// The routing hook takes what it needs from the operation registry, not from the options
// object: a preSend that returns a copy of the options (the usual n8n way) changes nothing.
const test = require('node:test');
const assert = require('node:assert/strict');
const { useSandbox } = require('../../helpers');
const { billbeeNode, nodeTypeInstances } = require('../../harness');

const COPYING_TYPE = 'n8n-nodes-billbee.billbeeCopyingPreSend';

/** The Billbee node with one more preSend on every operation: it returns a fresh copy. */
function copyingBillbee() {
	const original = nodeTypeInstances['n8n-nodes-billbee.billbee'];
	const copy = async (options) => ({ ...options, qs: { ...(options.qs ?? {}) } });
	const properties = original.description.properties.map((property) =>
		property.name !== 'operation'
			? property
			: {
					...property,
					options: property.options.map((option) => ({
						...option,
						routing: {
							...option.routing,
							send: { ...option.routing.send, preSend: [...option.routing.send.preSend, copy] },
						},
					})),
				},
	);
	return {
		...original,
		description: { ...original.description, properties },
		methods: original.methods,
	};
}

const { sandbox, run, requests } = useSandbox({ throttle: false, orders: 600, reset: false });
test.before(() => {
	nodeTypeInstances[COPYING_TYPE] = copyingBillbee();
});

const runCopying = (parameters, options = {}) =>
	run(parameters, { ...options, node: billbeeNode(parameters, { type: COPYING_TYPE }) });

test('a preSend returning a copy still pages Return All', async () => {
	const total = sandbox.data.orders.length;
	assert.ok(total > 250, 'the sandbox has more than one page of orders');
	const { items, error } = await runCopying({
		resource: 'order',
		operation: 'getAll',
		returnAll: true,
	});
	assert.equal(error, undefined, error?.message);
	assert.equal(items.length, total);
	const pages = requests((r) => r.endpoint === 'order.getAll');
	assert.deepEqual(
		pages.map((r) => [r.query.page, r.query.pageSize]),
		pages.map((_, i) => [String(i + 1), '250']),
	);
	assert.equal(pages.length, Math.ceil(total / 250));
});

test('a preSend returning a copy still throttles by the path template', async () => {
	sandbox.clearLog();
	// Billbee allows 6 reads of one order per minute, counted per template "GET /orders/{id}".
	const id = String(sandbox.data.orders[5].BillBeeOrderId);
	const { error } = await runCopying(
		{ resource: 'order', operation: 'get', orderId: '={{ $json.id }}' },
		{ items: Array.from({ length: 7 }, () => ({ json: { id } })) },
	);
	assert.ok(error, 'the 7th read is refused');
	assert.match(
		error.message,
		/at most 6 reads of the same order per minute \(GET \/orders\/\{id\}\)/,
	);
	assert.equal(requests((r) => r.endpoint === 'order.get').length, 6);
});
