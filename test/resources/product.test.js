'use strict';
// The product resource against the sandbox: locators (ID / SKU / EAN), the typed create and update
// forms, dropdown-backed fields, array bodies, the bulk stock update and read-only mode.
const test = require('node:test');
const assert = require('node:assert/strict');
const { useSandbox } = require('../helpers');
const { Billbee } = require('../../dist/nodes/Billbee/Billbee.node.js');

const TWO_POW_53 = 2n ** 53n;

// Pacing is the transport test's subject.
const { sandbox, run, dropdown, ofEndpoint } = useSandbox({ throttle: false });

const byId = (id) => ({ __rl: true, mode: 'id', value: String(id) });
const bySku = (sku) => ({ __rl: true, mode: 'sku', value: sku });
const byEan = (ean) => ({ __rl: true, mode: 'ean', value: ean });
const product = (index) => sandbox.data.products[index];
const endpoints = () => sandbox.log.map((r) => r.endpoint);

test('every operation that works on one product takes it through the product locator (ID, SKU, EAN)', () => {
	const { properties } = new Billbee().description;
	const operations = [
		'get',
		'patch',
		'delete',
		'getReservedAmount',
		'getImages',
		'putImages',
		'getProductImage',
		'putImage',
		'deleteProductImage',
	];
	for (const operation of operations) {
		const shown = properties.filter(
			(p) =>
				p.displayOptions?.show?.resource?.includes('product') &&
				p.displayOptions.show.operation?.includes(operation),
		);
		const locator = shown.find((p) => p.name === 'productId');
		assert.ok(locator, `${operation} has productId`);
		assert.equal(locator.type, 'resourceLocator', operation);
		assert.equal(locator.required, true, operation);
		assert.deepEqual(
			locator.modes.map((m) => m.name),
			['id', 'sku', 'ean'],
			operation,
		);
	}
	const operation = properties.find(
		(p) => p.name === 'operation' && p.displayOptions.show.resource.includes('product'),
	);
	for (const value of ['delete', 'deleteImage', 'deleteImages', 'deleteProductImage']) {
		assert.match(
			operation.options.find((o) => o.value === value).description,
			/Destructive/,
			value,
		);
	}
	for (const value of ['get', 'getAll', 'create', 'patch', 'updateStock', 'updateStockMultiple']) {
		assert.ok(
			!/Destructive/.test(operation.options.find((o) => o.value === value).description),
			value,
		);
	}
});

test('get by SKU: one call, the SKU in the path and lookupBy=sku', async () => {
	const wanted = product(4);
	wanted.SKU = 'SHIRT RED-L'; // a space must be encoded, not cut
	const { items, error } = await run({
		resource: 'product',
		operation: 'get',
		productId: bySku('SHIRT RED-L'),
	});
	assert.equal(error, undefined, error?.message);
	assert.deepEqual(endpoints(), ['product.get']);
	const [request] = sandbox.log;
	assert.equal(request.path, '/products/SHIRT%20RED-L');
	assert.deepEqual(request.query, { lookupBy: 'sku' });
	assert.equal(items.length, 1);
	assert.equal(String(items[0].json.Id), String(wanted.Id));
	assert.equal(items[0].json.SKU, 'SHIRT RED-L');
});

test('get by EAN: one call, the EAN in the path and lookupBy=ean', async () => {
	const wanted = product(9);
	const { items, error } = await run({
		resource: 'product',
		operation: 'get',
		productId: byEan(wanted.EAN),
	});
	assert.equal(error, undefined, error?.message);
	assert.deepEqual(endpoints(), ['product.get']);
	assert.equal(sandbox.log[0].path, `/products/${wanted.EAN}`);
	assert.deepEqual(sandbox.log[0].query, { lookupBy: 'ean' });
	assert.equal(String(items[0].json.Id), String(wanted.Id));
	assert.equal(items[0].json.EAN, wanted.EAN);
});

test('get by Billbee ID keeps all digits above 2^53 and sends no lookupBy', async () => {
	const wanted = product(2);
	assert.ok(wanted.Id > TWO_POW_53);
	const { items, error } = await run({
		resource: 'product',
		operation: 'get',
		productId: byId(wanted.Id),
	});
	assert.equal(error, undefined, error?.message);
	assert.equal(sandbox.log[0].path, `/products/${wanted.Id}`);
	assert.deepEqual(sandbox.log[0].query, {});
	assert.equal(String(items[0].json.Id), String(wanted.Id));
});

