'use strict';
// The polling trigger's pure cursor functions and its calls-per-month arithmetic.
const test = require('node:test');
const assert = require('node:assert/strict');
const {
	compareIds,
	isNewChange,
	lowerBound,
	maxId,
	nextId,
	pairKey,
	parseBillbeeDate,
	remember,
	rememberValues,
} = require('../../dist/nodes/Billbee/polling/cursor.js');
const { callsPerMonth, cronPollsPerMonth } = require('../../dist/nodes/Billbee/polling/calls.js');

const OVERLAP = 30_000;

test('ids beyond 2^53 compare and count exactly', () => {
	assert.equal(compareIds('9007199254740993', '9007199254740992'), 1);
	assert.equal(maxId(['9007199254740993', '9007199254740995', '12']), '9007199254740995');
	assert.equal(nextId('9007199254740993'), '9007199254740994');
});

test('Billbee timestamps without a zone are UTC', () => {
	assert.equal(parseBillbeeDate('2026-12-03T10:00:00.500'), Date.UTC(2026, 11, 3, 10, 0, 0, 500));
	assert.equal(parseBillbeeDate('2026-12-03T10:00:00Z'), Date.UTC(2026, 11, 3, 10));
	assert.equal(parseBillbeeDate(''), undefined);
});

test('the window reaches back by the overlap; remembered pairs drop repeats', () => {
	const at = '2026-12-03T10:00:00.000';
	const memory = remember({ since: '2026-12-03T09:00:00.000', seen: [] }, [['1', at]], OVERLAP);
	assert.equal(memory.since, at);
	assert.equal(lowerBound(memory, OVERLAP), parseBillbeeDate(at) - OVERLAP);
	const known = new Set(memory.seen.map(pairKey));
	assert.equal(isNewChange(memory, ['1', at], known), false);
	assert.equal(isNewChange(memory, ['2', at], known), true, 'same second, other order');
	assert.equal(isNewChange(memory, ['1', '2026-12-03T10:00:01.000'], known), true, 'a new change');
});

test('pairs older than the next window are forgotten; the settled time raises the window', () => {
	const old = ['1', '2026-12-03T09:00:00.000'];
	const recent = ['2', '2026-12-03T10:00:00.000'];
	const memory = remember({ since: old[1], seen: [old] }, [recent], OVERLAP);
	assert.deepEqual(memory.seen, [recent]);
	const settled = remember(memory, [], OVERLAP, '2026-12-03T10:05:00.000');
	assert.equal(lowerBound(settled, OVERLAP), parseBillbeeDate('2026-12-03T10:05:00.000'));
	assert.deepEqual(settled.seen, [], 'nothing below the settled time can come back');
});

test('memory is bounded: the oldest pairs go and raise the floor', () => {
	const pairs = Array.from({ length: 10 }, (_, i) => [String(i), `2026-12-03T10:00:00.00${i}`]);
	const memory = remember({ since: pairs[0][1], seen: [] }, pairs, OVERLAP, undefined, 4);
	assert.equal(memory.seen.length, 4);
	assert.equal(memory.floor, pairs[5][1]);
	const known = new Set(memory.seen.map(pairKey));
	assert.equal(isNewChange(memory, pairs[2], known), false, 'a forgotten pair is not new again');
	assert.ok(lowerBound(memory, OVERLAP) >= parseBillbeeDate(pairs[5][1]));
	assert.deepEqual(
		rememberValues(
			[
				['a', 1],
				['b', 2],
			],
			[
				['a', 3],
				['c', 4],
			],
			2,
		),
		[
			['a', 3],
			['c', 4],
		],
	);
});

test('calls per month of the Poll Times (one call per idle poll, 30-day months)', () => {
	assert.equal(callsPerMonth({ item: [{ mode: 'everyMinute' }] }), 43_200);
	assert.equal(callsPerMonth({ item: [{ mode: 'everyX', value: 5, unit: 'minutes' }] }), 8_640);
	assert.equal(callsPerMonth({ item: [{ mode: 'everyHour', minute: 0 }] }), 720);
	assert.equal(
		callsPerMonth({ item: [{ mode: 'everyHour' }, { mode: 'everyDay', hour: 8, minute: 0 }] }),
		750,
	);
	assert.equal(cronPollsPerMonth('* * * * *'), 43_200);
	assert.equal(
		Math.round(cronPollsPerMonth('*/15 8-17 * * 1-5')),
		Math.round(4 * 10 * ((5 * 30) / 7)),
	);
});
