'use strict';
// Editor screenshots for the README (`npm run screenshots`, not part of CI): starts the real n8n
// with the packed package and a Billbee sandbox, drives headless Chromium (Debian's `chromium`,
// installed with apt-get when missing) and writes PNGs into docs/images/.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
const { startSandbox } = require('../test/sandbox/server.js');
const {
	ROOT,
	createInstance,
	credentialRef,
	ensureDebianPackage,
	ensureN8n,
	logTails,
	packPackage,
	sandboxCredential,
	step,
	stopAll,
} = require('./e2e/n8n.js');

const IMAGES = path.join(ROOT, 'docs', 'images');
const VIEWPORT = { width: 1280, height: 800 };
const OWNER = { email: 'owner@example.com', password: 'E2e-Password-1234' };

function billbeeNode(id, name, parameters, x = 260) {
	return {
		id,
		name,
		type: 'n8n-nodes-billbee.billbee',
		typeVersion: 1,
		position: [x, 0],
		parameters,
		credentials: credentialRef,
	};
}

const manualTrigger = {
	id: 'shot-start',
	name: 'When clicking ‘Execute workflow’',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function workflow(id, name, nodes) {
	const connections = {};
	for (let i = 1; i < nodes.length; i++) {
		connections[nodes[i - 1].name] = { main: [[{ node: nodes[i].name, type: 'main', index: 0 }]] };
	}
	return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' } };
}

const WORKFLOWS = {
	orders: workflow('BillbeeShotOrders', 'Billbee: orders', [
		manualTrigger,
		billbeeNode('shot-getall', 'Get orders', {
			resource: 'order',
			operation: 'getAll',
			returnAll: false,
			limit: 50,
		}),
		billbeeNode(
			'shot-state',
			'Change the state',
			{ resource: 'order', operation: 'changeState' },
			520,
		),
	]),
	trigger: workflow('BillbeeShotTrigger', 'Billbee: new orders', [
		{
			id: 'shot-trigger',
			name: 'Billbee Trigger',
			type: 'n8n-nodes-billbee.billbeeTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId: '5b2f0c7e-0d4a-4c1e-9f3b-5c4ee0000001',
			parameters: { events: ['order.created'] },
			credentials: credentialRef,
		},
	]),
};

async function signIn(page, base) {
	await page.goto(`${base}/signin`);
	await page.locator('input[type="email"]').fill(OWNER.email);
	await page.locator('input[type="password"]').fill(OWNER.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60_000 });
}

async function openWorkflow(page, base, id) {
	await page.goto(`${base}/workflow/${id}`);
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60_000 });
	await page.waitForTimeout(1000);
}

async function openNode(page, name) {
	await page.locator('[data-test-id="canvas-node"]', { hasText: name }).dblclick();
	await page.locator('[data-test-id="ndv"]').first().waitFor({ timeout: 30_000 });
	await page.waitForTimeout(1500);
}

async function shoot(page, file) {
	const target = path.join(IMAGES, file);
	await page.screenshot({ path: target });
	console.log(
		`✔ ${path.relative(ROOT, target)} (${(fs.statSync(target).size / 1024).toFixed(0)} kB)`,
	);
}

async function capture(page, base) {
	step('node creator: search "Billbee"');
	await openWorkflow(page, base, WORKFLOWS.orders.id);
	await page.locator('[data-test-id="node-creator-plus-button"]').click();
	const search = page.getByPlaceholder('Search nodes...');
	await search.waitFor();
	// The codex aliases at work: the node creator matches the whole query against one alias.
	await search.fill('Billbee stock');
	await page.locator('[data-test-id="node-creator-item-name"]', { hasText: 'Billbee' }).waitFor();
	console.log('✔ "Billbee stock" finds the Billbee node');
	await search.fill('Billbee');
	await page.waitForTimeout(1500);
	await shoot(page, 'node-creator.png');
	await page
		.locator('[data-test-id="node-creator-item-name"]', { hasText: 'Billbee' })
		.first()
		.click();
	await page.getByText('Create an order').first().waitFor({ timeout: 30_000 });
	await page.waitForTimeout(1000);
	await shoot(page, 'node-creator-actions.png');
	await page.keyboard.press('Escape');

	step('an order form: Order → Get Many');
	await openWorkflow(page, base, WORKFLOWS.orders.id);
	await openNode(page, 'Get orders');
	await shoot(page, 'order-form.png');

	step('order states: Order → Change State, state dropdown open');
	await openWorkflow(page, base, WORKFLOWS.orders.id);
	await openNode(page, 'Change the state');
	await page.locator('[data-test-id="parameter-input-newStateId"]').click();
	await page.getByText('Paid (Zahlung_erhalten)').first().waitFor({ timeout: 30_000 });
	await page.waitForTimeout(500);
	await shoot(page, 'order-states.png');

	step('the trigger');
	await openWorkflow(page, base, WORKFLOWS.trigger.id);
	await openNode(page, 'Billbee Trigger');
	await shoot(page, 'trigger.png');
}

async function main() {
	const chromiumPath = ensureDebianPackage('chromium');
	step('n8n');
	const bin = ensureN8n();
	step('pack the package');
	const tarball = packPackage();
	const sandbox = await startSandbox({ orders: 40, throttle: false });
	const n8n = await createInstance({ name: 'screenshots', bin, tarball });
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'billbee-shots-chromium-'));
	let context;
	try {
		await n8n.importJson('credentials', 'credentials.json', sandboxCredential(sandbox));
		for (const [name, data] of Object.entries(WORKFLOWS)) {
			await n8n.importJson('workflow', `${name}.workflow.json`, data);
		}
		n8n.start();
		await n8n.ready();
		fs.mkdirSync(IMAGES, { recursive: true });
		context = await chromium.launchPersistentContext(profile, {
			executablePath: chromiumPath,
			headless: true,
			viewport: VIEWPORT,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		});
		const page = context.pages()[0] ?? (await context.newPage());
		await signIn(page, n8n.base);
		try {
			await capture(page, n8n.base);
		} catch (error) {
			const file = path.join(os.tmpdir(), 'billbee-screenshot-failure.png');
			await page.screenshot({ path: file });
			const ids = await page.$$eval('[data-test-id]', (all) => [
				...new Set(all.map((element) => element.getAttribute('data-test-id'))),
			]);
			console.error(`the page at the failure: ${file}\ndata-test-ids: ${ids.join(' ')}`);
			throw error;
		}
	} finally {
		await context?.close();
		fs.rmSync(profile, { recursive: true, force: true });
		await sandbox.close();
		await stopAll();
	}
}

main().catch(async (error) => {
	console.error(`\n✖ ${error.stack ?? error}`);
	console.error(logTails());
	await stopAll();
	process.exit(1);
});
