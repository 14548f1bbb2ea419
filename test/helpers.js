'use strict';
const net = require('node:net');
const test = require('node:test');
const { startSandbox } = require('./sandbox/server.js');
const { runNode, loadOptions } = require('./harness.js');

/**
 * The sandbox of one test file, with shortcuts to run the Billbee node against it through n8n-core
 * (harness.js). It starts before the file's first test and closes after its last; unless
 * `reset: false`, it is reset before each test (seeded data, empty log, config from `options`).
 * Call it at the top of the file: `sandbox` forwards to the running sandbox once it is up. Set-up
 * that needs the sandbox belongs in `test.beforeEach`: node:test runs a file's `test.before` hooks
 * concurrently, so another one may run before the sandbox has started.
 */
function useSandbox({ reset = true, ...options } = {}) {
	let running;
	test.before(async () => {
		running = await startSandbox(options);
	});
	test.after(() => running.close());
	if (reset) test.beforeEach(() => running.reset());

	const live = () => {
		if (!running) throw new Error('the sandbox is used before test.before started it');
		return running;
	};
	const sandbox = new Proxy(
		{},
		{
			get(_, key) {
				const value = live()[key];
				return typeof value === 'function' ? value.bind(running) : value;
			},
			set(_, key, value) {
				live()[key] = value;
				return true;
			},
		},
	);
	const requests = (predicate = () => true) => live().log.filter(predicate);
	return {
		sandbox,
		requests,
		/** Log records of one catalog endpoint, e.g. 'order.get'. */
		ofEndpoint: (id) => requests((record) => record.endpoint === id),
		run: (parameters, runOptions = {}) =>
			runNode(parameters, { credentials: live().credentials, ...runOptions }),
		dropdown: (methodName, parameters) => loadOptions(live().credentials, methodName, parameters),
	};
}

/** Milliseconds between consecutive requests of a list of log records. */
function gaps(records) {
	return records.slice(1).map((record, i) => record.t - records[i].t);
}

/** A local port that drops every connection at once: a Billbee (or echo receiver) that cannot be reached. */
async function closedPort() {
	// Held, not freed: a freed port may be taken by a sandbox of a test file running alongside.
	const server = net.createServer((socket) => socket.destroy());
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	server.unref();
	return server.address().port;
}

module.exports = { useSandbox, gaps, closedPort };
