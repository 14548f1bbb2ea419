'use strict';
// Every endpoint of the API catalog, as a resource/operation of the Billbee node, run through
// n8n's execution engine against the sandbox: the request must match the catalog (method,
// path, query names, body names) and the node must output Billbee's data.
const test = require('node:test');
const assert = require('node:assert/strict');
const catalog = require('./fixtures/billbee-api/endpoints.json');
const { resources } = require('../dist/nodes/Billbee/resources/index.js');
const { Billbee } = require('../dist/nodes/Billbee/Billbee.node.js');
const { useSandbox } = require('./helpers');

const description = new Billbee().description;
const CUSTOM_OPERATIONS = new Billbee().customOperations;
/** Left out on purpose (see README): a multipart batch of raw HTTP requests has no honest n8n form. */
const NOT_OFFERED = new Set(['batch.execute']);

// Reset before each test: every operation sees the same seeded data. Pacing is the transport
// test's subject, not this one.
const { sandbox, run } = useSandbox({ throttle: false });
let samples;
test.beforeEach(() => {
	samples = sandbox.samples();
	seedWebhook();
});

/** Inputs an operation needs beyond what a generic sample can be (merged over the samples). */
const EXTRA_PARAMETERS = {
	'order.patch': () => ({ additionalFieldsJson: '{"SellerComment":"checked by n8n"}' }),
	'product.deleteImages': () => ({ imageIds: String(productWithImage().Images[0].Id) }),
	'product.putImages': () => ({
		images: { item: [{ url: 'https://images.example.com/new.jpg', isDefault: true, position: 1 }] },
	}),
	'provisioning.createAccount': () => ({ email: 'new-merchant@example.com', acceptTerms: true }),
	'customer.create': () => ({
		email: 'erika@example.com',
		name: 'Erika Mustermann',
	}),
	'customerAddress.create': () => ({ customerId: String(samples.customerId) }),
	'shipment.createShipment': () => ({ providerName: 'DHL' }),
	'shipment.shipWithLabel': () => ({
		orderId: String(samples.orderId),
		providerId: String(samples.shippingProviderId),
		shippingProductId: String(samples.shippingProviderProductId),
	}),
	'webhook.create': () => WEBHOOK,
	'webhook.update': () => WEBHOOK,
};

const WEBHOOK = { webHookUri: 'https://hooks.example.com/n8n?noecho', secret: 's'.repeat(40) };

/** One registration of another tool, so webhook get/update/delete have something to act on. */
function seedWebhook() {
	sandbox.data.webhooks.push({
		Id: '0123456789abcdef0123456789abcdef',
		WebHookUri: 'https://other-tool.example.com/hook?noecho',
		Secret: 'o'.repeat(40),
		Filters: ['*'],
		IsPaused: false,
		Description: 'seeded',
		Headers: {},
		Properties: {},
	});
}

function specOf(resource, operation) {
	return resources.find((r) => r.value === resource)?.operations.find((o) => o.value === operation);
}

function isShown(property, parameters) {
	const show = property.displayOptions?.show ?? {};
	return Object.entries(show).every(
		([name, values]) => name.startsWith('@') || values.includes(parameters[name]),
	);
}

/** A value for a path placeholder of an endpoint, taken from the sandbox's seeded data. */
function pathSample(endpoint, placeholder) {
	const key = `${endpoint.path} ${placeholder}`;
	if (/^\/webhooks\/\{id\}/.test(endpoint.path)) return String(sandbox.data.webhooks[0].Id);
	if (endpoint.path.startsWith('/customers/addresses') || endpoint.resource === 'customerAddress')
		return String(samples.customerAddressId);
	if (endpoint.path.startsWith('/products/custom-fields')) return String(samples.customFieldId);
	if (placeholder === 'imageId') return String(productWithImage().Images[0].Id);
	if (endpoint.resource === 'product' && endpoint.path.includes('/images'))
		return String(productWithImage().Id);
	if (placeholder === 'extRef') return samples.orderExternalId;
	if (placeholder === 'partner') return sandbox.data.orders[0].Seller.Platform;
	if (endpoint.path === '/orders/find/{id}/{partner}') return sandbox.data.orders[0].Id;
	const byResource = {
		order: samples.orderId,
		product: samples.productId,
		customer: samples.customerId,
	};
	assert.ok(byResource[endpoint.resource] !== undefined, `no sample for ${key}`);
	return String(byResource[endpoint.resource]);
}

function productWithImage() {
	return sandbox.data.products.find((product) => product.Images?.length);
}

