'use strict';
/** What the endpoint handlers share: request parsing, exact id matching, paging, lookups, events. */

const R = require('../responses');
const { formatDate, makePdf, nextId } = require('../data');

// ---------------------------------------------------------------------------------------------
// parsing helpers
// ---------------------------------------------------------------------------------------------

const CANONICAL_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/;

const DATE_RE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * ISO 8601 date/time to epoch ms. Accepts 'YYYY-MM-DD', 'YYYY-MM-DDTHH:mm[:ss[.fff]]', a space
 * instead of 'T', and an optional 'Z' or '+HH:mm' offset. Without an offset the time is UTC.
 * Returns NaN for anything else (including impossible dates such as 2025-02-30).
 */
function parseDate(text) {
	const m = DATE_RE.exec(String(text).trim());
	if (!m) return NaN;
	const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
	if (+h > 23 || +mi > 59 || +s > 59) return NaN;
	const ms = frac ? Number(frac.padEnd(3, '0').slice(0, 3)) : 0;
	const t = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, ms);
	const check = new Date(t);
	if (check.getUTCFullYear() !== +y || check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d)
		return NaN;
	if (!zone || zone.toUpperCase() === 'Z') return t;
	const sign = zone[0] === '-' ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	const oh = Number(digits.slice(0, 2));
	const om = digits.length > 2 ? Number(digits.slice(2)) : 0;
	if (oh > 14 || om > 59) return NaN;
	return t - sign * (oh * 60 + om) * 60_000;
}

/** Date value of a record field to the canonical 'YYYY-MM-DDTHH:mm:ss.SSS' (UTC) string, or ''. */
function canonicalDate(value) {
	if (typeof value === 'string' && CANONICAL_DATE.test(value)) return value;
	if (value === null || value === undefined || value === '') return '';
	const ms = parseDate(value);
	return Number.isNaN(ms) ? '' : formatDate(ms);
}

/** Body date (any ISO form) to the Billbee response format; keeps null/undefined. */
function normaliseDateField(value) {
	if (value === null || value === undefined) return value;
	const c = canonicalDate(value);
	return c || value;
}

/** Query string access with ASP.NET-like binding: case-insensitive names, k=a&k=b and k[0]=a. */
class Query {
	constructor(searchParams) {
		this.values = new Map();
		this.indexed = new Map();
		for (const [k, v] of searchParams) {
			const key = k.toLowerCase();
			if (!this.values.has(key)) this.values.set(key, []);
			this.values.get(key).push(v);
			const m = /^(.*)\[(\d*)\]$/.exec(key);
			if (m) {
				if (!this.indexed.has(m[1])) this.indexed.set(m[1], []);
				this.indexed.get(m[1]).push([m[2] === '' ? Number.MAX_SAFE_INTEGER : Number(m[2]), v]);
			}
		}
	}

	str(name) {
		const list = this.values.get(name.toLowerCase());
		return list ? list[0] : undefined;
	}

	list(name) {
		const key = name.toLowerCase();
		const out = [...(this.values.get(key) || [])];
		const indexed = this.indexed.get(key);
		if (indexed) out.push(...[...indexed].sort((a, b) => a[0] - b[0]).map((e) => e[1]));
		return out.filter((v) => v !== '');
	}

	int(name, fallback) {
		const s = this.str(name);
		if (s === undefined || s === '') return fallback;
		if (!/^[+-]?\d{1,9}$/.test(s.trim())) throw R.badRequest();
		return Number(s);
	}

	bool(name, fallback) {
		const s = this.str(name);
		if (s === undefined || s === '') return fallback;
		if (/^(true|1)$/i.test(s)) return true;
		if (/^(false|0)$/i.test(s)) return false;
		throw R.badRequest();
	}

	/** Epoch ms, undefined when absent; a malformed date answers HTTP 400. */
	date(name) {
		const s = this.str(name);
		if (s === undefined || s === '') return undefined;
		const ms = parseDate(s);
		if (Number.isNaN(ms)) throw R.badRequest();
		return ms;
	}

	/** Like date(), as the canonical string that record dates compare with; null when absent. */
	dateKey(name) {
		const ms = this.date(name);
		return ms === undefined ? null : formatDate(ms);
	}

	/** int64 parameter as a digit string, undefined when absent; non-numeric answers HTTP 400. */
	id(name) {
		const s = this.str(name);
		if (s === undefined || s === '') return undefined;
		if (!/^\d+$/.test(s)) throw R.badRequest();
		return s;
	}

