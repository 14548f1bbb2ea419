'use strict';
/**
 * Webhook registrations and deliveries, modelled on Microsoft ASP.NET WebHooks (which Billbee's
 * webhooks are built on, see the webhook notes of our API research):
 *   - registration runs an "echo" GET unless the URI has a `noecho` query parameter,
 *   - deliveries are POSTs with an indented JSON body and an `ms-signature: sha256=<HEX>` header.
 */

const http = require('node:http');
const https = require('node:https');
const crypto = require('node:crypto');
const R = require('./responses');
const { stringify } = require('./exact-json');
const { field } = require('./handlers');

// Only '*' and 'order.created' are confirmed for real Billbee; the others are sandbox names.
const FILTERS = [
	{ Name: '*', Description: 'All events' },
	{ Name: 'order.created', Description: 'An order was created' },
	{ Name: 'order.updated', Description: 'An order was changed (sandbox name)' },
	{ Name: 'order.statechanged', Description: 'The state of an order changed (sandbox name)' },
	{ Name: 'order.shipped', Description: 'An order was shipped (sandbox name)' },
	{ Name: 'product.created', Description: 'A product was created (sandbox name)' },
	{ Name: 'product.stockchanged', Description: 'The stock of a product changed (sandbox name)' },
	{ Name: 'customer.created', Description: 'A customer was created (sandbox name)' },
];

const REQUEST_TIMEOUT_MS = 10_000;

function randomHex() {
	return crypto.randomBytes(16).toString('hex');
}

/** Minimal HTTP client: one fresh connection per call, resolves { status, body } or rejects. */
function send(url, { method = 'GET', headers = {}, body } = {}) {
	return new Promise((resolve, reject) => {
		const target = new URL(url);
		const lib = target.protocol === 'https:' ? https : http;
		const req = lib.request(
			target,
			{ method, headers, agent: false, timeout: REQUEST_TIMEOUT_MS },
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () =>
					resolve({
						status: res.statusCode,
						body: Buffer.concat(chunks).toString('utf8'),
						headers: res.headers,
					}),
				);
				res.on('error', reject);
			},
		);
		req.on('timeout', () => req.destroy(new Error(`timeout after ${REQUEST_TIMEOUT_MS} ms`)));
		req.on('error', reject);
		req.end(body);
	});
}

function stringMap(value) {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
	const out = {};
	for (const [k, v] of Object.entries(value))
		out[k] = v === null || v === undefined ? '' : String(v);
	return out;
}

function hasNoEcho(uri) {
	for (const key of new URL(uri).searchParams.keys())
		if (key.toLowerCase() === 'noecho') return true;
	return false;
}

