'use strict';
// The order resource's forms, locators and documents, checked against what the sandbox received.
const test = require('node:test');
const assert = require('node:assert/strict');
const { useSandbox } = require('../helpers');
const { ERIKA_IN_BERLIN_FORM } = require('../fixtures/addresses');

const { countryCode, ...ERIKA } = ERIKA_IN_BERLIN_FORM;

// Pacing is covered by the transport tests; here it would only slow things down.
const { sandbox, run, requests, ofEndpoint } = useSandbox({ throttle: false });
let samples;
test.beforeEach(() => {
	samples = sandbox.samples();
});

const byNumber = (value) => ({ __rl: true, mode: 'externalReference', value });
const byId = (value) => ({ __rl: true, mode: 'id', value: String(value) });
/** An order whose order number differs from its external ID, so the path shows which one was used. */
const numberedOrder = () =>
	sandbox.data.orders.find((o) => o.OrderNumber && o.OrderNumber !== o.Id) ??
	sandbox.data.orders[1];
const orderById = (id) => sandbox.data.orders.find((o) => String(o.BillBeeOrderId) === String(id));

test('create: the top-level fields (shop, number, state, buyer, addresses, items, payment, currency) become the exact Order body, ids as raw digits', async () => {
	const shopId = samples.shopIds[2];
	const { items, error } = await run({
		resource: 'order',
		operation: 'create',
		createdAt: '2025-06-01T10:30:00',
		buyer: { email: 'erika@example.com', nick: 'erika_m' },
		orderItems: {
			item: [
				{
					sku: samples.sku,
					title: 'T-Shirt rot L',
					billbeeProductId: String(samples.productId),
					quantity: 2,
					totalPrice: 39.8,
					taxIndex: 1,
				},
				{
					ean: samples.ean,
					title: 'Gutschein',
					quantity: 1,
					totalPrice: -5,
					taxIndex: 2,
					isCoupon: true,
				},
			],
		},
		shippingAddress: {
			company: 'Lager "Nord"',
			street: 'Am Hafen',
			houseNumber: '1a',
			zip: '20457',
			city: 'Hamburg',
			countryIso2: 'DE',
		},
		invoiceAddress: { ...ERIKA, countryIso2: countryCode, email: 'erika@example.com' },
		currency: 'EUR',
		paymentMethod: 3,
		state: 3,
		apiAccountId: String(shopId),
		orderNumber: 'WEB-10001',
		additionalFields: {
			id: 'shop-order-77',

			shippingCost: 4.9,
			paidAt: '2025-06-01T11:00:00',
			vatMode: 0,
			tags: 'vip, gift',
		},
		additionalFieldsJson: '{"AdjustmentReason":"Treuerabatt","ShippingAddress":{"Line2":"Tor 3"}}',
	});
	assert.equal(error, undefined, error?.message);

	const [request] = ofEndpoint('order.create');
	assert.equal(request.method, 'POST');
	assert.equal(request.path, '/orders');
	assert.deepEqual(request.query, {});
	assert.deepEqual(request.body, {
		CreatedAt: '2025-06-01T10:30:00',
		OrderNumber: 'WEB-10001',
		Id: 'shop-order-77',
		ApiAccountId: shopId,
		State: 3,
		PaymentMethod: 3,
		Currency: 'EUR',
		ShippingCost: 4.9,
		PayedAt: '2025-06-01T11:00:00',
		InvoiceAddress: {
			City: 'Berlin',
			CountryISO2: 'DE',
			Email: 'erika@example.com',
			FirstName: 'Erika',
			HouseNumber: '5',
			LastName: 'Mustermann',
			Street: 'Hauptstraße',
			Zip: '10115',
		},
		ShippingAddress: {
			City: 'Hamburg',
			Company: 'Lager "Nord"',
			CountryISO2: 'DE',
			HouseNumber: '1a',
			Street: 'Am Hafen',
			Zip: '20457',
			Line2: 'Tor 3',
		},
		OrderItems: [
			{
				Product: { SKU: samples.sku, Title: 'T-Shirt rot L', BillbeeId: samples.productId },
				Quantity: 2,
				TotalPrice: 39.8,
				TaxIndex: 1,
				Discount: 0,
				IsCoupon: false,
			},
			{
				Product: { Title: 'Gutschein', EAN: samples.ean },
				Quantity: 1,
				TotalPrice: -5,
				TaxIndex: 2,
				Discount: 0,
				IsCoupon: true,
			},
		],
		Buyer: { Email: 'erika@example.com', Nick: 'erika_m' },
		Tags: ['vip', 'gift'],
		VatMode: 0,
		AdjustmentReason: 'Treuerabatt',
	});
	// Ids above 2^53 travel as raw JSON digits, not as strings or rounded numbers.
	assert.ok(request.rawBody.includes(`"ApiAccountId":${shopId}`), request.rawBody);
	assert.ok(request.rawBody.includes(`"BillbeeId":${samples.productId}`), request.rawBody);

	assert.equal(items.length, 1);
	const created = orderById(items[0].json.BillBeeOrderId);
	assert.ok(created, 'the output carries the exact Billbee ID of the new order');
	assert.equal(typeof items[0].json.BillBeeOrderId, 'string');
	assert.equal(String(created.ApiAccountId), String(shopId));
	assert.equal(created.OrderItems.length, 2);
});

