'use strict';
// Webhook resource: the registration body (filters from the dropdown, secret, JSON headers),
// the sandbox's echo test, the body Id on update, and Delete All guarded by read-only mode.
const test = require('node:test');
const assert = require('node:assert/strict');
const { closedPort, useSandbox } = require('../helpers');
const { Billbee } = require('../../dist/nodes/Billbee/Billbee.node.js');

const SECRET = 'n8n-test-secret-0123456789abcdef-xyz'; // 36 characters (Billbee wants 32 to 64)

const { sandbox, run, requests, dropdown, ofEndpoint } = useSandbox({ throttle: false });

/** Registers a hook directly through the node (URI with ?noecho: no receiver runs in this test). */
async function createHook(extra = {}) {
	const { items, error } = await run({
		resource: 'webhook',
		operation: 'create',
		webHookUri: 'https://hooks.example.com/billbee?noecho',
		secret: SECRET,
		...extra,
	});
	assert.equal(error, undefined, error?.message);
	return items[0].json;
}

test('create: the registration body from the form, filters picked from the dropdown; ?noecho skips the echo test', async () => {
	const filters = await dropdown('getWebhookFilters', { resource: 'webhook', operation: 'create' });
	const values = filters.map((f) => f.value);
	assert.ok(values.includes('*') && values.includes('order.created'), values.join(', '));
	sandbox.clearLog();

	const uri = 'https://hooks.example.com/billbee?noecho';
	const { items, error } = await run({
		resource: 'webhook',
		operation: 'create',
		webHookUri: uri,
		secret: SECRET,
		additionalFields: {
			events: ['order.created', 'order.shipped'],
			description: 'n8n: new orders',
			isPaused: false,
			headers: '{"X-Token": "abc"}',
			properties: '{"source": "n8n"}',
		},
	});
	assert.equal(error, undefined, error?.message);

	const [request] = ofEndpoint('webhook.create');
	assert.equal(request.method, 'POST');
	assert.equal(request.path, '/webhooks');
	assert.deepEqual(request.body, {
		WebHookUri: uri,
		Secret: SECRET,
		Filters: ['order.created', 'order.shipped'],
		Description: 'n8n: new orders',
		IsPaused: false,
		Headers: { 'X-Token': 'abc' },
		Properties: { source: 'n8n' },
	});
	assert.ok(!('Id' in request.body), 'no Id on create');

	assert.deepEqual(
		sandbox.deliveries.filter((d) => d.kind === 'echo'),
		[],
		'no echo request was made',
	);
	const hook = items[0].json;
	assert.match(hook.Id, /^[0-9a-f]{32}$/);
	assert.deepEqual(hook.Filters, ['order.created', 'order.shipped']);
	assert.equal(sandbox.data.webhooks.length, 1);
});

test('create: without ?noecho Billbee runs the echo test; an unreachable URL fails with its message and stores nothing', async () => {
	const port = await closedPort();
	const uri = `http://127.0.0.1:${port}/billbee-hook`;
	const { error } = await run({
		resource: 'webhook',
		operation: 'create',
		webHookUri: uri,
		secret: SECRET,
	});
	assert.ok(error, 'the node fails');
	assert.match(`${error.message} ${error.description ?? ''}`, /WebHook verification failed/);
	const echoes = sandbox.deliveries.filter((d) => d.kind === 'echo');
	assert.equal(echoes.length, 1, 'Billbee tried the echo request once');
	assert.equal(echoes[0].hookUri, uri);
	assert.match(echoes[0].echoUri, /\?echo=[0-9a-f]{32}$/);
	assert.equal(sandbox.data.webhooks.length, 0);
});

test('create: a short secret is refused by Billbee with a message about the length', async () => {
	const { error } = await run({
		resource: 'webhook',
		operation: 'create',
		webHookUri: 'https://hooks.example.com/x?noecho',
		secret: 'too-short',
	});
	assert.ok(error);
	assert.match(`${error.message} ${error.description ?? ''}`, /32 and 64 characters/);
});

