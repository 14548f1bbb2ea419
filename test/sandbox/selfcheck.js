'use strict';
/**
 * Quick self-check of the sandbox (not part of the test suite):
 *   node test/sandbox/selfcheck.js
 * Prints one line per check and exits 0 when everything passed, 1 otherwise.
 */

const http = require('node:http');
const crypto = require('node:crypto');
const { startSandbox } = require('./server');
const { parse, stringify } = require('./exact-json');

const CATALOG = require('../fixtures/billbee-api/endpoints.json');

let failures = 0;
function check(name, condition, detail) {
	if (condition) console.log(`ok   ${name}`);
	else {
		failures++;
		console.log(
			`FAIL ${name}${detail === undefined ? '' : ` -- ${typeof detail === 'string' ? detail : stringify(detail)}`}`,
		);
	}
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** An HTTP 200 answer with Billbee's error envelope: this ErrorCode and description, no Data. */
function isApiError(res, code, description) {
	return (
		res.status === 200 &&
		res.json.ErrorCode === code &&
		res.json.ErrorDescription === description &&
		res.json.Data === null
	);
}

function client(sandbox) {
	const { username, apiPassword, apiKey } = sandbox.credentials;
	const auth = `Basic ${Buffer.from(`${username}:${apiPassword}`).toString('base64')}`;
	return async function call(method, path, { body, headers = {}, rawBody, noAuth } = {}) {
		const h = { Accept: 'application/json', ...headers };
		if (!noAuth) Object.assign(h, { Authorization: auth, 'X-Billbee-Api-Key': apiKey });
		let payload;
		if (rawBody !== undefined) payload = rawBody;
		else if (body !== undefined) {
			payload = stringify(body);
			h['Content-Type'] = 'application/json';
		}
		let res;
		try {
			res = await fetch(sandbox.baseUrl + path, { method, headers: h, body: payload });
		} catch (err) {
			return { status: 0, error: err, text: '', headers: new Headers() };
		}
		const text = await res.text();
		let json = null;
		try {
			json = text ? parse(text) : null;
		} catch {
			/* not JSON */
		}
		return { status: res.status, text, json, headers: res.headers };
	};
}

/** Tiny webhook receiver: answers the echo GET and records POSTs. */
async function startReceiver() {
	const received = [];
	const echoes = [];
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const url = new URL(req.url, 'http://x');
			const body = Buffer.concat(chunks);
			if (req.method === 'GET') {
				echoes.push({ url: req.url, headers: req.headers });
				const echo = url.searchParams.get('echo') || '';
				res.writeHead(200, { 'Content-Type': 'text/plain' });
				return res.end(url.pathname === '/bad' ? `${echo}\n` : echo);
			}
			received.push({ url: req.url, headers: req.headers, body });
			res.writeHead(url.pathname === '/gone' ? 410 : 200);
			res.end('thanks');
		});
	});
	await new Promise((r) => server.listen(0, '127.0.0.1', r));
	return { server, received, echoes, url: `http://127.0.0.1:${server.address().port}` };
}

