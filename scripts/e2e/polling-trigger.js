'use strict';
// Scenario: the Billbee Polling Trigger in a real n8n. Activation polls once (the cursor starts
// at the newest order); new orders, one of them imported late with an old order date, arrive
// with the next scheduled poll; another order arrives with the poll after that; each order runs
// the workflow exactly once (the workflow tags it), and n8n saved the cursor.
const assert = require('assert/strict');
const { startSandbox } = require('../../test/sandbox/server.js');
const {
	createInstance,
	sandboxCredential,
	step,
	stopAll,
	triggerThenTag,
	waitFor,
} = require('./n8n.js');

const WORKFLOW_ID = 'BillbeeE2ePolling';
const TAG = 'seen-by-poll';

/** n8n polls at most once a minute: a fixed second, soon after activation. */
function everyMinuteAt(second) {
	return { item: [{ mode: 'custom', cronExpression: `${second} * * * * *` }] };
}

function pollingWorkflow(second) {
	return triggerThenTag({
		id: WORKFLOW_ID,
		name: 'Billbee e2e: tag new orders (polling)',
		trigger: {
			name: 'Billbee Polling Trigger',
			type: 'n8n-nodes-billbee.billbeePollingTrigger',
			parameters: { pollTimes: everyMinuteAt(second), event: 'newOrder', options: {} },
		},
		orderId: '={{ $json.BillBeeOrderId }}',
		tag: TAG,
	});
}

async function run({ bin, tarball }) {
	step('Billbee sandbox');
	const sandbox = await startSandbox({ orders: 60 });
	const n8n = await createInstance({ name: 'polling-trigger', bin, tarball });
	const tagCalls = (order) =>
		sandbox.log.filter(
			(r) => r.endpoint === 'order.addTags' && r.path === `/orders/${order.BillBeeOrderId}/tags`,
		).length;
	try {
		step('import the credential, start n8n');
		await n8n.importJson('credentials', 'credentials.json', sandboxCredential(sandbox));
		n8n.start();
		const cookie = await n8n.ready();

		step('activate the polling workflow (n8n polls once on activation)');
		// The first scheduled poll comes 25–35 s after activation, leaving time to add orders.
		const second = (new Date().getUTCSeconds() + 30) % 60;
		await n8n.importJson('workflow', 'polling.workflow.json', pollingWorkflow(second));
		sandbox.clearLog();
		await n8n.activate(cookie, WORKFLOW_ID);
		// n8n activates asynchronously; the trigger logs when its activation poll has set the cursor.
		await waitFor('the activation poll', () =>
			n8n.logTail(400).includes('Billbee Polling Trigger (newOrder) starts now'),
		);
		const activationCalls = sandbox.log.filter((r) => r.endpoint === 'order.getAll').length;
		console.log(`✔ activated: ${activationCalls} calls to find the newest order, nothing emitted`);

		step('new orders, one imported late with an old order date');
		const [fresh] = sandbox.activity.createOrders(1);
		const [late] = sandbox.activity.createOrders(1, { OrderDate: '2024-03-01T08:00:00.000' });
		const createdAt = Date.now();
		await waitFor(
			'the next poll to tag both orders',
			() => tagCalls(fresh) && tagCalls(late),
			100_000,
		).catch(async (error) => {
			const calls = sandbox.log.map((r) => `${r.method} ${r.path}?${r.rawQuery} → ${r.status}`);
			const { json } = await n8n.rest('GET', '/executions', undefined, cookie);
			throw new Error(
				`${error.message}; requests: ${calls.join('; ')}; executions: ${JSON.stringify(json.data?.results?.map((e) => [e.mode, e.status]))}`,
			);
		});
		console.log(
			`✔ scheduled poll: both orders ran the workflow, ${((Date.now() - createdAt) / 1000).toFixed(0)} s after they appeared`,
		);

		step('one more order; the poll after that');
		const [third] = sandbox.activity.createOrders(1);
		const polls = () =>
			sandbox.log.filter((r) => r.endpoint === 'order.getAll' && r.status === 200).length;
		const pollsBefore = polls();
		await waitFor('the next poll to tag the third order', () => tagCalls(third), 100_000);
		assert.ok(polls() > pollsBefore);
		for (const order of [fresh, late, third]) {
			assert.equal(tagCalls(order), 1, `order ${order.BillBeeOrderId} ran the workflow once`);
			assert.ok(order.Tags.includes(TAG));
		}
		const untouched = sandbox.data.orders.filter(
			(o) => ![fresh, late, third].includes(o) && (o.Tags ?? []).includes(TAG),
		);
		assert.deepEqual(untouched, [], 'orders from before activation are not emitted');

		step('n8n saved the cursor');
		const { json: stored } = await n8n.rest('GET', `/workflows/${WORKFLOW_ID}`, undefined, cookie);
		const saved = stored.data.staticData['node:Billbee Polling Trigger'];
		assert.equal(saved.event, 'newOrder');
		assert.ok(
			BigInt(saved.cursor.next) > BigInt(third.BillBeeOrderId),
			`cursor ${saved.cursor.next} is past order ${third.BillBeeOrderId}`,
		);
		console.log(
			`✔ each of the 3 orders ran the workflow exactly once; saved cursor ${saved.cursor.next}`,
		);
		await n8n.rest('POST', `/workflows/${WORKFLOW_ID}/deactivate`, {}, cookie);
	} finally {
		await stopAll();
		await sandbox.close();
	}
}

module.exports = { name: 'polling-trigger', run };
