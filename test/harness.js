'use strict';
// Runs the package's nodes through n8n's own execution engine (n8n-core WorkflowExecute),
// the way n8n runs a workflow, with a credential that points at the Billbee sandbox.
const path = require('path');
const os = require('os');
const fs = require('fs');

if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-billbee-test-'));
}

const { Workflow, ICredentialsHelper } = require('n8n-workflow');
const { WorkflowExecute, ExecutionLifecycleHooks, LoadOptionsContext } = require('n8n-core');

const dist = path.join(__dirname, '..', 'dist');
const { Billbee } = require(path.join(dist, 'nodes/Billbee/Billbee.node.js'));
const { BillbeeApi } = require(path.join(dist, 'credentials/BillbeeApi.credentials.js'));

const credentialType = new BillbeeApi();
const { BillbeeTrigger } = require(path.join(dist, 'nodes/Billbee/BillbeeTrigger.node.js'));
const nodeTypeInstances = {
	'n8n-nodes-billbee.billbee': new Billbee(),
	'n8n-nodes-billbee.billbeeTrigger': new BillbeeTrigger(),
};

/**
 * Stand-ins for n8n's own nodes that the example workflows use around the Billbee nodes. They
 * pass items through (a trigger emits what the test gives it, e.g. the schedule's timestamp);
 * the examples name them as the place to plug in Slack, a sheet, storage and so on.
 */
function passThrough(name) {
	return {
		description: {
			displayName: name,
			name,
			group: ['transform'],
			version: [1, 1.1, 1.2],
			defaults: { name },
			inputs: ['main'],
			outputs: ['main'],
			properties: [],
		},
		async execute() {
			return [this.getInputData()];
		},
	};
}
/**
 * The tool variant as n8n derives it from `usableAsTool` (n8n's tool generation): the same node
 * under the name `billbeeTool`, without main input, with an AI tool output. The name is what
 * matters to the node: `@tool` display options and the tool safety rules look at it.
 */
function toolVariant(nodeType) {
	const description = {
		...nodeType.description,
		name: `${nodeType.description.name}Tool`,
		displayName: `${nodeType.description.displayName} Tool`,
		inputs: [],
		outputs: ['ai_tool'],
	};
	delete description.usableAsTool;
	return Object.assign(Object.create(Object.getPrototypeOf(nodeType)), nodeType, { description });
}
nodeTypeInstances['n8n-nodes-billbee.billbeeTool'] = toolVariant(
	nodeTypeInstances['n8n-nodes-billbee.billbee'],
);

for (const type of ['noOp', 'manualTrigger', 'scheduleTrigger']) {
	nodeTypeInstances[`n8n-nodes-base.${type}`] = passThrough(type);
}

const nodeTypes = {
	getByName: (type) => nodeTypeInstances[type],
	getByNameAndVersion: (type) => nodeTypeInstances[type],
	getKnownTypes: () => ({}),
};

/** Applies the credential's generic `authenticate` block like n8n's CredentialsHelper does. */
class SandboxCredentialsHelper extends ICredentialsHelper {
	constructor(data) {
		super();
		this.data = data;
		this.requests = 0;
	}
	getParentTypes() {
		return [];
	}
	isCredentialUsableByNode() {
		return true;
	}
	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		this.requests++;
		const { properties } = credentialType.authenticate;
		const resolve = (value) =>
			workflow.expression.getSimpleParameterValue(
				node,
				value,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			);
		for (const [outerKey, entries] of Object.entries(properties)) {
			requestOptions[outerKey] = requestOptions[outerKey] ?? {};
			for (const [key, value] of Object.entries(entries)) {
				requestOptions[outerKey][resolve(key)] = resolve(value);
			}
		}
		return requestOptions;
	}
	async preAuthentication() {
		return undefined;
	}
	async runPreAuthentication() {
		return undefined;
	}
	async getCredentials() {
		return { getData: () => this.data };
	}
	async getDecrypted() {
		return { ...this.data };
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties() {
		return credentialType.properties;
	}
}

