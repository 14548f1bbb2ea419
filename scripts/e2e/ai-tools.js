'use strict';
// Scenario: the Billbee Tool in n8n's AI Agent and behind n8n's MCP Server Trigger, in one n8n.
// 1. AI Agent + OpenAI Chat Model pointed at a scripted model (mock-openai.js) that replays the
//    tool calls for the three assistant prompts. Asserts what the sandbox received (exact ids,
//    PUT /orders/{id}/orderstate with 3 for "paid") and what the model was shown (compact output,
//    exact ids); with Allow Changes off the model gets a refusal and the sandbox no write.
// 2. The MCP server example (examples/billbee-mcp-server.workflow.json), activated: an MCP client
//    lists its 8 tools with input schemas, calls List Orders and Get Order, and a write tool whose
//    changes are not allowed returns a refusal while the sandbox sees no write.
const assert = require('assert/strict');
const fs = require('fs');
const path = require('path');
const { stringify: exactJson } = require('../../test/sandbox/exact-json.js');
const { startSandbox } = require('../../test/sandbox/server.js');
const { startMockModel } = require('./mock-openai.js');
const {
	ROOT,
	createInstance,
	credentialRef,
	sandboxCredential,
	step,
	stopAll,
} = require('./n8n.js');

const EXAMPLE = path.join(ROOT, 'examples', 'billbee-mcp-server.workflow.json');
const MODEL_CREDENTIAL = { openAiApi: { id: 'MockModelE2E', name: 'Scripted model' } };
const BEARER_CREDENTIAL = { httpBearerAuth: { id: 'McpBearerE2E', name: 'MCP bearer token' } };
const MCP_TOKEN = 'e2e-mcp-token-3f9a';
const UNSHIPPED = ['ordered', 'confirmed', 'paid', 'packed'];
const COMPACT_ORDER_KEYS = new Set(require('../../test/agent/shapes.js').COMPACT_ORDER_KEYS);

const PROMPTS = {
	unshipped:
		'List my recent Billbee orders that are not yet shipped and summarize them by state and shop.',
	setPaid: (id) => `Look up the Billbee order ${id} and update its state to paid.`,
	customer: (name) => `Find the Billbee customer ${name} and summarize their recent orders.`,
};

/** The tool nodes of the MCP example, with the sandbox credential. */
function exampleTools({ allowChanges }) {
	const example = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
	return example.nodes
		.filter((n) => n.type === 'n8n-nodes-billbee.billbeeTool')
		.map((n) => {
			const parameters = { ...n.parameters };
			if (!allowChanges) delete parameters.allowChanges;
			return { ...n, parameters, credentials: credentialRef };
		});
}

function agentWorkflow({ id, path: webhookPath, allowChanges }) {
	const tools = exampleTools({ allowChanges }).map((n) => ({ ...n, id: `${id}-${n.id}` }));
	const connections = {
		Prompt: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
		'OpenAI Chat Model': {
			ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
		},
	};
	for (const tool of tools)
		connections[tool.name] = { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] };
	return {
		id,
		name: `Billbee e2e: AI agent (${allowChanges ? 'changes allowed' : 'read only'})`,
		active: false,
		nodes: [
			{
				id: `${id}-webhook`,
				name: 'Prompt',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `${id}-hook`,
				parameters: {
					httpMethod: 'POST',
					path: webhookPath,
					responseMode: 'lastNode',
					options: {},
				},
			},
			{
				id: `${id}-agent`,
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 3.1,
				position: [240, 0],
				parameters: {
					promptType: 'define',
					text: '={{ $json.body.prompt }}',
					options: { systemMessage: 'You help a Billbee merchant. Use the Billbee tools.' },
				},
			},
			{
				id: `${id}-model`,
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.2,
				position: [0, 240],
				parameters: { model: { __rl: true, mode: 'id', value: 'mock-model' }, options: {} },
				credentials: MODEL_CREDENTIAL,
			},
			...tools,
		],
		connections,
		settings: { executionOrder: 'v1' },
	};
}

const lastResult = (turn, name) => [...turn.results].reverse().find((r) => r.name === name);
/** A tool result as the model got it: n8n gives the items' JSON, one object or a list. */
const records = (result) => (Array.isArray(result.json) ? result.json : [result.json]).flat();