async function checkBasics() {
	const sandbox = await startSandbox({ throttle: false });
	const call = client(sandbox);
	try {
		// auth
		const okRes = await call('GET', '/enums/orderstates');
		check(
			'auth ok -> 200 bare enum array',
			okRes.status === 200 && Array.isArray(okRes.json) && okRes.json[0].Id === 1,
			okRes.text,
		);
		const noKey = await call('GET', '/orders', {
			headers: {
				Authorization: `Basic ${Buffer.from('merchant@example.com:sandbox-api-password').toString('base64')}`,
			},
			noAuth: true,
		});
		check(
			'missing API key -> 401',
			noKey.status === 401 &&
				noKey.json.Message === 'Authorization has been denied for this request.',
			noKey.text,
		);
		const wrong = await call('GET', '/orders', {
			headers: {
				Authorization: `Basic ${Buffer.from('merchant@example.com:nope').toString('base64')}`,
				'X-Billbee-Api-Key': 'sandbox-api-key',
			},
			noAuth: true,
		});
		check('wrong password -> 401', wrong.status === 401, wrong.text);
		check(
			'401 does not echo credentials',
			!wrong.text.includes('nope') && !noKey.text.includes('sandbox-api-password'),
		);
		const unknown = await call('GET', '/does/not/exist');
		check(
			'unknown route -> 404',
			unknown.status === 404 &&
				unknown.json.Message === 'No HTTP resource was found that matches the request URI',
			unknown.text,
		);

		// paging and ordering
		const p1 = await call('GET', '/orders?pageSize=300&page=1');
		check(
			'pageSize clamps to 250',
			p1.json.Paging.PageSize === 250 &&
				p1.json.Data.length === 120 &&
				p1.json.Paging.TotalPages === 1,
			p1.json.Paging,
		);
		const p2 = await call('GET', '/orders?pageSize=50&page=3');
		check(
			'page 3 of 120/50',
			p2.json.Paging.Page === 3 &&
				p2.json.Paging.TotalPages === 3 &&
				p2.json.Data.length === 20 &&
				p2.json.Paging.TotalRows === 120,
			p2.json.Paging,
		);
		const dates = p1.json.Data.map((o) => o.OrderDate);
		check(
			'orders newest first',
			dates.every((d, i) => i === 0 || dates[i - 1] >= d),
		);
		const none = await call('GET', '/orders?minOrderDate=2030-01-01');
		check(
			'0 rows -> TotalPages 0',
			none.json.Paging.TotalPages === 0 && none.json.Paging.TotalRows === 0,
			none.json.Paging,
		);
		const bad = await call('GET', '/orders?minOrderDate=2025-13-45');
		check(
			'malformed date -> 400',
			bad.status === 400 && bad.json.Message === 'The request is invalid.',
			bad.text,
		);

		// date filters, offsets, inclusive upper bound
		const some = p1.json.Data[10];
		const exact = await call(
			'GET',
			`/orders?minOrderDate=${some.OrderDate}&maxOrderDate=${some.OrderDate}`,
		);
		check(
			'maxOrderDate is inclusive',
			exact.json.Data.some((o) => o.BillBeeOrderId === some.BillBeeOrderId),
			exact.json.Paging,
		);
		const shifted = new Date(`${some.OrderDate}Z`);
		const plus2 = new Date(shifted.getTime() + 2 * 3600_000).toISOString().slice(0, 19);
		const offset = await call(
			'GET',
			`/orders?minOrderDate=${encodeURIComponent(`${plus2}+02:00`)}&maxOrderDate=${encodeURIComponent(`${plus2}.999+02:00`)}`,
		);
		check(
			'date with offset is converted to UTC',
			offset.json.Data.some((o) => o.BillBeeOrderId === some.BillBeeOrderId),
			offset.json.Paging,
		);

		// tags: repeated and indexed keys
		const vip = await call('GET', '/orders?tag=vip&pageSize=250');
		const vipIndexed = await call('GET', '/orders?tag[0]=vip&pageSize=250');
		const vipCount = sandbox.data.orders.filter((o) => o.Tags.includes('vip')).length;
		check(
			'tag filter (repeated and indexed keys)',
			vip.json.Paging.TotalRows === vipCount &&
				vipIndexed.json.Paging.TotalRows === vipCount &&
				vipCount > 0,
			{ vipCount, a: vip.json.Paging, b: vipIndexed.json.Paging },
		);

		// exact ids
		const order = sandbox.data.orders[5];
		const got = await call('GET', `/orders/${order.BillBeeOrderId}`);
		check(
			'GET /orders/{id} keeps the id exact',
			got.json.Data.BillBeeOrderId === order.BillBeeOrderId &&
				typeof got.json.Data.BillBeeOrderId === 'bigint',
			String(got.json.Data && got.json.Data.BillBeeOrderId),
		);
		check(
			'raw JSON writes the id as bare digits',
			got.text.includes(`"BillBeeOrderId":${order.BillBeeOrderId}`),
		);
		const lossy = String(Number(order.BillBeeOrderId));
		const lost = await call('GET', `/orders/${lossy}`);
		check('lossy id -> ErrorCode 2 OrderNotFound', isApiError(lost, 2, 'OrderNotFound'), lost.text);
		const tiktok = sandbox.data.orders.find((o) =>
			String(o.SellerComment).startsWith('TikTokOrderID:'),
		);
		const tt = await call('GET', `/orders/${tiktok.BillBeeOrderId}`);
		check(
			'digits inside strings untouched',
			tt.json.Data.SellerComment === tiktok.SellerComment &&
				/^TikTokOrderID:\d{21}$/.test(tt.json.Data.SellerComment),
		);

		// products
		const product = sandbox.data.products[3];
		const bySku = await call('GET', `/products/${encodeURIComponent(product.SKU)}?lookupBy=sku`);
		const byEan = await call('GET', `/products/${product.EAN}?lookupBy=ean`);
		check(
			'product lookupBy sku/ean',
			bySku.json.Data.Id === product.Id && byEan.json.Data.Id === product.Id,
		);
		const stock = await call('POST', '/products/updatestock', {
			body: { Sku: product.SKU, NewQuantity: 42 },
		});
		check(
			'updatestock',
			stock.json.ErrorCode === 0 &&
				stock.json.Data.CurrentStock === 42 &&
				product.StockCurrent === 42,
			stock.text,
		);
		const stockBad = await call('POST', '/products/updatestock', {
			body: { Sku: 'NOPE', NewQuantity: 1 },
		});
		check(
			'updatestock unknown SKU -> ErrorCode 11',
			stockBad.status === 200 &&
				stockBad.json.ErrorCode === 11 &&
				stockBad.json.ErrorMessage === 'Article not found',
			stockBad.text,
		);
		const multi = await call('POST', '/products/updatestockmultiple', {
			body: [
				{ Sku: product.SKU, NewQuantity: 7 },
				{ Sku: 'NOPE', NewQuantity: 1 },
			],
		});
		check(
			'updatestockmultiple -> array of ApiResult',
			Array.isArray(multi.json) && multi.json[0].ErrorCode === 0 && multi.json[1].ErrorCode !== 0,
			multi.text,
		);

		// writes
		const before = sandbox.data.orders.length;
		const created = await call('POST', '/orders', {
			body: {
				OrderNumber: 'SELF-1',
				Currency: 'EUR',
				OrderItems: [{ Product: { SKU: product.SKU, Title: 'x' }, Quantity: 1, TotalPrice: 9.5 }],
			},
		});
		check(
			'POST /orders -> 201 with new id > 2^53',
			created.status === 201 &&
				typeof created.json.Data.BillBeeOrderId === 'bigint' &&
				created.json.Data.BillBeeOrderId > 9007199254740992n &&
				sandbox.data.orders.length === before + 1,
			created.text.slice(0, 200),
		);
		const newId = created.json.Data.BillBeeOrderId;
		const first = await call('GET', '/orders?pageSize=1');
		check('new order is listed first', first.json.Data[0].BillBeeOrderId === newId);
		const state = await call('PUT', `/orders/${newId}/orderstate`, { body: { NewStateId: 99 } });
		check(
			'unknown state -> ErrorCode 11',
			state.status === 200 && state.json.ErrorCode === 11 && state.json.ErrorMessage,
			state.text,
		);
		const inv = await call('POST', `/orders/CreateInvoice/${newId}?includeInvoicePdf=true`);
		const pdf = Buffer.from(inv.json.Data.PDFData || '', 'base64').toString('latin1');
		check(
			'CreateInvoice with PDF',
			inv.json.ErrorCode === 0 &&
				pdf.startsWith('%PDF-') &&
				pdf.trimEnd().endsWith('%%EOF') &&
				inv.json.Data.InvoiceNumber,
			inv.text.slice(0, 200),
		);

		// createOrder + frozen window: an order created while paging is outside maxOrderDate
		const frozen = new Date(Date.now() - 1000).toISOString().slice(0, 19);
		const direct = sandbox.createOrder();
		const listed = await call('GET', '/orders?pageSize=5');
		const windowed = await call('GET', `/orders?pageSize=5&maxOrderDate=${frozen}`);
		check(
			'createOrder() is newest; a frozen maxOrderDate excludes it',
			listed.json.Data[0].BillBeeOrderId === direct.BillBeeOrderId &&
				!windowed.json.Data.some((o) => o.BillBeeOrderId === direct.BillBeeOrderId),
		);

		// batch
		const boundary = 'b1';
		const batchBody = `--${boundary}\r\nContent-Type: application/http; msgtype=request\r\n\r\nGET /api/v1/orders/${newId} HTTP/1.1\r\n\r\n\r\n--${boundary}\r\nContent-Type: application/http; msgtype=request\r\n\r\nGET /api/v1/nope HTTP/1.1\r\n\r\n\r\n--${boundary}--\r\n`;
		const batch = await call('POST', '/batch', {
			rawBody: batchBody,
			headers: { 'Content-Type': `multipart/mixed; boundary=${boundary}` },
		});
		check(
			'batch runs embedded requests',
			batch.status === 200 &&
				batch.text.includes('HTTP/1.1 200 OK') &&
				batch.text.includes(`"BillBeeOrderId":${newId}`) &&
				batch.text.includes('HTTP/1.1 404'),
			batch.text.slice(0, 300),
		);

		// fault injection
		sandbox.inject({ path: '/enums/orderstates', kind: 'status', status: 503 });
		const f1 = await call('GET', '/enums/orderstates');
		const f1b = await call('GET', '/enums/orderstates');
		check(
			'fault status 503 is one-shot',
			f1.status === 503 && f1.json.Message === 'An error has occurred.' && f1b.status === 200,
			[f1.status, f1b.status],
		);
		sandbox.inject({ method: 'GET', path: '/orders', kind: 'html502' });
		const f2 = await call('GET', '/orders');
		check(
			'fault html502',
			f2.status === 502 &&
				f2.headers.get('content-type').startsWith('text/html') &&
				f2.text.includes('nginx'),
		);
		sandbox.inject({ path: '/orders/{id}', kind: 'rateLimit', retryAfter: 3 });
		const f3 = await call('GET', `/orders/${newId}`);
		check(
			'fault rateLimit with Retry-After',
			f3.status === 429 &&
				f3.headers.get('retry-after') === '3' &&
				sandbox.log.at(-1).throttled === true,
		);
		sandbox.inject({ path: '/orders/{id}', kind: 'rateLimit', retryAfter: null });
		const f3b = await call('GET', `/orders/${newId}`);
		check(
			'fault rateLimit without Retry-After',
			f3b.status === 429 && f3b.headers.get('retry-after') === null,
		);
		sandbox.inject({
			endpoint: 'order.get',
			kind: 'errorInBody',
			errorCode: 8,
			errorMessage: 'boom',
		});
		const f4 = await call('GET', `/orders/${newId}`);
		check(
			'fault errorInBody',
			isApiError(f4, 8, 'InternalError') && f4.json.ErrorMessage === 'boom',
			f4.text,
		);
		sandbox.inject({ path: '/enums/orderstates', kind: 'latency', latencyMs: 150 });
		const t0 = Date.now();
		const f5 = await call('GET', '/enums/orderstates');
		check('fault latency', f5.status === 200 && Date.now() - t0 >= 140);
		sandbox.inject({ path: '/enums/orderstates', kind: 'reset' });
		const f6 = await call('GET', '/enums/orderstates');
		check('fault reset', f6.status === 0 && sandbox.log.at(-1).fault === 'reset');
		const count = sandbox.data.orders.length;
		sandbox.inject({ method: 'POST', path: '/orders', kind: 'afterWriteStatus', status: 500 });
		const f7 = await call('POST', '/orders', { body: { OrderNumber: 'SELF-2' } });
		check(
			'fault afterWriteStatus writes, then answers 500',
			f7.status === 500 &&
				sandbox.data.orders.length === count + 1 &&
				sandbox.log.at(-1).fault === 'afterWriteStatus',
		);

		// log record shape
		const rec = sandbox.log.find((r) => r.endpoint === 'order.getAll' && r.query.tag);
		check(
			'log record fields',
			rec &&
				rec.template === '/orders' &&
				rec.status === 200 &&
				typeof rec.t === 'number' &&
				rec.headers['x-billbee-api-key'] &&
				'rawQuery' in rec,
			rec && { ...rec, headers: undefined },
		);
	} finally {
		await sandbox.close();
	}
}