let executionCounter = 0;

function billbeeNode(parameters, extra = {}) {
	return {
		id: extra.id ?? `node-${Math.random().toString(36).slice(2, 10)}`,
		name: extra.name ?? 'Billbee',
		type: extra.type ?? 'n8n-nodes-billbee.billbee',
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { billbeeApi: { id: '1', name: 'Billbee sandbox' } },
		...(extra.continueOnFail ? { onError: 'continueRegularOutput', continueOnFail: true } : {}),
		...(extra.webhookId ? { webhookId: extra.webhookId } : {}),
	};
}

function additionalData(credentialsHelper, hooks) {
	return {
		hooks,
		credentialsHelper,
		executionId: `exec-${++executionCounter}`,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		variables: {},
		userId: 'test-user',
		setExecutionStatus() {},
		currentNodeExecutionIndex: 0,
	};
}

/**
 * Runs a workflow (nodes of this package, connected as in an exported n8n workflow) through
 * WorkflowExecute, starting at `startNode` with `items`. Returns the run and each node's output.
 */
async function runWorkflow(workflowData, { credentials, items = [{ json: {} }], startNode } = {}) {
	const workflow = new Workflow({
		id: workflowData.id ?? 'wf-test',
		name: workflowData.name ?? 'Billbee test workflow',
		nodes: workflowData.nodes,
		connections: workflowData.connections ?? {},
		active: false,
		nodeTypes,
		settings: workflowData.settings ?? {},
		staticData: workflowData.staticData ?? {},
	});
	const first = workflowData.nodes.find(
		(n) => n.name === (startNode ?? workflowData.nodes[0].name),
	);
	const credentialsHelper = new SandboxCredentialsHelper(credentials);
	const hooks = new ExecutionLifecycleHooks('manual', `exec-${executionCounter + 1}`, workflowData);
	const finished = new Promise((resolve) =>
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)),
	);
	const runExecutionData = {
		startData: {},
		resultData: { runData: {}, pinData: workflowData.pinData },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [{ node: first, data: { main: [items] }, source: null }],
		},
	};
	const execution = new WorkflowExecute(
		additionalData(credentialsHelper, hooks),
		'manual',
		runExecutionData,
	);
	await execution.processRunExecutionData(workflow);
	const run = await finished;
	const outputOf = (name) => run.data.resultData.runData[name]?.[0]?.data?.main?.[0] ?? [];
	return { run, outputOf, error: run.data.resultData.error };
}

/**
 * Runs one Billbee node over `items` through WorkflowExecute.
 * Returns { items, error, run } where items are the node's output (main[0]).
 */
async function runNode(
	parameters,
	{ credentials, items = [{ json: {} }], continueOnFail = false, node } = {},
) {
	const theNode = node ?? billbeeNode(parameters, { continueOnFail });
	const { run, outputOf } = await runWorkflow({ nodes: [theNode] }, { credentials, items });
	const nodeRun = run.data.resultData.runData[theNode.name]?.[0];
	return { items: outputOf(theNode.name), error: nodeRun?.error ?? run.data.resultData.error, run };
}

/** Runs a dropdown method of a node (default: Billbee) the way the n8n editor does (LoadOptionsContext). */
async function loadOptions(credentials, methodName, parameters = {}, { type } = {}) {
	const node = billbeeNode(parameters, { type });
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const data = additionalData(new SandboxCredentialsHelper(credentials));
	data.currentNodeParameters = parameters;
	const context = new LoadOptionsContext(workflow, node, data, `parameters.${methodName}`);
	return await nodeTypes.getByName(node.type).methods.loadOptions[methodName].call(context);
}

module.exports = {
	loadOptions,
	runNode,
	runWorkflow,
	billbeeNode,
	nodeTypes,
	nodeTypeInstances,
	SandboxCredentialsHelper,
	additionalData,
	credentialType,
};