test('create: the deprecated shopId query option is still sent exactly', async () => {
	const shopId = samples.shopIds[3];
	const { error } = await run({
		resource: 'order',
		operation: 'create',
		createdAt: '2025-06-02',
		options: { shopId: String(shopId) },
	});
	assert.equal(error, undefined, error?.message);
	const [request] = ofEndpoint('order.create');
	assert.deepEqual(request.query, { shopId: String(shopId) });
	assert.deepEqual(request.body, { CreatedAt: '2025-06-02T00:00:00' });
	assert.equal(String(sandbox.data.orders.at(-1).ApiAccountId), String(shopId));
});

test('get by order number: one call to findbyextref, no lookup first', async () => {
	const order = numberedOrder();
	const { items, error } = await run({
		resource: 'order',
		operation: 'get',
		orderId: byNumber(order.OrderNumber),
	});
	assert.equal(error, undefined, error?.message);
	const sent = requests();
	assert.equal(sent.length, 1);
	assert.equal(sent[0].method, 'GET');
	assert.equal(sent[0].endpoint, 'order.getByExternalReference');
	assert.equal(sent[0].path, `/orders/findbyextref/${encodeURIComponent(order.OrderNumber)}`);
	assert.equal(items[0].json.BillBeeOrderId, String(order.BillBeeOrderId));
	assert.equal(items[0].json.OrderNumber, order.OrderNumber);
});

test('get by Billbee ID with an item title source', async () => {
	const id = String(samples.orderId);
	const { items, error } = await run({
		resource: 'order',
		operation: 'get',
		orderId: byId(id),
		options: { articleTitleSource: 1 },
	});
	assert.equal(error, undefined, error?.message);
	const sent = requests();
	assert.equal(sent.length, 1);
	assert.equal(sent[0].path, `/orders/${id}`);
	assert.deepEqual(sent[0].query, { articleTitleSource: '1' });
	assert.equal(items[0].json.BillBeeOrderId, id);
});

test('update via order number: looks up the ID, then one PATCH with only the chosen fields', async () => {
	const order = numberedOrder();
	const id = String(order.BillBeeOrderId);
	const { items, error } = await run({
		resource: 'order',
		operation: 'patch',
		orderId: byNumber(order.OrderNumber),
		additionalFields: {
			sellerComment: 'Kunde ruft zurück',
			shippingAddress: { street: 'Neue Straße', houseNumber: '7' },
			paymentMethod: 3,
		},
	});
	assert.equal(error, undefined, error?.message);
	const sent = requests();
	assert.deepEqual(
		sent.map((r) => `${r.method} ${r.path}`),
		[`GET /orders/findbyextref/${encodeURIComponent(order.OrderNumber)}`, `PATCH /orders/${id}`],
	);
	assert.deepEqual(sent[1].body, {
		SellerComment: 'Kunde ruft zurück',
		ShippingAddress: { HouseNumber: '7', Street: 'Neue Straße' },
		PaymentMethod: 3,
	});
	assert.equal(items[0].json.BillBeeOrderId, id);
	assert.equal(orderById(id).SellerComment, 'Kunde ruft zurück');
	assert.equal(orderById(id).ShippingAddress.Street, 'Neue Straße');
});

test('update without any field fails before sending anything', async () => {
	const { error } = await run({
		resource: 'order',
		operation: 'patch',
		orderId: byId(samples.orderId),
	});
	assert.ok(error);
	assert.match(error.message, /Nothing to change/);
	assert.equal(requests().length, 0);
});

