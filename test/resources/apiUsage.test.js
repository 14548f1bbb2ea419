'use strict';
// API usage resource: the month goes out under Billbee's query key "request.date".
const test = require('node:test');
const assert = require('node:assert/strict');
const { withSandbox } = require('../helpers');

let sandbox;
let run;
let requests;

test.before(async () => {
	({ sandbox, run, requests } = await withSandbox({ throttle: false }));
});
test.after(() => sandbox.close());

test('getSummary and getDetail send the month as request.date, and nothing else', async () => {
	for (const operation of ['getSummary', 'getDetail']) {
		const { items, error } = await run({
			resource: 'apiUsage',
			operation,
			options: { requestDate: '2025-06-15T00:00:00' },
		});
		assert.equal(error, undefined, error?.message);
		const [request] = requests((r) => r.endpoint === `apiUsage.${operation}`);
		assert.deepEqual(request.query, { 'request.date': '2025-06-15T00:00:00' });
		assert.equal(items.length, 1);
		assert.ok(items[0].json[operation === 'getSummary' ? 'Summaries' : 'Details']);
	}
});

test('without a month no query is sent', async () => {
	sandbox.clearLog();
	const { error } = await run({ resource: 'apiUsage', operation: 'getSummary' });
	assert.equal(error, undefined, error?.message);
	assert.deepEqual(requests((r) => r.endpoint === 'apiUsage.getSummary')[0].query, {});
});