test('update: the body carries the path ID, as Billbee requires for a PUT', async () => {
	const hook = await createHook({ additionalFields: { Description: 'old' } });
	sandbox.clearLog();
	const { items, error } = await run({
		resource: 'webhook',
		operation: 'update',
		webhookId: hook.Id,
		webHookUri: 'https://hooks.example.com/billbee?noecho',
		secret: SECRET,
		additionalFields: { description: 'new', isPaused: true, events: ['*'] },
	});
	assert.equal(error, undefined, error?.message);
	const [request] = ofEndpoint('webhook.update');
	assert.equal(request.method, 'PUT');
	assert.equal(request.path, `/webhooks/${hook.Id}`);
	assert.equal(request.body.Id, hook.Id);
	assert.equal(request.body.Description, 'new');
	assert.equal(request.body.IsPaused, true);
	assert.deepEqual(request.body.Filters, ['*']);
	assert.equal(items.length, 1);
	assert.equal(sandbox.data.webhooks[0].Description, 'new');
});

test('get and delete one webhook by ID', async () => {
	const hook = await createHook();
	const other = await createHook();
	const got = await run({ resource: 'webhook', operation: 'get', webhookId: hook.Id });
	assert.equal(got.error, undefined, got.error?.message);
	assert.equal(got.items[0].json.Id, hook.Id);

	const deleted = await run({ resource: 'webhook', operation: 'delete', webhookId: hook.Id });
	assert.equal(deleted.error, undefined, deleted.error?.message);
	assert.deepEqual(
		deleted.items.map((i) => i.json),
		[{ success: true }],
	);
	assert.deepEqual(
		sandbox.data.webhooks.map((h) => h.Id),
		[other.Id],
		'only that one is gone',
	);
});

test('deleteAll is refused in read-only mode: nothing is sent and every webhook stays', async () => {
	await createHook();
	await createHook();
	sandbox.clearLog();
	const { error } = await run({ resource: 'webhook', operation: 'deleteAll', readOnlyMode: true });
	assert.ok(error, 'the node fails');
	assert.match(error.message, /Read-only mode is on: DELETE \/webhooks would change data/);
	assert.equal(requests().length, 0, 'no request reached Billbee');
	assert.equal(sandbox.data.webhooks.length, 2);
});

test('deleteAll deletes every registration of the account, and says so', async () => {
	await createHook();
	await createHook({ WebHookUri: 'https://other-tool.example.com/hook?noecho' });
	const { items, error } = await run({ resource: 'webhook', operation: 'deleteAll' });
	assert.equal(error, undefined, error?.message);
	assert.deepEqual(
		items.map((i) => i.json),
		[{ success: true }],
	);
	assert.equal(sandbox.data.webhooks.length, 0);

	const operation = new Billbee().description.properties.find(
		(p) => p.name === 'operation' && p.displayOptions.show.resource.includes('webhook'),
	);
	const { description } = operation.options.find((o) => o.value === 'deleteAll');
	assert.match(description, /every webhook registration of the Billbee account/);
	assert.match(description, /other tools/);
	assert.match(description, /Destructive/);
});

test('getFilters and getAll read without a body', async () => {
	await createHook();
	sandbox.clearLog();
	const filters = await run({ resource: 'webhook', operation: 'getFilters', readOnlyMode: true });
	assert.equal(filters.error, undefined, filters.error?.message);
	assert.ok(filters.items.some((i) => i.json.Name === 'order.created'));
	const all = await run({ resource: 'webhook', operation: 'getAll', readOnlyMode: true });
	assert.equal(all.error, undefined, all.error?.message);
	assert.equal(all.items.length, 1);
	for (const request of requests()) assert.equal(request.rawBody, '');
});

test('registrations are output without their signing secret', async () => {
	const created = await run({
		resource: 'webhook',
		operation: 'create',
		webHookUri: 'https://hooks.example.com/n8n?noecho',
		secret: SECRET,
	});
	assert.equal(created.error, undefined, created.error?.message);
	const listed = await run({ resource: 'webhook', operation: 'getAll' });
	for (const { json } of [...created.items, ...listed.items]) {
		assert.equal(json.Secret, `(hidden, ${SECRET.length} characters)`);
	}
	assert.ok(!JSON.stringify(listed.items).includes(SECRET));
	assert.equal(sandbox.data.webhooks[0].Secret, SECRET, 'Billbee keeps the real secret');
});