test('an unknown SKU fails with Billbee’s 404, after one call', async () => {
	const { error } = await run({
		resource: 'product',
		operation: 'get',
		productId: bySku('NO-SUCH-SKU'),
	});
	assert.ok(error, 'the node fails');
	assert.match(`${error.message} ${error.description ?? ''}`, /not found|404/i);
	assert.deepEqual(endpoints(), ['product.get']);
});

test('update (patch) by SKU: one lookup, then PATCH to the exact ID with the typed fields and the JSON merged', async () => {
	const target = product(7);
	const id = String(target.Id);
	assert.ok(BigInt(id) > TWO_POW_53);
	const category = sandbox.data.categories[2];
	const { items, error } = await run({
		resource: 'product',
		operation: 'patch',
		productId: bySku(target.SKU),
		title: {
			item: [
				{ text: 'Becher „Nord“', languageCode: 'DE' },
				{ text: 'Mug "North"', languageCode: 'EN' },
			],
		},
		additionalFields: {
			price: 24.9,
			stockWarning: 4,
			isDeactivated: true,
			category2: String(category.Id),
		},
		additionalFieldsJson: '{"Tags": [{"Text": "sale", "LanguageCode": "DE"}]}',
	});
	assert.equal(error, undefined, error?.message);
	assert.deepEqual(endpoints(), ['product.get', 'product.patch']);
	const [lookup, patch] = sandbox.log;
	assert.equal(lookup.path, `/products/${target.SKU}`);
	assert.deepEqual(lookup.query, { lookupBy: 'sku' });
	assert.equal(patch.method, 'PATCH');
	assert.equal(patch.path, `/products/${id}`);
	assert.deepEqual(patch.body, {
		Title: [
			{ Text: 'Becher „Nord“', LanguageCode: 'DE' },
			{ Text: 'Mug "North"', LanguageCode: 'EN' },
		],
		Price: 24.9,
		StockWarning: 4,
		Category2: { Id: category.Id },
		IsDeactivated: true,
		Tags: [{ Text: 'sale', LanguageCode: 'DE' }],
	});
	assert.ok(
		patch.rawBody.includes(`"Category2":{"Id":${category.Id}}`),
		'the category ID is a raw JSON number',
	);
	assert.equal(target.Price, 24.9, 'the sandbox applied the patch');
	assert.equal(String(items[0].json.Id), id);
});

test('create sends exactly the typed fields, the category from the dropdown and the JSON extras', async () => {
	const categories = await dropdown('getCategories');
	const kitchen = categories.find((c) => c.name === 'Küche & Haushalt');
	assert.ok(kitchen, 'the dropdown lists the categories');
	sandbox.clearLog();
	const { items, error } = await run({
		resource: 'product',
		operation: 'create',
		title: {
			item: [
				{ text: 'Bio-Kaffee 500 g', languageCode: 'DE' },
				{ text: 'Organic coffee 500 g', languageCode: 'EN' },
			],
		},
		price: 12.9,
		vatIndex: 2,
		vat1Rate: 19,
		vat2Rate: 7,
		type: 1,
		category1: kitchen.value,
		ean: '4000123459999',
		sku: 'KAFFEE-500',
		additionalFields: {
			stockCurrent: 40,
			weight: 520,

			unit: 4,
			isDigital: false,
		},
		additionalFieldsJson: '{"Sources": [{"Source": "Shopify", "SourceId": "8413299093999"}]}',
	});
	assert.equal(error, undefined, error?.message);
	const [request] = ofEndpoint('product.create');
	assert.equal(request.method, 'POST');
	assert.equal(request.path, '/products');
	assert.equal(
		request.rawBody,
		'{"Title":[{"Text":"Bio-Kaffee 500 g","LanguageCode":"DE"},{"Text":"Organic coffee 500 g","LanguageCode":"EN"}],' +
			'"Price":12.9,"VatIndex":2,"Vat1Rate":19,"Vat2Rate":7,"Type":1,' +
			`"SKU":"KAFFEE-500","EAN":"4000123459999","Category1":{"Id":${kitchen.value}},` +
			'"StockCurrent":40,"Weight":520,"Unit":4,"IsDigital":false,' +
			'"Sources":[{"Source":"Shopify","SourceId":"8413299093999"}]}',
	);
	assert.equal(request.headers['content-type'], 'application/json; charset=utf-8');
	const created = sandbox.data.products.find((p) => p.SKU === 'KAFFEE-500');
	assert.ok(created, 'the sandbox stored the product');
	assert.equal(String(items[0].json.Id), String(created.Id));
});

