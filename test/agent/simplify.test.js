'use strict';
// Simplify: the documented compact shapes, on by default in the tool variant (with a limit of 50),
// off in the regular node; at most 10 % of Billbee's full JSON per order.
const test = require('node:test');
const assert = require('node:assert/strict');
const { useSandbox } = require('../helpers');
const { billbeeNode } = require('../harness');
const { COMPACT_ORDER_KEYS: ORDER_KEYS } = require('./shapes');

const TOOL = 'n8n-nodes-billbee.billbeeTool';
const STATE_NAMES = { 1: 'ordered', 2: 'confirmed', 3: 'paid', 4: 'shipped', 13: 'packed' };

const { sandbox, run, requests } = useSandbox({ throttle: false, orders: 120 });

const runTool = (parameters) => run(undefined, { node: billbeeNode(parameters, { type: TOOL }) });
const size = (value) => Buffer.byteLength(JSON.stringify(value));

test('tool: Get Many orders returns 50 compact orders by default (not Return All), ids exact as text', async () => {
	const { items, error } = await runTool({ resource: 'order', operation: 'getAll' });
	assert.equal(error, undefined, error?.message);
	assert.equal(items.length, 50);
	const [page] = requests((r) => r.endpoint === 'order.getAll');
	assert.equal(page.query.pageSize, '50');
	const byId = new Map(sandbox.data.orders.map((o) => [String(o.BillBeeOrderId), o]));
	for (const { json } of items) {
		const order = byId.get(json.id);
		assert.deepEqual(
			Object.keys(json),
			ORDER_KEYS.filter(
				(k) => (k !== 'paidAt' || order.PayedAt) && (k !== 'shippedAt' || order.ShippedAt),
			),
		);
		assert.ok(order, `order ${json.id} exists with exactly this id`);
		assert.equal(typeof json.id, 'string');
		assert.equal(json.orderNumber, order.OrderNumber);
		assert.equal(json.stateId, order.State);
		if (STATE_NAMES[order.State]) assert.equal(json.state, STATE_NAMES[order.State]);
		assert.equal(json.shopId, String(order.Seller.BillbeeShopId));
		assert.equal(json.shop, order.Seller.BillbeeShopName);
		assert.equal(json.paidAt, order.PayedAt ?? undefined);
		assert.equal(json.total, order.TotalCost);
		assert.equal(json.buyer.email, order.Buyer.Email);
		assert.deepEqual(json.buyer, { name: order.Buyer.FullName, email: order.Buyer.Email });
		assert.deepEqual(
			json.items,
			order.OrderItems.map((i) => ({
				sku: i.Product.SKU,
				title: i.Product.Title,
				quantity: i.Quantity,
			})),
		);
	}
});

test('a compact order is at most 10 % of the full JSON (measured per order)', async (t) => {
	const full = await run({ resource: 'order', operation: 'getAll', limit: 100 });
	const compact = await run({ resource: 'order', operation: 'getAll', limit: 100, simplify: true });
	assert.equal(full.items.length, 100);
	const fullById = new Map(full.items.map((i) => [String(i.json.BillBeeOrderId), i.json]));
	const ratios = compact.items.map((i) => size(i.json) / size(fullById.get(i.json.id)));
	const worst = Math.max(...ratios);
	const fullAverage = full.items.reduce((s, i) => s + size(i.json), 0) / full.items.length;
	const compactAverage = compact.items.reduce((s, i) => s + size(i.json), 0) / compact.items.length;
	t.diagnostic(
		`order JSON: full ${fullAverage.toFixed(0)} B, compact ${compactAverage.toFixed(0)} B on average; largest ratio ${(worst * 100).toFixed(1)} %`,
	);
	assert.ok(worst <= 0.1, `largest compact/full ratio ${worst}`);
});

test('regular node: Simplify is off by default and the full order comes back', async () => {
	const order = sandbox.data.orders[5];
	const { items } = await run({
		resource: 'order',
		operation: 'get',
		orderId: { __rl: true, mode: 'id', value: String(order.BillBeeOrderId) },
	});
	assert.equal(items[0].json.BillBeeOrderId, String(order.BillBeeOrderId));
	assert.ok(items[0].json.OrderItems);
});

test('tool: Simplify can be turned off per tool', async () => {
	const { items } = await runTool({
		resource: 'order',
		operation: 'getAll',
		limit: 2,
		simplify: false,
	});
	assert.ok(items[0].json.BillBeeOrderId && items[0].json.InvoiceAddress);
});

test('compact products, customers, shipments, invoices and a customer’s orders', async () => {
	const products = await runTool({ resource: 'product', operation: 'getAll', limit: 3 });
	const product = sandbox.data.products.find((p) => String(p.Id) === products.items[0].json.id);
	assert.deepEqual(products.items[0].json, {
		id: String(product.Id),
		sku: product.SKU,
		ean: product.EAN,
		title: product.Title[0].Text,
		price: product.Price,
		stock: product.StockCurrent,
		category: product.Category1.Name,
	});

	const customers = await runTool({ resource: 'customer', operation: 'getAll', limit: 3 });
	const customer = sandbox.data.customers.find((c) => String(c.Id) === customers.items[0].json.id);
	assert.deepEqual(customers.items[0].json, {
		id: String(customer.Id),
		number: String(customer.Number),
		name: customer.Name,
		email: customer.Email,
		phone: customer.Tel1,
	});

	const shipments = await runTool({ resource: 'shipment', operation: 'getAll', limit: 2 });
	assert.ok(shipments.items.length > 0);
	const shipment = sandbox.data.shipments.find(
		(s) => String(s.BillbeeId) === shipments.items[0].json.id,
	);
	assert.deepEqual(shipments.items[0].json, {
		id: String(shipment.BillbeeId),
		orderId: String(shipment.OrderId),
		trackingNumber: shipment.ShippingId,
		shipper: shipment.Shipper,
		createdAt: shipment.Created,
		trackingUrl: shipment.TrackingUrl,
	});

	const invoices = await runTool({
		resource: 'order',
		operation: 'getInvoices',
		limit: 2,
		filters: { includePositions: true },
	});
	assert.equal(invoices.error, undefined, invoices.error?.message);
	const first = invoices.items[0].json;
	const invoice = sandbox.data.invoices.find((i) => i.InvoiceNumber === first.invoiceNumber);
	assert.equal(first.orderId, String(invoice.BillbeeId));
	assert.equal(first.totalGross, invoice.TotalGross);
	assert.equal(first.items.length, invoice.Positions.length);
	assert.deepEqual(Object.keys(first.customer), ['name', 'email']);

	const withOrders = sandbox.data.orders[0].Customer;
	const orders = await runTool({
		resource: 'customer',
		operation: 'getOrders',
		customerId: String(withOrders.Id),
	});
	assert.equal(orders.error, undefined, orders.error?.message);
	assert.ok(orders.items.length > 0);
	const ids = sandbox.data.orders
		.filter((o) => String(o.Customer.Id) === String(withOrders.Id))
		.map((o) => String(o.BillBeeOrderId));
	for (const { json } of orders.items) assert.ok(ids.includes(json.id), json.id);
});
