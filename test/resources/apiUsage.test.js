'use strict';
// API usage resource: the month goes out under Billbee's query key "request.date".
const test = require('node:test');
const assert = require('node:assert/strict');
const { useSandbox } = require('../helpers');

const { sandbox, run, ofEndpoint } = useSandbox({ throttle: false });

test('getSummary and getDetail send the month as request.date, and nothing else', async () => {
	for (const operation of ['getSummary', 'getDetail']) {
		const { items, error } = await run({
			resource: 'apiUsage',
			operation,
			options: { requestDate: '2025-06-15T00:00:00' },
		});
		assert.equal(error, undefined, error?.message);
		const [request] = ofEndpoint(`apiUsage.${operation}`);
		assert.deepEqual(request.query, { 'request.date': '2025-06-15T00:00:00' });
		assert.equal(items.length, 1);
		assert.ok(items[0].json[operation === 'getSummary' ? 'Summaries' : 'Details']);
	}
});

test('without a month no query is sent', async () => {
	sandbox.clearLog();
	const { error } = await run({ resource: 'apiUsage', operation: 'getSummary' });
	assert.equal(error, undefined, error?.message);
	assert.deepEqual(ofEndpoint('apiUsage.getSummary')[0].query, {});
});
