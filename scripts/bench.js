'use strict';
// Benchmark against the Billbee sandbox with its real throttles on. Prints figures (ratios
// against Billbee's physical limit: 2 requests/s per endpoint × 250 rows per page); it asserts
// nothing. Usage: npm run bench
const path = require('path');
const os = require('os');
const { execFileSync, spawn } = require('child_process');
const { startSandbox } = require('../test/sandbox/server.js');
const { mostInWindow } = require('../test/sandbox/throttle.js');
const { runNode, runWorkflow, billbeeNode } = require('../test/harness.js');

const PER_ENDPOINT_PER_SECOND = 2;
const PAGE_SIZE = 250;

const results = [];

function record(name, figures) {
	results.push({ name, ...figures });
}

function efficiencyOf(calls, wallMs, perSecond = PER_ENDPOINT_PER_SECOND) {
	const ideal = ((calls - 1) / perSecond) * 1000;
	return { idealS: ideal / 1000, efficiency: wallMs > 0 ? ideal / wallMs : 1 };
}

function span(records) {
	return records.length ? records[records.length - 1].t - records[0].t : 0;
}

async function returnAll(sandbox, orders) {
	sandbox.clearLog();
	const { items, error } = await runNode(
		{ resource: 'order', operation: 'getAll', returnAll: true },
		{ credentials: sandbox.credentials },
	);
	const calls = sandbox.log.filter((r) => r.endpoint === 'order.getAll');
	const accepted = calls.filter((r) => r.status === 200);
	const wall = span(calls);
	const { idealS, efficiency } = efficiencyOf(accepted.length, wall);
	record(`Return All over ${orders} orders`, {
		rows: items.length,
		calls: calls.length,
		wallS: wall / 1000,
		idealS,
		efficiency,
		sent429: calls.filter((r) => r.status === 429).length,
		surfaced429: error && /429/.test(error.message) ? 1 : 0,
		callsPerRow: calls.length / items.length,
	});
}

async function limit(sandbox) {
	sandbox.clearLog();
	const { items } = await runNode(
		{ resource: 'order', operation: 'getAll', returnAll: false, limit: 300 },
		{ credentials: sandbox.credentials },
	);
	const calls = sandbox.log.filter((r) => r.endpoint === 'order.getAll');
	record('Limit 300', {
		rows: items.length,
		calls: calls.length,
		goalCalls: Math.ceil(300 / PAGE_SIZE),
		callsPerRow: calls.length / items.length,
	});
}

async function perItemLoop(sandbox) {
	sandbox.clearLog();
	const ids = sandbox.data.orders
		.slice(0, 40)
		.map((o) => ({ json: { id: String(o.BillBeeOrderId) } }));
	const { error } = await runNode(
		{ resource: 'order', operation: 'get', orderId: '={{ $json.id }}' },
		{ credentials: sandbox.credentials, items: ids },
	);
	const calls = sandbox.log.filter((r) => r.endpoint === 'order.get');
	const wall = span(calls);
	record('Per-item loop: 40 × get order', {
		calls: calls.length,
		wallS: wall / 1000,
		...efficiencyOf(calls.length, wall),
		sent429: calls.filter((r) => r.status === 429).length,
		surfaced429: error ? 1 : 0,
	});
}