test('create names the field whose value is wrong and sends nothing', async () => {
	const { error } = await run({
		resource: 'product',
		operation: 'create',
		title: { item: [{ text: 'Tasse', languageCode: 'DE' }] },
		price: 5,
		vatIndex: 1,
		vat1Rate: 19,
		vat2Rate: 7,
		type: 1,
		category1: 'Küche',
	});
	assert.ok(error, 'the node fails');
	assert.match(error.message, /Category 1 Name or ID \(category1\).*"Küche" is not a whole number/);
	assert.deepEqual(endpoints(), []);
});

test('update stock in the stock location chosen from the dropdown', async () => {
	const stocks = await dropdown('getStocks');
	assert.deepEqual(
		stocks.map((s) => s.name),
		['Hauptlager', 'Außenlager "Nord"'],
	);
	const north = stocks[1];
	const target = product(3);
	const defaultBefore = target.StockCurrent;
	sandbox.clearLog();
	const { items, error } = await run({
		resource: 'product',
		operation: 'updateStock',
		sku: target.SKU,
		newQuantity: 17,
		additionalFields: { stockId: north.value, reason: 'Inventur' },
	});
	assert.equal(error, undefined, error?.message);
	const [request] = ofEndpoint('product.updateStock');
	assert.equal(
		request.rawBody,
		`{"Sku":"${target.SKU}","NewQuantity":17,"StockId":${north.value},"Reason":"Inventur"}`,
	);
	const entry = target.Stocks.find((s) => String(s.StockId) === north.value);
	assert.equal(entry.StockCurrent, 17, 'the chosen stock changed');
	assert.equal(target.StockCurrent, defaultBefore, 'the default stock did not');
	assert.equal(items[0].json.CurrentStock, 17);
});

test('update stock code sends SKU, code and the chosen stock', async () => {
	const target = product(5);
	const stockId = String(sandbox.data.stocks[0].Id);
	const { error } = await run({
		resource: 'product',
		operation: 'updateStockCode',
		sku: target.SKU,
		stockCode: 'R7-F3',
		additionalFields: { stockId: stockId },
	});
	assert.equal(error, undefined, error?.message);
	assert.equal(
		ofEndpoint('product.updateStockCode')[0].rawBody,
		`{"Sku":"${target.SKU}","StockCode":"R7-F3","StockId":${stockId}}`,
	);
	assert.equal(target.StockCode, 'R7-F3');
});

function bulkItems() {
	const unknown = new Map([
		[17, 'GIBT-ES-NICHT-1'],
		[263, 'GIBT-ES-NICHT-2'],
	]);
	const known = sandbox.data.products.map((p) => p.SKU);
	return Array.from({ length: 300 }, (_, i) => ({
		json: { sku: unknown.get(i) ?? known[(i * 7) % known.length], qty: i % 50 },
	}));
}

const BULK_PARAMETERS = {
	resource: 'product',
	operation: 'updateStockMultiple',
	sku: '={{ $json.sku }}',
	newQuantity: '={{ $json.qty }}',
};

