'use strict';
// Runs the Billbee Polling Trigger the way n8n's poll scheduler does: one long-lived Workflow
// per activation whose static data holds the cursor, poll() called through n8n-core's PollContext
// (mode "trigger"), and "Fetch Test Event" through WorkflowExecute in manual mode.
const path = require('path');
const { Workflow } = require('n8n-workflow');
const { PollContext } = require('n8n-core');
const {
	additionalData,
	nodeTypeInstances,
	nodeTypes,
	runWorkflow,
	SandboxCredentialsHelper,
} = require('./harness');

const TYPE = 'n8n-nodes-billbee.billbeePollingTrigger';
const { BillbeePollingTrigger } = require(
	path.join(__dirname, '..', 'dist/nodes/Billbee/BillbeePollingTrigger.node.js'),
);
const trigger = new BillbeePollingTrigger();
// As n8n's loader does for `polling: true`: Poll Times comes first (where n8n-core has it).
try {
	const { commonPollingParameters } = require('n8n-core/dist/nodes-loader/constants.js');
	trigger.description.properties.unshift(...commonPollingParameters);
} catch {
	// an n8n-core without the loader's constants: Poll Times only matters for the calls estimate
}
nodeTypeInstances[TYPE] = trigger;

const EVERY_MINUTE = { item: [{ mode: 'everyMinute' }] };

/**
 * A polling workflow. `staticData` is what n8n loaded from its database (a restart passes the
 * saved copy); `budgetMs` is what getPollBudgetMs() answers (undefined: n8n-core's default).
 */
function pollHost({ credentials, parameters, staticData = {}, budgetMs }) {
	const node = {
		id: 'poll-node',
		name: 'Billbee Polling Trigger',
		type: TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { pollTimes: EVERY_MINUTE, ...parameters },
		credentials: { billbeeApi: { id: '1', name: 'Billbee sandbox' } },
	};
	const workflow = new Workflow({
		id: 'wf-poll',
		name: 'Billbee polling test',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData,
	});
	const credentialsHelper = new SandboxCredentialsHelper(credentials);
	const budget = budgetMs === undefined ? undefined : () => budgetMs;

	return {
		node,
		workflow,
		/** One scheduled poll (n8n runs the first at activation). Returns the items or null. */
		async poll(activation = 'trigger') {
			const context = new PollContext(
				workflow,
				node,
				additionalData(credentialsHelper),
				'trigger',
				activation,
				undefined,
				undefined,
				undefined,
				undefined,
				undefined,
				budget,
			);
			const result = await nodeTypes.getByName(TYPE).poll.call(context);
			return result === null ? null : result[0];
		},
		/** What n8n would save in its database (plain JSON). */
		saved: () => JSON.parse(JSON.stringify(workflow.staticData)),
		/** "Fetch Test Event": the node run by WorkflowExecute in manual mode. */
		async fetchTestEvent() {
			const { outputOf, error } = await runWorkflow(
				{ nodes: [node], staticData: workflow.staticData },
				{ credentials },
			);
			return { items: outputOf(node.name), error };
		},
	};
}

module.exports = { pollHost, EVERY_MINUTE };