async function checkThrottle() {
	const sandbox = await startSandbox({ throttle: true });
	const call = client(sandbox);
	try {
		const a = await call('GET', '/enums/paymenttypes');
		const b = await call('GET', '/enums/paymenttypes');
		const c = await call('GET', '/enums/paymenttypes');
		check(
			'3rd quick call to one endpoint -> 429',
			a.status === 200 &&
				b.status === 200 &&
				c.status === 429 &&
				c.json.Message === 'API call limit exceeded',
			[a.status, b.status, c.status],
		);
		check(
			'429 has Retry-After >= 1',
			Number(c.headers.get('retry-after')) >= 1,
			c.headers.get('retry-after'),
		);
		check(
			'429 is logged as throttled',
			sandbox.log.at(-1).throttled === true && sandbox.log.at(-1).status === 429,
		);
		sandbox.config.retryAfterHeader = false;
		const d = await call('GET', '/enums/paymenttypes');
		check(
			'retryAfterHeader=false -> no header',
			d.status === 429 && d.headers.get('retry-after') === null,
		);
		await sleep(1010);
		const e = await call('GET', '/enums/paymenttypes');
		check('slot frees after the window (429s did not count)', e.status === 200, e.status);

		// per user: 10 per second across endpoints
		sandbox.reset();
		const paths = [
			'/enums/orderstates',
			'/enums/paymenttypes',
			'/enums/shipmenttypes',
			'/enums/shippingcarriers',
			'/enums/accountsyncstate',
			'/enums/shopaccounttype',
			'/layouts',
			'/cloudstorages',
			'/shopaccounts',
			'/products/stocks',
			'/products/category',
		];
		const statuses = [];
		for (const p of paths) statuses.push((await call('GET', p)).status);
		check(
			'11th call within a second (per user limit 10) -> 429',
			statuses.slice(0, 10).every((s) => s === 200) && statuses[10] === 429,
			statuses,
		);

		// CreateInvoice: 1 per order per 5 minutes
		sandbox.reset();
		const id = sandbox.data.orders[0].BillBeeOrderId;
		const i1 = await call('POST', `/orders/CreateInvoice/${id}`);
		await sleep(1010);
		const i2 = await call('POST', `/orders/CreateInvoice/${id}`);
		check(
			'CreateInvoice twice per order -> 429, Retry-After ~300',
			i1.status === 200 && i2.status === 429 && Number(i2.headers.get('retry-after')) >= 298,
			[i1.status, i2.status, i2.headers.get('retry-after')],
		);
		const other = await call('POST', `/orders/CreateDeliveryNote/${id}`);
		check('CreateDeliveryNote has its own slot', other.status === 200, other.status);

		// 401 is not counted
		sandbox.reset();
		for (let i = 0; i < 3; i++) await call('GET', '/layouts', { noAuth: true });
		const afterUnauth = await call('GET', '/layouts');
		check('401s do not use throttle slots', afterUnauth.status === 200, afterUnauth.status);
	} finally {
		await sandbox.close();
	}
}