async function mixedLoop(sandbox) {
	sandbox.clearLog();
	const orders = sandbox.data.orders
		.slice(40, 60)
		.map((o) => ({ json: { id: String(o.BillBeeOrderId) } }));
	const products = sandbox.data.products
		.slice(0, 20)
		.map((p, i) => ({ json: { sku: p.SKU, quantity: 10 + i } }));
	const started = Date.now();
	const [a, b] = await Promise.all([
		runNode(
			{ resource: 'order', operation: 'get', orderId: '={{ $json.id }}' },
			{ credentials: sandbox.credentials, items: orders },
		),
		runNode(
			{
				resource: 'product',
				operation: 'updateStock',
				sku: '={{ $json.sku }}',
				newQuantity: '={{ $json.quantity }}',
			},
			{ credentials: sandbox.credentials, items: products },
		),
	]);
	const calls = sandbox.log.filter(
		(r) => r.endpoint === 'order.get' || r.endpoint === 'product.updateStock',
	);
	const wall = span(calls);
	// Two endpoints at 2/s each interleave: 4 calls/s together, well under the 10/s per user.
	const { idealS, efficiency } = efficiencyOf(calls.length, wall, 2 * PER_ENDPOINT_PER_SECOND);
	record('Mixed: 20 get order ‖ 20 update stock', {
		calls: calls.length,
		wallS: wall / 1000,
		idealS,
		efficiency,
		queuedS: (((calls.length - 1) / PER_ENDPOINT_PER_SECOND) * 1000) / 1000,
		sent429: calls.filter((r) => r.status === 429).length,
		surfaced429: (a.error ? 1 : 0) + (b.error ? 1 : 0),
		totalS: (Date.now() - started) / 1000,
	});
}

async function twoExecutions(sandbox) {
	sandbox.clearLog();
	const [a, b] = await Promise.all([
		runNode(
			{ resource: 'order', operation: 'getAll', returnAll: true },
			{ credentials: sandbox.credentials },
		),
		runNode(
			{ resource: 'order', operation: 'getAll', returnAll: true },
			{ credentials: sandbox.credentials },
		),
	]);
	const calls = sandbox.log.filter((r) => r.endpoint === 'order.getAll');
	const wall = span(calls);
	record('Two executions at once (same credential, 2 × Return All)', {
		rows: a.items.length + b.items.length,
		calls: calls.length,
		wallS: wall / 1000,
		...efficiencyOf(calls.length, wall),
		maxPerSecond: mostInWindow(
			calls.map((r) => r.t),
			1000,
		),
		sent429: calls.filter((r) => r.status === 429).length,
		surfaced429: (a.error ? 1 : 0) + (b.error ? 1 : 0),
	});
}

/** Runs Return All in a child process (sandbox stays here) and reads the child's peak RSS. */
function memory(sandbox, orders) {
	const child = path.join(__dirname, 'bench-child.js');
	return new Promise((resolve, reject) => {
		const proc = spawn(
			process.execPath,
			[child, 'returnAll', JSON.stringify(sandbox.credentials)],
			{ stdio: ['ignore', 'pipe', 'inherit'] },
		);
		let out = '';
		proc.stdout.on('data', (d) => (out += d));
		proc.on('exit', (code) => {
			if (code !== 0) return reject(new Error(`bench child exited ${code}`));
			const figures = JSON.parse(out.trim().split('\n').pop());
			record(`Memory: Return All of ${orders} orders`, {
				rows: figures.rows,
				baseRssMB: figures.baselineRssMB,
				peakRssMB: figures.peakRssMB,
			});
			resolve();
		});
	});
}

function coldLoad() {
	const child = path.join(__dirname, 'bench-child.js');
	const runs = [];
	for (let i = 0; i < 5; i++)
		runs.push(JSON.parse(execFileSync(process.execPath, [child, 'load']).toString().trim()));
	runs.sort((x, y) => x.loadMs - y.loadMs);
	record('Cold load: our modules + descriptions (median of 5)', { loadMs: runs[2].loadMs });
	record('Cold load incl. requiring n8n-workflow (median of 5)', {
		loadMs: runs[2].withWorkflowLibMs,
	});
}

