'use strict';
// The operation registry: every operation of the node description has exactly one spec.
const test = require('node:test');
const assert = require('node:assert/strict');
const { Billbee } = require('../../../dist/nodes/Billbee/Billbee.node.js');
const {
	operationRegistry,
	operationSpec,
	requestMetaOf,
} = require('../../../dist/nodes/Billbee/spec/registry.js');

const node = { name: 'Billbee', type: 'n8n-nodes-billbee.billbee', typeVersion: 1, parameters: {} };
const described = new Billbee().description.properties
	.filter((p) => p.name === 'operation')
	.flatMap((p) => p.options.map((o) => `${p.displayOptions.show.resource[0]}.${o.value}`));

test('every resource.operation of the node description has a spec, and nothing else does', () => {
	assert.ok(described.length > 80, `${described.length} operations described`);
	assert.deepEqual([...operationRegistry().keys()].sort(), [...described].sort());
	for (const key of described) {
		const [resource, operation] = key.split('.');
		assert.equal(operationSpec(node, resource, operation).value, operation);
	}
});

test('a missing spec is a NodeOperationError naming resource.operation', () => {
	assert.throws(
		() => operationSpec(node, 'order', 'teleport'),
		(error) =>
			error.constructor.name === 'NodeOperationError' && error.message.includes('order.teleport'),
	);
});

const item = (parameters) => ({
	getNode: () => node,
	getItemIndex: () => 0,
	getNodeParameter: (name, fallback) => parameters[name] ?? fallback,
});

test('the path template follows the locator mode; paging and reads-only come from the spec', () => {
	const byId = requestMetaOf(
		item({ resource: 'order', operation: 'get', orderId: { mode: 'id', value: '1' } }),
	);
	assert.deepEqual(byId, {
		template: '/orders/{id}',
		readsOnly: undefined,
		paged: false,
		freezeUntil: undefined,
	});
	const byNumber = requestMetaOf(
		item({
			resource: 'order',
			operation: 'get',
			orderId: { mode: 'externalReference', value: 'A-1' },
		}),
	);
	assert.equal(byNumber.template, '/orders/findbyextref/{id}');
	const listing = requestMetaOf(item({ resource: 'order', operation: 'getAll' }));
	assert.equal(listing.paged, true);
	assert.deepEqual(listing.freezeUntil, operationSpec(node, 'order', 'getAll').paged.freezeUntil);
	assert.throws(
		() => requestMetaOf(item({ resource: 'order', operation: 'teleport' })),
		/order\.teleport/,
	);
});
