'use strict';
/**
 * Endpoint handlers of the Billbee sandbox, keyed by catalog id (endpoints.json `id`).
 *
 * Each handler is `(ctx) => response | Promise<response>` (see responses.js). ctx holds:
 *   params  decoded path parameters      q        Query helper (case-insensitive names)
 *   body    exact-parsed JSON or null     bodyError true when the body was not valid JSON
 *   data    live sandbox data             env      { origin, log, credentials, cache, now() }
 */

const crypto = require('node:crypto');
const R = require('./responses');
const { formatDate, buildInvoice, makePdf, nextId, round2 } = require('./data');

const { ENUMS } = R;
const CANONICAL_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/;
const DATE_RE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const OPEN_ORDER_STATES = new Set([1, 2, 3, 13, 16]);
const MAX_STOCK_BATCH = 250;

// ---------------------------------------------------------------------------------------------
// parsing helpers
// ---------------------------------------------------------------------------------------------

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

function hexId() {
	return crypto.randomBytes(16).toString('hex');
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

// ---------------------------------------------------------------------------------------------
// lookups and small mutations
// ---------------------------------------------------------------------------------------------

function findBy(list, idFieldName, digits) {
	const match = idMatcher(digits);
	return list.find((x) => match(x[idFieldName]));
}

function findOrder(ctx, digits) {
	return findBy(ctx.data.orders, 'BillBeeOrderId', pathId(digits));
}

/** Wraps an order handler: 400 on a non-numeric id, ErrorCode 2 when the order does not exist. */
function withOrder(fn) {
	return (ctx) => {
		const order = findOrder(ctx, ctx.params.id);
		if (!order) return R.orderNotFound();
		return fn(ctx, order);
	};
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

/** Product from an UpdateStock-like body: BillbeeId wins over Sku. */
function productFromStockBody(data, body) {
	const billbeeId = field(body, 'BillbeeId');
	if (billbeeId !== undefined && billbeeId !== null && billbeeId !== 0)
		return findBy(data.products, 'Id', String(billbeeId));
	const sku = field(body, 'Sku');
	if (typeof sku === 'string' && sku !== '') return findProductBy(data, sku, 'sku');
	return undefined;
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

function reservedAmount(data, product) {
	let reserved = 0;
	for (const o of data.orders) {
		if (!OPEN_ORDER_STATES.has(o.State) || !Array.isArray(o.OrderItems)) continue;
		for (const it of o.OrderItems)
			if (it.Product && it.Product.SKU === product.SKU) reserved += toNumber(it.Quantity) || 0;
	}
	return reserved;
}

function pdfBase64(lines) {
	return makePdf(lines).toString('base64');
}

function stripParenthesis(name) {
	return String(name).replace(/\s*\(.*\)\s*$/, '');
}

// ---------------------------------------------------------------------------------------------
// orders
// ---------------------------------------------------------------------------------------------

const ORDER_PATCHABLE_FIELDS = [
	'AcceptLossOfReturnRight',
	'AdjustmentCost',
	'AdjustmentReason',
	'Buyer',
	'ConfirmedAt',
	'Currency',
	'CustomInvoiceNote',
	'CustomerNumber',
	'CustomerVatId',
	'DeliverySourceCountryCode',
	'DistributionCenter',
	'InvoiceAddress',
	'InvoiceDate',
	'InvoiceNumber',
	'InvoiceNumberPostfix',
	'InvoiceNumberPrefix',
	'LanguageCode',
	'OrderNumber',
	'PaidAmount',
	'PayedAt',
	'PaymentInstruction',
	'PaymentMethod',
	'PaymentReference',
	'PaymentTransactionId',
	'SellerComment',
	'ShipWeightKg',
	'ShippedAt',
	'ShippingAddress',
	'ShippingCost',
	'ShippingProfileId',
	'ShippingProviderId',
	'ShippingProviderProductId',
	'TaxRate1',
	'TaxRate2',
	'TotalCost',
	'VatId',
	'VatMode',
];
const ORDER_DATE_FIELDS = new Set([
	'OrderDate',
	'CreatedAt',
	'ShippedAt',
	'ConfirmedAt',
	'PayedAt',
	'InvoiceDate',
	'UpdatedAt',
	'LastModifiedAt',
]);

const PRODUCT_PATCHABLE_FIELDS = [
	'BasicAttributes',
	'BillOfMaterial',
	'Category1',
	'Category2',
	'Category3',
	'Condition',
	'CostPrice',
	'CountryOfOrigin',
	'CustomFields',
	'DeliveryTime',
	'Description',
	'EAN',
	'ExportDescription',
	'ExportDescriptionMultiLanguage',
	'HeightCm',
	'InvoiceText',
	'IsCustomizable',
	'IsDeactivated',
	'IsDigital',
	'LengthCm',
	'Manufacturer',
	'Materials',
	'Occasion',
	'Price',
	'Recipient',
	'SKU',
	'ShippingProductId',
	'ShortDescription',
	'StockCode',
	'StockDesired',
	'StockReduceItemsPerSale',
	'StockWarning',
	'Tags',
	'TaricNumber',
	'Title',
	'Type',
	'Unit',
	'UnitsPerItem',
	'Vat1Rate',
	'Vat2Rate',
	'VatIndex',
	'Weight',
	'WeightNet',
	'WidthCm',
];

/** Case-insensitive field name to its canonical spelling, or null when not allowed. */
function canonicalFieldName(allowed, name) {
	const lower = name.toLowerCase();
	return allowed.find((f) => f.toLowerCase() === lower) || null;
}

function isPlainObject(v) {
	return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function listOrders(ctx) {
	const { q, data } = ctx;
	const minDate = q.date('minOrderDate');
	const maxDate = q.date('maxOrderDate');
	const modMin = q.date('modifiedAtMin');
	const modMax = q.date('modifiedAtMax');
	const shopMatchers = q.idList('shopId').map(idMatcher);
	const states = q.list('orderStateId').map((s) => {
		if (!/^\d+$/.test(s)) throw R.badRequest();
		return Number(s);
	});
	const tags = q.list('tag').map((t) => t.toLowerCase());
	const excludeTags = q.bool('excludeTags', false);
	const minIdText = q.id('minimumBillBeeOrderId');
	const minId = minIdText === undefined ? undefined : BigInt(minIdText);
	q.int('articleTitleSource', 0);

	const minKey = minDate === undefined ? null : formatDate(minDate);
	const maxKey = maxDate === undefined ? null : formatDate(maxDate);
	const modMinKey = modMin === undefined ? null : formatDate(modMin);
	const modMaxKey = modMax === undefined ? null : formatDate(modMax);

	const view = sortedView(
		ctx.env.cache,
		'orders',
		data.orders,
		'OrderDate',
		'BillBeeOrderId',
		true,
	);
	const out = [];
	for (let i = 0; i < view.items.length; i++) {
		const o = view.items[i];
		const key = view.keys[i];
		if (minKey !== null && key < minKey) continue;
		if (maxKey !== null && key > maxKey) continue;
		if (modMinKey !== null || modMaxKey !== null) {
			const mod = canonicalDate(o.LastModifiedAt || o.UpdatedAt);
			if (modMinKey !== null && !(mod > modMinKey)) continue;
			if (modMaxKey !== null && mod > modMaxKey) continue;
		}
		if (shopMatchers.length) {
			const shopId = o.Seller ? o.Seller.BillbeeShopId : o.ApiAccountId;
			if (!shopMatchers.some((m) => m(shopId))) continue;
		}
		if (states.length && !states.includes(o.State)) continue;
		if (tags.length) {
			const own = (o.Tags || []).map((t) => String(t).toLowerCase());
			if (excludeTags ? tags.some((t) => own.includes(t)) : !tags.every((t) => own.includes(t)))
				continue;
		}
		if (minId !== undefined && toBig(o.BillBeeOrderId) < minId) continue;
		out.push(o);
	}
	return paginate(out, q);
}

function resolveShop(data, idValue) {
	if (idValue === undefined || idValue === null || idValue === '') return undefined;
	return findBy(data.shops, 'Id', String(idValue)) || null;
}

function createOrder(ctx) {
	const body = requireObjectBody(ctx);
	let shopRef = field(body, 'ApiAccountId');
	if (shopRef === undefined || shopRef === null || shopRef === 0 || shopRef === '0')
		shopRef = ctx.q.id('shopId');
	const { order, error } = insertOrder(ctx, body, shopRef);
	return error || R.ok(order, 201);
}

/**
 * Stores a new order built from `body` (as POST /orders does) and returns { order } or
 * { error: response }. `ctx` needs only { data, env }. OrderDate defaults to now, so a new order
 * is the newest one in GET /orders.
 */
function insertOrder(ctx, body, shopRef) {
	const { data } = ctx;
	const now = ctx.env.now();
	const stamp = formatDate(now);
	const order = clone(body);

	// Shop: orderData.ApiAccountId wins over the deprecated shopId query parameter.
	let shop = resolveShop(data, shopRef);
	if (shop === null) return { error: R.fail(10, 'Shop not found') };
	if (!shop) shop = data.shops[0];

	for (const k of Object.keys(order)) {
		if (ORDER_DATE_FIELDS.has(k)) order[k] = normaliseDateField(order[k]);
	}
	const id = nextFreeId(data.orders, 'BillBeeOrderId', data.sequences, 'order');
	order.BillBeeOrderId = id;
	if (order.Id === undefined || order.Id === null || order.Id === '') order.Id = `SANDBOX-${id}`;
	if (!order.OrderNumber) order.OrderNumber = `API-${data.orders.length + 1}`;
	if (order.State === undefined || order.State === null) order.State = 1;
	order.OrderDate = order.OrderDate || order.CreatedAt || stamp;
	order.CreatedAt = order.CreatedAt || stamp;
	order.UpdatedAt = stamp;
	order.LastModifiedAt = stamp;
	if (!Array.isArray(order.Tags)) order.Tags = [];
	if (!Array.isArray(order.ShippingIds)) order.ShippingIds = [];
	if (!Array.isArray(order.Comments)) order.Comments = [];
	if (!Array.isArray(order.Payments)) order.Payments = [];
	order.History = [];
	order.Seller = {
		Platform: 'Billbee API',
		BillbeeShopName: shop.Name,
		BillbeeShopId: shop.Id,
		...(isPlainObject(order.Seller) ? order.Seller : {}),
	};
	order.ApiAccountId = shop.Id;
	order.ApiAccountName = shop.Name;
	order.IsFromBillbeeApi = true;
	order.Currency = order.Currency || 'EUR';
	for (const k of ['InvoiceAddress', 'ShippingAddress']) {
		if (isPlainObject(order[k]) && !order[k].BillbeeId)
			order[k].BillbeeId = nextId(data.sequences, 'orderAddress');
	}
	if (!Array.isArray(order.OrderItems)) order.OrderItems = [];
	for (const item of order.OrderItems) {
		if (!isPlainObject(item)) continue;
		if (!item.BillbeeId) item.BillbeeId = nextId(data.sequences, 'orderItem');
		const sku = item.Product && item.Product.SKU;
		const product = sku ? findProductBy(data, sku, 'sku') : undefined;
		if (product && item.Product && !item.Product.BillbeeId) item.Product.BillbeeId = product.Id;
	}
	if (order.TotalCost === undefined || order.TotalCost === null) {
		const items = order.OrderItems.reduce((s, it) => s + (toNumber(it && it.TotalPrice) || 0), 0);
		order.TotalCost = round2(items + (toNumber(order.ShippingCost) || 0));
	}
	const customerRef = isPlainObject(order.Customer) ? order.Customer.Id : undefined;
	if (customerRef !== undefined && customerRef !== null) {
		const customer = findBy(data.customers, 'Id', String(customerRef));
		if (customer) order.Customer = customer;
	}
	order.WebUrl = `https://app.billbee.io/app_v2/order/${id}`;
	data.orders.push(order);
	addEvent(ctx, order, 29, 'Auftrag über die API angelegt');
	return { order };
}

/** A realistic new order (for sandbox.createOrder), overridden by `fields`. */
function sampleOrderBody(data, fields = {}) {
	const n = data.orders.length;
	const product = data.products[n % Math.max(1, data.products.length)];
	const customer = data.customers[n % Math.max(1, data.customers.length)];
	const address =
		customer && data.customerAddresses.find((a) => idMatcher(String(customer.Id))(a.CustomerId));
	const orderAddress = address
		? {
				FirstName: address.FirstName,
				LastName: address.LastName,
				Company: address.Company,
				Street: address.Street,
				HouseNumber: address.Housenumber,
				Zip: address.Zip,
				City: address.City,
				CountryISO2: address.CountryCode,
				Email: address.Email,
			}
		: null;
	const shop = data.shops[n % Math.max(1, data.shops.length)];
	const items = product
		? [
				{
					Product: {
						Id: String(product.Id),
						Title: product.Title[0] && product.Title[0].Text,
						SKU: product.SKU,
						EAN: product.EAN,
					},
					Quantity: 1,
					TotalPrice: product.Price,
					TaxIndex: product.VatIndex,
				},
			]
		: [];
	return {
		OrderNumber: `SBX-${n + 1}`,
		Id: `SBX-EXT-${n + 1}`,
		State: 1,
		Currency: 'EUR',
		ShippingCost: 4.9,
		OrderItems: items,
		InvoiceAddress: orderAddress,
		ShippingAddress: orderAddress && { ...orderAddress },
		Customer: customer ? { Id: customer.Id } : null,
		Buyer: orderAddress
			? {
					Platform: 'Billbee API',
					FirstName: orderAddress.FirstName,
					LastName: orderAddress.LastName,
					FullName: `${orderAddress.FirstName} ${orderAddress.LastName}`,
					Email: orderAddress.Email,
				}
			: null,
		ApiAccountId: shop ? shop.Id : undefined,
		...fields,
	};
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

function patchOrder(ctx, order) {
	const body = requireObjectBody(ctx);
	const bad = firstUnpatchable(ORDER_PATCHABLE_FIELDS, body);
	if (bad !== undefined)
		return R.invalidData(`Field '${bad}' is not patchable. See GET /orders/PatchableFields.`);
	for (const [name, value] of Object.entries(body)) {
		const key = canonicalFieldName(ORDER_PATCHABLE_FIELDS, name);
		if (ORDER_DATE_FIELDS.has(key)) order[key] = normaliseDateField(value);
		else if (isPlainObject(value) && isPlainObject(order[key]))
			Object.assign(order[key], clone(value));
		else order[key] = clone(value);
	}
	touch(order, ctx.env.now());
	addEvent(ctx, order, 62, `Felder geändert: ${Object.keys(body).join(', ')}`);
	return R.ok(order);
}

function changeOrderState(ctx, order) {
	const body = requireObjectBody(ctx);
	const raw = field(body, 'NewStateId');
	const state = toNumber(raw);
	const known = ENUMS.orderState.values.some((v) => v.value === state);
	if (!Number.isInteger(state) || !known)
		return R.invalidData(
			`Invalid NewStateId '${raw}'. Allowed values: 1-16, see GET /enums/orderstates.`,
		);
	const now = ctx.env.now();
	const previous = order.State;
	order.State = state;
	if (state === 3 && !order.PayedAt) order.PayedAt = formatDate(now);
	if (state === 4 && !order.ShippedAt) order.ShippedAt = formatDate(now);
	touch(order, now);
	addEvent(ctx, order, 15, `Status ${previous} -> ${state}`);
	return R.ok(null);
}

function readTags(body) {
	const tags = field(body, 'Tags');
	if (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string')) return null;
	return tags;
}

function addTags(ctx, order) {
	const tags = readTags(requireObjectBody(ctx));
	if (!tags) return R.invalidData('Tags must be an array of strings');
	if (!Array.isArray(order.Tags)) order.Tags = [];
	for (const t of tags)
		if (!order.Tags.some((x) => String(x).toLowerCase() === t.toLowerCase())) order.Tags.push(t);
	touch(order, ctx.env.now());
	return R.ok(null);
}

function setTags(ctx, order) {
	const tags = readTags(requireObjectBody(ctx));
	if (!tags) return R.invalidData('Tags must be an array of strings');
	order.Tags = [...new Set(tags)];
	touch(order, ctx.env.now());
	return R.ok(null);
}

function carrierName(id) {
	const entry = ENUMS.shippingCarrier.values.find((v) => v.value === id);
	return entry ? stripParenthesis(entry.name) : null;
}

function addShipment(ctx, order) {
	const body = requireObjectBody(ctx);
	const shippingId = field(body, 'ShippingId');
	if (typeof shippingId !== 'string' || shippingId.trim() === '')
		throw R.badRequest('ShippingId is required.');
	const { data } = ctx;
	const providerId = field(body, 'ShippingProviderId');
	const provider = providerId
		? findBy(data.shippingProviders, 'id', String(providerId))
		: undefined;
	const carrierId = toNumber(field(body, 'CarrierId'));
	const shipment = {
		BillbeeId: nextId(data.sequences, 'shipment'),
		ShippingId: shippingId,
		Shipper: provider ? provider.name : carrierName(carrierId),
		Created: formatDate(ctx.env.now()),
		TrackingUrl: `https://tracking.example.com/${encodeURIComponent(shippingId)}`,
		ShippingProviderId: providerId ?? null,
		ShippingProviderProductId: field(body, 'ShippingProviderProductId') ?? null,
		ShippingCarrier: Number.isInteger(carrierId) ? carrierId : null,
		ShipmentType: toNumber(field(body, 'ShipmentType')) || 0,
	};
	if (!Array.isArray(order.ShippingIds)) order.ShippingIds = [];
	order.ShippingIds.push(shipment);
	data.shipments.push({
		...shipment,
		OrderId: order.BillBeeOrderId,
		Comment: field(body, 'Comment') ?? null,
	});
	touch(order, ctx.env.now());
	addEvent(ctx, order, 18, shippingId);
	return R.ok(null);
}

function checkPrintTargets(ctx) {
	const templateId = ctx.q.id('templateId');
	if (templateId !== undefined && !findBy(ctx.data.layouts, 'Id', templateId))
		return R.invalidData(`Layout template ${templateId} not found`);
	const cloudId = ctx.q.id('sendToCloudId');
	if (cloudId !== undefined && !findBy(ctx.data.cloudStorages, 'Id', cloudId))
		return R.invalidData(`Cloud storage ${cloudId} not found`);
	return null;
}

function createInvoice(ctx, order) {
	const problem = checkPrintTargets(ctx);
	if (problem) return problem;
	const includePdf = ctx.q.bool('includeInvoicePdf', false);
	const { data } = ctx;
	const now = ctx.env.now();
	if (order.InvoiceNumber === null || order.InvoiceNumber === undefined) {
		const highest = data.orders.reduce((m, o) => Math.max(m, toNumber(o.InvoiceNumber) || 0), 1000);
		order.InvoiceNumber = highest + 1;
		order.InvoiceNumberPrefix = order.InvoiceNumberPrefix || 'RE-';
		order.InvoiceDate = formatDate(now);
		touch(order, now);
		data.invoices.push(buildInvoice(order));
		addEvent(ctx, order, 1, `Rechnung ${order.InvoiceNumberPrefix}${order.InvoiceNumber}`);
	}
	const invoice = buildInvoice(order);
	return R.ok({
		OrderNumber: order.OrderNumber,
		InvoiceNumber: invoice.InvoiceNumber,
		PDFData: includePdf
			? pdfBase64([
					`Rechnung ${invoice.InvoiceNumber}`,
					`Bestellung ${order.OrderNumber}`,
					`Summe ${invoice.TotalGross} ${order.Currency}`,
				])
			: null,
		InvoiceDate: order.InvoiceDate,
		TotalGross: invoice.TotalGross,
		TotalNet: invoice.TotalNet,
		PdfDownloadUrl: `${ctx.env.origin}/files/invoice/${order.BillBeeOrderId}.pdf`,
	});
}

function createDeliveryNote(ctx, order) {
	const problem = checkPrintTargets(ctx);
	if (problem) return problem;
	const includePdf = ctx.q.bool('includePdf', false);
	const { data } = ctx;
	let note = data.deliveryNotes.find((n) => idMatcher(String(order.BillBeeOrderId))(n.OrderId));
	if (!note) {
		note = {
			OrderId: order.BillBeeOrderId,
			DeliveryNoteNumber: `LS-${2000 + data.deliveryNotes.length + 1}`,
			DeliveryNoteDate: formatDate(ctx.env.now()),
		};
		data.deliveryNotes.push(note);
		addEvent(ctx, order, 11, note.DeliveryNoteNumber);
	}
	return R.ok({
		OrderNumber: order.OrderNumber,
		DeliveryNoteNumber: note.DeliveryNoteNumber,
		PDFData: includePdf
			? pdfBase64([`Lieferschein ${note.DeliveryNoteNumber}`, `Bestellung ${order.OrderNumber}`])
			: null,
		DeliveryNoteDate: note.DeliveryNoteDate,
		PdfDownloadUrl: `${ctx.env.origin}/files/deliverynote/${order.BillBeeOrderId}.pdf`,
	});
}

function sendMessage(ctx, order) {
	const body = requireObjectBody(ctx);
	const mode = toNumber(field(body, 'SendMode') ?? 3);
	const subject = field(body, 'Subject');
	const text = field(body, 'Body');
	if (![0, 1, 2, 3, 4].includes(mode)) return R.invalidData('Invalid SendMode');
	if (!Array.isArray(subject) || subject.length === 0 || !Array.isArray(text) || text.length === 0)
		return R.invalidData('Subject and Body need at least one entry');
	if (mode === 4 && !field(body, 'AlternativeMail'))
		return R.invalidData('AlternativeMail is required for SendMode 4');
	ctx.data.messages.push({
		OrderId: order.BillBeeOrderId,
		SendMode: mode,
		Subject: clone(subject),
		Body: clone(text),
		AlternativeMail: field(body, 'AlternativeMail') ?? null,
		Created: formatDate(ctx.env.now()),
	});
	addEvent(ctx, order, 31, 'Nachricht gesendet');
	return R.ok(null);
}

function addMessage(ctx, order) {
	const body = requireObjectBody(ctx);
	const text = field(body, 'Text');
	if (typeof text !== 'string' || text === '') return R.invalidData('Text is required');
	const comment = {
		Id: nextId(ctx.data.sequences, 'misc'),
		FromCustomer: false,
		Text: text,
		Name: field(body, 'SenderName') ?? null,
		Created: formatDate(ctx.env.now()),
		IsInternal: Boolean(field(body, 'IsInternal')),
	};
	if (!Array.isArray(order.Comments)) order.Comments = [];
	order.Comments.push(comment);
	touch(order, ctx.env.now());
	return R.ok(comment);
}

function triggerEvent(ctx, order) {
	const body = requireObjectBody(ctx);
	const name = field(body, 'Name');
	if (typeof name !== 'string' || name === '') return R.invalidData('Name is required');
	addEvent(
		ctx,
		order,
		28,
		`Ereignis "${name}" ausgelöst (Verzögerung ${toNumber(field(body, 'DelayInMinutes')) || 0} min)`,
	);
	return R.ok(null);
}

function escapeHtml(s) {
	return String(s).replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
	);
}

/** Replaces [Field] and [Field.Sub] placeholders with order values (case-insensitive). */
function parsePlaceholders(ctx, order) {
	const body = requireObjectBody(ctx);
	const text = field(body, 'TextToParse');
	if (typeof text !== 'string') return R.invalidData('TextToParse is required');
	const isHtml = Boolean(field(body, 'IsHtml'));
	let result = text.replace(/\[([A-Za-z][A-Za-z0-9_.]*)\]/g, (whole, dotted) => {
		let value = order;
		for (const part of dotted.split('.')) value = field(value, part);
		if (value === undefined || value === null || typeof value === 'object') return whole;
		return isHtml ? escapeHtml(value) : String(value);
	});
	if (field(body, 'Trim')) result = result.trim();
	return R.raw({ Result: result });
}

function listInvoices(ctx) {
	const { q, data } = ctx;
	const minDate = q.date('minInvoiceDate');
	const maxDate = q.date('maxInvoiceDate');
	const minPay = q.date('minPayDate');
	const maxPay = q.date('maxPayDate');
	const shopMatchers = q.idList('shopId').map(idMatcher);
	const states = q.list('orderStateId').map(Number);
	const tags = q.list('tag').map((t) => t.toLowerCase());
	const excludeTags = q.bool('excludeTags', false);
	const includePositions = q.bool('includePositions', false);
	const needOrder = shopMatchers.length || states.length || tags.length;
	const ordersById = needOrder
		? new Map(data.orders.map((o) => [String(o.BillBeeOrderId), o]))
		: null;
	const [minKey, maxKey, minPayKey, maxPayKey] = [minDate, maxDate, minPay, maxPay].map((ms) =>
		ms === undefined ? null : formatDate(ms),
	);
	const view = sortedView(
		ctx.env.cache,
		'invoices',
		data.invoices,
		'InvoiceDate',
		'BillbeeId',
		false,
	);
	const out = [];
	for (let i = 0; i < view.items.length; i++) {
		const inv = view.items[i];
		const key = view.keys[i];
		if (minKey !== null && key < minKey) continue;
		if (maxKey !== null && key > maxKey) continue;
		if (minPayKey !== null || maxPayKey !== null) {
			const pay = canonicalDate(inv.PayDate);
			if (!pay) continue;
			if (minPayKey !== null && pay < minPayKey) continue;
			if (maxPayKey !== null && pay > maxPayKey) continue;
		}
		if (needOrder) {
			const o = ordersById.get(String(inv.BillbeeId));
			if (!o) continue;
			if (shopMatchers.length && !shopMatchers.some((m) => m(o.Seller && o.Seller.BillbeeShopId)))
				continue;
			if (states.length && !states.includes(o.State)) continue;
			if (tags.length) {
				const own = (o.Tags || []).map((t) => String(t).toLowerCase());
				if (excludeTags ? tags.some((t) => own.includes(t)) : !tags.every((t) => own.includes(t)))
					continue;
			}
		}
		out.push(includePositions ? inv : { ...inv, Positions: null });
	}
	return paginate(out, q);
}

// ---------------------------------------------------------------------------------------------
// products
// ---------------------------------------------------------------------------------------------

function lookupByParam(q) {
	const lookupBy = (q.str('lookupBy') || 'id').toLowerCase();
	if (!['id', 'sku', 'ean'].includes(lookupBy)) throw R.badRequest();
	return lookupBy;
}

function productOr404(ctx, digits) {
	const product = findBy(ctx.data.products, 'Id', pathId(digits));
	if (!product) throw new R.HttpError(R.message(404, 'Product not found'));
	return product;
}

function listProducts(ctx) {
	const { q, data } = ctx;
	const minCreated = q.date('minCreatedAt');
	const minIdText = q.id('minimumBillBeeArticleId');
	const maxIdText = q.id('maximumBillBeeArticleId');
	const minKey = minCreated === undefined ? null : formatDate(minCreated);
	const out = data.products.filter((p) => {
		if (minKey !== null && !((data.productCreatedAt.get(String(p.Id)) || '') >= minKey))
			return false;
		if (minIdText !== undefined && toBig(p.Id) < BigInt(minIdText)) return false;
		if (maxIdText !== undefined && toBig(p.Id) > BigInt(maxIdText)) return false;
		return true;
	});
	return paginate(out, q);
}

function assignImageIds(ctx, product, images) {
	return images.map((img, i) => ({
		Url: field(img, 'Url') ?? null,
		Id: field(img, 'Id') || nextId(ctx.data.sequences, 'image'),
		ThumbPathExt: field(img, 'ThumbPathExt') ?? null,
		ThumbUrl: field(img, 'ThumbUrl') ?? null,
		Position: field(img, 'Position') ?? i + 1,
		IsDefault: Boolean(field(img, 'IsDefault')),
		ArticleId: product.Id,
	}));
}

function createProduct(ctx) {
	const body = requireObjectBody(ctx);
	const { data } = ctx;
	const sku = field(body, 'SKU');
	if (typeof sku === 'string' && sku !== '' && data.products.some((p) => p.SKU === sku))
		return R.invalidData(`A product with SKU '${sku}' already exists`);
	const product = clone(body);
	product.Id = nextFreeId(data.products, 'Id', data.sequences, 'product');
	const stock = toNumber(field(body, 'StockCurrent'));
	product.StockCurrent = Number.isNaN(stock) ? 0 : stock;
	if (!Array.isArray(product.Stocks) || product.Stocks.length === 0) {
		product.Stocks = data.stocks.map((s) => ({
			Name: s.Name,
			StockId: s.Id,
			StockCurrent: s.IsDefault ? product.StockCurrent : 0,
			StockCurrentIsCalculated: false,
			StockWarning: 0,
			StockCode: null,
			UnfulfilledAmount: 0,
			StockDesired: 0,
		}));
	}
	product.Images = assignImageIds(
		ctx,
		product,
		Array.isArray(product.Images) ? product.Images : [],
	);
	for (const k of [
		'Title',
		'Description',
		'ShortDescription',
		'InvoiceText',
		'Tags',
		'Materials',
		'BasicAttributes',
		'Sources',
		'CustomFields',
		'BillOfMaterial',
	]) {
		if (!Array.isArray(product[k])) product[k] = [];
	}
	if (product.Type === undefined) product.Type = 1;
	if (product.IsDeactivated === undefined) product.IsDeactivated = false;
	data.products.push(product);
	data.productCreatedAt.set(String(product.Id), formatDate(ctx.env.now()));
	return R.ok(product);
}

function patchProduct(ctx) {
	const product = productOr404(ctx, ctx.params.id);
	const body = requireObjectBody(ctx);
	const bad = firstUnpatchable(PRODUCT_PATCHABLE_FIELDS, body);
	if (bad !== undefined)
		return R.invalidData(`Field '${bad}' is not patchable. See GET /products/PatchableFields.`);
	const sku = field(body, 'SKU');
	if (typeof sku === 'string' && ctx.data.products.some((p) => p !== product && p.SKU === sku))
		return R.invalidData(`A product with SKU '${sku}' already exists`);
	for (const [name, value] of Object.entries(body)) {
		const key = canonicalFieldName(PRODUCT_PATCHABLE_FIELDS, name);
		product[key] =
			isPlainObject(value) && isPlainObject(product[key])
				? Object.assign(product[key], clone(value))
				: clone(value);
	}
	return R.ok(product);
}

function deleteProduct(ctx) {
	const product = productOr404(ctx, ctx.params.id);
	ctx.data.products.splice(ctx.data.products.indexOf(product), 1);
	return R.empty();
}

/** All images of all products, with their product. */
function* allImages(data) {
	for (const p of data.products) for (const img of p.Images || []) yield { product: p, image: img };
}

function findImage(data, digits) {
	const match = idMatcher(pathId(digits));
	for (const entry of allImages(data)) if (match(entry.image.Id)) return entry;
	return null;
}

function removeImage(entry) {
	entry.product.Images.splice(entry.product.Images.indexOf(entry.image), 1);
}

/** Shared logic of updatestock / updatestockmultiple: one ApiResult envelope per update. */
function applyStockUpdate(ctx, body) {
	if (!isPlainObject(body)) return R.envelope(null, 11, 'Invalid stock update');
	const { data } = ctx;
	const product = productFromStockBody(data, body);
	if (!product) return R.envelope(null, 11, 'Article not found');
	const stockIdRaw = field(body, 'StockId');
	let stock;
	if (stockIdRaw !== undefined && stockIdRaw !== null && stockIdRaw !== 0) {
		stock = findBy(data.stocks, 'Id', String(stockIdRaw));
		if (!stock) return R.envelope(null, 11, `Stock ${stockIdRaw} not found`);
	} else {
		stock = data.stocks.find((s) => s.IsDefault) || data.stocks[0];
	}
	if (!Array.isArray(product.Stocks)) product.Stocks = [];
	let entry = product.Stocks.find((s) => idMatcher(String(stock.Id))(s.StockId));
	if (!entry) {
		entry = {
			Name: stock.Name,
			StockId: stock.Id,
			StockCurrent: 0,
			StockCurrentIsCalculated: false,
			StockWarning: 0,
			StockCode: null,
			UnfulfilledAmount: 0,
			StockDesired: 0,
		};
		product.Stocks.push(entry);
	}
	const old = toNumber(entry.StockCurrent) || 0;
	const newQuantity = toNumber(field(body, 'NewQuantity'));
	const delta = toNumber(field(body, 'DeltaQuantity'));
	let next;
	if (!Number.isNaN(newQuantity)) next = newQuantity;
	else if (!Number.isNaN(delta)) next = old + delta;
	else return R.envelope(null, 11, 'NewQuantity or DeltaQuantity is required');
	entry.StockCurrent = next;
	if (stock.IsDefault) {
		product.StockCurrent = next;
		product.LowStock = next < (toNumber(product.StockWarning) || 0);
	}
	const unfulfilled = reservedAmount(data, product);
	entry.UnfulfilledAmount = unfulfilled;
	return R.envelope({
		SKU: product.SKU,
		OldStock: old,
		CurrentStock: next,
		UnfulfilledAmount: unfulfilled,
		Message: null,
	});
}

function updateStockCode(ctx) {
	const body = requireObjectBody(ctx);
	const { data } = ctx;
	const product = productFromStockBody(data, body);
	if (!product) return R.invalidData('Article not found');
	const code = field(body, 'StockCode');
	const stockIdRaw = field(body, 'StockId');
	const stock = stockIdRaw
		? findBy(data.stocks, 'Id', String(stockIdRaw))
		: data.stocks.find((s) => s.IsDefault);
	if (!stock) return R.invalidData(`Stock ${stockIdRaw} not found`);
	const entry = (product.Stocks || []).find((s) => idMatcher(String(stock.Id))(s.StockId));
	if (entry) entry.StockCode = code ?? null;
	if (stock.IsDefault) product.StockCode = code ?? null;
	return R.ok({});
}

// ---------------------------------------------------------------------------------------------
// customers and addresses
// ---------------------------------------------------------------------------------------------

function customerOr404(ctx, digits) {
	const customer = findBy(ctx.data.customers, 'Id', pathId(digits));
	if (!customer) throw new R.HttpError(R.message(404, 'Customer not found'));
	return customer;
}

function addressOr404(ctx, digits) {
	const address = findBy(ctx.data.customerAddresses, 'Id', pathId(digits));
	if (!address) throw new R.HttpError(R.message(404, 'Address not found'));
	return address;
}

const ADDRESS_FIELDS = [
	'AddressType',
	'Company',
	'FirstName',
	'LastName',
	'Name2',
	'Street',
	'Housenumber',
	'Zip',
	'City',
	'State',
	'CountryCode',
	'Email',
	'Tel1',
	'Tel2',
	'Fax',
	'AddressAddition',
	'ArchivedAt',
	'RestoredAt',
];

function newAddress(ctx, customerId, body) {
	const address = {
		Id: nextId(ctx.data.sequences, 'customerAddress'),
		AddressType: 1,
		CustomerId: customerId,
	};
	for (const f of ADDRESS_FIELDS)
		if (address[f] === undefined) address[f] = clone(field(body, f)) ?? null;
	if (address.AddressType === null) address.AddressType = 1;
	ctx.data.customerAddresses.push(address);
	return address;
}

/** PUT: every known field is replaced (missing ones become null); PATCH: only given fields. */
function updateAddress(address, body, replace) {
	for (const f of ADDRESS_FIELDS) {
		const v = field(body, f);
		if (v !== undefined) address[f] = clone(v);
		else if (replace && f !== 'AddressType') address[f] = null;
	}
	return address;
}

function createCustomer(ctx) {
	const body = requireObjectBody(ctx);
	const { data } = ctx;
	const name = field(body, 'Name');
	const email = field(body, 'Email');
	const addressBody = field(body, 'Address');
	if (!name && !email && !isPlainObject(addressBody))
		return R.invalidData('Name, Email or Address is required');
	const customer = clone(body);
	delete customer.Address;
	customer.Id = nextFreeId(data.customers, 'Id', data.sequences, 'customer');
	customer.Number =
		data.customers.reduce((m, c) => Math.max(m, toNumber(c.Number) || 0), 10000) + 1;
	for (const k of [
		'Name',
		'Email',
		'Tel1',
		'Tel2',
		'PriceGroupId',
		'LanguageId',
		'VatId',
		'ArchivedAt',
		'RestoredAt',
	])
		if (customer[k] === undefined) customer[k] = null;
	if (!Array.isArray(customer.MetaData)) customer.MetaData = [];
	if (customer.Type === undefined) customer.Type = 0;
	data.customers.push(customer);
	if (isPlainObject(addressBody)) newAddress(ctx, customer.Id, addressBody);
	return R.ok(customer);
}

function updateCustomer(ctx) {
	const customer = customerOr404(ctx, ctx.params.id);
	const body = requireObjectBody(ctx);
	const bodyId = field(body, 'Id');
	if (
		bodyId !== undefined &&
		bodyId !== null &&
		bodyId !== 0 &&
		String(bodyId) !== String(customer.Id)
	)
		return R.invalidData('Id in body does not match the URL');
	for (const [k, v] of Object.entries(body)) if (k.toLowerCase() !== 'id') customer[k] = clone(v);
	return R.ok(customer);
}

function customerOrders(ctx) {
	const customer = customerOr404(ctx, ctx.params.id);
	const view = sortedView(
		ctx.env.cache,
		'orders',
		ctx.data.orders,
		'OrderDate',
		'BillBeeOrderId',
		true,
	);
	const match = idMatcher(String(customer.Id));
	return paginate(
		view.items.filter((o) => o.Customer && match(o.Customer.Id)),
		ctx.q,
	);
}

// ---------------------------------------------------------------------------------------------
// search
// ---------------------------------------------------------------------------------------------

const SEARCH_LIMIT = 50;

function search(ctx) {
	const body = requireObjectBody(ctx);
	const term = field(body, 'Term');
	if (typeof term !== 'string' || term.trim() === '') return R.invalidData('Term is required');
	let types = field(body, 'Type');
	if (typeof types === 'string') types = [types];
	if (!Array.isArray(types) || types.length === 0) types = ['order', 'product', 'customer'];
	types = types.map((t) => String(t).toLowerCase());
	if (types.some((t) => !['order', 'product', 'customer'].includes(t)))
		return R.invalidData('Type must contain only order, product or customer');
	const words = term.toLowerCase().split(/\s+/).filter(Boolean);
	const anyWord = toNumber(field(body, 'SearchMode')) === 1;
	const hit = (texts) => {
		const hay = texts
			.filter((t) => t !== null && t !== undefined)
			.join(' ')
			.toLowerCase();
		return anyWord ? words.some((w) => hay.includes(w)) : words.every((w) => hay.includes(w));
	};
	const { data } = ctx;
	const result = { Products: [], Orders: [], Customers: [] };
	if (types.includes('product')) {
		for (const p of data.products) {
			if (result.Products.length >= SEARCH_LIMIT) break;
			const titles = (p.Title || []).map((t) => t.Text);
			if (hit([p.SKU, p.EAN, ...titles]))
				result.Products.push({
					Id: p.Id,
					ShortText: titles[0] || null,
					SKU: p.SKU,
					Tags: (p.Tags || []).map((t) => t.Text).join(','),
				});
		}
	}
	if (types.includes('order')) {
		for (const o of data.orders) {
			if (result.Orders.length >= SEARCH_LIMIT) break;
			const buyer = o.Buyer ? o.Buyer.FullName : null;
			const invoiceNumber = o.InvoiceNumber
				? `${o.InvoiceNumberPrefix || ''}${o.InvoiceNumber}`
				: null;
			const articles = (o.OrderItems || [])
				.map((it) => it.Product && it.Product.Title)
				.filter(Boolean)
				.join(', ');
			const customerName = o.Customer ? o.Customer.Name : null;
			if (
				hit([
					o.OrderNumber,
					o.Id,
					buyer,
					invoiceNumber,
					customerName,
					articles,
					String(o.BillBeeOrderId),
				])
			) {
				result.Orders.push({
					Id: o.BillBeeOrderId,
					ExternalReference: o.Id,
					BuyerName: buyer,
					InvoiceNumber: invoiceNumber,
					CustomerName: customerName,
					ArticleTexts: articles,
				});
			}
		}
	}
	if (types.includes('customer')) {
		for (const c of data.customers) {
			if (result.Customers.length >= SEARCH_LIMIT) break;
			const addresses = data.customerAddresses
				.filter((a) => idMatcher(String(c.Id))(a.CustomerId))
				.map((a) => `${a.Street} ${a.Housenumber}, ${a.Zip} ${a.City}`);
			if (hit([c.Name, c.Email, String(c.Number), ...addresses]))
				result.Customers.push({
					Id: c.Id,
					Name: c.Name,
					Addresses: addresses.join('; '),
					Number: String(c.Number),
				});
		}
	}
	return R.ok(result);
}

// ---------------------------------------------------------------------------------------------
// shipments
// ---------------------------------------------------------------------------------------------

function createShipment(ctx) {
	const body = requireObjectBody(ctx);
	const { data } = ctx;
	const providerName = field(body, 'ProviderName');
	if (typeof providerName !== 'string' || providerName === '')
		return R.invalidData('ProviderName is required');
	const provider = data.shippingProviders.find(
		(p) => p.name.toLowerCase() === providerName.toLowerCase(),
	);
	if (!provider) return R.invalidData(`Unknown shipping provider '${providerName}'`);
	const productCode = field(body, 'ProductCode');
	if (productCode && !provider.products.some((p) => p.productName === productCode))
		return R.invalidData(`Unknown product code '${productCode}' for ${provider.name}`);
	const shippingId = `SBX${crypto.randomInt(1e9, 1e10 - 1)}`;
	data.shipments.push({
		BillbeeId: nextId(data.sequences, 'shipment'),
		ShippingId: shippingId,
		Shipper: provider.name,
		Created: formatDate(ctx.env.now()),
		TrackingUrl: `https://tracking.example.com/${encodeURIComponent(provider.name)}/${shippingId}`,
		ShippingProviderId: provider.id,
		ShippingProviderProductId: (
			provider.products.find((p) => p.productName === productCode) || provider.products[0]
		).id,
		ShippingCarrier: toNumber(field(body, 'shippingCarrier')) || 0,
		ShipmentType: 0,
		OrderId: null,
	});
	return R.ok({
		ShippingId: shippingId,
		LabelData: pdfBase64([
			`Label ${provider.name}`,
			shippingId,
			String(field(body, 'ClientReference') ?? ''),
		]),
	});
}

function listShipments(ctx) {
	const { q, data } = ctx;
	const min = q.date('createdAtMin');
	const max = q.date('createdAtMax');
	const orderId = q.id('orderId');
	const minId = q.id('minimumShipmentId');
	const providerId = q.id('shippingProviderId');
	const orderMatch = orderId === undefined ? null : idMatcher(orderId);
	const providerMatch = providerId === undefined ? null : idMatcher(providerId);
	const minKey = min === undefined ? null : formatDate(min);
	const maxKey = max === undefined ? null : formatDate(max);
	const out = data.shipments.filter((s) => {
		const created = canonicalDate(s.Created);
		if (minKey !== null && created < minKey) return false;
		if (maxKey !== null && created > maxKey) return false;
		if (orderMatch && !orderMatch(s.OrderId)) return false;
		if (minId !== undefined && toBig(s.BillbeeId) < BigInt(minId)) return false;
		if (providerMatch && !providerMatch(s.ShippingProviderId)) return false;
		return true;
	});
	return paginate(out, q);
}

function shipWithLabel(ctx) {
	const body = requireObjectBody(ctx);
	const { data } = ctx;
	const orderId = field(body, 'OrderId');
	const order =
		orderId === undefined || orderId === null
			? undefined
			: findBy(data.orders, 'BillBeeOrderId', String(orderId));
	if (!order) return R.orderNotFound();
	const providerId = field(body, 'ProviderId');
	const provider =
		providerId === undefined || providerId === null
			? undefined
			: findBy(data.shippingProviders, 'id', String(providerId));
	if (!provider) return R.invalidData(`Shipping provider ${providerId} not found`);
	const productId = field(body, 'ProductId');
	const product =
		productId === undefined || productId === null
			? provider.products[0]
			: provider.products.find((p) => idMatcher(String(productId))(p.id));
	if (!product) return R.invalidData(`Shipping product ${productId} not found`);
	const now = ctx.env.now();
	const shippingId = `00340434${crypto.randomInt(1e9, 1e10 - 1)}`;
	const trackingUrl = `https://tracking.example.com/${encodeURIComponent(provider.name)}/${shippingId}`;
	const shipment = {
		BillbeeId: nextId(data.sequences, 'shipment'),
		ShippingId: shippingId,
		Shipper: provider.name,
		Created: formatDate(now),
		TrackingUrl: trackingUrl,
		ShippingProviderId: provider.id,
		ShippingProviderProductId: product.id,
		ShippingCarrier: null,
		ShipmentType: 0,
	};
	if (!Array.isArray(order.ShippingIds)) order.ShippingIds = [];
	order.ShippingIds.push(shipment);
	data.shipments.push({ ...shipment, OrderId: order.BillBeeOrderId });
	if (field(body, 'ChangeStateToSend')) {
		order.State = 4;
		order.ShippedAt = order.ShippedAt || formatDate(now);
	}
	touch(order, now);
	addEvent(ctx, order, 2, `${provider.name} ${shippingId}`);
	const shipDate = field(body, 'ShipDate');
	return R.ok({
		OrderId: order.BillBeeOrderId,
		OrderReference: order.OrderNumber,
		ShippingId: shippingId,
		TrackingUrl: trackingUrl,
		LabelDataPdf: pdfBase64([
			`Versandlabel ${provider.name} - ${product.displayName}`,
			shippingId,
			`Bestellung ${order.OrderNumber}`,
		]),
		ExportDocsPdf: null,
		Carrier: provider.name,
		ShippingDate: shipDate ? normaliseDateField(shipDate) : formatDate(now),
	});
}

// ---------------------------------------------------------------------------------------------
// misc
// ---------------------------------------------------------------------------------------------

function enumList(values, nameOf = (v) => v.name) {
	return values.map((v) => ({ Id: v.value, Name: nameOf(v) }));
}

function createAccount(ctx) {
	const body = requireObjectBody(ctx);
	const email = field(body, 'EMail');
	if (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
		return R.fail(13, 'Invalid e-mail address');
	if (field(body, 'AcceptTerms') !== true) return R.fail(15, 'The terms must be accepted');
	const taken = [ctx.env.credentials.username, ...ctx.data.accounts.map((a) => a.EMail)].some(
		(e) => e.toLowerCase() === email.toLowerCase(),
	);
	if (taken) return R.fail(12, 'A user with this e-mail address already exists');
	const password = field(body, 'Password') || crypto.randomBytes(9).toString('base64url');
	const userId = crypto.randomUUID();
	ctx.data.accounts.push({ EMail: email, UserId: userId, Created: formatDate(ctx.env.now()) });
	return R.ok({
		Password: password,
		UserId: userId,
		OneTimeLoginUrl: `https://app.billbee.io/login/onetime/${hexId()}`,
	});
}

function apiUsage(ctx, detail) {
	ctx.q.date('request.date');
	const { log, credentials } = ctx.env;
	const accepted = log.filter(
		(r) => r.endpoint && r.status && r.status !== 401 && r.status !== 429,
	);
	if (!detail)
		return R.ok({
			Summaries: [{ UserName: credentials.username, Data: { Count: accepted.length } }],
		});
	const counts = new Map();
	for (const r of accepted) {
		const key = `${r.method} ${r.template}`;
		counts.set(key, (counts.get(key) || 0) + 1);
	}
	const rows = [...counts].map(([k, Count]) => {
		const [Method, Endpoint] = k.split(' ');
		return { Method, Endpoint: `/api/v1${Endpoint}`, Count };
	});
	return R.ok({ Details: [{ UserName: credentials.username, Data: rows }] });
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

// ---------------------------------------------------------------------------------------------
// the table
// ---------------------------------------------------------------------------------------------

const staticOk = (pick) => (ctx) => R.ok(pick(ctx.data));

const handlers = {
	// provisioning, cloud storages, layouts, shop accounts
	'provisioning.createAccount': createAccount,
	'provisioning.getTermsInfo': () =>
		R.ok({
			LinkToTermsWebPage: 'https://www.billbee.io/agb/',
			LinkToPrivacyWebPage: 'https://www.billbee.io/datenschutz/',
			LinkToTermsHtmlContent: 'https://www.billbee.io/agb/content.html',
			LinkToPrivacyHtmlContent: 'https://www.billbee.io/datenschutz/content.html',
		}),
	'cloudStorage.getAll': staticOk((d) => d.cloudStorages),
	'layout.getAll': staticOk((d) => d.layouts),
	'shopAccount.getAll': (ctx) => paginate(ctx.data.shops, ctx.q),

	// customer addresses
	'customerAddress.getAll': (ctx) => paginate(ctx.data.customerAddresses, ctx.q),
	'customerAddress.create': (ctx) => {
		const body = requireObjectBody(ctx);
		const customerId = field(body, 'CustomerId');
		const customer =
			customerId === undefined || customerId === null
				? undefined
				: findBy(ctx.data.customers, 'Id', String(customerId));
		if (!customer) return R.invalidData('CustomerId is missing or unknown');
		return R.ok(newAddress(ctx, customer.Id, body));
	},
	'customerAddress.get': (ctx) => R.ok(addressOr404(ctx, ctx.params.id)),
	'customerAddress.update': (ctx) =>
		R.ok(updateAddress(addressOr404(ctx, ctx.params.id), requireObjectBody(ctx), true)),

	// customers
	'customer.getAll': (ctx) => paginate(ctx.data.customers, ctx.q),
	'customer.create': createCustomer,
	'customer.getAddress': (ctx) => R.ok(addressOr404(ctx, ctx.params.id)),
	'customer.updateAddress': (ctx) =>
		R.ok(updateAddress(addressOr404(ctx, ctx.params.id), requireObjectBody(ctx), true)),
	'customer.patchAddress': (ctx) =>
		R.ok(updateAddress(addressOr404(ctx, ctx.params.id), requireObjectBody(ctx), false)),
	'customer.get': (ctx) => R.ok(customerOr404(ctx, ctx.params.id)),
	'customer.update': updateCustomer,
	'customer.getAddresses': (ctx) => {
		const customer = customerOr404(ctx, ctx.params.id);
		const match = idMatcher(String(customer.Id));
		return paginate(
			ctx.data.customerAddresses.filter((a) => match(a.CustomerId)),
			ctx.q,
		);
	},
	'customer.addAddress': (ctx) => {
		const customer = customerOr404(ctx, ctx.params.id);
		return R.ok(newAddress(ctx, customer.Id, requireObjectBody(ctx)));
	},
	'customer.getOrders': customerOrders,

	// enums (bare arrays)
	'enum.getAccountSyncStates': (ctx) => R.raw(ctx.data.enums.accountSyncState),
	'enum.getOrderStates': () => R.raw(enumList(ENUMS.orderState.values, (v) => v.sdkName || v.name)),
	'enum.getPaymentTypes': () => R.raw(enumList(ENUMS.paymentType.values)),
	'enum.getShipmentTypes': () =>
		R.raw(enumList(ENUMS.shipmentType.values, (v) => stripParenthesis(v.name))),
	'enum.getShippingCarriers': () =>
		R.raw(enumList(ENUMS.shippingCarrier.values, (v) => stripParenthesis(v.name))),
	'enum.getShopAccountTypes': (ctx) => R.raw(ctx.data.enums.shopAccountType),

	// events
	'event.getAll': (ctx) => {
		const { q, data } = ctx;
		const min = q.date('minDate');
		const max = q.date('maxDate');
		const types = q.list('typeId').map(Number);
		const orderId = q.id('orderId');
		const orderMatch = orderId === undefined ? null : idMatcher(orderId);
		const minKey = min === undefined ? null : formatDate(min);
		const maxKey = max === undefined ? null : formatDate(max);
		const view = sortedView(ctx.env.cache, 'events', data.events, 'Created', 'Id', false);
		const out = [];
		for (let i = 0; i < view.items.length; i++) {
			const e = view.items[i];
			if (minKey !== null && view.keys[i] < minKey) continue;
			if (maxKey !== null && view.keys[i] > maxKey) continue;
			if (types.length && !types.includes(e.TypeId)) continue;
			if (orderMatch && !orderMatch(e.OrderId)) continue;
			out.push(e);
		}
		return paginate(out, q);
	},

	// orders
	'order.getAll': listOrders,
	'order.create': createOrder,
	'order.createDeliveryNote': withOrder(createDeliveryNote),
	'order.createInvoice': withOrder(createInvoice),
	'order.getPatchableFields': () => R.ok(ORDER_PATCHABLE_FIELDS),
	'order.createMultiple': genericAnswer,
	'order.findByPartner': (ctx) => {
		const partner = ctx.params.partner.toLowerCase();
		const order = ctx.data.orders.find(
			(o) =>
				o.Id === ctx.params.id && o.Seller && String(o.Seller.Platform).toLowerCase() === partner,
		);
		return order ? R.ok(order) : R.orderNotFound();
	},
	'order.getByExternalReference': (ctx) => {
		const ref = ctx.params.extRef;
		const order =
			ctx.data.orders.find((o) => o.Id === ref) ||
			ctx.data.orders.find((o) => o.OrderNumber === ref);
		return order ? R.ok(order) : R.orderNotFound();
	},
	'order.getInvoices': listInvoices,
	'order.addTagsMultiple': genericAnswer,
	'order.get': withOrder((ctx, order) => {
		ctx.q.int('articleTitleSource', 0);
		return R.ok(order);
	}),
	'order.patch': withOrder(patchOrder),
	'order.addMessage': withOrder(addMessage),
	'order.changeState': withOrder(changeOrderState),
	'order.parsePlaceholders': withOrder(parsePlaceholders),
	'order.sendMessage': withOrder(sendMessage),
	'order.addShipment': withOrder(addShipment),
	'order.addTags': withOrder(addTags),
	'order.setTags': withOrder(setTags),
	'order.triggerEvent': withOrder(triggerEvent),

	// products
	'product.getAll': listProducts,
	'product.create': createProduct,
	'product.getPatchableFields': () => R.ok(PRODUCT_PATCHABLE_FIELDS),
	'product.getCategories': staticOk((d) => d.categories),
	'product.getCustomFields': (ctx) => paginate(ctx.data.customFields, ctx.q),
	'product.getCustomField': (ctx) => {
		const def = findBy(ctx.data.customFields, 'Id', pathId(ctx.params.id));
		return def ? R.ok(def) : R.message(404, 'Custom field not found');
	},
	'product.deleteImages': (ctx) => {
		const ids = requireArrayBody(ctx);
		const Deleted = [];
		const NotFound = [];
		for (const id of ids) {
			const entry = /^\d+$/.test(String(id)) ? findImage(ctx.data, String(id)) : null;
			if (entry) {
				removeImage(entry);
				Deleted.push(id);
			} else NotFound.push(id);
		}
		return R.ok({ Deleted, NotFound });
	},
	'product.getImage': (ctx) => {
		const entry = findImage(ctx.data, ctx.params.imageId);
		return entry ? R.ok(entry.image) : R.message(404, 'Image not found');
	},
	'product.deleteImage': (ctx) => {
		const entry = findImage(ctx.data, ctx.params.imageId);
		if (!entry) return R.message(404, 'Image not found');
		removeImage(entry);
		return R.empty();
	},
	'product.getReservedAmount': (ctx) => {
		const id = ctx.q.str('id');
		if (!id) throw R.badRequest();
		const lookupBy = lookupByParam(ctx.q);
		ctx.q.id('stockId');
		const product = findProductBy(ctx.data, id, lookupBy);
		if (!product) return R.invalidData('Article not found');
		return R.ok({ ReservedAmount: reservedAmount(ctx.data, product) });
	},
	'product.getStockMultiple': genericAnswer,
	'product.getStocks': staticOk((d) => d.stocks),
	'product.updateStock': (ctx) => R.json(200, applyStockUpdate(ctx, requireObjectBody(ctx))),
	'product.updateStockCode': updateStockCode,
	'product.updateStockMultiple': (ctx) => {
		const list = requireArrayBody(ctx);
		if (list.length > MAX_STOCK_BATCH)
			throw R.badRequest(
				`The request is invalid. At most ${MAX_STOCK_BATCH} stock updates per call.`,
			);
		return R.raw(list.map((item) => applyStockUpdate(ctx, item)));
	},
	'product.get': (ctx) => {
		const lookupBy = lookupByParam(ctx.q);
		const product = findProductBy(ctx.data, ctx.params.id, lookupBy);
		return product ? R.ok(product) : R.message(404, 'Product not found');
	},
	'product.patch': patchProduct,
	'product.delete': deleteProduct,
	'product.getImages': (ctx) => R.ok(productOr404(ctx, ctx.params.productId).Images || []),
	'product.putImages': (ctx) => {
		const product = productOr404(ctx, ctx.params.productId);
		const images = assignImageIds(ctx, product, requireArrayBody(ctx));
		product.Images = ctx.q.bool('replace', false) ? images : [...(product.Images || []), ...images];
		return R.ok(product.Images);
	},
	'product.getProductImage': (ctx) => {
		const product = productOr404(ctx, ctx.params.productId);
		const match = idMatcher(pathId(ctx.params.imageId));
		const image = (product.Images || []).find((i) => match(i.Id));
		return image ? R.ok(image) : R.message(404, 'Image not found');
	},
	'product.putImage': (ctx) => {
		const product = productOr404(ctx, ctx.params.productId);
		const body = requireObjectBody(ctx);
		const match = idMatcher(pathId(ctx.params.imageId));
		if (!Array.isArray(product.Images)) product.Images = [];
		const existing = product.Images.find((i) => match(i.Id));
		const [image] = assignImageIds(ctx, product, [
			{ ...body, Id: existing ? existing.Id : BigInt(ctx.params.imageId) },
		]);
		if (existing) Object.assign(existing, image);
		else product.Images.push(image);
		return R.ok(existing || image);
	},
	'product.deleteProductImage': (ctx) => {
		const product = productOr404(ctx, ctx.params.productId);
		const match = idMatcher(pathId(ctx.params.imageId));
		const index = (product.Images || []).findIndex((i) => match(i.Id));
		if (index < 0) return R.message(404, 'Image not found');
		product.Images.splice(index, 1);
		return R.empty();
	},

	// search
	'search.search': search,

	// shipments
	'shipment.ping': () => R.raw({ Result: 'Pong' }),
	'shipment.createShipment': createShipment,
	'shipment.createShipmentMultiple': genericAnswer,
	'shipment.getAll': listShipments,
	'shipment.getShippingCarriers': () =>
		R.raw(enumList(ENUMS.shippingCarrier.values, (v) => stripParenthesis(v.name))),
	'shipment.getShippingProviders': (ctx) => R.raw(ctx.data.shippingProviders),
	'shipment.shipWithLabel': shipWithLabel,
	'shipment.shipWithLabelMultiple': genericAnswer,

	// API usage (shape per the Panda .NET SDK)
	'apiUsage.getSummary': (ctx) => apiUsage(ctx, false),
	'apiUsage.getDetail': (ctx) => apiUsage(ctx, true),

	// webhook.* and batch.execute are added by server.js (they need the HTTP client / dispatcher).
};

module.exports = {
	handlers,
	insertOrder,
	sampleOrderBody,
	Query,
	parseDate,
	canonicalDate,
	idMatcher,
	field,
	paginate,
	ORDER_PATCHABLE_FIELDS,
	PRODUCT_PATCHABLE_FIELDS,
	MAX_STOCK_BATCH,
};
