'use strict';
// Shipment resource: dropdown-backed fields (providers, products, carriers) through n8n-core's
// LoadOptionsContext, the ShipmentWithLabel body, the label PDF as binary, and the listing filters.
const test = require('node:test');
const assert = require('node:assert/strict');
const { useSandbox } = require('../helpers');
const { ERIKA_IN_BERLIN, ERIKA_IN_BERLIN_FORM } = require('../fixtures/addresses');

const { sandbox, run, dropdown, ofEndpoint } = useSandbox({ throttle: false });

test('shipWithLabel: provider and product picked from the dropdowns end up as exact ids in the body', async () => {
	const providers = await dropdown('getShippingProviders', {
		resource: 'shipment',
		operation: 'shipWithLabel',
	});
	assert.deepEqual(
		providers.map((p) => p.name),
		['Deutsche Post', 'DHL', 'DPD', 'UPS'],
	);
	const dhl = providers.find((p) => p.name === 'DHL');
	const dhlData = sandbox.data.shippingProviders.find((p) => p.name === 'DHL');
	assert.equal(dhl.value, String(dhlData.id));

	const products = await dropdown('getShippingProviderProducts', {
		resource: 'shipment',
		operation: 'shipWithLabel',
		providerId: dhl.value,
	});
	assert.deepEqual(
		products.map((p) => p.name),
		['DHL Paket', 'DHL Warenpost'],
		'only the products of the chosen provider',
	);
	const warenpost = products.find((p) => p.name === 'DHL Warenpost');

	const order = sandbox.data.orders.find((o) => o.State !== 4);
	const orderId = String(order.BillBeeOrderId);
	sandbox.clearLog();
	const { items, error } = await run({
		resource: 'shipment',
		operation: 'shipWithLabel',
		orderId: orderId,
		providerId: dhl.value,
		shippingProductId: warenpost.value,
		additionalFields: {
			changeStateToSend: true,
			weightInGram: 850,
			shipDate: '2025-06-02T09:30:00',
			clientReference: 'Bestellung 1001',
			dimension: { length: 30, width: 20, height: 10 },
		},
	});
	assert.equal(error, undefined, error?.message);

	const sent = ofEndpoint('shipment.shipWithLabel');
	assert.equal(sent.length, 1);
	assert.deepEqual(sent[0].body, {
		OrderId: BigInt(orderId),
		ProviderId: BigInt(dhl.value),
		ProductId: BigInt(warenpost.value),
		ChangeStateToSend: true,
		WeightInGram: 850,
		Dimension: { length: 30, width: 20, height: 10 },
		ShipDate: '2025-06-02T09:30:00',
		ClientReference: 'Bestellung 1001',
	});
	assert.ok(sent[0].rawBody.includes(`"OrderId":${orderId}`), 'the order id keeps all digits');
	assert.equal(order.State, 4, 'Billbee marked the order as shipped');

	// The label arrives as a PDF file, not as base64 text in the JSON.
	assert.equal(items.length, 1);
	const [item] = items;
	assert.equal(item.json.LabelDataPdf, undefined);
	assert.equal(item.json.Carrier, 'DHL');
	assert.equal(String(item.json.OrderId), orderId);
	const label = item.binary?.data;
	assert.ok(label, 'binary property "data" holds the label');
	assert.equal(label.mimeType, 'application/pdf');
	assert.equal(label.fileName, `label-${item.json.ShippingId}.pdf`);
	assert.equal(Buffer.from(label.data, 'base64').subarray(0, 5).toString('latin1'), '%PDF-');
});

test('shipWithLabel: with "Label as File" off the base64 label stays in the JSON', async () => {
	const provider = sandbox.data.shippingProviders[1];
	const { items, error } = await run({
		resource: 'shipment',
		operation: 'shipWithLabel',
		orderId: String(sandbox.data.orders[5].BillBeeOrderId),
		providerId: String(provider.id),
		shippingProductId: String(provider.products[0].id),
		labelAsFile: false,
	});
	assert.equal(error, undefined, error?.message);
	assert.equal(items[0].binary, undefined);
	assert.match(items[0].json.LabelDataPdf, /^JVBERi0/, 'base64 of "%PDF-"');
	const [request] = ofEndpoint('shipment.shipWithLabel');
	assert.deepEqual(Object.keys(request.body).sort(), ['OrderId', 'ProductId', 'ProviderId']);
});

test('shipWithLabel: the order by its order number is looked up, and its Billbee ID goes into the body', async () => {
	const order = sandbox.data.orders.find((o) => o.OrderNumber && o.OrderNumber !== o.Id);
	const provider = sandbox.data.shippingProviders[0];
	const { error } = await run({
		resource: 'shipment',
		operation: 'shipWithLabel',
		orderId: { __rl: true, mode: 'externalReference', value: order.OrderNumber },
		providerId: String(provider.id),
		shippingProductId: String(provider.products[0].id),
	});
	assert.equal(error, undefined, error?.message);
	assert.equal(ofEndpoint('order.getByExternalReference').length, 1, 'one lookup');
	const [request] = ofEndpoint('shipment.shipWithLabel');
	assert.equal(request.body.OrderId, BigInt(order.BillBeeOrderId));
});