function startChild(args) {
	const proc = spawn(process.execPath, [path.join(__dirname, 'bench-child.js'), ...args], {
		stdio: ['pipe', 'pipe', 'inherit'],
	});
	const lines = [];
	let buffer = '';
	const waiters = [];
	proc.stdout.on('data', (chunk) => {
		buffer += chunk;
		for (let at = buffer.indexOf('\n'); at >= 0; at = buffer.indexOf('\n')) {
			const text = buffer.slice(0, at);
			if (text.startsWith('BENCH ')) lines.push(text.slice('BENCH '.length));
			buffer = buffer.slice(at + 1);
			waiters.splice(0).forEach((wake) => wake());
		}
	});
	const exited = new Promise((resolve) => proc.on('exit', resolve));
	const line = async (index) => {
		while (lines.length <= index) {
			const more = new Promise((resolve) => waiters.push(resolve));
			if ((await Promise.race([more.then(() => 'line'), exited.then(() => 'exit')])) === 'exit')
				if (lines.length <= index) throw new Error('bench child exited early');
		}
		return lines[index];
	};
	return { proc, line };
}

const multiResults = [];

/**
 * N n8n processes (child processes running workflows through n8n-core) share one Billbee
 * account: EXECUTIONS Return All executions in all, spread over the processes and started
 * at once, plus one per-item loop per process, against one sandbox with Billbee's throttles.
 */
async function multiProcess(sandbox, processes, processCountField) {
	const EXECUTIONS = 8;
	const PER_ITEM = 8;
	sandbox.clearLog();
	const credentials = { ...sandbox.credentials, processCount: processCountField };
	const children = Array.from({ length: processes }, (_, i) => {
		const returnAll = Math.floor(EXECUTIONS / processes) + (i < EXECUTIONS % processes ? 1 : 0);
		const perItemIds = sandbox.data.orders
			.slice(200 + i * PER_ITEM, 200 + (i + 1) * PER_ITEM)
			.map((o) => String(o.BillBeeOrderId));
		return startChild(['workload', JSON.stringify({ credentials, returnAll, perItemIds })]);
	});
	await Promise.all(children.map((child) => child.line(0)));
	sandbox.clearLog();
	for (const child of children) child.proc.stdin.write('go\n');
	const outcomes = (
		await Promise.all(children.map(async (child) => JSON.parse(await child.line(1))))
	).flat();
	if (process.env.BENCH_TRACE)
		require('fs').writeFileSync(
			`${process.env.BENCH_TRACE}.${processes}x${processCountField}.sandbox`,
			sandbox.log
				.map((r) => JSON.stringify({ t: r.t, endpoint: r.endpoint, status: r.status }))
				.join('\n'),
		);
	const failed = outcomes.filter((o) => o.error);
	const row = {
		name: `${processes} process${processes > 1 ? 'es' : ''}, field = ${processCountField}`,
		executions: `${outcomes.length - failed.length}/${outcomes.length}`,
		failed: failed.length,
	};
	let all = 0;
	let throttled = 0;
	for (const [endpoint, label] of [
		['order.getAll', 'list'],
		['order.get', 'get'],
	]) {
		const calls = sandbox.log.filter((r) => r.endpoint === endpoint);
		const accepted = calls.filter((r) => r.status === 200);
		all += calls.length;
		throttled += calls.length - accepted.length;
		row[`${label}Calls`] = calls.length;
		row[`${label}429`] = calls.length - accepted.length;
		row[`${label}MaxIn1s`] = mostInWindow(
			calls.map((r) => r.t),
			1000,
		);
		if (label === 'list') {
			const wall = span(calls) / 1000;
			row.listWallS = wall;
			// Accepted requests per second against Billbee's 2 per second for the endpoint.
			row.throughput = wall > 0 ? (accepted.length - 1) / wall / PER_ENDPOINT_PER_SECOND : 1;
		}
	}
	row.share429 = throttled / all;
	if (failed.length) row.errors = [...new Set(failed.map((o) => o.error))].join(' | ');
	multiResults.push(row);
}

function printTable(rows, columns) {
	const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => format(r[c]).length)));
	const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join('  ');
	console.log(line(columns));
	console.log(line(widths.map((w) => '-'.repeat(w))));
	for (const r of rows) console.log(line(columns.map((c) => format(r[c]))));
}

const MULTI_SCENARIOS = [
	[1, 1],
	[2, 1],
	[4, 1],
	[4, 4],
];

