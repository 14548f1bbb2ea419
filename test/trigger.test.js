'use strict';
// The Billbee Trigger's whole lifecycle through n8n-core (HookContext, WebhookContext,
// WorkflowExecute) against the sandbox, which runs Billbee's echo test and signs deliveries.
const test = require('node:test');
const assert = require('node:assert/strict');
const { startSandbox } = require('./sandbox/server.js');
const { startWebhookHost } = require('./webhook-server');

let sandbox;
let host;

test.before(async () => {
	sandbox = await startSandbox();
});
test.after(() => {
	host?.close();
	sandbox.close();
});

const registrations = () => sandbox.data.webhooks;

test('the echo (GET) webhook is declared before the delivery (POST) webhook', () => {
	// n8n stores a node's webhooks in order and calls create() for each as it goes; Billbee's echo
	// GET arrives during create(), so the GET route must already exist (found in a real n8n run).
	const { BillbeeTrigger } = require('../dist/nodes/Billbee/BillbeeTrigger.node.js');
	const methods = new BillbeeTrigger().description.webhooks.map((w) => w.httpMethod);
	assert.deepEqual(methods, ['GET', 'POST']);
});

test('activation registers our URL with a fresh secret, and passes the echo test', async () => {
	host = await startWebhookHost({
		credentials: sandbox.credentials,
		parameters: { events: ['order.created'], options: {} },
	});
	await host.activate();
	const [hook] = registrations();
	assert.equal(registrations().length, 1);
	assert.equal(hook.WebHookUri, host.webhookUrl);
	assert.deepEqual(hook.Filters, ['order.created']);
	assert.equal(hook.IsPaused, false);
	assert.match(hook.Description, /n8n workflow "Billbee trigger test"/);
	assert.ok(hook.Secret.length >= 32 && hook.Secret.length <= 64);
	const echo = sandbox.deliveries.find((d) => d.kind === 'echo');
	assert.ok(echo, 'Billbee ran the echo test');
	assert.equal(echo.status, 200);
	assert.equal(host.runs.length, 0, 'the echo test starts no workflow run');
	assert.equal(await host.checkExists(), true);
});

test('a signed delivery becomes one item per notification, ids exact', async () => {
	const orderId = 9007199254740993n + 10n;
	const [result] = await sandbox.deliver(
		'order.created',
		{ OrderId: orderId, Note: 'new order' },
		{
			notifications: [
				{ Action: 'order.created', OrderId: orderId },
				{ Action: 'order.created', OrderId: orderId + 2n },
			],
		},
	);
	assert.equal(result.status, 200);
	assert.equal(host.runs.length, 1);
	const items = host.runs[0];
	assert.equal(items.length, 2);
	assert.equal(items[0].json.Action, 'order.created');
	assert.equal(items[0].json.OrderId, String(orderId));
	assert.equal(items[1].json.OrderId, String(orderId + 2n));
	assert.equal(items[0].json.DeliveryAttempt, 1);
	assert.match(items[0].json.DeliveryId, /^[0-9a-f]{32}$/);
	assert.ok(!JSON.stringify(items).includes(registrations()[0].Secret), 'the secret is not output');
});

test('a forged or unsigned delivery gets 401 and starts nothing', async () => {
	const before = host.runs.length;
	const [forged] = await sandbox.deliver(
		'order.created',
		{ OrderId: 1 },
		{ signature: `sha256=${'AB'.repeat(32)}` },
	);
	const [unsigned] = await sandbox.deliver('order.created', { OrderId: 1 }, { unsigned: true });
	assert.equal(forged.status, 401);
	assert.equal(unsigned.status, 401);
	assert.equal(host.runs.length, before);
});

test('a retried delivery (same Id) starts only one run', async () => {
	const before = host.runs.length;
	const id = 'a'.repeat(32);
	const [first] = await sandbox.deliver('order.created', { OrderId: 5 }, { id, attempt: 1 });
	// Saved the way n8n saves it (see webhook-server.js), not only in this process's memory.
	assert.ok(host.staticData()['node:Billbee Trigger'].recentDeliveries.includes(id));
	const [retry] = await sandbox.deliver('order.created', { OrderId: 5 }, { id, attempt: 2 });
	assert.equal(first.status, 200);
	assert.equal(retry.status, 200, 'Billbee must not keep retrying');
	assert.equal(host.runs.length, before + 1);
});

test('a registration deleted on Billbee is re-created on the next activation check', async () => {
	const oldId = registrations()[0].Id;
	sandbox.data.webhooks.length = 0;
	assert.equal(await host.checkExists(), false);
	await host.activate();
	assert.equal(registrations().length, 1);
	assert.notEqual(registrations()[0].Id, oldId);
	const [result] = await sandbox.deliver('order.created', { OrderId: 7 });
	assert.equal(result.status, 200, 'deliveries signed with the new secret are accepted');
});

test('deactivation deletes only our registration', async () => {
	sandbox.config.throttle = false; // another tool registers its own hook
	const other = await fetch(`${sandbox.baseUrl}/webhooks`, {
		method: 'POST',
		headers: {
			Authorization: `Basic ${Buffer.from(`${sandbox.credentials.username}:${sandbox.credentials.apiPassword}`).toString('base64')}`,
			'X-Billbee-Api-Key': sandbox.credentials.apiKey,
			'Content-Type': 'application/json',
		},
		body: JSON.stringify({
			WebHookUri: 'https://other-tool.example.com/hook?noecho',
			Secret: 'x'.repeat(40),
			Filters: ['*'],
			IsPaused: false,
		}),
	});
	sandbox.config.throttle = true;
	assert.equal(other.status, 200);
	const ours = registrations().find((h) => h.WebHookUri === host.webhookUrl).Id;
	sandbox.clearLog();
	await host.deactivate();
	assert.deepEqual(
		registrations().map((h) => h.WebHookUri),
		['https://other-tool.example.com/hook?noecho'],
	);
	const deletes = sandbox.log.filter((r) => r.method === 'DELETE');
	assert.deepEqual(
		deletes.map((r) => r.path),
		[`/webhooks/${ours}`],
	);
	// Deactivating again (already gone) is not an error.
	await host.deactivate();
});

test('Fetch Full Record adds the whole order through the transport', async () => {
	const withRecords = await startWebhookHost({
		credentials: sandbox.credentials,
		parameters: { events: ['*'], options: { fetchFullRecord: true } },
		webhookId: 'c2a4e6f8-0000-4000-8000-00000000beef',
	});
	try {
		await withRecords.activate();
		const order = sandbox.data.orders[3];
		sandbox.clearLog();
		const hookId = registrations().find((h) => h.WebHookUri === withRecords.webhookUrl).Id;
		const [result] = await sandbox.deliver(
			'order.created',
			{ OrderId: order.BillBeeOrderId },
			{ hookId },
		);
		assert.equal(result.status, 200);
		const [items] = withRecords.runs;
		assert.equal(items.length, 1);
		assert.equal(items[0].json.Order.BillBeeOrderId, String(order.BillBeeOrderId));
		assert.equal(items[0].json.Order.OrderNumber, order.OrderNumber);
		const fetched = sandbox.log.filter((r) => r.endpoint === 'order.get');
		assert.deepEqual(
			fetched.map((r) => r.path),
			[`/orders/${order.BillBeeOrderId}`],
		);
	} finally {
		await withRecords.deactivate();
		withRecords.close();
	}
});