test('shipWithLabel: an order ID that is not a number fails naming the field, and nothing is sent', async () => {
	const provider = sandbox.data.shippingProviders[0];
	const { error } = await run({
		resource: 'shipment',
		operation: 'shipWithLabel',
		orderId: 'B-1001',
		providerId: String(provider.id),
		shippingProductId: String(provider.products[0].id),
	});
	assert.ok(error);
	assert.match(error.message, /Order \(orderId\): "B-1001" is not a Billbee order ID/);
	assert.equal(ofEndpoint('shipment.shipWithLabel').length, 0);
});

test('getAll: Created After is sent as a Billbee date, Created Before is frozen, and only matching shipments come back', async () => {
	const since = '2025-07-01T00:00:00';
	const before = Date.now();
	const { items, error } = await run({
		resource: 'shipment',
		operation: 'getAll',
		returnAll: false,
		limit: 5,
		filters: { createdAtMin: since },
	});
	assert.equal(error, undefined, error?.message);
	const sent = ofEndpoint('shipment.getAll');
	assert.equal(sent.length, 1);
	const { query } = sent[0];
	assert.equal(query.createdAtMin, since);
	assert.equal(query.page, '1');
	assert.equal(query.pageSize, '5');
	assert.ok(query.createdAtMax, 'the upper bound is frozen at the first page');
	assert.ok(
		Math.abs(Date.parse(query.createdAtMax) - before) < 60_000,
		`createdAtMax ${query.createdAtMax} is now`,
	);

	assert.equal(items.length, 5);
	const seededSince = sandbox.data.shipments.filter((s) => String(s.Created) >= since);
	assert.ok(seededSince.length >= 5, 'the seed has enough shipments after the date');
	for (const item of items)
		assert.ok(String(item.json.Created) >= since, `${item.json.Created} is after ${since}`);
});

test('getAll: the shipping provider filter takes the dropdown value and sends the exact id', async () => {
	const [provider] = await dropdown('getShippingProviders', {
		resource: 'shipment',
		operation: 'getAll',
	});
	sandbox.clearLog();
	const { items, error } = await run({
		resource: 'shipment',
		operation: 'getAll',
		returnAll: false,
		limit: 3,
		filters: { shippingProviderId: provider.value, createdAtMax: '2026-01-01T00:00:00Z' },
	});
	assert.equal(error, undefined, error?.message);
	const [request] = ofEndpoint('shipment.getAll');
	assert.equal(request.query.shippingProviderId, provider.value);
	assert.equal(request.query.createdAtMax, '2026-01-01T00:00:00Z', 'a given upper bound is kept');
	assert.ok(items.length >= 1);
	for (const item of items) assert.equal(String(item.json.ShippingProviderId), provider.value);
});

test('createShipment: carrier from the dropdown, receiver address object, label as file', async () => {
	const carriers = await dropdown('getShippingCarriers', {
		resource: 'shipment',
		operation: 'createShipment',
	});
	const dpd = carriers.find((c) => c.name === 'dpd');
	assert.ok(dpd, `carriers: ${carriers.map((c) => c.name).join(', ')}`);
	sandbox.clearLog();
	const { items, error } = await run({
		resource: 'shipment',
		operation: 'createShipment',
		providerName: 'DPD',
		additionalFields: {
			productCode: 'CL',
			shippingCarrier: dpd.value,
			weightInGram: 1200.5,
			receiverAddress: { ...ERIKA_IN_BERLIN_FORM, isExportCountry: false },
		},
	});
	assert.equal(error, undefined, error?.message);
	const [request] = ofEndpoint('shipment.createShipment');
	assert.deepEqual(request.body, {
		ProviderName: 'DPD',
		ProductCode: 'CL',
		ReceiverAddress: { ...ERIKA_IN_BERLIN, IsExportCountry: false },
		shippingCarrier: 4,
		WeightInGram: 1200.5,
	});
	assert.equal(items[0].json.LabelData, undefined);
	assert.equal(items[0].binary?.data?.mimeType, 'application/pdf');
});

test('shipWithLabelMultiple: the JSON list is sent as it is, big ids exact', async () => {
	const order = sandbox.data.orders[7];
	const provider = sandbox.data.shippingProviders[0];
	const body = `[{"OrderId": ${order.BillBeeOrderId}, "ProviderId": ${provider.id}, "ProductId": ${provider.products[0].id}, "ChangeStateToSend": false}]`;
	const { items, error } = await run({
		resource: 'shipment',
		operation: 'shipWithLabelMultiple',
		jsonBody: body,
	});
	assert.equal(error, undefined, error?.message);
	const [request] = ofEndpoint('shipment.shipWithLabelMultiple');
	assert.deepEqual(request.body, [
		{
			OrderId: order.BillBeeOrderId,
			ProviderId: provider.id,
			ProductId: provider.products[0].id,
			ChangeStateToSend: false,
		},
	]);
	assert.equal(items[0].json.ItemCount, 1);
});

test('the default JSON of the multiple endpoints is valid and sent as a list', async () => {
	const { error } = await run({ resource: 'shipment', operation: 'createShipmentMultiple' });
	assert.equal(error, undefined, error?.message);
	const [request] = ofEndpoint('shipment.createShipmentMultiple');
	assert.ok(Array.isArray(request.body));
	assert.equal(request.body[0].ProviderName, 'DHL');
});
