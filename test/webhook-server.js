'use strict';
// A stand-in for n8n's webhook server: it routes GET/POST /webhook/<webhookId>/webhook to the
// Billbee Trigger's webhook() through n8n-core's WebhookContext, like n8n does (raw body kept,
// JSON body parsed with plain JSON.parse), and runs the workflow through WorkflowExecute when
// the trigger returns items. It also drives the activation lifecycle through HookContext.
//
// Static data lives in a stand-in database the way n8n 2.x keeps it: every webhook call loads it
// into a new Workflow; building the execution wraps the same object in another Workflow (which
// clears its "changed" mark, as n8n's WorkflowRunner does); after the response it is saved only
// if still marked changed; an execution saves what changed while it ran.
const http = require('http');
const { Workflow } = require('n8n-workflow');
const {
	HookContext,
	WebhookContext,
	WorkflowExecute,
	ExecutionLifecycleHooks,
} = require('n8n-core');
const { nodeTypes, SandboxCredentialsHelper, additionalData } = require('./harness');

function expressLikeResponse(res) {
	const wrapped = {
		headersSent: false,
		status(code) {
			res.statusCode = code;
			return wrapped;
		},
		type(contentType) {
			res.setHeader('Content-Type', contentType);
			return wrapped;
		},
		set(name, value) {
			res.setHeader(name, value);
			return wrapped;
		},
		send(body) {
			wrapped.headersSent = true;
			res.end(
				body === undefined
					? undefined
					: typeof body === 'string' || Buffer.isBuffer(body)
						? body
						: JSON.stringify(body),
			);
			return wrapped;
		},
		json(body) {
			res.setHeader('Content-Type', 'application/json');
			return wrapped.send(JSON.stringify(body));
		},
		end(body) {
			wrapped.headersSent = true;
			res.end(body);
			return wrapped;
		},
	};
	return wrapped;
}

/**
 * Starts a webhook host for one workflow holding a Billbee Trigger node.
 * Returns { baseUrl, webhookUrl, staticData(), node, activate(), deactivate(), checkExists(), runs, close() }.
 */
