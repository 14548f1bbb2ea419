'use strict';
// The Billbee Polling Trigger's other events through n8n-core: new shipments, invoices and
// products, each created through Billbee's API after activation and emitted exactly once.
const test = require('node:test');
const assert = require('node:assert/strict');
const { startSandbox } = require('./sandbox/server.js');
const { pollHost } = require('./poll-host.js');

let sandbox;
test.beforeEach(async () => {
	sandbox = await startSandbox();
});
test.afterEach(() => sandbox.close());

/** A call to the sandbox's Billbee API, as another tool (or the merchant) would make it. */
async function api(method, path, body) {
	const { username, apiPassword, apiKey } = sandbox.credentials;
	const response = await fetch(`${sandbox.baseUrl}${path}`, {
		method,
		headers: {
			Authorization: `Basic ${Buffer.from(`${username}:${apiPassword}`).toString('base64')}`,
			'X-Billbee-Api-Key': apiKey,
			'Content-Type': 'application/json',
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	assert.equal(response.status < 300, true, `${method} ${path} → ${response.status}`);
}

async function activated(event) {
	const trigger = pollHost({ credentials: sandbox.credentials, parameters: { event } });
	assert.equal(await trigger.poll('activate'), null);
	return trigger;
}

test('newShipment: a shipment added after activation, once', async () => {
	const trigger = await activated('newShipment');
	const order = sandbox.data.orders[3];
	await api('POST', `/orders/${order.BillBeeOrderId}/shipment`, { ShippingId: 'TRACK-42' });
	const items = await trigger.poll();
	assert.equal(items.length, 1);
	assert.equal(items[0].json.ShippingId, 'TRACK-42');
	assert.equal(items[0].json.OrderId, String(order.BillBeeOrderId));
	assert.equal(await trigger.poll(), null);
});

test('newInvoice: an invoice created after activation, once, within the invoice throttle', async () => {
	const trigger = await activated('newInvoice');
	const order = sandbox.data.orders.find((o) => o.InvoiceNumber === null);
	await api('POST', `/orders/CreateInvoice/${order.BillBeeOrderId}`);
	const items = await trigger.poll();
	assert.equal(items.length, 1);
	assert.equal(items[0].json.OrderNumber, order.OrderNumber);
	assert.equal(await trigger.poll(), null);
	const listings = sandbox.log.filter((r) => r.endpoint === 'order.getInvoices');
	assert.equal(listings.filter((r) => r.status === 429).length, 0);
	const starts = listings.map((r) => r.query.minInvoiceDate);
	assert.equal(new Set(starts).size, starts.length, 'each call asks from another start date');
});

test('newProduct: a product created after activation, once', async () => {
	const trigger = await activated('newProduct');
	await api('POST', '/products', {
		SKU: 'POLL-NEW-1',
		Title: [{ Text: 'Neu', LanguageCode: 'DE' }],
	});
	const items = await trigger.poll();
	assert.equal(items.length, 1);
	assert.equal(items[0].json.SKU, 'POLL-NEW-1');
	assert.equal(await trigger.poll(), null);
});