test('change state: the state goes into the body; the output is the order ID and the new state', async () => {
	const order = sandbox.data.orders.find((o) => o.State !== 4);
	const id = String(order.BillBeeOrderId);
	const { items, error } = await run({
		resource: 'order',
		operation: 'changeState',
		orderId: byId(id),
		newStateId: 4,
	});
	assert.equal(error, undefined, error?.message);
	const [request] = requests();
	assert.equal(request.method, 'PUT');
	assert.equal(request.path, `/orders/${id}/orderstate`);
	assert.equal(request.rawBody, '{"NewStateId":4}');
	assert.deepEqual(
		items.map((i) => i.json),
		[{ orderId: id, stateId: 4, state: 'Shipped' }],
	);
	assert.equal(orderById(id).State, 4);
});

test('change state by order number and state name: the output names the resolved order ID', async () => {
	const order = numberedOrder();
	const id = String(order.BillBeeOrderId);
	const { items, error } = await run({
		resource: 'order',
		operation: 'changeState',
		orderId: byNumber(order.OrderNumber),
		newStateId: 'paid',
	});
	assert.equal(error, undefined, error?.message);
	assert.equal(ofEndpoint('order.changeState')[0].rawBody, '{"NewStateId":3}');
	assert.deepEqual(
		items.map((i) => i.json),
		[{ orderId: id, stateId: 3, state: 'Paid' }],
	);
	assert.equal(orderById(id).State, 3);
});

test('create invoice with Download PDF: a binary PDF named after the invoice number, PDFData gone', async () => {
	const order = sandbox.data.orders.find((o) => o.InvoiceNumber);
	const id = String(order.BillBeeOrderId);
	const invoiceNumber = `${order.InvoiceNumberPrefix ?? ''}${order.InvoiceNumber}${order.InvoiceNumberPostfix ?? ''}`;
	const { items, error } = await run({
		resource: 'order',
		operation: 'createInvoice',
		orderId: byId(id),
		options: { templateId: String(samples.layoutId) },
		downloadPdf: true,
		binaryPropertyName: 'invoice',
	});
	assert.equal(error, undefined, error?.message);
	const [request] = requests();
	assert.equal(request.method, 'POST');
	assert.equal(request.path, `/orders/CreateInvoice/${id}`);
	assert.deepEqual(request.query, {
		templateId: String(samples.layoutId),
		includeInvoicePdf: 'true',
	});

	assert.equal(items.length, 1);
	const { json, binary } = items[0];
	assert.equal(json.InvoiceNumber, invoiceNumber);
	assert.ok(!('PDFData' in json), 'the base64 PDF is not left in the JSON');
	assert.ok(binary?.invoice, 'binary property "invoice" exists');
	assert.equal(binary.invoice.mimeType, 'application/pdf');
	assert.equal(binary.invoice.fileName, `invoice-${invoiceNumber}.pdf`);
	assert.equal(
		Buffer.from(binary.invoice.data, 'base64').subarray(0, 5).toString('latin1'),
		'%PDF-',
	);
});

test('create invoice without Download PDF: the JSON as Billbee returns it, no PDF requested', async () => {
	const order = sandbox.data.orders.filter((o) => o.InvoiceNumber)[1];
	const id = String(order.BillBeeOrderId);
	const { items, error } = await run({
		resource: 'order',
		operation: 'createInvoice',
		orderId: byId(id),
		options: { sendToCloudId: String(samples.cloudStorageId) },
	});
	assert.equal(error, undefined, error?.message);
	const [request] = requests();
	assert.deepEqual(request.query, { sendToCloudId: String(samples.cloudStorageId) });
	const { json, binary } = items[0];
	assert.equal(binary, undefined);
	assert.equal(json.PDFData, null);
	assert.equal(json.OrderNumber, order.OrderNumber);
	assert.match(String(json.PdfDownloadUrl), new RegExp(`/files/invoice/${id}\\.pdf$`));
});

test('create delivery note by order number with Download PDF', async () => {
	const order = numberedOrder();
	const id = String(order.BillBeeOrderId);
	const { items, error } = await run({
		resource: 'order',
		operation: 'createDeliveryNote',
		orderId: byNumber(order.OrderNumber),
		downloadPdf: true,
	});
	assert.equal(error, undefined, error?.message);
	const sent = requests();
	assert.equal(sent.length, 2);
	assert.equal(sent[1].path, `/orders/CreateDeliveryNote/${id}`);
	assert.deepEqual(sent[1].query, { includePdf: 'true' });
	const note = sandbox.data.deliveryNotes.find((n) => String(n.OrderId) === id);
	const { json, binary } = items[0];
	assert.equal(json.DeliveryNoteNumber, note.DeliveryNoteNumber);
	assert.ok(!('PDFData' in json));
	assert.equal(binary.data.mimeType, 'application/pdf');
	assert.equal(binary.data.fileName, `delivery-note-${note.DeliveryNoteNumber}.pdf`);
});