async function checkWebhooks() {
	const sandbox = await startSandbox({ throttle: false });
	const call = client(sandbox);
	const receiver = await startReceiver();
	try {
		const secret = crypto.randomBytes(24).toString('hex'); // 48 chars
		const created = await call('POST', '/webhooks', {
			body: {
				WebHookUri: `${receiver.url}/hook?a=1`,
				Secret: secret,
				Filters: ['order.created'],
				Headers: { 'X-Test': 'yes' },
				Properties: { tenant: 'n8n' },
				IsPaused: false,
			},
		});
		check(
			'webhook create runs the echo test',
			created.status === 200 &&
				/^[0-9a-f]{32}$/.test(created.json.Id) &&
				receiver.echoes.length === 1,
			created.text,
		);
		const echo = receiver.echoes[0];
		check(
			'echo GET: query replaced by echo=<32 hex>, headers sent',
			echo && /^\/hook\?echo=[0-9a-f]{32}$/.test(echo.url) && echo.headers['x-test'] === 'yes',
			echo,
		);
		check(
			'echo recorded in deliveries',
			sandbox.deliveries.some((d) => d.kind === 'echo' && d.status === 200),
		);

		const failed = await call('POST', '/webhooks', {
			body: { WebHookUri: `${receiver.url}/bad`, Secret: secret, Filters: ['*'] },
		});
		check(
			'echo with trailing newline -> 400 and not stored',
			failed.status === 400 &&
				failed.json.Message.startsWith('WebHook verification failed.') &&
				sandbox.data.webhooks.length === 1,
			failed.text,
		);
		const shortSecret = await call('POST', '/webhooks', {
			body: { WebHookUri: `${receiver.url}/x?noecho`, Secret: 'short' },
		});
		check('short secret -> 400', shortSecret.status === 400);
		const badFilter = await call('POST', '/webhooks', {
			body: { WebHookUri: `${receiver.url}/x?noecho`, Secret: secret, Filters: ['Order.Changed'] },
		});
		check('unknown filter -> 400', badFilter.status === 400);
		const withId = await call('POST', '/webhooks', {
			body: { Id: 'abc', WebHookUri: `${receiver.url}/x?noecho`, Secret: secret },
		});
		check('Id on create -> 400', withId.status === 400);
		const echoCount = receiver.echoes.length;
		const noecho = await call('POST', '/webhooks', {
			body: {
				WebHookUri: `${receiver.url}/x?noecho`,
				Secret: secret,
				Filters: ['product.created'],
			},
		});
		check(
			'noecho skips the echo test',
			noecho.status === 200 && receiver.echoes.length === echoCount,
			noecho.text,
		);

		const list = await call('GET', '/webhooks');
		check('GET /webhooks bare array', Array.isArray(list.json) && list.json.length === 2);
		const mismatch = await call('PUT', `/webhooks/${created.json.Id}`, {
			body: { ...created.json, Id: 'other' },
		});
		check('PUT id mismatch -> 400', mismatch.status === 400);

		const orderId = 9007199254740993n;
		const results = await sandbox.deliver('order.created', { OrderId: orderId });
		check(
			'deliver posts to matching hooks only',
			results.length === 1 && results[0].status === 200 && receiver.received.length === 1,
			results,
		);
		const got = receiver.received[0];
		const expected = crypto
			.createHmac('sha256', secret)
			.update(got.body)
			.digest('hex')
			.toUpperCase();
		check(
			'ms-signature is upper-case HMAC-SHA256 of the raw body',
			got.headers['ms-signature'] === `sha256=${expected}`,
			got.headers['ms-signature'],
		);
		const text = got.body.toString('utf8');
		check(
			'delivery body is indented, ids are raw digits',
			text.startsWith('{\n  "Id": "') &&
				text.includes('"OrderId": 9007199254740993') &&
				text.includes('"Action": "order.created"'),
			text,
		);
		const parsed = parse(text);
		check(
			'delivery body fields',
			parsed.Attempt === 1 &&
				parsed.Properties.tenant === 'n8n' &&
				parsed.Notifications[0].OrderId === orderId &&
				got.headers['x-test'] === 'yes' &&
				got.url === '/hook?a=1',
			parsed,
		);
		const unsigned = await sandbox.deliver(
			'order.created',
			{},
			{ unsigned: true, attempt: 2, id: 'fixed' },
		);
		check(
			'unsigned delivery',
			unsigned.length === 1 &&
				receiver.received.at(-1).headers['ms-signature'] === undefined &&
				parse(receiver.received.at(-1).body.toString()).Id === 'fixed',
		);

		const del = await call('DELETE', `/webhooks/${created.json.Id}`);
		const delAgain = await call('DELETE', `/webhooks/${created.json.Id}`);
		check(
			'DELETE hook -> 200 empty, again -> 404',
			del.status === 200 && del.text === '' && delAgain.status === 404,
		);
	} finally {
		receiver.server.close();
		await sandbox.close();
	}
}

