'use strict';
// The Quick start demo: a small workflow of Billbee nodes, run by n8n's own engine
// (n8n-core WorkflowExecute) against the built-in Billbee sandbox on 127.0.0.1.
const path = require('path');
const { startSandbox } = require('../test/sandbox/server.js');
const { runWorkflow } = require('../test/harness.js');

const workflow = require(path.join(__dirname, '..', 'examples', 'demo.workflow.json'));

function table(rows, columns) {
	const widths = columns.map((c) =>
		Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)),
	);
	const line = (cells) => cells.map((cell, i) => String(cell ?? '').padEnd(widths[i])).join('  ');
	return [
		line(columns),
		line(widths.map((w) => '-'.repeat(w))),
		...rows.map((r) => line(columns.map((c) => r[c]))),
	].join('\n');
}

async function main() {
	const sandbox = await startSandbox({ orders: 620 });
	console.log(`Billbee sandbox listening at ${sandbox.baseUrl}\n`);
	try {
		const started = Date.now();
		const { outputOf, error } = await runWorkflow(workflow, { credentials: sandbox.credentials });
		if (error) throw error;
		const orders = outputOf('List unshipped orders');
		const details = outputOf('Get order details');
		const stock = outputOf('Set stock level');

		const byShop = {};
		for (const { json } of orders) {
			const shop = json.Seller?.BillbeeShopName ?? 'unknown shop';
			byShop[shop] = (byShop[shop] ?? 0) + 1;
		}
		console.log(
			`1. "List unshipped orders" (Return All, paged 250 per call): ${orders.length} orders`,
		);
		console.log(
			table(
				Object.entries(byShop).map(([shop, count]) => ({ shop, orders: count })),
				['shop', 'orders'],
			),
		);
		console.log('\n2. "Get order details" for the newest one (ids above 2^53 stay exact):');
		console.log(
			table(
				details.map(({ json }) => ({
					BillBeeOrderId: json.BillBeeOrderId,
					OrderNumber: json.OrderNumber,
					State: json.State,
					TotalCost: json.TotalCost,
					Currency: json.Currency,
				})),
				['BillBeeOrderId', 'OrderNumber', 'State', 'TotalCost', 'Currency'],
			),
		);
		console.log(`\n3. "Set stock level": ${JSON.stringify(stock[0]?.json)}`);

		const calls = sandbox.log.length;
		const throttled = sandbox.log.filter((r) => r.status === 429).length;
		console.log(
			`\n${calls} API calls in ${((Date.now() - started) / 1000).toFixed(1)} s, ${throttled} answered 429 by the sandbox (its real throttles are on).`,
		);
	} finally {
		sandbox.close();
	}
}

main().catch((error) => {
	console.error(error.message ?? error);
	if (error.description) console.error(error.description);
	process.exitCode = 1;
});
