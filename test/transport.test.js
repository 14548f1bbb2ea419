'use strict';
// The transport's HTTP rules, proven through n8n's execution engine against the sandbox.
const test = require('node:test');
const assert = require('node:assert/strict');
const { useSandbox, gaps } = require('./helpers');

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

const { sandbox, run, requests, ofEndpoint } = useSandbox({ orders: 600 });

const ordersOf = () => sandbox.data.orders;
const orderIdOf = (order) => String(order.BillBeeOrderId);

test('every request carries Basic auth (login e-mail + API password) and the API key header', async () => {
	const id = orderIdOf(ordersOf()[0]);
	const { items, error } = await run({ resource: 'order', operation: 'get', orderId: id });
	assert.equal(error, undefined);
	assert.equal(String(items[0].json.BillBeeOrderId), id);
	const [request] = ofEndpoint('order.get');
	const { username, apiPassword, apiKey } = sandbox.credentials;
	assert.equal(
		request.headers.authorization,
		`Basic ${Buffer.from(`${username}:${apiPassword}`).toString('base64')}`,
	);
	assert.equal(request.headers['x-billbee-api-key'], apiKey);
	assert.match(request.headers.accept, /application\/json/);
	assert.equal(request.path, `/orders/${id}`);
});

test('a wrong API password gives a 401 error that explains the three secrets and leaks none', async () => {
	const credentials = { ...sandbox.credentials, apiPassword: 'my-login-password' };
	const { error } = await run(
		{ resource: 'order', operation: 'get', orderId: orderIdOf(ordersOf()[0]) },
		{ credentials },
	);
	assert.ok(error, 'the node fails');
	assert.match(error.message, /rejected the credentials \(HTTP 401\)/);
	assert.match(error.description, /Settings → API/);
	assert.match(error.description, /not the login password/);
	const serialised = JSON.stringify(error);
	for (const secret of ['my-login-password', sandbox.credentials.apiKey]) {
		assert.ok(!serialised.includes(secret), 'no secret in the error');
	}
	assert.equal(requests().length, 1, 'a 401 is not retried');
});

test('a burst of items is paced under 2 requests/s per endpoint: 429s stay rare and never surface', async () => {
	const ids = ordersOf().slice(0, 12).map(orderIdOf);
	const items = ids.map((id) => ({ json: { id } }));
	const { items: output, error } = await run(
		{ resource: 'order', operation: 'get', orderId: '={{ $json.id }}' },
		{ items },
	);
	assert.equal(error, undefined);
	assert.deepEqual(
		output.map((item) => String(item.json.BillBeeOrderId)),
		ids,
	);
	const sent = ofEndpoint('order.get');
	// On a busy machine a request may reach the server late enough to be answered 429 (the
	// benchmark measures how often); it is then retried, not reported.
	const throttled = sent.filter((r) => r.status === 429).length;
	assert.ok(throttled <= 1, `${throttled} of ${sent.length} answered 429`);
	assert.equal(sent.length, 12 + throttled);
	const spacing = gaps(sent).sort((x, y) => x - y);
	assert.ok(spacing[Math.floor(spacing.length / 2)] >= 480, `median gap ${spacing}`);
});

test('a 429 with Retry-After is retried after the given seconds', async () => {
	sandbox.inject({ method: 'GET', path: '/orders/{id}', kind: 'rateLimit', retryAfter: 2 });
	const id = orderIdOf(ordersOf()[1]);
	const { items, error } = await run({ resource: 'order', operation: 'get', orderId: id });
	assert.equal(error, undefined);
	assert.equal(String(items[0].json.BillBeeOrderId), id);
	const sent = ofEndpoint('order.get');
	assert.deepEqual(
		sent.map((r) => r.status),
		[429, 200],
	);
	assert.ok(sent[1].t - sent[0].t >= 1950, `waited ${sent[1].t - sent[0].t} ms`);
});

test('a 429 without Retry-After backs off exponentially and succeeds', async () => {
	sandbox.inject({
		method: 'GET',
		path: '/orders/{id}',
		kind: 'rateLimit',
		retryAfter: null,
		times: 2,
	});
	const { error } = await run({
		resource: 'order',
		operation: 'get',
		orderId: orderIdOf(ordersOf()[2]),
	});
	assert.equal(error, undefined);
	const sent = ofEndpoint('order.get');
	assert.deepEqual(
		sent.map((r) => r.status),
		[429, 429, 200],
	);
	const [first, second] = gaps(sent);
	assert.ok(first >= 700, `first backoff ${first} ms`);
	assert.ok(second >= 1400, `second backoff ${second} ms`);
});