test('bulk stock: 300 items go out in 2 calls (250 + 50) and come back as 300 results in input order', async () => {
	const input = bulkItems();
	const { items, error } = await run(BULK_PARAMETERS, { items: input });
	assert.equal(error, undefined, error?.message);

	const sent = ofEndpoint('product.updateStockMultiple');
	assert.equal(sent.length, 2);
	assert.deepEqual(
		sent.map((r) => r.body.length),
		[250, 50],
	);
	assert.deepEqual(
		sent.flatMap((r) => r.body.map((u) => u.Sku)),
		input.map((i) => i.json.sku),
		'the bodies carry the SKUs in input order',
	);
	assert.deepEqual(sent[0].body[1], { Sku: input[1].json.sku, NewQuantity: 1 });

	assert.equal(items.length, 300);
	items.forEach((item, i) => {
		assert.equal(item.json.Sku, input[i].json.sku, `item ${i}`);
		assert.equal(item.pairedItem?.item ?? item.pairedItem, i, `item ${i} is paired with its input`);
		if (i === 17 || i === 263) {
			assert.equal(item.json.ok, false, `item ${i}`);
			assert.equal(item.json.error, 'Article not found');
			assert.equal(item.json.ErrorCode, 11);
		} else {
			assert.equal(item.json.ok, true, `item ${i}: ${item.json.error}`);
			assert.equal(item.json.CurrentStock, input[i].json.qty);
		}
	});
});

test('bulk stock in read-only mode fails before sending anything', async () => {
	const { items, error } = await run(
		{ ...BULK_PARAMETERS, readOnlyMode: true },
		{ items: bulkItems() },
	);
	assert.ok(error, 'the node fails');
	assert.equal(error.name, 'NodeOperationError');
	assert.match(error.message, /Read-only mode is on: POST \/products\/updatestockmultiple/);
	assert.equal(items.length, 0);
	assert.deepEqual(endpoints(), []);
});

test('delete is refused in read-only mode and the product stays', async () => {
	const target = product(6);
	const { error } = await run({
		resource: 'product',
		operation: 'delete',
		productId: byId(target.Id),
		readOnlyMode: true,
	});
	assert.ok(error, 'the node fails');
	assert.match(error.message, /Read-only mode is on: DELETE \/products\/\{id\}/);
	assert.deepEqual(endpoints(), []);
	assert.ok(sandbox.data.products.includes(target));
});

test('delete by EAN: one lookup, then DELETE of the exact ID', async () => {
	const target = product(8);
	const { items, error } = await run({
		resource: 'product',
		operation: 'delete',
		productId: byEan(target.EAN),
	});
	assert.equal(error, undefined, error?.message);
	assert.deepEqual(endpoints(), ['product.get', 'product.delete']);
	assert.deepEqual(sandbox.log[0].query, { lookupBy: 'ean' });
	assert.equal(sandbox.log[1].path, `/products/${target.Id}`);
	assert.ok(!sandbox.data.products.includes(target), 'the sandbox deleted it');
	assert.deepEqual(items[0].json, { success: true });
});

test('reserved amount: SKU and ID go into the query, an EAN is resolved to the ID first', async () => {
	const target = product(1);
	const stockId = String(sandbox.data.stocks[1].Id);

	let result = await run({
		resource: 'product',
		operation: 'getReservedAmount',
		productId: bySku(target.SKU),
		options: { stockId },
	});
	assert.equal(result.error, undefined, result.error?.message);
	assert.deepEqual(endpoints(), ['product.getReservedAmount']);
	assert.deepEqual(sandbox.log[0].query, { id: target.SKU, lookupBy: 'sku', stockId });
	assert.equal(typeof result.items[0].json.ReservedAmount, 'number');

	sandbox.clearLog();
	result = await run({
		resource: 'product',
		operation: 'getReservedAmount',
		productId: byEan(target.EAN),
	});
	assert.equal(result.error, undefined, result.error?.message);
	assert.deepEqual(endpoints(), ['product.get', 'product.getReservedAmount']);
	assert.deepEqual(sandbox.log[0].query, { lookupBy: 'ean' });
	assert.deepEqual(sandbox.log[1].query, { id: String(target.Id), lookupBy: 'id' });

	sandbox.clearLog();
	// The editor validates a typed ID; an expression can still yield a SKU in ID mode.
	result = await run(
		{ resource: 'product', operation: 'getReservedAmount', productId: byId('={{ $json.key }}') },
		{ items: [{ json: { key: 'SKU-1001' } }] },
	);
	assert.ok(result.error, 'a SKU in ID mode is refused');
	assert.match(
		result.error.message,
		/Product \(productId\): "SKU-1001" is not a Billbee product ID/,
	);
	assert.deepEqual(endpoints(), []);
});