/** `scenarios`: [processes, field] pairs, by default every one of MULTI_SCENARIOS. */
async function multiProcessScenarios(scenarios = MULTI_SCENARIOS) {
	const sandbox = await startSandbox({ orders: 2000 });
	try {
		for (const [processes, field] of scenarios) await multiProcess(sandbox, processes, field);
	} finally {
		await sandbox.close();
	}
}

function printMultiProcess() {
	console.log(
		'\nSeveral n8n processes sharing one Billbee account (8 × Return All of 2000 orders = 64 pages, plus 8 × get order per process; started at once)',
	);
	printTable(multiResults, [
		'name',
		'executions',
		'share429',
		'throughput',
		'listWallS',
		'listCalls',
		'list429',
		'listMaxIn1s',
		'getCalls',
		'get429',
		'getMaxIn1s',
	]);
	for (const r of multiResults) if (r.errors) console.log(`${r.name}: ${r.errors}`);
	console.log(
		`SUMMARY multi-process ${multiResults
			.map(
				(r) =>
					`[${r.name}: ok ${r.executions}, 429 ${format(r.share429 * 100)} %, throughput ${format(r.throughput)} × 2/s, max/1 s ${r.listMaxIn1s}]`,
			)
			.join(' ')}`,
	);
}

function format(value) {
	if (typeof value === 'number')
		return Number.isInteger(value) ? String(value) : value.toFixed(value < 0.01 ? 4 : 2);
	return String(value ?? '');
}

async function main() {
	if (process.argv[2] === 'multi') {
		// e.g. `npm run bench -- multi 4x1 4x4`: 4 processes with the field at 1, then at 4.
		const chosen = process.argv.slice(3).map((arg) => arg.split('x').map(Number));
		await multiProcessScenarios(chosen.length ? chosen : undefined);
		printMultiProcess();
		return;
	}
	const big = await startSandbox({ orders: 10000 });
	try {
		await returnAll(big, 10000);
		await limit(big);
		await perItemLoop(big);
		await mixedLoop(big);
		await memory(big, 10000);
	} finally {
		await big.close();
	}
	const small = await startSandbox({ orders: 1000 });
	try {
		await memory(small, 1000);
	} finally {
		await small.close();
	}
	const shared = await startSandbox({ orders: 4000 });
	try {
		await twoExecutions(shared);
	} finally {
		await shared.close();
	}
	await multiProcessScenarios();
	coldLoad();

	const columns = [
		'name',
		'rows',
		'calls',
		'wallS',
		'idealS',
		'efficiency',
		'sent429',
		'surfaced429',
		'callsPerRow',
		'maxPerSecond',
		'baseRssMB',
		'peakRssMB',
		'loadMs',
	];
	console.log(`Machine: ${os.cpus()[0].model}, ${os.cpus().length} cores, Node ${process.version}`);
	printTable(results, columns);
	const all = results.find((r) => r.name.startsWith('Return All over'));
	const lim = results.find((r) => r.name === 'Limit 300');
	const loop = results.find((r) => r.name.startsWith('Per-item'));
	const two = results.find((r) => r.name.startsWith('Two executions'));
	const surfaced = results.reduce((n, r) => n + (r.surfaced429 ?? 0), 0);
	const sent = results.reduce((n, r) => n + (r.sent429 ?? 0), 0);
	console.log(
		`\nSUMMARY return-all efficiency ${format(all.efficiency)} (goal ≥ 0.95), ${format(all.rows / all.wallS)} rows/s of 500, ` +
			`calls/row ${format(all.callsPerRow)} (goal 0.004), limit-300 calls ${lim.calls} (goal 2), per-item efficiency ${format(loop.efficiency)}, ` +
			`two-executions efficiency ${format(two.efficiency)}, 429 sent ${sent}, 429 surfaced ${surfaced}`,
	);
	printMultiProcess();
	await require('./bench-polling.js').run();
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
