'use strict';
/**
 * Local Billbee API v1 sandbox (plain Node.js, no dependencies).
 *
 *   const { startSandbox } = require('./test/sandbox/server');
 *   const sandbox = await startSandbox({ orders: 120 });
 *   // ... point the client at sandbox.baseUrl with sandbox.credentials ...
 *   await sandbox.close();
 *
 * Request pipeline for /api/v1/...:
 *   log record -> injected fault -> route (404/405) -> auth (401) -> throttle (429) -> handler
 * See README.md for the full behaviour.
 */

const http = require('node:http');
const path = require('node:path');
const crypto = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { parse, stringify } = require('./exact-json');
const { generateData, makePdf, DEFAULTS: DATA_DEFAULTS } = require('./data');
const R = require('./responses');
const {
	handlers: baseHandlers,
	Query,
	canonicalDate,
	idMatcher,
	insertOrder,
	sampleOrderBody,
} = require('./handlers');
const { createWebhookService } = require('./webhooks');
const { SlidingWindowLimiter } = require('./throttle');
const { createOrderActivity } = require('./orderActivity');

const CATALOG = require(path.join(__dirname, '..', 'fixtures', 'billbee-api', 'endpoints.json'));
const API_PREFIX = '/api/v1';

const DEFAULT_CREDENTIALS = {
	username: 'merchant@example.com',
	apiPassword: 'sandbox-api-password',
	apiKey: 'sandbox-api-key',
};

const FAULT_KINDS = new Set([
	'status',
	'html502',
	'rateLimit',
	'errorInBody',
	'latency',
	'reset',
	'afterWriteStatus',
]);

// General limits from the newest spec text, and the per-endpoint extras from the catalog notes.
const GENERAL_LIMITS = { perKey: 50, perUser: 10, perEndpoint: 2, windowMs: 1000 };
const EXTRA_THROTTLES = {
	'order.get': { limit: 6, windowMs: 60_000, key: (ctx) => ctx.params.id },
	'order.createInvoice': { limit: 1, windowMs: 300_000, key: (ctx) => ctx.params.id },
	'order.createDeliveryNote': { limit: 1, windowMs: 300_000, key: (ctx) => ctx.params.id },
	'order.getInvoices': {
		limit: 1,
		windowMs: 60_000,
		key: (ctx) =>
			`${pageKey(ctx.q)}|${canonicalDate(ctx.q.str('minInvoiceDate') || '') || ctx.q.str('minInvoiceDate') || ''}`,
	},
	'event.getAll': { limit: 2, windowMs: 3_600_000, key: (ctx) => pageKey(ctx.q) },
};

function pageKey(q) {
	const n = Number(q.str('page'));
	return Number.isInteger(n) && n > 0 ? String(n) : '1';
}

const NGINX_502 = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// routing
// ---------------------------------------------------------------------------------------------

function compileRoutes(catalog) {
	return catalog.map((endpoint) => ({
		endpoint,
		method: endpoint.method.toUpperCase(),
		segments: endpoint.path
			.split('/')
			.filter(Boolean)
			.map((s) => {
				const m = /^\{(.+)\}$/.exec(s);
				return m ? { param: m[1] } : { literal: s.toLowerCase() };
			}),
	}));
}

/** 1 for a literal segment, 0 for a placeholder: literal matches win from left to right. */
function specificity(route) {
	return route.segments.map((s) => (s.literal ? 1 : 0));
}

function moreSpecific(a, b) {
	const x = specificity(a);
	const y = specificity(b);
	for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] > y[i];
	return false;
}

/**
 * Returns { route, params }, { methodNotAllowed: true }, or null (no such resource).
 * Throws an HttpError 400 when a placeholder segment cannot be URL-decoded.
 */
