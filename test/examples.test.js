'use strict';
// The importable workflows in examples/, run through n8n's engine against the sandbox. n8n's own
// nodes around the Billbee nodes are stand-ins that pass items through (see harness.js).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { billbeeNode, runWorkflow } = require('./harness');
const { useSandbox } = require('./helpers');
const { Billbee } = require('../dist/nodes/Billbee/Billbee.node.js');

const examples = path.join(__dirname, '..', 'examples');
const load = (file) => JSON.parse(fs.readFileSync(path.join(examples, file), 'utf8'));

const { sandbox, run } = useSandbox({ orders: 300 });

test('every example is an importable workflow whose Billbee nodes use valid resource/operation pairs', () => {
	const description = new Billbee().description;
	const operations = description.properties.filter((p) => p.name === 'operation');
	for (const file of fs.readdirSync(examples).filter((f) => f.endsWith('.json'))) {
		const workflow = load(file);
		assert.ok(workflow.name && Array.isArray(workflow.nodes) && workflow.connections, file);
		for (const node of workflow.nodes.filter((n) =>
			n.type.startsWith('n8n-nodes-billbee.billbee'),
		)) {
			if (node.type.endsWith('Trigger')) continue;
			const { resource, operation } = node.parameters;
			const known = operations.some(
				(p) =>
					p.displayOptions.show.resource.includes(resource) &&
					p.options.some((o) => o.value === operation),
			);
			assert.ok(known, `${file}: ${node.name} uses ${resource}.${operation}`);
			assert.ok(
				node.credentials.billbeeApi,
				`${file}: ${node.name} uses the billbeeApi credential`,
			);
		}
	}
});

test('new paid orders → notify: paid orders changed in the last 15 minutes reach the notify step', async () => {
	const now = new Date();
	const paid = sandbox.createOrder({ State: 3, PayedAt: now.toISOString().slice(0, 19) });
	sandbox.createOrder({ State: 1 }); // new but not paid: not notified
	const workflow = load('new-paid-orders-notify.workflow.json');
	const { outputOf, error } = await runWorkflow(workflow, {
		credentials: sandbox.credentials,
		items: [{ json: { timestamp: now.toISOString() } }],
	});
	assert.equal(error, undefined, error?.message);
	const notified = outputOf('Notify (replace with Slack, e-mail, …)');
	assert.deepEqual(
		notified.map((i) => i.json.BillBeeOrderId),
		[String(paid.BillBeeOrderId)],
	);
	const [request] = sandbox.log.filter((r) => r.endpoint === 'order.getAll');
	assert.equal(request.query.orderStateId, '3');
	assert.ok(
		Date.parse(request.query.modifiedAtMin) >= now.getTime() - 15 * 60_000 - 1000,
		request.query.modifiedAtMin,
	);
});

test('sync stock levels: the SKU list goes to Billbee in one bulk call, one result per SKU', async () => {
	const workflow = load('sync-stock-levels.workflow.json');
	const { outputOf, error } = await runWorkflow(workflow, { credentials: sandbox.credentials });
	assert.equal(error, undefined, error?.message);
	const results = outputOf('Update stock in Billbee');
	assert.deepEqual(
		results.map((r) => [r.json.Sku, r.json.ok]),
		[
			['SKU-1001', true],
			['SKU-1002', true],
			['SKU-1003', true],
			['DOES-NOT-EXIST', false],
		],
	);
	const calls = sandbox.log.filter((r) => r.endpoint === 'product.updateStockMultiple');
	assert.equal(calls.length, 1);
	assert.deepEqual(
		calls[0].body.map((u) => [u.Sku, u.NewQuantity]),
		[
			['SKU-1001', 12],
			['SKU-1002', 0],
			['SKU-1003', 48],
			['DOES-NOT-EXIST', 5],
		],
	);
	assert.equal(sandbox.data.products.find((p) => p.SKU === 'SKU-1003').StockCurrent, 48);
});

test("nightly invoice export: yesterday's invoices each come with their PDF as a binary file", async () => {
	const invoiced = sandbox.data.invoices ?? [];
	assert.ok(invoiced.length > 0, 'the sandbox has invoices');
	// Run "the night after" the day of a seeded invoice.
	const day = String(invoiced[0].InvoiceDate).slice(0, 10);
	const nextNight = new Date(`${day}T02:00:00Z`);
	nextNight.setUTCDate(nextNight.getUTCDate() + 1);
	const expected = invoiced.filter((i) => String(i.InvoiceDate).slice(0, 10) === day);
	const workflow = load('nightly-invoice-export.workflow.json');
	workflow.settings.timezone = 'UTC'; // the sandbox's dates are UTC; "yesterday" is a day of the workflow's time zone
	const { outputOf, error } = await runWorkflow(workflow, {
		credentials: sandbox.credentials,
		items: [{ json: { timestamp: nextNight.toISOString() } }],
	});
	assert.equal(error, undefined, error?.message);
	const stored = outputOf('Store PDFs (replace with Google Drive, S3, e-mail, …)');
	assert.equal(stored.length, expected.length);
	for (const item of stored) {
		assert.equal(item.binary.invoice.mimeType, 'application/pdf');
		assert.match(item.binary.invoice.fileName, /^invoice-.+\.pdf$/);
		assert.equal(
			Buffer.from(item.binary.invoice.data, 'base64').subarray(0, 5).toString(),
			'%PDF-',
		);
	}
	const [listing] = sandbox.log.filter((r) => r.endpoint === 'order.getInvoices');
	assert.equal(listing.query.minInvoiceDate.slice(0, 10), day);
});