/** Every catalog endpoint answers 2xx (and ErrorCode 0 where enveloped) with valid auth. */
async function checkCatalog() {
	const sandbox = await startSandbox({ throttle: false });
	const call = client(sandbox);
	try {
		const d = sandbox.data;
		const s = sandbox.samples();
		const withTwoImages = d.products.filter((p) => p.Images.length >= 2);
		const imgProduct = withTwoImages[0];
		const imgProduct2 = withTwoImages[1];
		const order = d.orders[0];
		const hookBody = {
			WebHookUri: 'http://127.0.0.1:9/hook?noecho',
			Secret: 'x'.repeat(40),
			Filters: ['order.created'],
		};
		const hook = await call('POST', '/webhooks', { body: hookBody });
		const hookId = hook.json && hook.json.Id;
		const ml = (t) => [{ Text: t, LanguageCode: 'DE' }];

		const params = {
			id: String(order.BillBeeOrderId),
			extRef: order.Id,
			productId: String(imgProduct.Id),
			imageId: String(imgProduct.Images[0].Id),
		};
		const overrides = {
			'customerAddress.get': { id: s.customerAddressId },
			'customerAddress.update': { id: s.customerAddressId },
			'customer.getAddress': { id: s.customerAddressId },
			'customer.updateAddress': { id: s.customerAddressId },
			'customer.patchAddress': { id: s.customerAddressId },
			'customer.get': { id: s.customerId },
			'customer.update': { id: s.customerId },
			'customer.getAddresses': { id: s.customerId },
			'customer.addAddress': { id: s.customerId },
			'customer.getOrders': { id: s.customerId },
			'order.findByPartner': { id: order.Id, partner: order.Seller.Platform.toLowerCase() },
			'product.getCustomField': { id: s.customFieldId },
			'product.get': { id: s.productId },
			'product.patch': { id: s.productId },
			'product.delete': { id: d.products.at(-1).Id },
			'product.getImage': { imageId: imgProduct.Images[0].Id },
			'product.deleteImage': { imageId: imgProduct.Images[1].Id },
			'product.deleteProductImage': {
				productId: imgProduct2.Id,
				imageId: imgProduct2.Images[1].Id,
			},
			'webhook.get': { id: hookId },
			'webhook.update': { id: hookId },
			'webhook.delete': { id: hookId },
		};
		const bodies = {
			'provisioning.createAccount': {
				EMail: 'new-user@example.org',
				Password: 'Secret-123',
				AcceptTerms: true,
			},
			'customerAddress.create': {
				CustomerId: s.customerId,
				FirstName: 'Eva',
				City: 'Köln',
				CountryCode: 'DE',
			},
			'customerAddress.update': { FirstName: 'Eva', City: 'Bonn', CountryCode: 'DE' },
			'customer.create': {
				Name: 'Neukunde',
				Email: 'neu@example.org',
				Address: { FirstName: 'Neu', City: 'Berlin', CountryCode: 'DE' },
			},
			'customer.updateAddress': { City: 'Hamburg', CountryCode: 'DE' },
			'customer.patchAddress': { City: 'Bremen' },
			'customer.update': { Name: 'Geändert' },
			'customer.addAddress': { FirstName: 'Zweit', City: 'Leipzig', CountryCode: 'DE' },
			'order.create': {
				OrderNumber: 'CAT-1',
				Currency: 'EUR',
				OrderItems: [{ Product: { SKU: s.sku, Title: 'x' }, Quantity: 1, TotalPrice: 5 }],
			},
			'order.createMultiple': [{ OrderNumber: 'CAT-2' }],
			'order.addTagsMultiple': { OrderIds: [order.BillBeeOrderId], Tags: ['x'] },
			'order.patch': { SellerComment: 'patched' },
			'order.addMessage': { Text: 'Hallo', SenderName: 'Test', IsInternal: true },
			'order.changeState': { NewStateId: 2 },
			'order.parsePlaceholders': {
				TextToParse: 'Bestellung [OrderNumber]',
				IsHtml: false,
				Trim: true,
			},
			'order.sendMessage': { SendMode: 1, Subject: ml('Betreff'), Body: ml('Text') },
			'order.addShipment': { ShippingId: 'TRACK-1', CarrierId: 2, ShipmentType: 0 },
			'order.addTags': { Tags: ['x'] },
			'order.setTags': { Tags: ['y'] },
			'order.triggerEvent': { Name: 'Test', DelayInMinutes: 0 },
			'product.create': {
				SKU: 'CAT-NEW',
				Title: ml('Neu'),
				Price: 1.5,
				VatIndex: 1,
				Vat1Rate: 19,
				Vat2Rate: 7,
				Type: 1,
				IsDigital: false,
				IsCustomizable: false,
			},
			'product.deleteImages': [1],
			'product.getStockMultiple': { Skus: [s.sku] },
			'product.updateStock': { Sku: s.sku, NewQuantity: 10 },
			'product.updateStockCode': { Sku: s.sku, StockCode: 'A-1' },
			'product.updateStockMultiple': [{ Sku: s.sku, NewQuantity: 3 }],
			'product.patch': { Price: 9.99 },
			'product.putImages': [{ Url: 'https://images.example.com/new.jpg', IsDefault: false }],
			'product.putImage': { Url: 'https://images.example.com/changed.jpg' },
			'search.search': { Type: ['order', 'product', 'customer'], Term: 'a', SearchMode: 1 },
			'shipment.createShipment': {
				ProviderName: 'DHL',
				ProductCode: 'V01PAK',
				ClientReference: 'ref',
			},
			'shipment.createShipmentMultiple': [{ ProviderName: 'DHL' }],
			'shipment.shipWithLabel': {
				OrderId: order.BillBeeOrderId,
				ProviderId: s.shippingProviderId,
				ProductId: s.shippingProviderProductId,
				ChangeStateToSend: false,
			},
			'shipment.shipWithLabelMultiple': [{ OrderId: order.BillBeeOrderId }],
			'webhook.create': { ...hookBody, WebHookUri: 'http://127.0.0.1:9/other?noecho' },
			'webhook.update': { ...hookBody, Id: hookId, Description: 'changed' },
		};
		const batchBody = [
			'--batch',
			'Content-Type: application/http; msgtype=request',
			'',
			`GET /api/v1/orders/${order.BillBeeOrderId} HTTP/1.1`,
			'Host: api.billbee.io',
			'',
			'',
			'--batch',
			'Content-Type: application/http; msgtype=request',
			'',
			'GET /api/v1/enums/orderstates HTTP/1.1',
			'',
			'',
			'--batch--',
			'',
		].join('\r\n');

		// Deletes last, so they do not remove what other calls use.
		const rank = (ep) => (ep.id === 'webhook.deleteAll' ? 2 : ep.method === 'DELETE' ? 1 : 0);
		const ordered = [...CATALOG].sort((a, b) => rank(a) - rank(b));
		const problems = [];
		for (const ep of ordered) {
			const values = { ...params, ...(overrides[ep.id] || {}) };
			const path = ep.path.replace(/\{(\w+)\}/g, (_, name) =>
				encodeURIComponent(String(values[name])),
			);
			let query = '';
			if (ep.id === 'product.getReservedAmount')
				query = `?id=${encodeURIComponent(s.sku)}&lookupBy=sku`;
			if (ep.id === 'order.createInvoice') query = '?includeInvoicePdf=true';
			if (ep.id === 'order.createDeliveryNote') query = '?includePdf=true';
			if (ep.id === 'apiUsage.getDetail') query = '?request.date=2025-06-01';
			const opts =
				ep.id === 'batch.execute'
					? { rawBody: batchBody, headers: { 'Content-Type': 'multipart/mixed; boundary=batch' } }
					: { body: bodies[ep.id] };
			const res = await call(ep.method, path + query, opts);
			const rec = sandbox.log.at(-1);
			const enveloped =
				res.json &&
				typeof res.json === 'object' &&
				!Array.isArray(res.json) &&
				'ErrorCode' in res.json;
			const good =
				res.status >= 200 &&
				res.status < 300 &&
				(!enveloped || res.json.ErrorCode === 0) &&
				rec.endpoint === ep.id;
			if (!good)
				problems.push(
					`${ep.id} ${ep.method} ${path}${query} -> ${res.status} ${res.text.slice(0, 160)} (logged as ${rec.endpoint})`,
				);
		}
		check(
			`all ${CATALOG.length} catalog endpoints answer 2xx/ErrorCode 0 and are logged with their id`,
			problems.length === 0,
			`\n  ${problems.join('\n  ')}`,
		);
	} finally {
		await sandbox.close();
	}
}