function matchRoute(routes, method, relPath) {
	let parts = relPath.split('/').slice(1);
	if (parts.length > 1 && parts[parts.length - 1] === '') parts = parts.slice(0, -1);
	if (parts.some((p) => p === '')) return null;
	const lowered = parts.map((p) => p.toLowerCase());
	const candidates = routes.filter(
		(r) =>
			r.segments.length === parts.length &&
			r.segments.every((s, i) => !s.literal || s.literal === lowered[i]),
	);
	if (candidates.length === 0) return null;
	const forMethod = candidates.filter((r) => r.method === method);
	if (forMethod.length === 0) return { methodNotAllowed: true };
	const best = forMethod.reduce((a, b) => (moreSpecific(b, a) ? b : a));
	const params = {};
	best.segments.forEach((s, i) => {
		if (!s.param) return;
		try {
			params[s.param] = decodeURIComponent(parts[i]);
		} catch {
			throw R.badRequest();
		}
	});
	return { route: best, params };
}

// ---------------------------------------------------------------------------------------------
// small helpers
// ---------------------------------------------------------------------------------------------

function queryObject(searchParams) {
	const out = {};
	for (const [k, v] of searchParams) {
		if (!Object.prototype.hasOwnProperty.call(out, k)) out[k] = v;
		else if (Array.isArray(out[k])) out[k].push(v);
		else out[k] = [out[k], v];
	}
	return out;
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function parseBody(rawBody) {
	if (rawBody.trim() === '') return { body: null, bodyError: false };
	try {
		return { body: parse(rawBody), bodyError: false };
	} catch {
		return { body: null, bodyError: true };
	}
}

/** Returns the Basic-auth user name when username, API password and API key are all right. */
function authenticate(headers, credentials) {
	const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(headers.authorization || '');
	if (!m) return null;
	const decoded = Buffer.from(m[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return null;
	const user = decoded.slice(0, colon);
	const password = decoded.slice(colon + 1);
	const okUser = user.toLowerCase() === credentials.username.toLowerCase();
	const okPassword = password === credentials.apiPassword;
	const okKey = headers['x-billbee-api-key'] === credentials.apiKey;
	return okUser && okPassword && okKey ? user.toLowerCase() : null;
}

function writeResponse(res, response) {
	if (res.destroyed || res.headersSent) return;
	const headers = { ...(response.headers || {}) };
	let payload = '';
	if (response.json !== undefined) {
		payload = stringify(response.json);
		headers['Content-Type'] = 'application/json; charset=utf-8';
	} else if (response.text !== undefined) {
		payload = response.text;
		headers['Content-Type'] = response.contentType || 'text/plain; charset=utf-8';
	}
	headers['Content-Length'] = String(
		Buffer.isBuffer(payload) ? payload.length : Buffer.byteLength(payload, 'utf8'),
	);
	res.writeHead(response.status, headers);
	res.end(payload);
}

function normaliseFaultPath(p) {
	let out = String(p).split('?')[0];
	if (out.toLowerCase().startsWith(API_PREFIX)) out = out.slice(API_PREFIX.length);
	if (!out.startsWith('/')) out = `/${out}`;
	if (out.length > 1 && out.endsWith('/')) out = out.slice(0, -1);
	return out.toLowerCase();
}

function faultMatches(fault, record) {
	if (fault.method && fault.method.toUpperCase() !== record.method) return false;
	if (fault.endpoint && fault.endpoint !== record.endpoint) return false;
	if (fault.path) {
		const wanted = normaliseFaultPath(fault.path);
		const actual = normaliseFaultPath(record.path);
		let decoded = actual;
		try {
			decoded = decodeURIComponent(actual);
		} catch {
			/* keep raw */
		}
		if (wanted !== (record.template || '').toLowerCase() && wanted !== actual && wanted !== decoded)
			return false;
	}
	return true;
}

function redactHeaders(headers) {
	const out = { ...headers };
	for (const k of ['authorization', 'x-billbee-api-key'])
		if (out[k] !== undefined) out[k] = '[redacted]';
	return out;
}

// ---------------------------------------------------------------------------------------------
// batch (multipart/mixed, as used by the official PHP SDK)
// ---------------------------------------------------------------------------------------------

function splitHead(text) {
	const m = /\r?\n\r?\n/.exec(text);
	return m ? [text.slice(0, m.index), text.slice(m.index + m[0].length)] : [text, ''];
}

/** Parts of a multipart/mixed body, each parsed as an embedded HTTP request (or null). */
function parseBatchParts(rawBody, boundary) {
	const chunks = rawBody.split(`--${boundary}`).slice(1);
	const requests = [];
	for (const chunk of chunks) {
		if (chunk.startsWith('--')) break;
		const [, httpText] = splitHead(chunk.replace(/^\r?\n/, ''));
		const [head, body] = splitHead(httpText);
		const lines = head.split(/\r?\n/);
		const m = /^([A-Z]+)\s+(\S+)(?:\s+HTTP\/\d(?:\.\d)?)?$/i.exec(lines[0] || '');
		if (!m) {
			requests.push(null);
			continue;
		}
		const headers = {};
		for (const line of lines.slice(1)) {
			const i = line.indexOf(':');
			if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
		}
		requests.push({
			method: m[1].toUpperCase(),
			target: m[2],
			headers,
			body: body.replace(/\r?\n$/, ''),
		});
	}
	return requests;
}

function httpResponseText(response) {
	let body = '';
	let contentType = null;
	if (response.json !== undefined) {
		body = stringify(response.json);
		contentType = 'application/json; charset=utf-8';
	} else if (response.text !== undefined) {
		body = Buffer.isBuffer(response.text) ? response.text.toString('latin1') : response.text;
		contentType = response.contentType || 'text/plain; charset=utf-8';
	}
	let out = `HTTP/1.1 ${response.status} ${http.STATUS_CODES[response.status] || ''}\r\n`;
	if (contentType) out += `Content-Type: ${contentType}\r\n`;
	out += `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
	return out;
}

// ---------------------------------------------------------------------------------------------
// the sandbox
// ---------------------------------------------------------------------------------------------

async function startSandbox(options = {}) {
	const dataOptions = {
		orders: options.orders ?? DATA_DEFAULTS.orders,
		products: options.products ?? DATA_DEFAULTS.products,
		customers: options.customers ?? DATA_DEFAULTS.customers,
		seed: options.seed ?? DATA_DEFAULTS.seed,
	};
	const configDefaults = () => ({
		throttle: options.throttle ?? true,
		retryAfterHeader: options.retryAfterHeader ?? true,
		latencyMs: options.latencyMs ?? 0,
	});

	const routes = compileRoutes(CATALOG);
	const config = configDefaults();
	const log = [];
	const deliveries = [];
	const faults = [];
	const listeners = [];
	const limiter = new SlidingWindowLimiter();
	const data = {};
	const cache = {};
	const reseed = () => {
		for (const k of Object.keys(data)) delete data[k];
		Object.assign(data, generateData(dataOptions));
		for (const k of Object.keys(cache)) delete cache[k];
	};
	reseed();

	const server = http.createServer();
	// Longer than any client's idle keep-alive, so a client never reuses a socket we just closed.
	server.keepAliveTimeout = 65_000;
	server.headersTimeout = 66_000;
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port || 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address();
	const origin = `http://127.0.0.1:${port}`;
	const baseUrl = `${origin}${API_PREFIX}`;
	const credentials = { ...DEFAULT_CREDENTIALS, ...(options.credentials || {}), baseUrl };

	const env = { origin, log, credentials, cache, now: () => Date.now() };
	const webhookService = createWebhookService({ data, deliveries });
	const handlers = { ...baseHandlers, ...webhookService.handlers, 'batch.execute': runBatch };
	const missing = CATALOG.filter((e) => typeof handlers[e.id] !== 'function').map((e) => e.id);
	if (missing.length) throw new Error(`Sandbox has no handler for: ${missing.join(', ')}`);

	function makeContext(route, params, url, record, parsedBody) {
		return {
			endpoint: route.endpoint,
			params,
			q: new Query(url.searchParams),
			body: parsedBody.body,
			bodyError: parsedBody.bodyError,
			record,
			data,
			env,
		};
	}

	async function runHandler(ctx) {
		try {
			return await handlers[ctx.endpoint.id](ctx);
		} catch (err) {
			if (err instanceof R.HttpError) return err.response;
			console.error('[billbee-sandbox] handler error', ctx.endpoint.id, err);
			return R.json(500, {
				Message: R.MESSAGES.serverError,
				ExceptionMessage: String(err && err.message),
			});
		}
	}

	function throttleRules(ctx, user) {
		const who = `${credentials.apiKey}|${user}`;
		const { windowMs } = GENERAL_LIMITS;
		const rules = [
			{ key: `key|${credentials.apiKey}`, limit: GENERAL_LIMITS.perKey, windowMs },
			{ key: `user|${who}`, limit: GENERAL_LIMITS.perUser, windowMs },
			{
				key: `endpoint|${who}|${ctx.endpoint.method} ${ctx.endpoint.path}`,
				limit: GENERAL_LIMITS.perEndpoint,
				windowMs,
			},
		];
		const extra = EXTRA_THROTTLES[ctx.endpoint.id];
		if (extra)
			rules.push({
				key: `extra|${who}|${ctx.endpoint.id}|${extra.key(ctx)}`,
				limit: extra.limit,
				windowMs: extra.windowMs,
			});
		return rules;
	}

	function takeFault(record) {
		const index = faults.findIndex((f) => faultMatches(f, record));
		if (index < 0) return null;
		const fault = faults[index];
		fault.remaining--;
		if (fault.remaining <= 0) faults.splice(index, 1);
		return fault;
	}

	/** An afterWriteStatus fault only counts for a request that really reached the handler. */
	function putBack(fault) {
		if (!fault || fault.kind !== 'afterWriteStatus') return;
		if (fault.remaining <= 0) {
			fault.remaining = 1;
			faults.unshift(fault);
		} else fault.remaining++;
	}

	function notify(record) {
		for (const fn of listeners) {
			try {
				fn(record);
			} catch (err) {
				console.error('[billbee-sandbox] onRequest hook failed', err);
			}
		}
	}

	async function handleApi(req, res, url, relPath, arrival) {
		const rawBody = await readBody(req);
		const parsedBody = parseBody(rawBody);
		let match = null;
		let routeError = null;
		try {
			match = matchRoute(routes, req.method.toUpperCase(), relPath);
		} catch (err) {
			routeError = err.response;
		}
		const route = match && match.route;
		const record = {
			t: arrival,
			method: req.method.toUpperCase(),
			path: relPath,
			query: queryObject(url.searchParams),
			rawQuery: url.search.replace(/^\?/, ''),
			headers: { ...req.headers },
			rawBody,
			body: parsedBody.body,
			endpoint: route ? route.endpoint.id : null,
			template: route ? route.endpoint.path : null,
			status: null,
			throttled: false,
			fault: null,
		};
		log.push(record);

		const finish = (response) => {
			writeResponse(res, response);
			record.status = response.status;
			record.throttled = response.status === 429;
			notify(record);
		};

		const fault = takeFault(record);
		if (fault) record.fault = fault.kind;
		if (config.latencyMs > 0) await sleep(config.latencyMs);

		if (fault) {
			switch (fault.kind) {
				case 'reset':
					record.status = 0;
					req.socket.destroy();
					notify(record);
					return;
				case 'status': {
					const custom = fault.body;
					if (typeof custom === 'string')
						return finish({
							status: fault.status || 500,
							text: custom,
							contentType: fault.contentType,
							headers: fault.headers,
						});
					return finish({
						status: fault.status || 500,
						json: custom ?? { Message: R.MESSAGES.serverError },
						headers: fault.headers,
					});
				}
				case 'html502':
					return finish({ status: fault.status || 502, text: NGINX_502, contentType: 'text/html' });
				case 'rateLimit': {
					const headers =
						fault.retryAfter === null ? {} : { 'Retry-After': String(fault.retryAfter ?? 1) };
					return finish({ status: 429, json: { Message: R.MESSAGES.throttled }, headers });
				}
				case 'errorInBody': {
					const code = fault.errorCode ?? 8;
					return finish(
						R.json(200, R.envelope(null, code, fault.errorMessage ?? 'Sandbox: injected error')),
					);
				}
				case 'latency':
					await sleep(fault.latencyMs ?? 1000);
					break;
				default:
					break; // afterWriteStatus: applied after the handler
			}
		}

		if (routeError) {
			putBack(fault);
			return finish(routeError);
		}
		if (!match) {
			putBack(fault);
			return finish(R.message(404, R.MESSAGES.notFoundRoute));
		}
		if (match.methodNotAllowed) {
			putBack(fault);
			return finish(
				R.message(405, `The requested resource does not support http method '${record.method}'.`),
			);
		}

		const user = authenticate(req.headers, credentials);
		if (!user) {
			putBack(fault);
			return finish({
				status: 401,
				json: { Message: R.MESSAGES.unauthorized },
				headers: { 'WWW-Authenticate': 'Basic realm="Billbee API"' },
			});
		}

		const ctx = makeContext(route, match.params, url, record, parsedBody);
		if (config.throttle) {
			const rules = throttleRules(ctx, user);
			const at = now();
			const blocked = limiter.check(rules, at);
			if (blocked) {
				putBack(fault);
				const headers = config.retryAfterHeader
					? { 'Retry-After': String(Math.max(1, Math.ceil(blocked.retryAfterMs / 1000))) }
					: {};
				return finish({ status: 429, json: { Message: R.MESSAGES.throttled }, headers });
			}
			limiter.commit(rules, at);
		}

		let response = await runHandler(ctx);
		if (fault && fault.kind === 'afterWriteStatus') {
			response = { status: fault.status || 500, json: { Message: R.MESSAGES.serverError } };
		}
		return finish(response);
	}

	/** batch.execute: runs each embedded request through the normal handlers (no extra throttling). */
	async function runBatch(ctx) {
		const contentType = ctx.record.headers['content-type'] || '';
		const m = /boundary="?([^";]+)"?/i.exec(contentType);
		if (!/^multipart\/mixed/i.test(contentType) || !m)
			throw R.badRequest('The batch request must be multipart/mixed with a boundary.');
		const requests = parseBatchParts(ctx.record.rawBody, m[1]);
		const boundary = `batchresponse_${crypto.randomBytes(8).toString('hex')}`;
		let out = '';
		for (const inner of requests) {
			let response;
			if (!inner) response = R.message(400, R.MESSAGES.invalid);
			else {
				const url = new URL(inner.target, origin);
				let relPath = url.pathname;
				if (relPath.toLowerCase().startsWith(API_PREFIX))
					relPath = relPath.slice(API_PREFIX.length) || '/';
				let innerMatch = null;
				try {
					innerMatch = matchRoute(routes, inner.method, relPath);
				} catch (err) {
					response = err.response;
				}
				if (!response) {
					if (!innerMatch) response = R.message(404, R.MESSAGES.notFoundRoute);
					else if (innerMatch.methodNotAllowed)
						response = R.message(
							405,
							`The requested resource does not support http method '${inner.method}'.`,
						);
					else if (innerMatch.route.endpoint.id === 'batch.execute')
						response = R.message(400, 'Nested batch requests are not supported.');
					else {
						const record = {
							...ctx.record,
							method: inner.method,
							path: relPath,
							rawBody: inner.body,
							headers: { ...ctx.record.headers, ...inner.headers },
						};
						const innerCtx = makeContext(
							innerMatch.route,
							innerMatch.params,
							url,
							record,
							parseBody(inner.body),
						);
						response = await runHandler(innerCtx);
					}
				}
			}
			out += `--${boundary}\r\nContent-Type: application/http; msgtype=response\r\n\r\n${httpResponseText(response)}\r\n`;
		}
		out += `--${boundary}--\r\n`;
		return { status: 200, text: out, contentType: `multipart/mixed; boundary="${boundary}"` };
	}

	// --- non-API routes: PDF downloads (PdfDownloadUrl) and a small control API for the CLI ------

	function handleFiles(res, relPath) {
		const m = /^\/files\/(invoice|deliverynote)\/(\d+)\.pdf$/i.exec(relPath);
		const order = m && data.orders.find((o) => idMatcher(m[2])(o.BillBeeOrderId));
		if (!order) return writeResponse(res, { status: 404, text: 'Not found' });
		const title =
			m[1].toLowerCase() === 'invoice'
				? `Rechnung ${order.InvoiceNumberPrefix || ''}${order.InvoiceNumber ?? ''}`
				: `Lieferschein ${order.OrderNumber}`;
		return writeResponse(res, {
			status: 200,
			text: makePdf([title, `Bestellung ${order.OrderNumber}`]),
			contentType: 'application/pdf',
		});
	}

	async function handleControl(req, res, url) {
		const rawBody = await readBody(req);
		let body = null;
		try {
			body = rawBody ? parse(rawBody) : null;
		} catch {
			return writeResponse(res, R.message(400, 'invalid JSON'));
		}
		const action = `${req.method} ${url.pathname.replace(/\/+$/, '')}`;
		try {
			switch (action) {
				case 'GET /__sandbox':
				case 'GET /__sandbox/info':
					return writeResponse(
						res,
						R.raw({
							baseUrl,
							config,
							counts: counts(),
							samples: sandbox.samples(),
							pendingFaults: faults,
						}),
					);
				case 'GET /__sandbox/log':
					return writeResponse(
						res,
						R.raw(log.map((r) => ({ ...r, headers: redactHeaders(r.headers) }))),
					);
				case 'GET /__sandbox/deliveries':
					return writeResponse(res, R.raw(deliveries));
				case 'POST /__sandbox/reset':
					sandbox.reset();
					return writeResponse(res, R.empty(204));
				case 'POST /__sandbox/clear-log':
					sandbox.clearLog();
					return writeResponse(res, R.empty(204));
				case 'POST /__sandbox/config':
					Object.assign(config, body || {});
					return writeResponse(res, R.raw(config));
				case 'POST /__sandbox/inject':
					for (const f of Array.isArray(body) ? body : [body]) sandbox.inject(f);
					return writeResponse(res, R.raw(faults));
				case 'POST /__sandbox/deliver':
					return writeResponse(
						res,
						R.raw(await sandbox.deliver(body.action, body.data || {}, body.opts || {})),
					);
				default:
					return writeResponse(res, R.message(404, 'Unknown sandbox control route'));
			}
		} catch (err) {
			return writeResponse(res, R.message(400, String(err.message)));
		}
	}

	function counts() {
		const out = {};
		for (const [k, v] of Object.entries(data)) if (Array.isArray(v)) out[k] = v.length;
		return out;
	}

	server.on('request', (req, res) => {
		const arrival = now();
		let url;
		try {
			url = new URL(req.url, origin);
		} catch {
			return writeResponse(res, R.message(400, R.MESSAGES.invalid));
		}
		const pathname = url.pathname;
		const lower = pathname.toLowerCase();
		let work;
		if (lower === API_PREFIX || lower.startsWith(`${API_PREFIX}/`)) {
			work = handleApi(req, res, url, pathname.slice(API_PREFIX.length) || '/', arrival);
		} else if (lower.startsWith('/__sandbox')) {
			work = handleControl(req, res, url);
		} else if (lower.startsWith('/files/')) {
			work = Promise.resolve(handleFiles(res, pathname));
		} else {
			work = Promise.resolve(writeResponse(res, R.message(404, R.MESSAGES.notFoundRoute)));
		}
		work.catch((err) => {
			console.error('[billbee-sandbox] request failed', err);
			writeResponse(res, R.json(500, { Message: R.MESSAGES.serverError }));
		});
	});

	const sandbox = {
		baseUrl,
		origin,
		credentials,
		log,
		deliveries,
		data,
		config,
		server,

		/** Queues a one-shot (or `times`-shot) fault; see README for the kinds. */
		inject(fault) {
			if (!fault || !FAULT_KINDS.has(fault.kind))
				throw new TypeError(`Unknown fault kind: ${fault && fault.kind}`);
			const times = fault.times ?? 1;
			faults.push({ ...fault, times, remaining: times });
		},

		/**
		 * Adds an order directly (no HTTP, not logged, not throttled), like POST /orders would:
		 * new id above 2^53, OrderDate = now unless `fields` says otherwise. Returns the live order.
		 */
		createOrder(fields = {}) {
			const body = sampleOrderBody(data, fields);
			const { order, error } = insertOrder({ data, env }, body, body.ApiAccountId);
			if (error) throw new Error(error.json.ErrorMessage);
			return order;
		},

		/** Orders that appear, change and move between states (see orderActivity.js). */
		get activity() {
			return createOrderActivity({
				data,
				env,
				createOrder: (fields) => sandbox.createOrder(fields),
			});
		},

		/** Pending faults (read-only view). */
		pendingFaults() {
			return faults.map((f) => ({ ...f }));
		},

		clearLog() {
			log.length = 0;
			deliveries.length = 0;
		},

		reset() {
			reseed();
			log.length = 0;
			deliveries.length = 0;
			faults.length = 0;
			limiter.reset();
			for (const k of Object.keys(config)) delete config[k];
			Object.assign(config, configDefaults());
		},

		deliver(action, payload, opts) {
			return webhookService.deliver(action, payload, opts);
		},

		/** Registers fn(record), called after every API request is answered. Returns an unsubscribe function. */
		onRequest(fn) {
			listeners.push(fn);
			return () => {
				const i = listeners.indexOf(fn);
				if (i >= 0) listeners.splice(i, 1);
			};
		},

		/** Handy known values from the live data (see README "Seeded data"). */
		samples() {
			const order = data.orders[0];
			const product = data.products[0];
			const customer = data.customers[0];
			return {
				orderId: order && order.BillBeeOrderId,
				orderExternalId: order && order.Id,
				orderNumber: order && order.OrderNumber,
				sku: product && product.SKU,
				ean: product && product.EAN,
				productId: product && product.Id,
				customerId: customer && customer.Id,
				customerAddressId: data.customerAddresses[0] && data.customerAddresses[0].Id,
				shopIds: data.shops.map((s) => s.Id),
				stockIds: data.stocks.map((s) => s.Id),
				imageId: (data.products.find((p) => p.Images && p.Images.length) || { Images: [{}] })
					.Images[0].Id,
				customFieldId: data.customFields[0] && data.customFields[0].Id,
				shippingProviderId: data.shippingProviders[0] && data.shippingProviders[0].id,
				shippingProviderProductId:
					data.shippingProviders[0] && data.shippingProviders[0].products[0].id,
				layoutId: data.layouts[0] && data.layouts[0].Id,
				cloudStorageId: data.cloudStorages[0] && data.cloudStorages[0].Id,
			};
		},

		async close() {
			await new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
	return sandbox;
}

module.exports = {
	startSandbox,
	DEFAULT_CREDENTIALS,
	FAULT_KINDS,
	EXTRA_THROTTLES,
	GENERAL_LIMITS,
	matchRoute,
	compileRoutes,
};