test('delete images sends the IDs as a bare JSON array of exact numbers', async () => {
	const [first, second] = sandbox.data.products
		.flatMap((p) => p.Images)
		.map((image) => String(image.Id));
	const missing = '9007200054799999';
	const { items, error } = await run({
		resource: 'product',
		operation: 'deleteImages',
		imageIds: `${first}, ${second},${missing}`,
	});
	assert.equal(error, undefined, error?.message);
	const [request] = ofEndpoint('product.deleteImages');
	assert.equal(request.rawBody, `[${first},${second},${missing}]`);
	assert.deepEqual(items[0].json.Deleted.map(String), [first, second]);
	assert.deepEqual(items[0].json.NotFound.map(String), [missing]);

	sandbox.clearLog();
	const wrong = await run({
		resource: 'product',
		operation: 'deleteImages',
		imageIds: `${first}, abc`,
	});
	assert.match(wrong.error.message, /Image IDs \(imageIds\): "abc" is not a whole number/);
	assert.deepEqual(endpoints(), []);
});

test('add or replace images by SKU: typed image list as the array body, replace in the query', async () => {
	const target = product(10);
	const { items, error } = await run({
		resource: 'product',
		operation: 'putImages',
		productId: bySku(target.SKU),
		replace: true,
		images: {
			item: [
				{ url: 'https://shop.example.com/img/a.jpg', isDefault: true, position: 0 },
				{ url: 'https://shop.example.com/img/b.jpg', isDefault: false, position: 2 },
			],
		},
	});
	assert.equal(error, undefined, error?.message);
	assert.deepEqual(endpoints(), ['product.get', 'product.putImages']);
	const request = sandbox.log[1];
	assert.equal(request.path, `/products/${target.Id}/images`);
	assert.deepEqual(request.query, { replace: 'true' });
	assert.deepEqual(request.body, [
		{ Url: 'https://shop.example.com/img/a.jpg', IsDefault: true },
		{ Url: 'https://shop.example.com/img/b.jpg', IsDefault: false, Position: 2 },
	]);
	assert.deepEqual(
		target.Images.map((i) => i.Url),
		['https://shop.example.com/img/a.jpg', 'https://shop.example.com/img/b.jpg'],
	);
	assert.equal(items.length, 2);
});

test('get many products: ID range as exact digits, date as ISO, Limit as page size', async () => {
	const low = String(product(3).Id);
	const high = String(product(20).Id);
	const { items, error } = await run({
		resource: 'product',
		operation: 'getAll',
		returnAll: false,
		limit: 5,
		filters: {
			minimumBillBeeArticleId: low,
			maximumBillBeeArticleId: high,
			minCreatedAt: '2020-01-01T00:00:00',
		},
	});
	assert.equal(error, undefined, error?.message);
	const [request] = ofEndpoint('product.getAll');
	assert.deepEqual(request.query, {
		minCreatedAt: '2020-01-01T00:00:00',
		minimumBillBeeArticleId: low,
		maximumBillBeeArticleId: high,
		page: '1',
		pageSize: '5',
	});
	assert.deepEqual(
		items.map((i) => String(i.json.Id)),
		sandbox.data.products.slice(3, 8).map((p) => String(p.Id)),
	);
});

test('get custom field with the definition chosen from the dropdown', async () => {
	const definitions = await dropdown('getCustomFieldDefinitions');
	const size = definitions.find((d) => d.name === 'Größe');
	assert.ok(size);
	sandbox.clearLog();
	const { items, error } = await run({
		resource: 'product',
		operation: 'getCustomField',
		customFieldId: size.value,
	});
	assert.equal(error, undefined, error?.message);
	assert.equal(
		ofEndpoint('product.getCustomField')[0].path,
		`/products/custom-fields/${size.value}`,
	);
	assert.equal(items[0].json.Name, 'Größe');
});

test('get stock for many products only reads: allowed in read-only mode', async () => {
	const { error } = await run({
		resource: 'product',
		operation: 'getStockMultiple',
		jsonBody: '["SKU-1001", "SKU-1002"]',
		readOnlyMode: true,
	});
	assert.equal(error, undefined, error?.message);
	const [request] = ofEndpoint('product.getStockMultiple');
	assert.equal(request.method, 'POST');
	assert.equal(request.rawBody, '["SKU-1001","SKU-1002"]');
});
