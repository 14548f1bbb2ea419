'use strict';
// The dropdowns through n8n-core's LoadOptionsContext against the sandbox: order states in
// English with Billbee's name beside them, and a rejected credential or an unreachable Billbee
// shown as an error in the dropdown (n8n shows only the message), never a silent fallback.
const test = require('node:test');
const assert = require('node:assert/strict');
const { closedPort, useSandbox } = require('../helpers');
const { loadOptions } = require('../harness');
const { Billbee } = require('../../dist/nodes/Billbee/Billbee.node.js');

const TRIGGER = { type: 'n8n-nodes-billbee.billbeeTrigger' };

const { sandbox, dropdown } = useSandbox({ throttle: false, reset: false });

test('order states: every state of Billbee’s list in English, with Billbee’s own name beside it', async () => {
	const states = await dropdown('getOrderStates', { resource: 'order', operation: 'changeState' });
	const byId = Object.fromEntries(states.map((state) => [state.value, state.name]));
	assert.equal(states.length, 16);
	assert.equal(byId[3], 'Paid (Zahlung_erhalten)');
	assert.equal(byId[4], 'Shipped (Versendet)');
	assert.equal(byId[12], 'Second Dunning Notice (Mahnung2)');
	assert.equal(byId[6], 'Deleted (Geloescht)');
	const served = JSON.parse(
		await (
			await fetch(`${sandbox.baseUrl}/enums/orderstates`, {
				headers: {
					'X-Billbee-Api-Key': sandbox.credentials.apiKey,
					Authorization: `Basic ${Buffer.from(`${sandbox.credentials.username}:${sandbox.credentials.apiPassword}`).toString('base64')}`,
				},
			})
		).text(),
	);
	for (const { Id, Name } of served) {
		const label = byId[Id];
		assert.ok(label.includes(`(${Name})`) || label === Name, `${Id}: ${label} keeps ${Name}`);
		assert.match(label, /^[A-Z][a-z]+( [A-Z][a-z]+)*( \(\w+\))?$/, label);
	}
});

test('a rejected credential: every dropdown of both nodes fails with the credential hint', async () => {
	const wrong = { ...sandbox.credentials, apiPassword: 'not-the-api-password' };
	const methods = Object.keys(new Billbee().methods.loadOptions);
	assert.ok(methods.length >= 10, methods.join(', '));
	const cases = [...methods.map((name) => [name, {}]), ['getWebhookFilters', TRIGGER]];
	for (const [name, node] of cases) {
		await assert.rejects(
			loadOptions(wrong, name, {}, node),
			(error) => {
				assert.match(error.message, /rejected the credentials \(HTTP 401\)/, name);
				assert.match(error.message, /API Password .*Settings → API/, name);
				assert.doesNotMatch(error.message, /not-the-api-password/, 'no secret in the message');
				return true;
			},
			`${name} (${node.type ?? 'billbee'}) throws`,
		);
	}
});

test('the trigger’s event dropdown: Billbee’s list when the credential works', async () => {
	const events = await loadOptions(sandbox.credentials, 'getWebhookFilters', {}, TRIGGER);
	const values = events.map((event) => event.value);
	assert.equal(values[0], '*');
	assert.ok(values.length > 2, `more than the wildcard and order.created: ${values.join(', ')}`);
	assert.ok(values.includes('order.created') && values.includes('order.shipped'), values.join());
});

test('an unreachable Base URL: the dropdown names it and what to check', async () => {
	const baseUrl = `http://127.0.0.1:${await closedPort()}/api/v1`;
	await assert.rejects(
		loadOptions({ ...sandbox.credentials, baseUrl }, 'getWebhookFilters', {}, TRIGGER),
		(error) => {
			assert.match(error.message, /Could not reach Billbee/);
			assert.ok(
				error.message.includes(`Base URL in the Billbee credential (now ${baseUrl}`),
				error.message,
			);
			assert.match(error.message, /DNS, proxy, firewall/);
			return true;
		},
	);
});
