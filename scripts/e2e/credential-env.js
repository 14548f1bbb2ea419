'use strict';
// Scenario: the billbeeApi credential filled from the environment with n8n's own mechanism,
// CREDENTIALS_OVERWRITE_DATA. The self-hoster keeps BILLBEE_USERNAME, BILLBEE_API_PASSWORD and
// BILLBEE_API_KEY in the environment; the stored credential holds only the base URL. A workflow
// reads orders with it, and the secrets are neither in the stored credential nor in the database.
const assert = require('assert/strict');
const fs = require('fs');
const path = require('path');
const { startSandbox } = require('../../test/sandbox/server.js');
const {
	CREDENTIAL_ID,
	createInstance,
	credentialRef,
	step,
	stopAll,
	waitFor,
} = require('./n8n.js');

/** What a self-hoster puts next to n8n: the three secrets, then one JSON for n8n. */
function overwriteEnv({ username, apiPassword, apiKey }) {
	const env = {
		BILLBEE_USERNAME: username,
		BILLBEE_API_PASSWORD: apiPassword,
		BILLBEE_API_KEY: apiKey,
	};
	const data = {
		billbeeApi: {
			username: env.BILLBEE_USERNAME,
			apiPassword: env.BILLBEE_API_PASSWORD,
			apiKey: env.BILLBEE_API_KEY,
		},
	};
	return { ...env, CREDENTIALS_OVERWRITE_DATA: JSON.stringify(data) };
}

function workflow() {
	return {
		id: 'BillbeeE2eEnvCredential',
		name: 'Billbee e2e: credential from the environment',
		active: false,
		nodes: [
			{
				id: 'env-1',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: 'b1bee000-0000-4000-8000-00000000e0e0',
				parameters: {
					httpMethod: 'POST',
					path: 'billbee-env',
					responseMode: 'lastNode',
					options: {},
				},
			},
			{
				id: 'env-2',
				name: 'Latest orders',
				type: 'n8n-nodes-billbee.billbee',
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'order', operation: 'getAll', limit: 3, simplify: true },
				credentials: credentialRef,
			},
		],
		connections: { Webhook: { main: [[{ node: 'Latest orders', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

async function run({ bin, tarball }) {
	step('Billbee sandbox; the secrets only in the environment');
	const sandbox = await startSandbox({ orders: 20, throttle: false });
	const secrets = sandbox.credentials;
	const n8n = await createInstance({
		name: 'credential-env',
		bin,
		tarball,
		env: overwriteEnv(secrets),
	});
	try {
		step('import a credential without secrets (base URL only) and the workflow');
		await n8n.importJson('credentials', 'credentials.json', [
			{
				id: CREDENTIAL_ID,
				name: 'Billbee sandbox',
				type: 'billbeeApi',
				data: { username: '', apiPassword: '', apiKey: '', baseUrl: sandbox.baseUrl },
			},
		]);
		await n8n.importJson('workflow', 'env.workflow.json', workflow());

		step('start n8n, run the workflow');
		n8n.start();
		const cookie = await n8n.ready();
		await n8n.activate(cookie, 'BillbeeE2eEnvCredential');
		// The production webhook is registered a moment after the activation call returns.
		const response = await waitFor('the webhook of the activated workflow', async () => {
			const answer = await fetch(`${n8n.base}/webhook/billbee-env`, { method: 'POST' });
			return answer.status === 404 ? undefined : answer;
		});
		const text = await response.text();
		assert.equal(response.status, 200, text.slice(0, 500));
		const order = JSON.parse(text);
		const newest = [...sandbox.data.orders].sort((a, b) => (a.OrderDate < b.OrderDate ? 1 : -1));
		assert.equal(order.id, String(newest[0].BillBeeOrderId), 'the newest order, id exact');
		const calls = sandbox.log.filter((r) => r.endpoint === 'order.getAll');
		assert.equal(calls.length, 1);
		assert.equal(calls[0].status, 200, 'Billbee accepted the credential from the environment');
		console.log(
			`✔ the workflow read orders with the credential from the environment (${order.id})`,
		);

		step('the secrets are not stored');
		const { json: stored } = await n8n.rest(
			'GET',
			`/credentials/${CREDENTIAL_ID}?includeData=true`,
			undefined,
			cookie,
		);
		// n8n shows an empty secret field as its placeholder for "no value".
		const empty = (value) => !value || /^__n8n_(EMPTY|BLANK)_VALUE/.test(String(value));
		for (const field of ['username', 'apiPassword', 'apiKey'])
			assert.ok(
				empty(stored.data.data?.[field]),
				`${field} shown as stored: ${stored.data.data?.[field]}`,
			);
		const exported = await n8n.cli(['export:credentials', '--all', '--decrypted']);
		const decrypted = JSON.parse(exported.slice(exported.indexOf('[')));
		const billbee = decrypted.find((c) => c.id === CREDENTIAL_ID);
		assert.deepEqual(
			billbee.data,
			{ username: '', apiPassword: '', apiKey: '', baseUrl: sandbox.baseUrl },
			'the stored credential, decrypted, holds no secret',
		);
		const database = fs.readFileSync(path.join(n8n.userFolder, '.n8n', 'database.sqlite'));
		for (const secret of [secrets.apiPassword, secrets.apiKey]) {
			assert.ok(!exported.includes(secret), 'no secret in the decrypted credential export');
			assert.ok(!database.includes(secret), 'no secret in the database file');
		}
		assert.ok(exported.includes(sandbox.baseUrl), 'the export does show the stored base URL');
		console.log(
			'✔ username, API password and API key are in neither the credential nor the database',
		);
	} finally {
		await stopAll();
		await sandbox.close();
	}
}

module.exports = { name: 'credential-env', run };