test('get many: state and shop filters are sent as repeated query keys, ids exact', async () => {
	const shops = samples.shopIds.slice(0, 2).map(String);
	const { items, error } = await run({
		resource: 'order',
		operation: 'getAll',
		limit: 20,
		filters: { orderStateId: [3, 4], shopId: shops, tag: 'vip' },
	});
	assert.equal(error, undefined, error?.message);
	const sent = requests();
	assert.equal(sent.length, 1);
	const [request] = sent;
	assert.equal(request.path, '/orders');
	assert.deepEqual(request.query.orderStateId, ['3', '4']);
	assert.deepEqual(request.query.shopId, shops);
	assert.equal(request.query.tag, 'vip');
	assert.match(request.rawQuery, new RegExp(`shopId=${shops[0]}&shopId=${shops[1]}`));
	assert.match(request.rawQuery, /orderStateId=3&orderStateId=4/);
	assert.equal(request.query.pageSize, '20');

	const expected = sandbox.data.orders.filter(
		(o) =>
			[3, 4].includes(o.State) &&
			shops.includes(String(o.Seller.BillbeeShopId)) &&
			o.Tags.some((t) => t.toLowerCase() === 'vip'),
	);
	assert.ok(items.length > 0, 'the filter matches some seeded orders');
	assert.equal(items.length, Math.min(20, expected.length));
	for (const item of items) {
		assert.ok([3, 4].includes(item.json.State));
		assert.ok(shops.includes(String(item.json.Seller.BillbeeShopId)));
	}
});

test('get many: shop IDs from an expression as "a, b" are split into exact repeated keys; a name is refused', async () => {
	const [first, second] = samples.shopIds.map(String);
	const { error } = await run({
		resource: 'order',
		operation: 'getAll',
		limit: 3,
		filters: { shopId: `={{ "${first}, ${second}" }}`, orderStateId: '={{ 3 }}' },
	});
	assert.equal(error, undefined, error?.message);
	const [request] = requests();
	assert.deepEqual(request.query.shopId, [first, second]);
	assert.equal(request.query.orderStateId, '3');

	sandbox.clearLog();
	const wrong = await run({
		resource: 'order',
		operation: 'getAll',
		limit: 3,
		filters: { shopId: '={{ "Amazon DE" }}' },
	});
	assert.match(
		wrong.error.message,
		/^Shop Names or IDs \(shopId\): "Amazon DE" is not a whole number/,
	);
	assert.equal(requests().length, 0);
});

test('get invoices: shop filter repeated and the max invoice date frozen for paging', async () => {
	const shops = samples.shopIds.slice(1, 3).map(String);
	const { error } = await run({
		resource: 'order',
		operation: 'getInvoices',
		limit: 5,
		filters: { shopId: shops, includePositions: true, minInvoiceDate: '2025-03-01T00:00:00' },
	});
	assert.equal(error, undefined, error?.message);
	const [request] = requests();
	assert.equal(request.path, '/orders/invoices');
	assert.deepEqual(request.query.shopId, shops);
	assert.equal(request.query.includePositions, 'true');
	assert.equal(request.query.minInvoiceDate, '2025-03-01T00:00:00');
	assert.ok(request.query.maxInvoiceDate, 'maxInvoiceDate is frozen at the start');
});

test('a required field left empty by an expression names the field and sends nothing', async () => {
	const { error } = await run({
		resource: 'order',
		operation: 'create',
		createdAt: '={{ $json.orderDate }}',
	});
	assert.ok(error);
	// n8n's declarative routing hands errors from request building on as NodeApiError; the message is ours.
	assert.ok(['NodeOperationError', 'NodeApiError'].includes(error.name), error.name);
	assert.equal(error.message, 'Order Date (createdAt) is required');
	assert.equal(requests().length, 0);
});