function sampleFor(property) {
	switch (property.type) {
		case 'boolean':
			return false;
		case 'number':
			return 1;
		case 'dateTime':
			return '2025-06-01T10:00:00';
		case 'options':
			return property.options?.[0]?.value ?? '1';
		case 'multiOptions':
			return property.options?.length ? [property.options[0].value] : ['1'];
		case 'json':
			return property.default;
		case 'resourceLocator':
			return {
				__rl: true,
				mode: 'id',
				value: String(/product/i.test(property.name) ? samples.productId : samples.orderId),
			};
		case 'fixedCollection': {
			const [group] = property.options;
			const entry = {};
			for (const value of group.values) if (value.required) entry[value.name] = sampleFor(value);
			return { [group.name]: [entry] };
		}
		default:
			return /sku/i.test(property.name)
				? samples.sku
				: /mail/i.test(property.name)
					? 'shop@example.com'
					: 'n8n test';
	}
}

function parametersFor(endpoint, spec, pathValues) {
	const parameters = {
		resource: endpoint.resource,
		operation: endpoint.operation,
		returnAll: false,
		limit: 3,
	};
	for (const [placeholder, field] of Object.entries(spec.pathParams ?? {})) {
		const value = pathValues[placeholder];
		parameters[field.name] = field.type === 'locator' ? { __rl: true, mode: 'id', value } : value;
	}
	Object.assign(parameters, EXTRA_PARAMETERS[endpoint.id]?.());
	for (const property of description.properties) {
		if (
			!property.required ||
			parameters[property.name] !== undefined ||
			!isShown(property, parameters)
		)
			continue;
		parameters[property.name] = sampleFor(property);
	}
	return parameters;
}

function templateMatches(template, path) {
	const pattern = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '[^/]+');
	return new RegExp(`^${pattern}$`, 'i').test(path);
}

for (const endpoint of catalog) {
	if (NOT_OFFERED.has(endpoint.id)) continue;
	test(`${endpoint.id}: ${endpoint.method} ${endpoint.path}`, async () => {
		const operationParameter = description.properties.find(
			(p) => p.name === 'operation' && p.displayOptions.show.resource.includes(endpoint.resource),
		);
		assert.ok(operationParameter, `resource ${endpoint.resource} exists`);
		const option = operationParameter.options.find((o) => o.value === endpoint.operation);
		assert.ok(option, `operation ${endpoint.operation} exists`);
		assert.equal(option.routing.request.method, endpoint.method);
		assert.equal(option.routing.request.url, endpoint.path);
		assert.ok(option.description && option.action, 'described for people and agents');

		const spec = specOf(endpoint.resource, endpoint.operation);
		const pathValues = Object.fromEntries(
			endpoint.pathParams.map((p) => [p.name, pathSample(endpoint, p.name)]),
		);
		const parameters = parametersFor(endpoint, spec, pathValues);
		sandbox.clearLog();
		const { items, error } = await run(parameters);
		assert.equal(error, undefined, `${endpoint.id}: ${error?.message} ${error?.description ?? ''}`);
		assert.ok(items.length >= 1, 'the node outputs something');

		const sent = sandbox.log.filter((r) => r.endpoint === endpoint.id);
		assert.equal(
			sent.length,
			1,
			`one call to ${endpoint.id}, log: ${sandbox.log.map((r) => r.endpoint).join(', ')}`,
		);
		const [request] = sent;
		assert.equal(request.method, endpoint.method);
		assert.ok(
			templateMatches(endpoint.path, request.path),
			`${request.path} fits ${endpoint.path}`,
		);
		for (const [placeholder, field] of Object.entries(spec.pathParams ?? {})) {
			const expected = encodeURIComponent(pathValues[placeholder]);
			assert.ok(
				request.path.split('/').includes(expected),
				`${field.name} → ${expected} in ${request.path}`,
			);
		}
		const knownQuery = new Set(endpoint.queryParams.map((q) => q.name));
		for (const name of Object.keys(request.query)) {
			assert.ok(
				knownQuery.has(name.replace(/\[\d+\]$/, '')),
				`query ${name} is a catalog parameter`,
			);
		}
		if (endpoint.paging) {
			assert.equal(request.query.pageSize, '3', 'Limit 3 asks for 3 rows');
			assert.ok(items.length <= 3);
		}
		if (!endpoint.hasBody) {
			assert.equal(request.rawBody, '', 'no body');
		} else if (
			request.body &&
			!Array.isArray(request.body) &&
			endpoint.body.fields?.length &&
			!CUSTOM_OPERATIONS[endpoint.resource]?.[endpoint.operation]
		) {
			const known = new Set(endpoint.body.fields.map((f) => f.name));
			for (const name of Object.keys(request.body)) {
				assert.ok(
					known.has(name) || !known.size,
					`body field ${name} is a field of ${endpoint.body.model}`,
				);
			}
		}
	});
}

test('the node offers no operation outside the catalog', () => {
	const known = new Set(catalog.map((e) => e.id));
	for (const property of description.properties.filter((p) => p.name === 'operation')) {
		for (const resource of property.displayOptions.show.resource) {
			for (const option of property.options)
				assert.ok(known.has(`${resource}.${option.value}`), `${resource}.${option.value}`);
		}
	}
});