	idList(name) {
		const list = this.list(name);
		for (const s of list) if (!/^\d+$/.test(s)) throw R.badRequest();
		return list;
	}
}

/** Case-insensitive property access, like Newtonsoft binding of request bodies. */
function field(obj, name) {
	if (!obj || typeof obj !== 'object') return undefined;
	if (Object.prototype.hasOwnProperty.call(obj, name)) return obj[name];
	const lower = name.toLowerCase();
	for (const k of Object.keys(obj)) if (k.toLowerCase() === lower) return obj[k];
	return undefined;
}

function toNumber(v) {
	if (typeof v === 'number') return v;
	if (typeof v === 'bigint') return Number(v);
	if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
	return NaN;
}

function toBig(v) {
	if (typeof v === 'bigint') return v;
	try {
		return BigInt(typeof v === 'number' ? Math.trunc(v) : v);
	} catch {
		return 0n;
	}
}

function compareIds(a, b) {
	const x = toBig(a);
	const y = toBig(b);
	return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Predicate that matches a stored id against a digit string exactly. '9007199254740992' does not
 * find 9007199254740993n, and neither do non-canonical forms such as '09007199254740993'.
 */
function idMatcher(digits) {
	const text = String(digits);
	const big = /^\d+$/.test(text) && BigInt(text).toString() === text ? BigInt(text) : null;
	return (value) => {
		if (typeof value === 'bigint') return value === big;
		return value !== null && value !== undefined && String(value) === text;
	};
}

/** int64 path parameter: must be digits (ASP.NET answers 400 when binding fails). */
function pathId(value) {
	if (!/^\d+$/.test(value)) throw R.badRequest();
	return value;
}

function requireObjectBody(ctx) {
	if (ctx.bodyError || !ctx.body || typeof ctx.body !== 'object' || Array.isArray(ctx.body))
		throw R.badRequest();
	return ctx.body;
}

function requireArrayBody(ctx) {
	if (ctx.bodyError || !Array.isArray(ctx.body)) throw R.badRequest();
	return ctx.body;
}

function clone(value) {
	// structuredClone keeps BigInt values.
	return value === undefined ? undefined : structuredClone(value);
}

// ---------------------------------------------------------------------------------------------
// paging and sorted views
// ---------------------------------------------------------------------------------------------

function paginate(items, q) {
	let page = q.int('page', 1);
	let pageSize = q.int('pageSize', 50);
	if (page < 1) page = 1;
	if (pageSize < 1) pageSize = 50;
	if (pageSize > 250) pageSize = 250;
	const totalRows = items.length;
	const data = items.slice((page - 1) * pageSize, page * pageSize);
	const paging = {
		Page: page,
		TotalPages: Math.ceil(totalRows / pageSize),
		TotalRows: totalRows,
		PageSize: pageSize,
	};
	return R.json(200, R.envelope(data, 0, null, paging));
}

/**
 * A list sorted by a date field (then id), cached until the underlying array changes. Tests
 * mutate sandbox.data directly, so validity is re-checked on every call: same array, same length,
 * same elements, same date and id values (O(n) comparisons, far cheaper than sorting 10k rows).
 */
function sortedView(cache, name, list, dateField, idField, descending) {
	const c = cache[name];
	if (c && c.source === list && c.length === list.length) {
		let valid = true;
		for (let i = 0; i < list.length; i++) {
			const item = list[i];
			if (item !== c.snapshot[i] || item[dateField] !== c.dates[i] || item[idField] !== c.ids[i]) {
				valid = false;
				break;
			}
		}
		if (valid) return c;
	}
	const entries = list.map((item) => ({
		item,
		key: canonicalDate(item[dateField]),
		id: item[idField],
	}));
	const dir = descending ? -1 : 1;
	entries.sort((a, b) =>
		a.key < b.key ? -dir : a.key > b.key ? dir : dir * compareIds(a.id, b.id),
	);
	const view = {
		source: list,
		length: list.length,
		snapshot: list.slice(),
		dates: list.map((i) => i[dateField]),
		ids: list.map((i) => i[idField]),
		items: entries.map((e) => e.item),
		keys: entries.map((e) => e.key),
	};
	cache[name] = view;
	return view;
}

/** Orders newest first, as GET /orders lists them. */
function ordersNewestFirst(ctx) {
	return sortedView(ctx.env.cache, 'orders', ctx.data.orders, 'OrderDate', 'BillBeeOrderId', true);
}

/** The items of a sorted view whose date lies within [minKey, maxKey]; null leaves that end open. */
function withinDates(view, minKey, maxKey) {
	const out = [];
	for (let i = 0; i < view.items.length; i++) {
		const key = view.keys[i];
		if ((minKey === null || key >= minKey) && (maxKey === null || key <= maxKey))
			out.push(view.items[i]);
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// lookups and small mutations
// ---------------------------------------------------------------------------------------------

function findBy(list, idFieldName, digits) {
	const match = idMatcher(digits);
	return list.find((x) => match(x[idFieldName]));
}

function findProductBy(data, value, lookupBy) {
	switch (lookupBy) {
		case 'sku':
			return (
				data.products.find((p) => p.SKU === value) ||
				data.products.find(
					(p) => typeof p.SKU === 'string' && p.SKU.toLowerCase() === String(value).toLowerCase(),
				)
			);
		case 'ean':
			return data.products.find((p) => p.EAN === value);
		default:
			return /^\d+$/.test(value) ? findBy(data.products, 'Id', value) : undefined;
	}
}

function touch(record, now) {
	const stamp = formatDate(now);
	record.UpdatedAt = stamp;
	record.LastModifiedAt = stamp;
}

const EVENT_TEXT = {
	1: 'Rechnung erstellt',
	2: 'Versandlabel erstellt',
	11: 'Lieferschein erstellt',
	15: 'Status geändert',
	18: 'Sendung angelegt',
	29: 'Über API angelegt',
	31: 'E-Mail versendet',
	62: 'Auftrag geändert',
};

function addEvent(ctx, order, typeId, text) {
	const created = formatDate(ctx.env.now());
	const typeText = EVENT_TEXT[typeId] || 'Ereignis';
	ctx.data.events.push({
		Id: nextId(ctx.data.sequences, 'event'),
		Created: created,
		TypeId: typeId,
		TypeText: typeText,
		EmployeeId: null,
		EmployeeName: 'API',
		OrderId: order ? order.BillBeeOrderId : null,
	});
	if (order) {
		if (!Array.isArray(order.History)) order.History = [];
		order.History.push({
			Created: created,
			EventTypeName: typeText,
			Text: text || null,
			EmployeeName: 'API',
			TypeId: typeId,
		});
	}
}

function pdfBase64(lines) {
	return makePdf(lines).toString('base64');
}

function stripParenthesis(name) {
	return String(name).replace(/\s*\(.*\)\s*$/, '');
}

/** Case-insensitive field name to its canonical spelling, or null when not allowed. */
function canonicalFieldName(allowed, name) {
	const lower = name.toLowerCase();
	return allowed.find((f) => f.toLowerCase() === lower) || null;
}

function isPlainObject(v) {
	return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function nextFreeId(list, idField, sequences, kind) {
	// Skip ids that a test may have inserted by hand.
	for (;;) {
		const id = nextId(sequences, kind);
		const match = idMatcher(id.toString());
		if (!list.some((x) => match(x[idField]))) return id;
	}
}

/** Checks every field name first, so a rejected patch changes nothing. */
function firstUnpatchable(allowed, body) {
	return Object.keys(body).find((name) => !canonicalFieldName(allowed, name));
}

/** Answer of the endpoints whose request/response shape is unknown (detailsKnown: false). */
function genericAnswer(ctx) {
	const body = ctx.body;
	const summary = {
		Endpoint: ctx.endpoint.id,
		Method: ctx.endpoint.method,
		Path: ctx.record.path,
		Note: 'Sandbox: request/response shape of this endpoint is unknown; body summarised, nothing changed.',
	};
	if (Array.isArray(body)) {
		summary.BodyType = 'array';
		summary.ItemCount = body.length;
		summary.ItemKeys = isPlainObject(body[0]) ? Object.keys(body[0]) : [];
	} else if (isPlainObject(body)) {
		summary.BodyType = 'object';
		summary.Keys = Object.keys(body);
	} else {
		summary.BodyType = body === null ? (ctx.record.rawBody ? 'invalid' : 'none') : typeof body;
	}
	return R.ok(summary);
}

const staticOk = (pick) => (ctx) => R.ok(pick(ctx.data));

module.exports = {
	parseDate,
	canonicalDate,
	normaliseDateField,
	Query,
	field,
	toNumber,
	toBig,
	idMatcher,
	pathId,
	requireObjectBody,
	requireArrayBody,
	clone,
	paginate,
	sortedView,
	ordersNewestFirst,
	withinDates,
	findBy,
	findProductBy,
	touch,
	addEvent,
	pdfBase64,
	stripParenthesis,
	canonicalFieldName,
	isPlainObject,
	nextFreeId,
	firstUnpatchable,
	genericAnswer,
	staticOk,
};