function createWebhookService({ data, deliveries }) {
	const verificationFailed = (reason) =>
		R.message(
			400,
			`WebHook verification failed. Please ensure that the WebHook URI is valid and that the endpoint is accessible. Error: ${reason}`,
		);

	/** Runs the echo test; resolves null on success or the 400 response to send. */
	async function echoTest(hook) {
		if (hasNoEcho(hook.WebHookUri)) return null;
		const echo = randomHex();
		const target = new URL(hook.WebHookUri);
		target.search = `?echo=${echo}`;
		let result;
		try {
			result = await send(target.href, { method: 'GET', headers: stringMap(hook.Headers) });
		} catch (err) {
			deliveries.push({
				kind: 'echo',
				hookUri: hook.WebHookUri,
				echoUri: target.href,
				status: 0,
				body: String(err.message),
				echo,
			});
			return verificationFailed(`The WebHook URI could not be reached: ${err.message}`);
		}
		deliveries.push({
			kind: 'echo',
			hookUri: hook.WebHookUri,
			echoUri: target.href,
			status: result.status,
			body: result.body,
			echo,
		});
		if (result.status < 200 || result.status > 299)
			return verificationFailed(
				`The WebHook URI answered the echo request with status ${result.status}.`,
			);
		if (result.body !== echo)
			return verificationFailed(
				'The echo query parameter was not returned as plain text in the response body.',
			);
		return null;
	}

	/** Validates a registration body; returns { hook } or { error: response }. */
	function readRegistration(body, { requireNoId }) {
		if (!body || typeof body !== 'object' || Array.isArray(body))
			return { error: R.message(400, R.MESSAGES.invalid) };
		const id = field(body, 'Id');
		if (requireNoId && id !== undefined && id !== null && id !== '')
			return {
				error: R.message(400, 'The WebHook Id must not be set when creating a registration.'),
			};
		const uri = field(body, 'WebHookUri');
		let parsed;
		try {
			parsed = new URL(uri);
		} catch {
			parsed = null;
		}
		if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) {
			return {
				error: R.message(
					400,
					"The WebHook URI must be absolute with a scheme of either 'http' or 'https'.",
				),
			};
		}
		const secret = field(body, 'Secret');
		if (
			typeof secret !== 'string' ||
			secret.trim() === '' ||
			secret.length < 32 ||
			secret.length > 64
		) {
			return {
				error: R.message(400, 'The WebHook secret must be between 32 and 64 characters long.'),
			};
		}
		let filters = field(body, 'Filters');
		if (filters === undefined || filters === null) filters = [];
		if (!Array.isArray(filters) || filters.some((f) => typeof f !== 'string'))
			return { error: R.message(400, R.MESSAGES.invalid) };
		const known = new Set(FILTERS.map((f) => f.Name.toLowerCase()));
		const unknown = filters.filter((f) => !known.has(f.toLowerCase()));
		if (unknown.length)
			return {
				error: R.message(
					400,
					`The following filters are not valid: '${unknown.join(', ')}'. A list of valid filters can be obtained from GET /webhooks/filters.`,
				),
			};
		const isPaused = field(body, 'IsPaused');
		return {
			hook: {
				Secret: secret,
				Filters: filters.length ? [...filters] : ['*'],
				Headers: stringMap(field(body, 'Headers')),
				Properties: structuredClone(field(body, 'Properties') || {}),
				Id: id ?? null,
				WebHookUri: uri,
				Description: field(body, 'Description') ?? null,
				IsPaused: isPaused === true,
			},
		};
	}

	const findHook = (id) =>
		data.webhooks.find((h) => String(h.Id).toLowerCase() === String(id).toLowerCase());
	const notFound = () => R.message(404, 'WebHook not found');

	const handlers = {
		'webhook.getFilters': () => R.raw(FILTERS),
		'webhook.getAll': () => R.raw(data.webhooks),
		'webhook.get': (ctx) => {
			const hook = findHook(ctx.params.id);
			return hook ? R.raw(hook) : notFound();
		},
		'webhook.create': async (ctx) => {
			const { hook, error } = readRegistration(ctx.bodyError ? null : ctx.body, {
				requireNoId: true,
			});
			if (error) return error;
			const failed = await echoTest(hook);
			if (failed) return failed;
			hook.Id = randomHex();
			data.webhooks.push(hook);
			return R.raw(hook);
		},
		'webhook.update': async (ctx) => {
			const existing = findHook(ctx.params.id);
			if (!existing) return notFound();
			const { hook, error } = readRegistration(ctx.bodyError ? null : ctx.body, {
				requireNoId: false,
			});
			if (error) return error;
			if (hook.Id === null || String(hook.Id).toLowerCase() !== String(existing.Id).toLowerCase()) {
				return R.message(400, 'The WebHook Id in the body must match the Id in the URI.');
			}
			const failed = await echoTest(hook);
			if (failed) return failed;
			Object.assign(existing, hook, { Id: existing.Id });
			return R.raw(existing);
		},
		'webhook.delete': (ctx) => {
			const hook = findHook(ctx.params.id);
			if (!hook) return notFound();
			data.webhooks.splice(data.webhooks.indexOf(hook), 1);
			return R.empty();
		},
		'webhook.deleteAll': () => {
			data.webhooks.length = 0;
			return R.empty();
		},
	};

	/**
	 * Sends one event to every active hook whose filters match. See README for `opts`.
	 * Resolves with [{ hookId, status, body }] (status 0 = network error).
	 */
	async function deliver(action, payload = {}, opts = {}) {
		const wanted = String(action).toLowerCase();
		const targets = data.webhooks.filter((h) => {
			if (h.IsPaused) return false;
			if (opts.hookId && String(h.Id) !== String(opts.hookId)) return false;
			return (h.Filters || []).some((f) => f === '*' || String(f).toLowerCase() === wanted);
		});
		const attempts = targets.map(async (hook) => {
			const message = { Id: opts.id || randomHex(), Attempt: opts.attempt || 1 };
			if (hook.Properties && Object.keys(hook.Properties).length)
				message.Properties = hook.Properties;
			message.Notifications = Array.isArray(opts.notifications)
				? opts.notifications
				: [{ Action: action, ...payload }];
			const requestBody = stringify(message, 2);
			const bytes = Buffer.from(requestBody, 'utf8');
			const headers = {
				'Content-Type': 'application/json; charset=utf-8',
				'Content-Length': String(bytes.length),
			};
			for (const [k, v] of Object.entries(hook.Headers || {})) headers[k] = v;
			if (opts.signature !== undefined && opts.signature !== null)
				headers['ms-signature'] = String(opts.signature);
			else if (!opts.unsigned) {
				const mac = crypto
					.createHmac('sha256', Buffer.from(opts.secret || hook.Secret, 'utf8'))
					.update(bytes)
					.digest('hex')
					.toUpperCase();
				headers['ms-signature'] = `sha256=${mac}`;
			}
			let status;
			let responseText;
			try {
				const res = await send(hook.WebHookUri, { method: 'POST', headers, body: bytes });
				status = res.status;
				responseText = res.body;
			} catch (err) {
				status = 0;
				responseText = String(err.message);
			}
			return {
				kind: 'delivery',
				hookId: hook.Id,
				hookUri: hook.WebHookUri,
				status,
				body: responseText,
				requestBody,
				requestHeaders: headers,
			};
		});
		const results = await Promise.all(attempts);
		deliveries.push(...results);
		return results.map((r) => ({ hookId: r.hookId, status: r.status, body: r.body }));
	}

	return { handlers, deliver, FILTERS };
}

module.exports = { createWebhookService, FILTERS, send };