/** The scripted model: one plan per prompt, each step decided by the tool results so far. */
function script(turn) {
	const { prompt } = turn;
	if (prompt === PROMPTS.unshipped) {
		const listed = lastResult(turn, 'List_Orders');
		if (!listed)
			return {
				toolCalls: [
					{
						name: 'List_Orders',
						arguments: { orderedAfter: '', changedAfter: '', states: UNSHIPPED.join(',') },
					},
				],
			};
		const groups = {};
		for (const order of records(listed)) {
			const key = `${order.state} @ ${order.shop}`;
			groups[key] = [...(groups[key] ?? []), order.id];
		}
		return { content: `SUMMARY ${JSON.stringify(groups)}` };
	}
	const setPaid = /^Look up the Billbee order (\d+) and update its state to paid\.$/.exec(prompt);
	if (setPaid) {
		const [, orderId] = setPaid;
		const got = lastResult(turn, 'Get_Order');
		if (!got) return { toolCalls: [{ name: 'Get_Order', arguments: { orderId } }] };
		const updated = lastResult(turn, 'Update_Order_State');
		if (!updated)
			return {
				toolCalls: [
					{ name: 'Update_Order_State', arguments: { orderId: records(got)[0].id, state: 'paid' } },
				],
			};
		return { content: `UPDATED ${updated.content}` };
	}
	const customer = /^Find the Billbee customer (.+) and summarize their recent orders\.$/.exec(
		prompt,
	);
	if (customer) {
		const customers = lastResult(turn, 'List_Customers');
		if (!customers) return { toolCalls: [{ name: 'List_Customers', arguments: {} }] };
		const found = records(customers).find((c) => c.name === customer[1]);
		if (!found) return { content: 'NO SUCH CUSTOMER' };
		const orders = lastResult(turn, 'List_Orders');
		if (!orders)
			return {
				toolCalls: [
					{ name: 'List_Orders', arguments: { orderedAfter: '', changedAfter: '', states: '' } },
				],
			};
		const theirs = records(orders).filter((o) => o.buyer?.email === found.email);
		return { content: `CUSTOMER ${found.id} ORDERS ${JSON.stringify(theirs.map((o) => o.id))}` };
	}
	throw new Error(`the scripted model has no plan for: ${prompt}`);
}

function mcpWorkflow() {
	const example = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
	return {
		...example,
		id: 'BillbeeE2eMcp',
		active: false,
		nodes: example.nodes.map((node) => {
			if (node.type === 'n8n-nodes-billbee.billbeeTool')
				return {
					...node,
					credentials: credentialRef,
					// The test turns changes off on one write tool to see the refusal over MCP.
					parameters:
						node.name === 'Update Stock'
							? { ...node.parameters, allowChanges: false }
							: node.parameters,
				};
			return { ...node, credentials: BEARER_CREDENTIAL };
		}),
	};
}

