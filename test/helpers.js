'use strict';
const net = require('node:net');
const { startSandbox } = require('./sandbox/server.js');
const { runNode, loadOptions } = require('./harness.js');

/** A sandbox per test file plus shortcuts to run the Billbee node against it. */
async function withSandbox(options = {}) {
	const sandbox = await startSandbox(options);
	const run = (parameters, runOptions = {}) =>
		runNode(parameters, { credentials: sandbox.credentials, ...runOptions });
	const requests = (predicate = () => true) => sandbox.log.filter(predicate);
	const dropdown = (methodName, parameters) =>
		loadOptions(sandbox.credentials, methodName, parameters);
	return { sandbox, run, requests, dropdown };
}

/** Milliseconds between consecutive requests of a list of log records. */
function gaps(records) {
	return records.slice(1).map((record, i) => record.t - records[i].t);
}

/** A local port nothing listens on: a Billbee (or echo receiver) that cannot be reached. */
async function closedPort() {
	const server = net.createServer();
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	await new Promise((resolve) => server.close(resolve));
	return port;
}

module.exports = { withSandbox, gaps, closedPort };
