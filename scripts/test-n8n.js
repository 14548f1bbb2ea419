'use strict';
// End-to-end test in a real n8n 2.x: installs n8n into .cache/ (git ignores it), installs the
// packed package the way n8n's community-package installer does, imports a credential that
// points at the Billbee sandbox, runs a workflow headless (`n8n execute`), activates a trigger
// workflow (Billbee registers the webhook and runs its echo test against n8n), has the sandbox
// deliver a signed event, checks what the execution did, deactivates, and stops what it started.
const fs = require('fs');
const path = require('path');
const assert = require('assert/strict');
const { spawn, execFileSync } = require('child_process');
const { startSandbox } = require('../test/sandbox/server.js');

const N8N_VERSION = '2.41.1';
// The newest n8n does not install from the reachable registry; these overrides make 2.41.1 install.
const N8N_OVERRIDES = { linkedom: '0.18.14', '@langchain/langgraph': '1.4.0' };
const ROOT = path.join(__dirname, '..');
const CACHE = path.join(ROOT, '.cache');
const HOST = path.join(CACHE, 'n8n-host');
const RUN = path.join(CACHE, 'n8n-e2e');
const USER_FOLDER = path.join(RUN, 'user');
const PORT = 5690 + Math.floor(Math.random() * 200);
const BASE = `http://127.0.0.1:${PORT}`;
const OWNER = {
	email: 'owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-Password-1234',
};
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = [];

function step(text) {
	console.log(`\n▶ ${text}`);
}

function run(command, args, options = {}) {
	const output = execFileSync(command, args, {
		stdio: ['ignore', 'pipe', 'inherit'],
		maxBuffer: 256 * 2 ** 20,
		...options,
	});
	return output ? output.toString() : ''; // null when the output went straight to the terminal
}

function ensureN8n() {
	const installed = path.join(HOST, 'node_modules', 'n8n', 'package.json');
	if (
		fs.existsSync(installed) &&
		JSON.parse(fs.readFileSync(installed, 'utf8')).version === N8N_VERSION
	) {
		console.log(`n8n ${N8N_VERSION} already in ${path.relative(ROOT, HOST)}`);
	} else {
		fs.mkdirSync(HOST, { recursive: true });
		fs.writeFileSync(
			path.join(HOST, 'package.json'),
			JSON.stringify(
				{
					name: 'n8n-e2e-host',
					private: true,
					dependencies: { n8n: N8N_VERSION },
					overrides: N8N_OVERRIDES,
				},
				null,
				2,
			),
		);
		console.log(`installing n8n ${N8N_VERSION} (a few minutes)…`);
		// Install scripts off: some optional native modules (Kafka, …) cannot build here; sqlite3 is built below.
		run(npm, ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
			cwd: HOST,
			stdio: 'inherit',
		});
	}
	const sqlite = path.join(
		HOST,
		'node_modules',
		'sqlite3',
		'build',
		'Release',
		'node_sqlite3.node',
	);
	if (!fs.existsSync(sqlite)) {
		console.log('building sqlite3 for n8n’s database…');
		run(npm, ['rebuild', 'sqlite3', '--loglevel=error'], { cwd: HOST, stdio: 'inherit' });
	}
	return path.join(HOST, 'node_modules', 'n8n', 'bin', 'n8n');
}

function packPackage() {
	fs.mkdirSync(CACHE, { recursive: true });
	const [info] = JSON.parse(
		run(npm, ['pack', '--json', '--pack-destination', CACHE, '--loglevel=error'], { cwd: ROOT }),
	);
	const files = info.files.map((f) => f.path);
	console.log(
		`packed ${info.filename}: ${(info.size / 1024).toFixed(1)} kB packed, ${(info.unpackedSize / 1024).toFixed(1)} kB unpacked, ${files.length} files`,
	);
	const outside = files.filter((f) => !/^(dist\/|README\.md$|LICENSE$|package\.json$)/.test(f));
	assert.deepEqual(outside, [], 'the package holds only dist/, README, LICENSE and package.json');
	return path.join(CACHE, info.filename);
}

