#!/usr/bin/env node
'use strict';
/**
 * Standalone Billbee API sandbox.
 *
 *   node test/sandbox/cli.js [--port 4010] [--orders N] [--products N] [--customers N]
 *                            [--seed N] [--latency MS] [--no-throttle] [--no-retry-after]
 *
 * Runs until Ctrl-C. Control routes (no auth, 127.0.0.1 only) are listed in README.md.
 */

const { startSandbox } = require('./server');

/** Options that take a non-negative integer, by flag. */
const NUMBER_OPTIONS = {
	'--port': 'port',
	'--orders': 'orders',
	'--products': 'products',
	'--customers': 'customers',
	'--seed': 'seed',
	'--latency': 'latencyMs',
};

function parseArgs(argv) {
	const opts = { port: 4010 };
	const number = (name, value) => {
		const n = Number(value);
		if (!Number.isInteger(n) || n < 0)
			throw new Error(`${name} needs a non-negative integer, got '${value}'`);
		return n;
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const [flag, inline] = arg.split('=', 2);
		const value = () => (inline !== undefined ? inline : argv[++i]);
		if (Object.hasOwn(NUMBER_OPTIONS, flag)) {
			opts[NUMBER_OPTIONS[flag]] = number(flag, value());
			continue;
		}
		switch (flag) {
			case '--no-throttle':
				opts.throttle = false;
				break;
			case '--no-retry-after':
				opts.retryAfterHeader = false;
				break;
			case '--help':
			case '-h':
				console.log(
					'usage: node test/sandbox/cli.js [--port 4010] [--orders N] [--products N] [--customers N] [--seed N] [--latency MS] [--no-throttle] [--no-retry-after]',
				);
				process.exit(0);
				break;
			default:
				throw new Error(`unknown option ${arg}`);
		}
	}
	return opts;
}

(async () => {
	let opts;
	try {
		opts = parseArgs(process.argv.slice(2));
	} catch (err) {
		console.error(err.message);
		process.exit(2);
	}
	const sandbox = await startSandbox(opts);
	const s = sandbox.samples();
	console.log(`Billbee API sandbox listening on ${sandbox.baseUrl}`);
	console.log('');
	console.log(`  Base URL      ${sandbox.baseUrl}`);
	console.log(`  Username      ${sandbox.credentials.username}`);
	console.log(`  API password  ${sandbox.credentials.apiPassword}`);
	console.log(`  API key       ${sandbox.credentials.apiKey}`);
	console.log('');
	console.log(
		`  ${sandbox.data.orders.length} orders, ${sandbox.data.products.length} products, ${sandbox.data.customers.length} customers; throttle ${sandbox.config.throttle ? 'on' : 'off'}`,
	);
	console.log(
		`  sample order id ${s.orderId}, SKU ${s.sku}, EAN ${s.ean}, customer id ${s.customerId}`,
	);
	console.log(`  control: ${sandbox.origin}/__sandbox/info  (see test/sandbox/README.md)`);
	console.log('');
	console.log('Ctrl-C to stop.');

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
})().catch((err) => {
	console.error(err);
	process.exit(1);
});
