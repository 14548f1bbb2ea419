'use strict';
// Scenario: a credential test through n8n's REST API, a workflow run headless (`n8n execute`), and
// the webhook trigger's life cycle: activation registers the webhook (Billbee's echo test is
// answered), a signed delivery runs the workflow, a forged one is refused, deactivation deletes
// only our webhook.
const assert = require('assert/strict');
const { startSandbox } = require('../../test/sandbox/server.js');
const {
	CREDENTIAL_ID,
	createInstance,
	credentialRef,
	sandboxCredential,
	step,
	stopAll,
	triggerThenTag,
	waitFor,
} = require('./n8n.js');
function headlessWorkflow() {
	return {
		id: 'BillbeeE2eHeadless',
		name: 'Billbee e2e: latest orders in detail',
		active: false,
		nodes: [
			{
				id: 'e2e-1',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'e2e-2',
				name: 'Latest orders',
				type: 'n8n-nodes-billbee.billbee',
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'order', operation: 'getAll', returnAll: false, limit: 3 },
				credentials: credentialRef,
			},
			{
				id: 'e2e-3',
				name: 'Order details',
				type: 'n8n-nodes-billbee.billbee',
				typeVersion: 1,
				position: [440, 0],
				parameters: {
					resource: 'order',
					operation: 'get',
					orderId: { __rl: true, mode: 'id', value: '={{ $json.BillBeeOrderId }}' },
				},
				credentials: credentialRef,
			},
		],
		connections: {
			Start: { main: [[{ node: 'Latest orders', type: 'main', index: 0 }]] },
			'Latest orders': { main: [[{ node: 'Order details', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

const TRIGGER_WEBHOOK_ID = '5b2f0c7e-0d4a-4c1e-9f3b-e2e0000b1bee';

function triggerWorkflow() {
	return triggerThenTag({
		id: 'BillbeeE2eTrigger',
		name: 'Billbee e2e: tag new orders',
		trigger: {
			name: 'Billbee Trigger',
			type: 'n8n-nodes-billbee.billbeeTrigger',
			webhookId: TRIGGER_WEBHOOK_ID,
			parameters: { events: ['order.created'], options: { fetchFullRecord: true } },
		},
		orderId: '={{ $json.Order.BillBeeOrderId }}',
		tag: 'seen-by-n8n',
	});
}

async function run({ bin, tarball }) {
	step('Billbee sandbox');
	const sandbox = await startSandbox({ orders: 60 });
	const { username, apiPassword, apiKey } = sandbox.credentials;
	const n8n = await createInstance({ name: 'webhook-trigger', bin, tarball });
	console.log(`sandbox at ${sandbox.baseUrl}`);
	try {
		step('import the credential and the workflows');
		await n8n.importJson('credentials', 'credentials.json', sandboxCredential(sandbox));
		await n8n.importJson('workflow', 'headless.workflow.json', headlessWorkflow());
		await n8n.importJson('workflow', 'trigger.workflow.json', triggerWorkflow());

		step('run a workflow headless: n8n execute');
		const output = await n8n.cli(['execute', '--id=BillbeeE2eHeadless']);
		let runData;
		try {
			runData = JSON.parse(output.slice(output.search(/^\{$/m))).data.resultData.runData;
		} catch (error) {
			throw new Error(
				`n8n execute printed no run data (${error.message}):\n${output.slice(0, 3000)}`,
			);
		}
		const details = runData['Order details'][0].data.main[0].map((item) => item.json);
		const newest = [...sandbox.data.orders]
			.sort((a, b) => (a.OrderDate < b.OrderDate ? 1 : -1))
			.slice(0, 3);
		assert.equal(details.length, 3);
		assert.deepEqual(
			details.map((order) => order.BillBeeOrderId).sort(),
			newest.map((order) => String(order.BillBeeOrderId)).sort(),
			'the three newest orders, ids exact',
		);
		const gets = sandbox.log.filter((r) => r.endpoint === 'order.get');
		assert.deepEqual(
			gets.map((r) => r.path).sort(),
			newest.map((o) => `/orders/${o.BillBeeOrderId}`).sort(),
			`each order fetched once; requests: ${sandbox.log.map((r) => `${r.method} ${r.path} → ${r.status}`).join('; ')}`,
		);
		assert.equal(sandbox.log.filter((r) => r.status === 429).length, 0);
		console.log(
			`✔ n8n execute: ${details.length} orders in detail, ids exact (${details[0].BillBeeOrderId}…)`,
		);

		step('start n8n');
		n8n.start();
		const cookie = await n8n.ready();
		step('the credential test in n8n');
		const testCredential = async (data) =>
			(
				await n8n.rest(
					'POST',
					'/credentials/test',
					{ credentials: { id: CREDENTIAL_ID, name: 'Billbee sandbox', type: 'billbeeApi', data } },
					cookie,
				)
			).json.data;
		const good = await testCredential({ username, apiPassword, apiKey, baseUrl: sandbox.baseUrl });
		assert.equal(good.status, 'OK', JSON.stringify(good));
		const wrong = await testCredential({
			username,
			apiPassword: 'my-login-password',
			apiKey,
			baseUrl: sandbox.baseUrl,
		});
		assert.equal(wrong.status, 'Error');
		assert.match(wrong.message, /Settings → API/, 'the 401 explains which password is meant');
		console.log(
			`✔ credential test: OK with the right secrets; with the login password: "${wrong.message.slice(0, 80)}…"`,
		);

		step('activate the trigger workflow');
		sandbox.clearLog();
		sandbox.config.throttle = true;
		await n8n.activate(cookie, 'BillbeeE2eTrigger');
		const webhookUrl = `${n8n.base}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
		const hook = await waitFor(
			'Billbee to hold the webhook',
			() => sandbox.data.webhooks.find((h) => h.WebHookUri === webhookUrl),
			30_000,
		).catch((error) => {
			const seen = sandbox.log.map((r) => `${r.method} ${r.path} → ${r.status}`).join('; ');
			throw new Error(
				`${error.message}: ${webhookUrl}; registered: ${JSON.stringify(sandbox.data.webhooks.map((h) => h.WebHookUri))}; requests: ${seen}`,
			);
		});
		const echo = sandbox.deliveries.find((d) => d.kind === 'echo');
		assert.equal(echo?.status, 200, 'n8n answered Billbee’s echo test');
		console.log(`✔ activated: webhook ${hook.Id} registered, echo test answered`);

		step('Billbee delivers a signed order.created event');
		const order = sandbox.data.orders[7];
		const [delivered] = await sandbox.deliver(
			'order.created',
			{ OrderId: order.BillBeeOrderId },
			{ hookId: hook.Id },
		);
		assert.equal(delivered.status, 200);
		await waitFor(
			'the execution to tag the order',
			() => (order.Tags ?? []).includes('seen-by-n8n'),
			60_000,
		);
		const fetched = sandbox.log.filter((r) => r.endpoint === 'order.get').map((r) => r.path);
		assert.ok(
			fetched.includes(`/orders/${order.BillBeeOrderId}`),
			'the trigger fetched the full order by its exact id',
		);
		const [forged] = await sandbox.deliver(
			'order.created',
			{ OrderId: order.BillBeeOrderId },
			{ hookId: hook.Id, signature: `sha256=${'00'.repeat(32)}` },
		);
		assert.equal(forged.status, 401, 'a forged delivery is refused');
		console.log(
			`✔ delivery ran the workflow: order ${order.BillBeeOrderId} tagged; forged delivery → 401`,
		);

		step('Billbee re-sends the same delivery (same Id, same signature)');
		const executions = async () =>
			(
				await n8n.rest(
					'GET',
					`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: 'BillbeeE2eTrigger' }))}`,
					undefined,
					cookie,
				)
			).json.data;
		await waitFor('the first execution to finish', async () => {
			const { results } = await executions();
			return results.length === 1 && results[0].status === 'success';
		});
		const original = sandbox.deliveries.find(
			(d) => d.kind === 'delivery' && d.hookId === hook.Id && d.status === 200,
		);
		const { json: stored } = await n8n.rest(
			'GET',
			'/workflows/BillbeeE2eTrigger',
			undefined,
			cookie,
		);
		const deliveryId = JSON.parse(original.requestBody).Id;
		const remembered = stored.data.staticData['node:Billbee Trigger'].recentDeliveries;
		assert.ok(
			remembered.includes(deliveryId),
			`n8n saved the delivery id ${deliveryId}; saved ids: ${JSON.stringify(remembered)}`,
		);
		const replay = await fetch(original.hookUri, {
			method: 'POST',
			headers: original.requestHeaders,
			body: original.requestBody,
		});
		assert.equal(replay.status, 200, 'Billbee must not keep retrying');
		assert.match(await replay.text(), /Already received/);
		// n8n creates an execution before it answers a webhook call, so none can come later.
		const after = await executions();
		assert.equal(after.results.length, 1, 'the replay started no second execution');
		console.log(
			`✔ replayed delivery ${deliveryId}: answered "Already received", still 1 execution`,
		);

		step('deactivate');
		const otherTool = {
			Id: 'f'.repeat(32),
			WebHookUri: 'https://other-tool.example.com/hook?noecho',
			Secret: 'o'.repeat(40),
			Filters: ['*'],
			IsPaused: false,
		};
		sandbox.data.webhooks.push(otherTool);
		sandbox.clearLog();
		await n8n.rest('POST', '/workflows/BillbeeE2eTrigger/deactivate', {}, cookie);
		await waitFor(
			'our webhook to be deleted on Billbee',
			() => !sandbox.data.webhooks.some((h) => h.WebHookUri === webhookUrl),
			30_000,
		);
		assert.deepEqual(
			sandbox.log.filter((r) => r.method === 'DELETE').map((r) => r.path),
			[`/webhooks/${hook.Id}`],
		);
		assert.ok(sandbox.data.webhooks.includes(otherTool), 'another tool’s webhook is untouched');
		console.log('✔ deactivated: only our webhook deleted');
	} finally {
		await stopAll();
		await sandbox.close();
	}
}

module.exports = { name: 'webhook-trigger', run };