/** Like n8n's CommunityPackagesService.downloadPackage: unpack, drop dev/peer deps, npm install. */
function installCommunityPackage(tarball) {
	fs.rmSync(RUN, { recursive: true, force: true });
	const nodes = path.join(USER_FOLDER, '.n8n', 'nodes');
	const packageDirectory = path.join(nodes, 'node_modules', 'n8n-nodes-billbee');
	fs.mkdirSync(packageDirectory, { recursive: true });
	run('tar', ['-xzf', tarball, '-C', packageDirectory, '--strip-components=1']);
	const manifestPath = path.join(packageDirectory, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(
		fs.readFileSync(manifestPath, 'utf8'),
	);
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	run(
		npm,
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
			'--loglevel=error',
		],
		{
			cwd: packageDirectory,
		},
	);
	fs.writeFileSync(
		path.join(nodes, 'package.json'),
		JSON.stringify(
			{
				name: 'installed-nodes',
				private: true,
				dependencies: { 'n8n-nodes-billbee': manifest.version },
			},
			null,
			2,
		),
	);
	console.log(`installed into ${path.relative(ROOT, packageDirectory)}`);
}

function n8nEnv() {
	return {
		...process.env,
		N8N_USER_FOLDER: USER_FOLDER,
		N8N_PORT: String(PORT),
		N8N_RUNNERS_BROKER_PORT: String(PORT + 1000),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: `${BASE}/`,
		N8N_ENCRYPTION_KEY: 'n8n-nodes-billbee-e2e-key',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_LOG_LEVEL: 'info', // n8n execute prints its result at level info
		GENERIC_TIMEZONE: 'UTC',
	};
}

/** Runs an n8n CLI command without blocking this process (the sandbox lives here). */
function n8nCli(bin, args) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [bin, ...args], {
			env: n8nEnv(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		started.push(child);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		// 'close', not 'exit': the output may still be arriving when the process has exited.
		child.on('close', (code) =>
			code === 0
				? resolve(stdout)
				: reject(
						new Error(
							`n8n ${args[0]} exited ${code}: ${stderr.slice(-2000)}${stdout.slice(-2000)}`,
						),
					),
		);
	});
}

function startN8n(bin) {
	const log = fs.openSync(path.join(RUN, 'n8n.log'), 'a');
	const child = spawn(process.execPath, [bin, 'start'], {
		env: n8nEnv(),
		stdio: ['ignore', log, log],
	});
	started.push(child);
	console.log(
		`n8n started (pid ${child.pid}), log in ${path.relative(ROOT, path.join(RUN, 'n8n.log'))}`,
	);
	return child;
}

async function stopAll() {
	for (const child of started.reverse()) {
		if (child.exitCode !== null) continue;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		process.kill(child.pid, 'SIGTERM');
		const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 20_000));
		if ((await Promise.race([exited, timeout])) === 'timeout') process.kill(child.pid, 'SIGKILL');
		console.log(`stopped pid ${child.pid}`);
	}
}

async function waitFor(what, check, timeoutMs = 120_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			const result = await check();
			if (result) return result;
		} catch {
			// not there yet
		}
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

