'use strict';
/**
 * Endpoint handlers of the Billbee sandbox, keyed by catalog id (endpoints.json `id`), one file
 * per resource (the part of the id before the dot). webhook.* and batch.execute are added by
 * server.js (they need the HTTP client / dispatcher).
 *
 * Each handler is `(ctx) => response | Promise<response>` (see responses.js). ctx holds:
 *   params  decoded path parameters      q        Query helper (case-insensitive names)
 *   body    exact-parsed JSON or null     bodyError true when the body was not valid JSON
 *   data    live sandbox data             env      { origin, log, credentials, cache, now() }
 */

const { Query, parseDate, canonicalDate, idMatcher, field, paginate } = require('./common');
const order = require('./order');
const product = require('./product');

const RESOURCES = {
	apiUsage: require('./apiUsage'),
	cloudStorage: require('./cloudStorage'),
	customer: require('./customer'),
	customerAddress: require('./customerAddress'),
	enum: require('./enum'),
	event: require('./event'),
	layout: require('./layout'),
	order,
	product,
	provisioning: require('./provisioning'),
	search: require('./search'),
	shipment: require('./shipment'),
	shopAccount: require('./shopAccount'),
};

const handlers = {};
for (const [resource, module] of Object.entries(RESOURCES)) {
	for (const [id, handler] of Object.entries(module.handlers)) {
		if (!id.startsWith(`${resource}.`))
			throw new Error(`handlers/${resource}.js defines ${id}, which belongs to another resource`);
		handlers[id] = handler;
	}
}

module.exports = {
	handlers,
	insertOrder: order.insertOrder,
	sampleOrderBody: order.sampleOrderBody,
	Query,
	parseDate,
	canonicalDate,
	idMatcher,
	field,
	paginate,
	ORDER_PATCHABLE_FIELDS: order.ORDER_PATCHABLE_FIELDS,
	PRODUCT_PATCHABLE_FIELDS: product.PRODUCT_PATCHABLE_FIELDS,
	MAX_STOCK_BATCH: product.MAX_STOCK_BATCH,
};