async function runAgentChecks(n8n, sandbox, model) {
	const ask = async (webhookPath, prompt) => {
		const before = model.turns.length;
		const response = await fetch(`${n8n.base}/webhook/${webhookPath}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ prompt }),
		});
		const text = await response.text();
		assert.equal(response.status, 200, `agent answered ${response.status}: ${text.slice(0, 500)}`);
		return { answer: JSON.parse(text).output, turns: model.turns.slice(before) };
	};
	const writes = () => sandbox.log.filter((r) => r.method !== 'GET');

	step('prompt 1: unshipped orders by state and shop');
	sandbox.clearLog();
	const first = await ask('billbee-agent', PROMPTS.unshipped);
	const offered = first.turns[0].tools;
	assert.equal(offered.length, 8, `tools offered to the model: ${offered.join(', ')}`);
	const [listing] = sandbox.log.filter((r) => r.endpoint === 'order.getAll');
	assert.deepEqual(listing.query.orderStateId, ['1', '2', '3', '13'], 'states by name became ids');
	assert.equal(listing.query.pageSize, '50', 'the tool asks for 50 orders, not all');
	const shown = records(lastResult(first.turns.at(-1), 'List_Orders'));
	const unshipped = sandbox.data.orders.filter((o) => [1, 2, 3, 13].includes(o.State));
	assert.equal(shown.length, Math.min(50, unshipped.length));
	const byId = new Map(sandbox.data.orders.map((o) => [String(o.BillBeeOrderId), o]));
	for (const order of shown) {
		assert.ok(byId.has(order.id), `the model saw the exact id ${order.id}`);
		for (const key of Object.keys(order)) assert.ok(COMPACT_ORDER_KEYS.has(key), key);
		const ratio = JSON.stringify(order).length / exactJson(byId.get(order.id)).length;
		assert.ok(ratio <= 0.1, `order ${order.id}: compact is ${(ratio * 100).toFixed(1)} % of full`);
	}
	const fullSize = shown.reduce((sum, o) => sum + exactJson(byId.get(o.id)).length, 0);
	const summary = JSON.parse(first.answer.replace(/^SUMMARY /, ''));
	assert.equal(Object.values(summary).flat().length, shown.length);
	console.log(
		`✔ agent: ${shown.length} compact unshipped orders, ${(JSON.stringify(shown).length / 1024).toFixed(1)} KB for the model instead of ${(fullSize / 1024).toFixed(1)} KB in full; ${Object.keys(summary).length} state/shop groups`,
	);

	step('prompt 2: look up an order and set it to paid (changes allowed)');
	const target = sandbox.data.orders.find((o) => o.State === 1);
	const id = String(target.BillBeeOrderId);
	sandbox.clearLog();
	const second = await ask('billbee-agent', PROMPTS.setPaid(id));
	const got = records(lastResult(second.turns.at(-1), 'Get_Order'))[0];
	assert.equal(got.id, id, 'Get Order shows the exact id');
	const puts = writes();
	assert.equal(puts.length, 1, JSON.stringify(puts.map((r) => r.path)));
	assert.equal(puts[0].method, 'PUT');
	assert.equal(puts[0].path, `/orders/${id}/orderstate`);
	assert.deepEqual(puts[0].body, { NewStateId: 3 });
	assert.equal(target.State, 3);
	assert.match(second.answer, /^UPDATED /);
	console.log(`✔ agent: PUT /orders/${id}/orderstate {"NewStateId":3}`);

	step('prompt 2 again, with Allow Changes off: a refusal, no write');
	const other = sandbox.data.orders.find((o) => o.State === 1);
	sandbox.clearLog();
	const refused = await ask(
		'billbee-agent-read-only',
		PROMPTS.setPaid(String(other.BillBeeOrderId)),
	);
	const result = lastResult(refused.turns.at(-1), 'Update_Order_State');
	const refusal = records(result)[0];
	assert.equal(refusal.refused, true, result.content);
	assert.match(refusal.message, /was not sent/);
	assert.deepEqual(writes(), []);
	assert.equal(other.State, 1);
	console.log(`✔ agent: the model got the refusal "${refusal.message.slice(0, 60)}…", no write`);

	step('prompt 3: a customer and their recent orders');
	const buyer = sandbox.data.customers[2];
	const third = await ask('billbee-agent', PROMPTS.customer(buyer.Name));
	const [, customerId, orderIds] = /^CUSTOMER (\d+) ORDERS (.*)$/.exec(third.answer) ?? [];
	assert.equal(customerId, String(buyer.Id), third.answer);
	const expected = records(lastResult(third.turns.at(-1), 'List_Orders'))
		.map((o) => byId.get(o.id))
		.filter((o) => String(o.Customer.Id) === String(buyer.Id))
		.map((o) => String(o.BillBeeOrderId));
	assert.ok(expected.length > 0, 'the customer has orders among the recent ones');
	assert.deepEqual(JSON.parse(orderIds), expected);
	console.log(`✔ agent: customer ${customerId} with ${expected.length} recent orders`);
}

async function runMcpChecks(n8n, sandbox) {
	const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
	const { StreamableHTTPClientTransport } = await import(
		'@modelcontextprotocol/sdk/client/streamableHttp.js'
	);
	const url = new URL(`${n8n.base}/mcp/billbee`);
	const anonymous = await fetch(url, { method: 'POST', body: '{}' });
	assert.ok([401, 403].includes(anonymous.status), `without the bearer token: ${anonymous.status}`);

	const client = new Client({ name: 'billbee-e2e', version: '1.0.0' });
	const transport = new StreamableHTTPClientTransport(url, {
		requestInit: { headers: { Authorization: `Bearer ${MCP_TOKEN}` } },
	});
	await client.connect(transport);
	try {
		step('MCP: list the tools');
		const { tools } = await client.listTools();
		const names = tools.map((t) => t.name).sort();
		assert.deepEqual(names, [
			'Get_Order',
			'Get_Order_States',
			'List_Customers',
			'List_Invoices',
			'List_Orders',
			'List_Products',
			'Update_Order_State',
			'Update_Stock',
		]);
		const schema = (name) => tools.find((t) => t.name === name).inputSchema;
		assert.deepEqual(Object.keys(schema('List_Orders').properties).sort(), [
			'changedAfter',
			'orderedAfter',
			'states',
		]);
		assert.equal(schema('Get_Order').properties.orderId.type, 'string');
		assert.deepEqual(Object.keys(schema('Update_Stock').properties).sort(), [
			'productId',
			'quantity',
			'sku',
		]);
		for (const tool of tools) {
			assert.ok(tool.description.length > 40, `${tool.name} says what it needs and returns`);
			assert.ok(!('allowChanges' in (tool.inputSchema.properties ?? {})), tool.name);
		}
		console.log(`✔ MCP: ${tools.length} tools with input schemas`);

		const call = async (name, args) => {
			const result = await client.callTool({ name, arguments: args });
			assert.ok(!result.isError, `${name}: ${JSON.stringify(result.content)}`);
			return JSON.parse(result.content[0].text);
		};
		step('MCP: List Orders, then Get Order with an exact id');
		sandbox.clearLog();
		const listed = await call('List_Orders', {
			orderedAfter: '',
			changedAfter: '',
			states: 'paid',
		});
		const paid = sandbox.data.orders
			.filter((o) => o.State === 3)
			.map((o) => String(o.BillBeeOrderId));
		assert.ok(listed.length > 0);
		for (const order of listed) assert.ok(paid.includes(order.id), order.id);
		const chosen = listed.at(-1).id;
		const [order] = [await call('Get_Order', { orderId: chosen })].flat();
		assert.equal(order.id, chosen);
		assert.equal(order.stateId, 3);
		const gets = sandbox.log.filter((r) => r.endpoint === 'order.get');
		assert.deepEqual(
			gets.map((r) => r.path),
			[`/orders/${chosen}`],
		);
		console.log(`✔ MCP: ${listed.length} paid orders listed; Get Order ${chosen} exact`);

		step('MCP: a write tool without Allow Changes refuses, the sandbox sees no write');
		const product = sandbox.data.products[0];
		sandbox.clearLog();
		const [refusal] = [
			await call('Update_Stock', { sku: product.SKU, quantity: 7, productId: String(product.Id) }),
		].flat();
		assert.equal(refusal.refused, true, JSON.stringify(refusal));
		assert.deepEqual(
			sandbox.log.filter((r) => r.method !== 'GET'),
			[],
		);
		assert.notEqual(product.StockCurrent, 7);
		console.log('✔ MCP: Update Stock refused as its result, no write');
	} finally {
		await client.close();
	}
}

async function run({ bin, tarball }) {
	step('Billbee sandbox and scripted model');
	const sandbox = await startSandbox({ orders: 40, customers: 12, throttle: false });
	const model = await startMockModel(script);
	const n8n = await createInstance({ name: 'ai-tools', bin, tarball });
	try {
		step('import credentials and workflows');
		await n8n.importJson('credentials', 'credentials.json', [
			...sandboxCredential(sandbox),
			{
				id: MODEL_CREDENTIAL.openAiApi.id,
				name: MODEL_CREDENTIAL.openAiApi.name,
				type: 'openAiApi',
				data: { apiKey: 'sk-mock-not-a-secret', url: model.baseUrl },
			},
			{
				id: BEARER_CREDENTIAL.httpBearerAuth.id,
				name: BEARER_CREDENTIAL.httpBearerAuth.name,
				type: 'httpBearerAuth',
				data: { token: MCP_TOKEN },
			},
		]);
		const agents = [
			agentWorkflow({ id: 'BillbeeE2eAgent', path: 'billbee-agent', allowChanges: true }),
			agentWorkflow({
				id: 'BillbeeE2eAgentRO',
				path: 'billbee-agent-read-only',
				allowChanges: false,
			}),
		];
		for (const workflow of [...agents, mcpWorkflow()])
			await n8n.importJson('workflow', `${workflow.id}.workflow.json`, workflow);

		step('start n8n and activate the workflows');
		n8n.start();
		const cookie = await n8n.ready();
		for (const workflow of [...agents, mcpWorkflow()]) await n8n.activate(cookie, workflow.id);

		await runAgentChecks(n8n, sandbox, model);
		await runMcpChecks(n8n, sandbox);
	} finally {
		await stopAll();
		await model.close();
		await sandbox.close();
	}
}

module.exports = { name: 'ai-tools', run };