async function rest(method, route, body, cookie) {
	const response = await fetch(`${BASE}/rest${route}`, {
		method,
		headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok)
		throw new Error(`${method} /rest${route} → ${response.status}: ${text.slice(0, 300)}`);
	return {
		json: text ? JSON.parse(text) : {},
		cookie: response.headers.get('set-cookie')?.split(';')[0],
	};
}

const CREDENTIAL_ID = 'BillbeeSandboxE2E';
const credentialRef = { billbeeApi: { id: CREDENTIAL_ID, name: 'Billbee sandbox' } };

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
	return {
		id: 'BillbeeE2eTrigger',
		name: 'Billbee e2e: tag new orders',
		active: false,
		nodes: [
			{
				id: 't-1',
				name: 'Billbee Trigger',
				type: 'n8n-nodes-billbee.billbeeTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: TRIGGER_WEBHOOK_ID,
				parameters: { events: ['order.created'], options: { fetchFullRecord: true } },
				credentials: credentialRef,
			},
			{
				id: 't-2',
				name: 'Tag the order',
				type: 'n8n-nodes-billbee.billbee',
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					resource: 'order',
					operation: 'addTags',
					orderId: { __rl: true, mode: 'id', value: '={{ $json.Order.BillBeeOrderId }}' },
					Tags: 'seen-by-n8n',
				},
				credentials: credentialRef,
			},
		],
		connections: {
			'Billbee Trigger': { main: [[{ node: 'Tag the order', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

async function main() {
	step('n8n');
	const bin = ensureN8n();
	step('pack and install the package like n8n’s community-package installer');
	installCommunityPackage(packPackage());

	step('Billbee sandbox');
	const sandbox = await startSandbox({ orders: 60 });
	const { username, apiPassword, apiKey } = sandbox.credentials;
	console.log(`sandbox at ${sandbox.baseUrl}`);
	try {
		step('import the credential and the workflows');
		const files = {
			credentials: path.join(RUN, 'credentials.json'),
			headless: path.join(RUN, 'headless.workflow.json'),
			trigger: path.join(RUN, 'trigger.workflow.json'),
		};
		fs.writeFileSync(
			files.credentials,
			JSON.stringify([
				{
					id: CREDENTIAL_ID,
					name: 'Billbee sandbox',
					type: 'billbeeApi',
					data: { username, apiPassword, apiKey, baseUrl: sandbox.baseUrl },
				},
			]),
		);
		fs.writeFileSync(files.headless, JSON.stringify(headlessWorkflow()));
		fs.writeFileSync(files.trigger, JSON.stringify(triggerWorkflow()));
		await n8nCli(bin, ['import:credentials', `--input=${files.credentials}`]);
		await n8nCli(bin, ['import:workflow', `--input=${files.headless}`]);
		await n8nCli(bin, ['import:workflow', `--input=${files.trigger}`]);

		step('run a workflow headless: n8n execute');
		const output = await n8nCli(bin, ['execute', '--id=BillbeeE2eHeadless']);
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
		);
		assert.equal(sandbox.log.filter((r) => r.status === 429).length, 0);
		console.log(
			`✔ n8n execute: ${details.length} orders in detail, ids exact (${details[0].BillBeeOrderId}…)`,
		);

		step('start n8n');
		startN8n(bin);
		// /healthz answers before the REST API is mounted; the public settings route comes with it.
		await waitFor('n8n’s REST API', async () => (await fetch(`${BASE}/rest/settings`)).ok);
		const { cookie } = await rest('POST', '/owner/setup', OWNER);
		step('the credential test in n8n');
		const testCredential = async (data) =>
			(
				await rest(
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
		const { json: workflow } = await rest('GET', '/workflows/BillbeeE2eTrigger', undefined, cookie);
		sandbox.clearLog();
		sandbox.config.throttle = true;
		await rest(
			'POST',
			'/workflows/BillbeeE2eTrigger/activate',
			{ versionId: workflow.data.versionId },
			cookie,
		);
		const webhookUrl = `${BASE}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
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
		await rest('POST', '/workflows/BillbeeE2eTrigger/deactivate', {}, cookie);
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
	console.log('\nn8n end-to-end: all checks passed');
}

main().catch(async (error) => {
	console.error(`\n✖ ${error.stack ?? error}`);
	const logFile = path.join(RUN, 'n8n.log');
	if (fs.existsSync(logFile))
		console.error(
			`--- last lines of the n8n log ---\n${fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n')}`,
		);
	await stopAll();
	process.exit(1);
});