async function checkPerformance() {
	const started = Date.now();
	const sandbox = await startSandbox({ orders: 10000, throttle: false });
	const startupMs = Date.now() - started;
	const call = client(sandbox);
	const serverTimes = [];
	sandbox.onRequest((r) => serverTimes.push(performance.timeOrigin + performance.now() - r.t));
	try {
		let rows = 0;
		for (let page = 1; page <= 10; page++) {
			const res = await call(
				'GET',
				`/orders?pageSize=250&page=${page}&minOrderDate=2025-01-01T00:00:00`,
			);
			rows += res.json.Data.length;
		}
		const median = [...serverTimes].sort((a, b) => a - b)[Math.floor(serverTimes.length / 2)];
		console.log(
			`     10k orders: startup ${startupMs} ms, page of 250 (~1.2 MB) answered in ${median.toFixed(1)} ms (median, server side)`,
		);
		check('10k orders: pages of 250 are fast', rows === 2500 && median < 60, { median, rows });
	} finally {
		await sandbox.close();
	}
}

(async () => {
	for (const step of [checkBasics, checkThrottle, checkWebhooks, checkCatalog, checkPerformance]) {
		try {
			await step();
		} catch (err) {
			failures++;
			console.log(`FAIL ${step.name} threw: ${err && err.stack}`);
		}
	}
	console.log(failures ? `\n${failures} check(s) failed` : '\nall checks passed');
	process.exit(failures ? 1 : 0);
})();
