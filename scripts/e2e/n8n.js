'use strict';
// What every end-to-end scenario in a real n8n 2.x needs: n8n installed into .cache/ (git ignores
// it), the packed package installed the way n8n's community-package installer does, and n8n
// instances (own user folder, port, database) whose processes are stopped by PID at the end.
const fs = require('fs');
const net = require('net');
const path = require('path');
const assert = require('assert/strict');
const { spawn, execFileSync } = require('child_process');

const N8N_VERSION = '2.41.1';
// The newest n8n does not install from the reachable registry; these overrides make 2.41.1 install.
const N8N_OVERRIDES = { linkedom: '0.18.14', '@langchain/langgraph': '1.4.0' };
const ROOT = path.join(__dirname, '..', '..');
const CACHE = path.join(ROOT, '.cache');
const HOST = path.join(CACHE, 'n8n-host');
const RUNS = path.join(CACHE, 'n8n-e2e');
const OWNER = {
	email: 'owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-Password-1234',
};
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = [];
const instances = [];

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
	const { n8n } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const missing = [...n8n.credentials, ...n8n.nodes].filter((file) => !files.includes(file));
	assert.deepEqual(
		missing,
		[],
		'the package holds every node and credential (run npm run build first)',
	);
	return path.join(CACHE, info.filename);
}

