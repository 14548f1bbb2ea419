'use strict';
// Polling-trigger figures against the sandbox (real throttles on), through n8n-core's
// PollContext: calls per idle poll per event, calls and time for a burst of 301 new (and 301
// changed) orders, and the largest delay from a change to its execution at a one-minute interval.
// Prints figures, asserts nothing. Usage: node scripts/bench-polling.js (also run by npm run bench).
const { startSandbox } = require('../test/sandbox/server.js');
const { pollHost } = require('../test/poll-host.js');

const EVENTS = [
	'newOrder',
	'orderChanged',
	'orderStateChanged',
	'newShipment',
	'newInvoice',
	'newProduct',
];
const INTERVAL_MS = 60_000;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function calls(sandbox) {
	const answered = sandbox.log.filter((r) => !r.throttled).length;
	return { answered, throttled: sandbox.log.length - answered };
}

async function idle(sandbox, event) {
	const trigger = pollHost({
		credentials: sandbox.credentials,
		parameters: { event, orderStates: [3] },
	});
	sandbox.clearLog();
	await trigger.poll('activate');
	const activation = calls(sandbox);
	const polls = 3;
	let answered = 0;
	let throttled = 0;
	for (let i = 0; i < polls; i++) {
		// Polls are at least a minute apart in n8n; a pause keeps Billbee's per-second limit out of it.
		await pause(1100);
		sandbox.clearLog();
		const items = await trigger.poll();
		if (items !== null) throw new Error(`${event}: an idle poll emitted ${items.length} items`);
		answered += calls(sandbox).answered;
		throttled += calls(sandbox).throttled;
	}
	return { event, activation: activation.answered, idle: answered / polls, throttled };
}

async function burst(sandbox, event, make) {
	const trigger = pollHost({ credentials: sandbox.credentials, parameters: { event } });
	await trigger.poll('activate');
	await pause(1100);
	const expected = make();
	sandbox.clearLog();
	const started = Date.now();
	const items = (await trigger.poll()) ?? [];
	const ms = Date.now() - started;
	const used = calls(sandbox);
	const ids = new Set(items.map((item) => item.json.BillBeeOrderId));
	const complete = expected.every((order) => ids.has(String(order.BillBeeOrderId)));
	await pause(1100);
	const again = await trigger.poll();
	return {
		event,
		records: expected.length,
		emitted: items.length,
		exactlyOnce: complete && ids.size === items.length && again === null,
		...used,
		ms,
	};
}

async function run() {
	const sandbox = await startSandbox({ orders: 600 });
	try {
		const idleRows = [];
		for (const event of EVENTS) idleRows.push(await idle(sandbox, event));
		// Each burst in a fresh sandbox: the other burst's records would lie in its window.
		const bursts = [];
		for (const [event, make] of [
			['newOrder', (box) => box.activity.createOrders(301)],
			[
				'orderChanged',
				(box) =>
					box.data.orders
						.slice(0, 301)
						.map((order) => box.activity.modify(order, { fields: { AdminNote: 'bench' } })),
			],
		]) {
			const box = await startSandbox({ orders: 600 });
			try {
				bursts.push(await burst(box, event, () => make(box)));
			} finally {
				await box.close();
			}
		}
		console.log(
			'\nPolling trigger (sandbox, real throttles; one Billbee call = one row of "answered")',
		);
		console.log('event               activation calls  calls per idle poll  429 (repeated)');
		for (const r of idleRows) {
			console.log(
				`${r.event.padEnd(20)}${String(r.activation).padEnd(18)}${String(r.idle).padEnd(21)}${r.throttled}`,
			);
		}
		console.log('\nburst                  records  emitted  exactly once  calls  429  poll time');
		for (const b of bursts) {
			console.log(
				`${`${b.event} × ${b.records}`.padEnd(23)}${String(b.records).padEnd(9)}${String(b.emitted).padEnd(9)}${String(b.exactlyOnce).padEnd(14)}${String(b.answered).padEnd(7)}${String(b.throttled).padEnd(5)}${(b.ms / 1000).toFixed(2)} s`,
			);
		}
		const slowest = Math.max(...bursts.map((b) => b.ms));
		console.log(
			`\nLargest delay from a change to its execution at a one-minute interval: ${((INTERVAL_MS + slowest) / 1000).toFixed(1)} s ` +
				`(a change right after a poll waits for the next one, 60 s, plus that poll's own time, at most ${(slowest / 1000).toFixed(2)} s here for 301 records)`,
		);
		const maxIdle = Math.max(...idleRows.map((r) => r.idle));
		console.log(
			`SUMMARY polling: ${maxIdle} call(s) per idle poll (goal ≤ 2, aim 1); 301 new orders: ${bursts[0].answered} calls in ${(bursts[0].ms / 1000).toFixed(2)} s, exactly once ${bursts[0].exactlyOnce}; ` +
				`largest delay at a one-minute interval ${((INTERVAL_MS + slowest) / 1000).toFixed(1)} s`,
		);
	} finally {
		await sandbox.close();
	}
}

module.exports = { run };

if (require.main === module) {
	run().catch((error) => {
		console.error(error);
		process.exitCode = 1;
	});
}