const asTool = (node) => ({
	...billbeeNode(node.parameters, { type: node.type, name: node.name }),
	parameters: node.parameters,
});

test('AI agent: the Billbee tool is wired to the agent, reads only, and answers "not shipped, by shop" compactly with a limit', async () => {
	const workflow = load('ai-agent-unshipped-orders.workflow.json');
	const tool = workflow.nodes.find((n) => n.type === 'n8n-nodes-billbee.billbeeTool');
	assert.ok(tool, 'the Billbee node is used as a tool (n8n names the tool variant billbeeTool)');
	assert.deepEqual(workflow.connections[tool.name].ai_tool[0][0], {
		node: 'AI Agent',
		type: 'ai_tool',
		index: 0,
	});
	assert.equal(new Billbee().description.usableAsTool, true);
	assert.equal(tool.parameters.allowChanges, undefined, 'the tool may not change data');
	assert.equal(tool.parameters.returnAll, undefined);
	assert.ok(tool.parameters.descriptionType && tool.parameters.toolDescription);
	// What the tool returns when the agent calls it: the tool variant run by n8n's engine.
	const { items, error } = await run(undefined, { node: asTool(tool) });
	assert.equal(error, undefined, error?.message);
	const unshipped = sandbox.data.orders.filter((o) => [1, 2, 3, 13].includes(o.State));
	assert.ok(unshipped.length > 50, 'the sandbox has more unshipped orders than the limit');
	assert.equal(items.length, 50);
	const ids = new Set(unshipped.map((o) => String(o.BillBeeOrderId)));
	const byShop = {};
	for (const { json } of items) {
		assert.ok(ids.has(json.id), json.id);
		assert.equal(json.InvoiceAddress, undefined, 'compact, not the full order');
		byShop[json.shop] = (byShop[json.shop] ?? 0) + 1;
	}
	assert.ok(Object.keys(byShop).length >= 2, JSON.stringify(byShop));
});

test('MCP server: the 8 tools behind the MCP Server Trigger; only the two write tools may change data', async () => {
	const workflow = load('billbee-mcp-server.workflow.json');
	const trigger = workflow.nodes.find((n) => n.type === '@n8n/n8n-nodes-langchain.mcpTrigger');
	assert.ok(trigger.credentials.httpBearerAuth, 'the MCP server asks for a bearer token');
	const tools = workflow.nodes.filter((n) => n.type === 'n8n-nodes-billbee.billbeeTool');
	assert.deepEqual(
		tools.map((n) => n.name),
		[
			'List Orders',
			'Get Order',
			'Update Order State',
			'List Products',
			'List Customers',
			'List Invoices',
			'Get Order States',
			'Update Stock',
		],
	);
	for (const tool of tools) {
		assert.deepEqual(workflow.connections[tool.name].ai_tool[0][0].node, trigger.name);
		assert.equal(tool.parameters.descriptionType, 'manual');
		const writes = ['Update Order State', 'Update Stock'].includes(tool.name);
		assert.equal(tool.parameters.allowChanges === true, writes, tool.name);
	}
	// What the model would give, put where the tool asks for it with $fromAI('key', …).
	const answering = (node, values) => ({
		...node,
		parameters: JSON.parse(JSON.stringify(node.parameters), (_key, value) => {
			const asked = typeof value === 'string' && /\$fromAI\('(\w+)'/.exec(value);
			return asked ? (values[asked[1]] ?? '') : value;
		}),
	});
	const order = sandbox.data.orders[7];
	const getOrder = tools.find((n) => n.name === 'Get Order');
	const got = await run(undefined, {
		node: asTool(answering(getOrder, { orderId: String(order.BillBeeOrderId) })),
	});
	assert.equal(got.error, undefined, got.error?.message);
	assert.equal(got.items[0].json.id, String(order.BillBeeOrderId));
	const listOrders = tools.find((n) => n.name === 'List Orders');
	const listed = await run(undefined, {
		node: asTool(answering(listOrders, { states: 'paid, packed' })),
	});
	assert.equal(listed.error, undefined, listed.error?.message);
	assert.ok(listed.items.length > 0 && listed.items.length <= 50);
	for (const { json } of listed.items)
		assert.ok(['paid', 'packed'].includes(json.state), json.state);
	const updateStock = tools.find((n) => n.name === 'Update Stock');
	const product = sandbox.data.products[2];
	const stock = await run(undefined, {
		node: asTool(
			answering(updateStock, { sku: product.SKU, quantity: 17, productId: String(product.Id) }),
		),
	});
	assert.equal(stock.error, undefined, stock.error?.message);
	const [update] = sandbox.log.filter((r) => r.endpoint === 'product.updateStock');
	assert.equal(update.body.Sku, product.SKU);
	assert.equal(update.body.NewQuantity, 17);
	assert.equal(String(update.body.BillbeeId), String(product.Id));
});