/** Like n8n's CommunityPackagesService.downloadPackage: unpack, drop dev/peer deps, npm install. */
function installCommunityPackage(tarball, userFolder) {
	const nodes = path.join(userFolder, '.n8n', 'nodes');
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
		{ cwd: packageDirectory },
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

/** A free TCP port on 127.0.0.1 (asked from the OS, so parallel runs do not collide). */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * The path of `executable`, installing Debian's `debianPackage` with apt-get when it is missing
 * (CI runs as root on a fresh machine; elsewhere through `sudo -n`).
 */
function ensureDebianPackage(debianPackage, executable = debianPackage) {
	const find = () => {
		try {
			return (
				execFileSync('sh', ['-c', `command -v ${executable}`])
					.toString()
					.trim() || null
			);
		} catch {
			return null;
		}
	};
	const found = find();
	if (found) return found;
	console.log(`${executable} missing: installing Debian’s ${debianPackage} (apt-get)`);
	const asRoot = process.getuid?.() === 0;
	const apt = (args) =>
		execFileSync(asRoot ? 'apt-get' : 'sudo', asRoot ? args : ['-n', 'apt-get', ...args], {
			stdio: ['ignore', 'inherit', 'inherit'],
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
	apt(['update', '-qq']);
	apt(['install', '-y', '-qq', '--no-install-recommends', debianPackage]);
	const installed = find();
	if (!installed)
		throw new Error(`${executable} still missing after apt-get install ${debianPackage}`);
	return installed;
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

/**
 * One n8n installation with its own user folder (database, settings, installed package) and
 * port. `env` adds or overrides n8n settings (queue mode, credential overwrites, …).
 */
async function createInstance({ name, bin, tarball, env = {} }) {
	const folder = path.join(RUNS, name);
	const userFolder = path.join(folder, 'user');
	fs.rmSync(folder, { recursive: true, force: true });
	fs.mkdirSync(folder, { recursive: true });
	installCommunityPackage(tarball, userFolder);
	const port = await freePort();
	const brokerPort = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const baseEnv = {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: `${base}/`,
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
		...env,
	};
	const logFile = path.join(folder, 'n8n.log');

	/** Runs an n8n CLI command without blocking this process (the sandbox lives here). */
	function cli(args, extraEnv = {}) {
		return new Promise((resolve, reject) => {
			const child = spawn(process.execPath, [bin, ...args], {
				env: { ...baseEnv, ...extraEnv },
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

	/** Starts a long-running n8n process (`start`, `worker`, `webhook`), logging to the folder. */
	function start(args = ['start'], extraEnv = {}) {
		const file = extraEnv.logName ? path.join(folder, extraEnv.logName) : logFile;
		const log = fs.openSync(file, 'a');
		const { logName, ...processEnv } = extraEnv;
		const child = spawn(process.execPath, [bin, ...args], {
			env: { ...baseEnv, ...processEnv },
			stdio: ['ignore', log, log],
		});
		started.push(child);
		console.log(`n8n ${args[0]} started (pid ${child.pid}), log in ${path.relative(ROOT, file)}`);
		return child;
	}

	async function rest(method, route, body, cookie) {
		const response = await fetch(`${base}/rest${route}`, {
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

	/** Waits for the REST API and creates the owner; returns the session cookie. */
	async function ready() {
		// /healthz answers before the REST API is mounted; the public settings route comes with it.
		await waitFor('n8n’s REST API', async () => (await fetch(`${base}/rest/settings`)).ok);
		// On a busy machine the owner route may be mounted a moment after the settings route.
		const { cookie } = await waitFor(
			'n8n’s owner setup route',
			async () => await rest('POST', '/owner/setup', OWNER),
			60_000,
		);
		return cookie;
	}

	/** Writes JSON files into the instance folder and imports them (credentials or workflows). */
	async function importJson(kind, fileName, data) {
		const file = path.join(folder, fileName);
		fs.writeFileSync(file, JSON.stringify(data));
		await cli([`import:${kind}`, `--input=${file}`]);
	}

	async function activate(cookie, workflowId) {
		const { json: workflow } = await rest('GET', `/workflows/${workflowId}`, undefined, cookie);
		await rest(
			'POST',
			`/workflows/${workflowId}/activate`,
			{ versionId: workflow.data.versionId },
			cookie,
		);
	}

	function logTail(lines = 40) {
		return fs.existsSync(logFile)
			? fs.readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n')
			: '';
	}

	const instance = {
		name,
		folder,
		userFolder,
		port,
		base,
		env: baseEnv,
		cli,
		start,
		rest,
		ready,
		importJson,
		activate,
		logTail,
	};
	instances.push(instance);
	return instance;
}

/** The last lines of every instance's log, for a failure report. */
function logTails(lines = 40) {
	return instances
		.map((i) => `--- last lines of the n8n log of ${i.name} ---\n${i.logTail(lines)}`)
		.join('\n');
}

async function stopProcess(child) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	process.kill(child.pid, 'SIGTERM');
	const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 20_000));
	if ((await Promise.race([exited, timeout])) === 'timeout') process.kill(child.pid, 'SIGKILL');
	console.log(`stopped pid ${child.pid}`);
}

/** Stops every process the scenarios started, newest first. */
async function stopAll() {
	while (started.length) await stopProcess(started.pop());
}

const CREDENTIAL_ID = 'BillbeeSandboxE2E';
const credentialRef = { billbeeApi: { id: CREDENTIAL_ID, name: 'Billbee sandbox' } };

/** The Billbee credential of a sandbox, as `n8n import:credentials` takes it. */
function sandboxCredential(sandbox, extra = {}) {
	const { username, apiPassword, apiKey } = sandbox.credentials;
	return [
		{
			id: CREDENTIAL_ID,
			name: 'Billbee sandbox',
			type: 'billbeeApi',
			data: { username, apiPassword, apiKey, baseUrl: sandbox.baseUrl, ...extra },
		},
	];
}

/**
 * A workflow of two nodes: `trigger` (a node without id, position or credentials), then the
 * Billbee node tagging the order whose id the expression `orderId` gives.
 */
function triggerThenTag({ id, name, trigger, orderId, tag }) {
	return {
		id,
		name,
		active: false,
		nodes: [
			{ id: `${id}-1`, typeVersion: 1, position: [0, 0], credentials: credentialRef, ...trigger },
			{
				id: `${id}-2`,
				name: 'Tag the order',
				type: 'n8n-nodes-billbee.billbee',
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					resource: 'order',
					operation: 'addTags',
					orderId: { __rl: true, mode: 'id', value: orderId },
					tags: tag,
				},
				credentials: credentialRef,
			},
		],
		connections: {
			[trigger.name]: { main: [[{ node: 'Tag the order', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

module.exports = {
	triggerThenTag,
	ensureDebianPackage,
	N8N_VERSION,
	ROOT,
	CREDENTIAL_ID,
	credentialRef,
	step,
	run,
	ensureN8n,
	packPackage,
	freePort,
	waitFor,
	createInstance,
	sandboxCredential,
	stopProcess,
	stopAll,
	logTails,
};
