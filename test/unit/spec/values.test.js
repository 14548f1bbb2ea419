'use strict';
// Value conversion of the spec engine: what a form value becomes in a Billbee query or body.
require('n8n-workflow'); // installs BigInt.prototype.toJSON, as at run time in n8n
const test = require('node:test');
const assert = require('node:assert/strict');
const values = require('../../../dist/nodes/Billbee/spec/values.js');

const { convertValue, deepMerge, formatBillbeeDate, splitList } = values;

const scope = {
	getNode: () => ({ name: 'Billbee', type: 'n8n-nodes-billbee.billbee' }),
	getItemIndex: () => 3,
};
const field = (type, extra = {}) => ({ name: 'X', label: 'Field X', type, ...extra });

test('dates: Billbee format, offset kept only when given, nonsense refused', () => {
	assert.equal(formatBillbeeDate('2024-05-31'), '2024-05-31T00:00:00');
	assert.equal(formatBillbeeDate('2024-05-31 14:05'), '2024-05-31T14:05:00');
	assert.equal(formatBillbeeDate('2024-05-31T14:05:07.123Z'), '2024-05-31T14:05:07Z');
	assert.equal(formatBillbeeDate('2024-05-31T14:05:07+0200'), '2024-05-31T14:05:07+02:00');
	assert.equal(formatBillbeeDate(new Date('2024-01-02T03:04:05Z')), '2024-01-02T03:04:05Z');
	assert.equal(formatBillbeeDate('2024-13-45'), undefined);
	assert.equal(formatBillbeeDate('yesterday'), undefined);
	assert.throws(
		() => convertValue(scope, field('dateTime'), 'soon', 'query'),
		(error) => error.message === 'Field X (x): "soon" is not a date (use e.g. 2024-05-31T14:00:00)',
	);
});

test('int64: a bigint in a body, the exact digits in a query, lost digits refused', () => {
	const big = '9007199254740993';
	assert.equal(convertValue(scope, field('int64'), big, 'body'), 9007199254740993n);
	assert.equal(convertValue(scope, field('int64'), ` ${big} `, 'query'), big);
	assert.equal(convertValue(scope, field('int64'), 42, 'body'), 42n);
	assert.throws(
		() => convertValue(scope, field('int64'), 9007199254740993, 'body'),
		/Field X \(x\): 9007199254740992 has lost digits already/,
	);
	assert.throws(
		() => convertValue(scope, field('int64'), '12a', 'query'),
		(error) =>
			error.message.includes('"12a" is not a whole number') && error.context.itemIndex === 3,
	);
});

test('lists: comma-separated text or arrays, blanks dropped; int64 lists stay exact', () => {
	assert.deepEqual(splitList(' a, b ,,c '), ['a', 'b', 'c']);
	assert.deepEqual(splitList(['x', ' ', 7]), ['x', '7']);
	assert.deepEqual(convertValue(scope, field('stringList'), 'red, blue', 'body'), ['red', 'blue']);
	assert.deepEqual(convertValue(scope, field('int64List'), '9007199254740993, 5', 'body'), [
		9007199254740993n,
		5n,
	]);
	assert.deepEqual(convertValue(scope, field('int64List'), ['9007199254740993'], 'query'), [
		'9007199254740993',
	]);
	assert.equal(convertValue(scope, field('stringList'), '', 'body'), undefined);
	assert.equal(convertValue(scope, field('stringList'), [], 'body'), undefined);
});

test('groups: objects and object lists follow body paths; empty groups vanish', () => {
	const items = field('objectList', {
		fields: [
			{ name: 'sku', label: 'SKU', type: 'string', bodyPath: 'Product.SKU' },
			{ name: 'Quantity', label: 'Quantity', type: 'number' },
		],
	});
	assert.deepEqual(
		convertValue(scope, items, { item: [{ sku: 'A-1', quantity: '2' }, { sku: '' }] }, 'body'),
		[{ Product: { SKU: 'A-1' }, Quantity: 2 }],
	);
	assert.equal(convertValue(scope, items, { item: [{ sku: '' }] }, 'body'), undefined);
});

test('deepMerge merges nested objects key by key and replaces arrays and scalars', () => {
	const target = { A: { B: 1, C: { D: 2 } }, List: [1, 2], S: 'x' };
	const merged = deepMerge(target, {
		A: { C: { E: 3 } },
		List: [9],
		S: { now: 'object' },
		N: null,
	});
	assert.equal(merged, target, 'merges in place');
	assert.deepEqual(merged, {
		A: { B: 1, C: { D: 2, E: 3 } },
		List: [9],
		S: { now: 'object' },
		N: null,
	});
});
