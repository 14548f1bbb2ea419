'use strict';
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

module.exports = { withSandbox, gaps };