async function startWebhookHost({
	credentials,
	parameters,
	webhookId = 'b1f3c2d4-0000-4000-8000-00000000abcd',
}) {
	const node = {
		id: 'trigger-node',
		name: 'Billbee Trigger',
		type: 'n8n-nodes-billbee.billbeeTrigger',
		typeVersion: 1,
		position: [0, 0],
		webhookId,
		parameters,
		credentials: { billbeeApi: { id: '1', name: 'Billbee sandbox' } },
	};
	const workflowData = {
		id: 'wf-trigger',
		name: 'Billbee trigger test',
		nodes: [node],
		connections: {},
		active: true,
		settings: {},
	};
	const copy = (data) => JSON.parse(JSON.stringify(data));
	let stored = {};
	const load = (staticData = copy(stored)) =>
		new Workflow({ ...workflowData, nodeTypes, staticData });
	/** n8n's saveStaticData: writes only data still marked as changed. */
	const save = (workflow) => {
		if (workflow.staticData.__dataChanged === true) stored = copy(workflow.staticData);
	};
	const credentialsHelper = new SandboxCredentialsHelper(credentials);
	const nodeType = nodeTypes.getByName(node.type);
	const runs = [];
	const responses = [];

	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', async () => {
			try {
				const url = new URL(req.url, 'http://127.0.0.1');
				const match = /^\/webhook\/([^/]+)\/webhook$/.exec(url.pathname);
				const description = nodeType.description.webhooks.find((w) => w.httpMethod === req.method);
				if (!match || match[1] !== webhookId || !description) {
					res.statusCode = 404;
					return res.end('not registered');
				}
				const rawBody = Buffer.concat(chunks);
				const request = req;
				request.rawBody = rawBody;
				request.query = Object.fromEntries(url.searchParams);
				request.body = rawBody.length ? JSON.parse(rawBody.toString('utf8')) : {};
				const response = expressLikeResponse(res);
				const data = additionalData(
					credentialsHelper,
					new ExecutionLifecycleHooks('webhook', 'exec-hook', workflowData),
				);
				const webhookData = {
					node: node.name,
					httpMethod: req.method,
					path: description.path,
					workflowId: workflowData.id,
					webhookDescription: description,
					workflowExecuteAdditionalData: data,
				};
				const workflow = load();
				const context = new WebhookContext(
					workflow,
					node,
					{ ...data, httpRequest: request, httpResponse: response },
					'webhook',
					webhookData,
					[],
					null,
				);
				const result = await nodeType.webhook.call(context);
				if (!result.noWebhookResponse && !response.headersSent) {
					res.statusCode = 200;
					res.end(
						typeof result.webhookResponse === 'string'
							? result.webhookResponse
							: '{"message":"Workflow was started"}',
					);
				}
				let execution;
				if (result.workflowData)
					execution = runTriggered(load(workflow.staticData), result.workflowData);
				save(workflow);
				responses.push({ method: req.method, status: res.statusCode });
				if (execution) runs.push(await execution);
			} catch (error) {
				res.statusCode = 500;
				res.end(String(error.message));
			}
		});
	});

	async function runTriggered(workflow, triggerOutput) {
		const hooks = new ExecutionLifecycleHooks('webhook', `exec-${runs.length + 1}`, workflowData);
		const finished = new Promise((resolve) =>
			hooks.addHandler('workflowExecuteAfter', (run, newStaticData) => {
				if (newStaticData) stored = copy(newStaticData);
				resolve(run);
			}),
		);
		const runExecutionData = {
			startData: {},
			resultData: { runData: {} },
			executionData: {
				contextData: {},
				metadata: {},
				waitingExecution: {},
				waitingExecutionSource: null,
				nodeExecutionStack: [{ node, data: { main: triggerOutput }, source: null }],
			},
		};
		await new WorkflowExecute(
			additionalData(credentialsHelper, hooks),
			'webhook',
			runExecutionData,
		).processRunExecutionData(workflow);
		const run = await finished;
		return run.data.resultData.runData[node.name][0].data.main[0];
	}

	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const baseUrl = `http://127.0.0.1:${server.address().port}`;

	function hookContext(workflow, activation) {
		const data = additionalData(
			credentialsHelper,
			new ExecutionLifecycleHooks('trigger', 'exec-activate', workflowData),
		);
		data.webhookBaseUrl = `${baseUrl}/webhook`;
		const description = nodeType.description.webhooks.find((w) => w.name === 'default');
		const webhookData = {
			node: node.name,
			httpMethod: 'POST',
			path: description.path,
			workflowId: workflowData.id,
			webhookDescription: description,
			workflowExecuteAdditionalData: data,
		};
		return new HookContext(workflow, node, data, 'trigger', activation, webhookData);
	}
	const methods = nodeType.webhookMethods.default;
	/** A lifecycle method on a freshly loaded workflow, saved afterwards (as n8n does). */
	async function lifecycle(method) {
		const workflow = load();
		const result = await method.call(hookContext(workflow, 'activate'));
		save(workflow);
		return result;
	}

	return {
		baseUrl,
		webhookUrl: `${baseUrl}/webhook/${webhookId}/webhook`,
		/** The static data as saved in the stand-in database. */
		staticData: () => copy(stored),
		node,
		runs,
		responses,
		checkExists: () => lifecycle(methods.checkExists),
		/** What n8n does on activation: create unless it exists. */
		async activate() {
			if (!(await lifecycle(methods.checkExists))) await lifecycle(methods.create);
		},
		deactivate: () => lifecycle(methods.delete),
		close() {
			server.closeAllConnections();
			server.close();
		},
	};
}

module.exports = { startWebhookHost };
