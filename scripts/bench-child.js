'use strict';
// Child process of the benchmark: measures one thing in a fresh process.
const started = process.hrtime.bigint();
const mode = process.argv[2];

if (mode === 'load') {
	// n8n has n8n-workflow loaded before it loads community nodes: time our modules only.
	require('n8n-workflow');
	const ownStart = process.hrtime.bigint();
	const { Billbee } = require('../dist/nodes/Billbee/Billbee.node.js');
	const { BillbeeTrigger } = require('../dist/nodes/Billbee/BillbeeTrigger.node.js');
	const { BillbeeApi } = require('../dist/credentials/BillbeeApi.credentials.js');
	const properties =
		new Billbee().description.properties.length +
		new BillbeeTrigger().description.properties.length +
		new BillbeeApi().properties.length;
	const now = process.hrtime.bigint();
	console.log(
		JSON.stringify({
			loadMs: Number(now - ownStart) / 1e6,
			withWorkflowLibMs: Number(now - started) / 1e6,
			properties,
		}),
	);
} else if (mode === 'returnAll') {
	const credentials = JSON.parse(process.argv[3]);
	const { runNode } = require('../test/harness.js');
	const baselineRssMB = process.memoryUsage().rss / 2 ** 20;
	runNode({ resource: 'order', operation: 'getAll', returnAll: true }, { credentials }).then(
		({ items, error }) => {
			if (error) throw error;
			const peakRssMB = process.resourceUsage().maxRSS / 1024;
			console.log(JSON.stringify({ rows: items.length, peakRssMB, baselineRssMB }));
			process.exit(0);
		},
	);
} else if (mode === 'workload') {
	if (process.env.BENCH_TRACE) traceSends(process.env.BENCH_TRACE);
	// One n8n process of the multi-process benchmark: it loads n8n-core, says "ready", and on
	// "go" runs its executions at once (like a worker with that many jobs), then reports them.
	const { credentials, returnAll, perItemIds } = JSON.parse(process.argv[3]);
	const { runNode } = require('../test/harness.js');
	const executions = () => [
		...Array.from({ length: returnAll }, () =>
			runNode({ resource: 'order', operation: 'getAll', returnAll: true }, { credentials }),
		),
		...(perItemIds.length
			? [
					runNode(
						{ resource: 'order', operation: 'get', orderId: '={{ $json.id }}' },
						{ credentials, items: perItemIds.map((id) => ({ json: { id } })) },
					),
				]
			: []),
	];
	process.stdout.write('BENCH ready\n'); // n8n-core prints notices on stdout too
	process.stdin.once('data', async () => {
		const outcomes = await Promise.all(executions());
		const result = outcomes.map(({ items, error }) => ({
			rows: items.length,
			error: error ? error.message : undefined,
		}));
		process.stdout.write(`BENCH ${JSON.stringify(result)}\n`);
		process.exit(0);
	});
}

/** Appends each send and answer of this process's rate controller to `file` (a JSON line each). */
function traceSends(file) {
	const fs = require('fs');
	const { RateController } = require('../dist/nodes/Billbee/transport/rateController.js');
	const request = RateController.prototype.request;
	RateController.prototype.request = function (keys, ...rest) {
		const waiter = request.call(this, keys, ...rest);
		const write = (event) =>
			fs.appendFileSync(
				file,
				`${JSON.stringify({ pid: process.pid, t: Date.now(), endpoint: keys.endpoint.split('\u0000').pop(), event, ...this.stateOf(keys.endpoint) })}\n`,
			);
		return {
			...waiter,
			nextWait: () => {
				const wait = waiter.nextWait();
				if (wait === 0) write('send');
				return wait;
			},
			succeeded: () => {
				write('ok');
				waiter.succeeded();
			},
			throttled: (ms) => {
				write('429');
				return waiter.throttled(ms);
			},
		};
	};
}
