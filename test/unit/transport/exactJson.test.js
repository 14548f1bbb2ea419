'use strict';
require('n8n-workflow'); // installs BigInt.prototype.toJSON, as at run time in n8n
const test = require('node:test');
const assert = require('node:assert/strict');
const {
	parseExactJson,
	parseJsonKeepingBigInts,
	stringifyExactJson,
} = require('../../../dist/nodes/Billbee/transport/exactJson.js');

test('integers beyond 2^53 become exact digit strings; safe numbers stay numbers', () => {
	const parsed = parseExactJson(
		'{"a":9007199254740993,"b":-12345678901234567890,"c":42,"d":1.5,"e":9007199254740991,"f":[18446744073709551615]}',
	);
	assert.deepEqual(parsed, {
		a: '9007199254740993',
		b: '-12345678901234567890',
		c: 42,
		d: 1.5,
		e: 9007199254740991,
		f: ['18446744073709551615'],
	});
});

test('digits inside strings, decimals and exponents are left alone', () => {
	const text =
		'{"note":"TikTokOrderID:123456789012345678901","esc":"a \\" 99999999999999999999","x":12345678901234567.5,"y":1e12345678901234567,"z":0.12345678901234567890}';
	const parsed = parseExactJson(text);
	assert.equal(parsed.note, 'TikTokOrderID:123456789012345678901');
	assert.equal(parsed.esc, 'a " 99999999999999999999');
	assert.equal(typeof parsed.x, 'number');
	assert.equal(typeof parsed.z, 'number');
});

test('bigints are written back as raw JSON numbers', () => {
	const value = parseJsonKeepingBigInts(
		'{"BillbeeId":9007199254740993,"Sku":"123456789012345678","n":[1,18446744073709551615]}',
	);
	assert.equal(typeof value.BillbeeId, 'bigint');
	assert.equal(value.Sku, '123456789012345678');
	assert.equal(
		stringifyExactJson(value),
		'{"BillbeeId":9007199254740993,"Sku":"123456789012345678","n":[1,18446744073709551615]}',
	);
	assert.equal(stringifyExactJson({ id: 5n, s: 'x' }), '{"id":5,"s":"x"}');
});