test('a write answered 429 is retried too (nothing was executed)', async () => {
	const product = sandbox.data.products[0];
	sandbox.inject({
		method: 'POST',
		path: '/products/updatestock',
		kind: 'rateLimit',
		retryAfter: 1,
	});
	const { items, error } = await run({
		resource: 'product',
		operation: 'updateStock',
		sku: product.SKU,
		newQuantity: 7,
	});
	assert.equal(error, undefined, error?.message);
	assert.equal(items.length, 1);
	assert.deepEqual(
		ofEndpoint('product.updateStock').map((r) => r.status),
		[429, 200],
	);
});

test('a 429 whose Retry-After passes the 120 s budget ends at once in a clear error', async () => {
	sandbox.inject({
		method: 'GET',
		path: '/orders/{id}',
		kind: 'rateLimit',
		retryAfter: 121,
		times: 5,
	});
	const { error } = await run({
		resource: 'order',
		operation: 'get',
		orderId: orderIdOf(ordersOf()[3]),
	});
	assert.ok(error);
	assert.match(
		error.message,
		/kept rate limiting GET \/orders\/\{id\} \(HTTP 429, 1 attempt over \d+ s; the next wait of 3 min would pass the 2 min budget/,
	);
	assert.match(error.description, /n8n Processes Sharing This Account/);
	assert.equal(ofEndpoint('order.get').length, 1);
});

test('a POST answered 500 is sent exactly once and the error says to check Billbee', async () => {
	const before = ordersOf().length;
	sandbox.inject({ method: 'POST', path: '/orders', kind: 'afterWriteStatus', status: 500 });
	const { error } = await run({
		resource: 'order',
		operation: 'create',
		createdAt: '2024-05-01T10:00:00',
		currency: 'EUR',
		orderNumber: 'N8N-1',
	});
	assert.ok(error);
	assert.match(error.message, /HTTP 500 for POST \/orders/);
	assert.match(error.description, /sent only once/);
	assert.equal(
		requests((r) => r.method === 'POST' && r.path === '/orders').length,
		1,
		'never sent twice',
	);
	assert.equal(ordersOf().length, before + 1, 'the sandbox did create it once');
});

test('a GET answered 503 or with a reset connection is retried', async () => {
	sandbox.inject({ method: 'GET', path: '/orders/{id}', kind: 'status', status: 503 });
	sandbox.inject({ method: 'GET', path: '/orders/{id}', kind: 'reset' });
	const id = orderIdOf(ordersOf()[4]);
	const { items, error } = await run({ resource: 'order', operation: 'get', orderId: id });
	assert.equal(error, undefined, error?.message);
	assert.equal(String(items[0].json.BillBeeOrderId), id);
	assert.equal(ofEndpoint('order.get').length, 3);
});

test('ErrorCode inside HTTP 200 becomes a NodeApiError with code name and message, per item', async () => {
	sandbox.inject({
		method: 'GET',
		path: '/orders/{id}',
		kind: 'errorInBody',
		errorCode: 2,
		errorMessage: 'Die Bestellung wurde nicht gefunden',
	});
	const ids = ordersOf().slice(5, 7).map(orderIdOf);
	const { items, error } = await run(
		{ resource: 'order', operation: 'get', orderId: '={{ $json.id }}' },
		{ items: ids.map((id) => ({ json: { id } })), continueOnFail: true },
	);
	assert.equal(error, undefined);
	assert.equal(items.length, 2);
	const failed = items.find((item) => item.json.error);
	const ok = items.find((item) => !item.json.error);
	assert.ok(failed && ok, 'one failed item, one good item');
	assert.match(
		String(failed.json.error),
		/Billbee error 2 \(OrderNotFound\).*Die Bestellung wurde nicht gefunden/,
	);

	sandbox.inject({
		method: 'GET',
		path: '/orders/{id}',
		kind: 'errorInBody',
		errorCode: 11,
		errorMessage: 'Bad data',
	});
	const stopped = await run({ resource: 'order', operation: 'get', orderId: ids[0] });
	assert.match(stopped.error.message, /Billbee error 11 \(InvalidData\)/);
});

test('an HTML 502 from a proxy gives a clear error, not a JSON parse crash', async () => {
	sandbox.inject({ method: 'POST', path: '/products/updatestock', kind: 'html502' });
	const { error } = await run({
		resource: 'product',
		operation: 'updateStock',
		sku: sandbox.data.products[0].SKU,
		newQuantity: 3,
	});
	assert.ok(error);
	assert.match(error.message, /HTTP 502/);
	assert.match(error.description, /HTML page/);
	assert.equal(ofEndpoint('product.updateStock').length, 1);
});

test('ids above 2^53 stay exact: output as exact strings, sent back exactly in paths and bodies', async () => {
	const order = ordersOf().find((o) => BigInt(o.BillBeeOrderId) > MAX_SAFE);
	const id = orderIdOf(order);
	assert.notEqual(String(Number(id)), id, 'the id would lose digits as a JS number');
	const { items, error } = await run({ resource: 'order', operation: 'get', orderId: id });
	assert.equal(error, undefined);
	assert.equal(items[0].json.BillBeeOrderId, id);
	assert.equal(typeof items[0].json.BillBeeOrderId, 'string');

	// The id from the output goes back into a path, and into a body as a raw JSON number.
	const product = sandbox.data.products.find((p) => BigInt(p.Id) > MAX_SAFE);
	const patched = await run(
		{ resource: 'order', operation: 'get', orderId: '={{ $json.BillBeeOrderId }}' },
		{ items },
	);
	assert.equal(patched.error, undefined);
	const stock = await run({
		resource: 'product',
		operation: 'updateStock',
		additionalFields: { billbeeId: String(product.Id) },
		sku: product.SKU,
		newQuantity: 5,
	});
	assert.equal(stock.error, undefined, stock.error?.message);
	const paths = ofEndpoint('order.get').map((r) => r.path);
	assert.deepEqual(paths, [`/orders/${id}`, `/orders/${id}`]);
	const [stockRequest] = ofEndpoint('product.updateStock');
	assert.ok(
		stockRequest.rawBody.includes(`"BillbeeId":${String(product.Id)}`),
		stockRequest.rawBody,
	);
});

test('Return All pages with pageSize 250, a frozen date window and no row lost or doubled', async () => {
	const expected = new Set(ordersOf().map(orderIdOf));
	let created = 0;
	const stop = sandbox.onRequest((record) => {
		// New orders arrive while the client pages (the list is newest first, so they shift pages).
		if (record.endpoint === 'order.getAll' && created < 5) {
			created++;
			sandbox.createOrder();
		}
	});
	const { items, error } = await run({ resource: 'order', operation: 'getAll', returnAll: true });
	if (typeof stop === 'function') stop();
	assert.equal(error, undefined, error?.message);
	const ids = items.map((item) => String(item.json.BillBeeOrderId));
	assert.equal(new Set(ids).size, ids.length, 'no order twice');
	assert.deepEqual(new Set(ids), expected, 'exactly the orders that existed when paging began');
	const pages = ofEndpoint('order.getAll');
	assert.equal(pages.length, Math.ceil(expected.size / 250));
	assert.deepEqual(
		pages.map((r) => r.query.page),
		pages.map((_, i) => String(i + 1)),
	);
	assert.ok(pages.every((r) => r.query.pageSize === '250'));
	const windows = new Set(pages.map((r) => r.query.maxOrderDate));
	assert.equal(windows.size, 1, 'the same maxOrderDate on every page');
	assert.ok([...windows][0], 'maxOrderDate is set');
});

test('Limit uses the fewest calls: 300 rows in 2 calls', async () => {
	const { items, error } = await run({
		resource: 'order',
		operation: 'getAll',
		returnAll: false,
		limit: 300,
	});
	assert.equal(error, undefined);
	assert.equal(items.length, 300);
	const pages = ofEndpoint('order.getAll');
	assert.equal(pages.length, 2);
});

test('filters go to the query under Billbee names; lists as repeated keys; dates as ISO', async () => {
	const { error } = await run({
		resource: 'order',
		operation: 'getAll',
		returnAll: false,
		limit: 5,
		filters: {
			tag: 'vip, gift',
			minOrderDate: '2024-01-01T00:00:00',
			shopId: '1,2',
			excludeTags: true,
		},
	});
	assert.equal(error, undefined, error?.message);
	const [request] = ofEndpoint('order.getAll');
	assert.deepEqual(request.query.tag, ['vip', 'gift']);
	assert.deepEqual(request.query.shopId, ['1', '2']);
	assert.equal(request.query.minOrderDate, '2024-01-01T00:00:00');
	assert.equal(request.query.excludeTags, 'true');
	assert.equal(request.query.pageSize, '5');
	assert.equal(request.rawBody, '');
});

test('invalid JSON in Additional Fields (JSON) names the field and sends nothing', async () => {
	const { error } = await run({
		resource: 'order',
		operation: 'create',
		createdAt: '2024-05-01T10:00:00',
		additionalFieldsJson: '{"Currency": EUR}',
	});
	assert.ok(error);
	assert.match(error.message, /Additional Fields \(JSON\) is not valid JSON/);
	assert.equal(requests().length, 0);
});

test('a POST whose connection breaks is not repeated, and the error says it may have been carried out', async () => {
	sandbox.inject({ method: 'POST', path: '/orders', kind: 'reset' });
	const { error } = await run({
		resource: 'order',
		operation: 'create',
		createdAt: '2024-05-01T10:00:00',
	});
	assert.ok(error);
	assert.match(error.message, /^Could not reach Billbee for POST \/orders: \w+/);
	assert.ok(
		error.message.includes(`Base URL in the Billbee credential (now ${sandbox.baseUrl}`),
		error.message,
	);
	assert.match(error.description, /may or may not have been carried out/);
	assert.equal(requests((r) => r.method === 'POST' && r.path === '/orders').length, 1);
});