test('invalid JSON names the JSON field and sends nothing', async () => {
	const broken = await run({
		resource: 'order',
		operation: 'create',
		createdAt: '2025-06-01',
		additionalFieldsJson: '{"SellerComment": "oops",}',
	});
	assert.ok(broken.error);
	assert.match(broken.error.message, /^Additional Fields \(JSON\) is not valid JSON/);

	const multiple = await run({
		resource: 'order',
		operation: 'createMultiple',
		jsonBody: '[{"CreatedAt": }]',
	});
	assert.match(multiple.error.message, /^Body \(JSON\) is not valid JSON/);

	const badId = await run({
		resource: 'order',
		operation: 'create',
		createdAt: '2025-06-01',
		apiAccountId: 'Amazon DE',
	});
	assert.match(
		badId.error.message,
		/^Shop Name or ID \(apiAccountId\): "Amazon DE" is not a whole number/,
	);
	assert.equal(requests().length, 0);
});

test('send message: one subject and text become Billbee language lists', async () => {
	const id = String(samples.orderId);
	const { error } = await run({
		resource: 'order',
		operation: 'sendMessage',
		orderId: byId(id),
		sendMode: 1,
		subject: 'Ihre Bestellung',
		body: 'Danke für Ihren Einkauf!',
		additionalFields: { languageCode: 'en' },
	});
	assert.equal(error, undefined, error?.message);
	const [request] = requests();
	assert.equal(request.path, `/orders/${id}/send-message`);
	assert.deepEqual(request.body, {
		SendMode: 1,
		Subject: [{ Text: 'Ihre Bestellung', LanguageCode: 'en' }],
		Body: [{ Text: 'Danke für Ihren Einkauf!', LanguageCode: 'en' }],
	});

	sandbox.clearLog();
	const missing = await run({
		resource: 'order',
		operation: 'sendMessage',
		orderId: byId(id),
		sendMode: 4,
		subject: 'x',
		body: 'y',
	});
	assert.match(missing.error.message, /Alternative Email \(alternativeMail\) is required/);
	assert.equal(requests().length, 0);
});

test('tags: add sends the list, set with an empty list removes all tags', async () => {
	const order = sandbox.data.orders.find((o) => o.Tags.length > 0);
	const id = String(order.BillBeeOrderId);
	const added = await run({
		resource: 'order',
		operation: 'addTags',
		orderId: byId(id),
		tags: 'urgent, "B" stock',
	});
	assert.equal(added.error, undefined, added.error?.message);
	const cleared = await run({
		resource: 'order',
		operation: 'setTags',
		orderId: byId(id),
		tags: '',
	});
	assert.equal(cleared.error, undefined, cleared.error?.message);
	const sent = requests();
	assert.deepEqual(
		sent.map((r) => [r.method, r.path, r.rawBody]),
		[
			['POST', `/orders/${id}/tags`, '{"Tags":["urgent","\\"B\\" stock"]}'],
			['PUT', `/orders/${id}/tags`, '{"Tags":[]}'],
		],
	);
	assert.deepEqual(orderById(id).Tags, []);
});

test('add shipment: provider from the dropdown is sent as an exact number', async () => {
	const id = String(samples.orderId);
	const { error } = await run({
		resource: 'order',
		operation: 'addShipment',
		orderId: byId(id),
		shippingId: '00340434161094015902',
		additionalFields: {
			shippingProviderId: String(samples.shippingProviderId),
			shipmentType: 0,
			carrierId: 2,
		},
	});
	assert.equal(error, undefined, error?.message);
	const [request] = requests();
	assert.equal(request.path, `/orders/${id}/shipment`);
	assert.equal(
		request.rawBody,
		`{"ShippingId":"00340434161094015902","ShippingProviderId":${samples.shippingProviderId},"CarrierId":2,"ShipmentType":0}`,
	);
	assert.equal(orderById(id).ShippingIds.at(-1).ShippingId, '00340434161094015902');
});

test('parse placeholders only reads, so it runs in read-only mode', async () => {
	const order = numberedOrder();
	const { items, error } = await run({
		resource: 'order',
		operation: 'parsePlaceholders',
		orderId: byId(order.BillBeeOrderId),
		textToParse: 'Bestellung [OrderNumber]',
		readOnlyMode: true,
	});
	assert.equal(error, undefined, error?.message);
	assert.equal(items[0].json.Result, `Bestellung ${order.OrderNumber}`);

	const blocked = await run({
		resource: 'order',
		operation: 'triggerEvent',
		orderId: byId(order.BillBeeOrderId),
		name: 'n8n-check',
		readOnlyMode: true,
	});
	assert.match(blocked.error.message, /Read-only mode is on/);
	assert.deepEqual(
		requests().map((r) => r.endpoint),
		['order.parsePlaceholders'],
	);
});
