'use strict';
/** Products: list and create, patch, images, stock, custom fields. */

const R = require('../responses');
const { formatDate, nextId } = require('../data');
const common = require('./common');

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

const MAX_STOCK_BATCH = 250;

const OPEN_ORDER_STATES = new Set([1, 2, 3, 13, 16]);

function reservedAmount(data, product) {
	let reserved = 0;
	for (const o of data.orders) {
		if (!OPEN_ORDER_STATES.has(o.State) || !Array.isArray(o.OrderItems)) continue;
		for (const it of o.OrderItems)
			if (it.Product && it.Product.SKU === product.SKU)
				reserved += common.toNumber(it.Quantity) || 0;
	}
	return reserved;
}

/** Product from an UpdateStock-like body: BillbeeId wins over Sku. */
function productFromStockBody(data, body) {
	const billbeeId = common.field(body, 'BillbeeId');
	if (billbeeId !== undefined && billbeeId !== null && billbeeId !== 0)
		return common.findBy(data.products, 'Id', String(billbeeId));
	const sku = common.field(body, 'Sku');
	if (typeof sku === 'string' && sku !== '') return common.findProductBy(data, sku, 'sku');
	return undefined;
}

function lookupByParam(q) {
	const lookupBy = (q.str('lookupBy') || 'id').toLowerCase();
	if (!['id', 'sku', 'ean'].includes(lookupBy)) throw R.badRequest();
	return lookupBy;
}

function productOr404(ctx, digits) {
	const product = common.findBy(ctx.data.products, 'Id', common.pathId(digits));
	if (!product) throw new R.HttpError(R.message(404, 'Product not found'));
	return product;
}

function listProducts(ctx) {
	const { q, data } = ctx;
	const minKey = q.dateKey('minCreatedAt');
	const minIdText = q.id('minimumBillBeeArticleId');
	const maxIdText = q.id('maximumBillBeeArticleId');
	const out = data.products.filter((p) => {
		if (minKey !== null && !((data.productCreatedAt.get(String(p.Id)) || '') >= minKey))
			return false;
		if (minIdText !== undefined && common.toBig(p.Id) < BigInt(minIdText)) return false;
		if (maxIdText !== undefined && common.toBig(p.Id) > BigInt(maxIdText)) return false;
		return true;
	});
	return common.paginate(out, q);
}

function assignImageIds(ctx, product, images) {
	return images.map((img, i) => ({
		Url: common.field(img, 'Url') ?? null,
		Id: common.field(img, 'Id') || nextId(ctx.data.sequences, 'image'),
		ThumbPathExt: common.field(img, 'ThumbPathExt') ?? null,
		ThumbUrl: common.field(img, 'ThumbUrl') ?? null,
		Position: common.field(img, 'Position') ?? i + 1,
		IsDefault: Boolean(common.field(img, 'IsDefault')),
		ArticleId: product.Id,
	}));
}

function createProduct(ctx) {
	const body = common.requireObjectBody(ctx);
	const { data } = ctx;
	const sku = common.field(body, 'SKU');
	if (typeof sku === 'string' && sku !== '' && data.products.some((p) => p.SKU === sku))
		return R.invalidData(`A product with SKU '${sku}' already exists`);
	const product = common.clone(body);
	product.Id = common.nextFreeId(data.products, 'Id', data.sequences, 'product');
	const stock = common.toNumber(common.field(body, 'StockCurrent'));
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
	const body = common.requireObjectBody(ctx);
	const bad = common.firstUnpatchable(PRODUCT_PATCHABLE_FIELDS, body);
	if (bad !== undefined)
		return R.invalidData(`Field '${bad}' is not patchable. See GET /products/PatchableFields.`);
	const sku = common.field(body, 'SKU');
	if (typeof sku === 'string' && ctx.data.products.some((p) => p !== product && p.SKU === sku))
		return R.invalidData(`A product with SKU '${sku}' already exists`);
	for (const [name, value] of Object.entries(body)) {
		const key = common.canonicalFieldName(PRODUCT_PATCHABLE_FIELDS, name);
		product[key] =
			common.isPlainObject(value) && common.isPlainObject(product[key])
				? Object.assign(product[key], common.clone(value))
				: common.clone(value);
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
	const match = common.idMatcher(common.pathId(digits));
	for (const entry of allImages(data)) if (match(entry.image.Id)) return entry;
	return null;
}

function removeImage(entry) {
	entry.product.Images.splice(entry.product.Images.indexOf(entry.image), 1);
}

/** Shared logic of updatestock / updatestockmultiple: one ApiResult envelope per update. */
function applyStockUpdate(ctx, body) {
	if (!common.isPlainObject(body)) return R.envelope(null, 11, 'Invalid stock update');
	const { data } = ctx;
	const product = productFromStockBody(data, body);
	if (!product) return R.envelope(null, 11, 'Article not found');
	const stockIdRaw = common.field(body, 'StockId');
	let stock;
	if (stockIdRaw !== undefined && stockIdRaw !== null && stockIdRaw !== 0) {
		stock = common.findBy(data.stocks, 'Id', String(stockIdRaw));
		if (!stock) return R.envelope(null, 11, `Stock ${stockIdRaw} not found`);
	} else {
		stock = data.stocks.find((s) => s.IsDefault) || data.stocks[0];
	}
	if (!Array.isArray(product.Stocks)) product.Stocks = [];
	let entry = product.Stocks.find((s) => common.idMatcher(String(stock.Id))(s.StockId));
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
	const old = common.toNumber(entry.StockCurrent) || 0;
	const newQuantity = common.toNumber(common.field(body, 'NewQuantity'));
	const delta = common.toNumber(common.field(body, 'DeltaQuantity'));
	let next;
	if (!Number.isNaN(newQuantity)) next = newQuantity;
	else if (!Number.isNaN(delta)) next = old + delta;
	else return R.envelope(null, 11, 'NewQuantity or DeltaQuantity is required');
	entry.StockCurrent = next;
	if (stock.IsDefault) {
		product.StockCurrent = next;
		product.LowStock = next < (common.toNumber(product.StockWarning) || 0);
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
	const body = common.requireObjectBody(ctx);
	const { data } = ctx;
	const product = productFromStockBody(data, body);
	if (!product) return R.invalidData('Article not found');
	const code = common.field(body, 'StockCode');
	const stockIdRaw = common.field(body, 'StockId');
	const stock = stockIdRaw
		? common.findBy(data.stocks, 'Id', String(stockIdRaw))
		: data.stocks.find((s) => s.IsDefault);
	if (!stock) return R.invalidData(`Stock ${stockIdRaw} not found`);
	const entry = (product.Stocks || []).find((s) => common.idMatcher(String(stock.Id))(s.StockId));
	if (entry) entry.StockCode = code ?? null;
	if (stock.IsDefault) product.StockCode = code ?? null;
	return R.ok({});
}

const handlers = {
	'product.getAll': listProducts,
	'product.create': createProduct,
	'product.getPatchableFields': () => R.ok(PRODUCT_PATCHABLE_FIELDS),
	'product.getCategories': common.staticOk((d) => d.categories),
	'product.getCustomFields': (ctx) => common.paginate(ctx.data.customFields, ctx.q),
	'product.getCustomField': (ctx) => {
		const def = common.findBy(ctx.data.customFields, 'Id', common.pathId(ctx.params.id));
		return def ? R.ok(def) : R.message(404, 'Custom field not found');
	},
	'product.deleteImages': (ctx) => {
		const ids = common.requireArrayBody(ctx);
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
		const product = common.findProductBy(ctx.data, id, lookupBy);
		if (!product) return R.invalidData('Article not found');
		return R.ok({ ReservedAmount: reservedAmount(ctx.data, product) });
	},
	'product.getStockMultiple': common.genericAnswer,
	'product.getStocks': common.staticOk((d) => d.stocks),
	'product.updateStock': (ctx) => R.json(200, applyStockUpdate(ctx, common.requireObjectBody(ctx))),
	'product.updateStockCode': updateStockCode,
	'product.updateStockMultiple': (ctx) => {
		const list = common.requireArrayBody(ctx);
		if (list.length > MAX_STOCK_BATCH)
			throw R.badRequest(
				`The request is invalid. At most ${MAX_STOCK_BATCH} stock updates per call.`,
			);
		return R.raw(list.map((item) => applyStockUpdate(ctx, item)));
	},
	'product.get': (ctx) => {
		const lookupBy = lookupByParam(ctx.q);
		const product = common.findProductBy(ctx.data, ctx.params.id, lookupBy);
		return product ? R.ok(product) : R.message(404, 'Product not found');
	},
	'product.patch': patchProduct,
	'product.delete': deleteProduct,
	'product.getImages': (ctx) => R.ok(productOr404(ctx, ctx.params.productId).Images || []),
	'product.putImages': (ctx) => {
		const product = productOr404(ctx, ctx.params.productId);
		const images = assignImageIds(ctx, product, common.requireArrayBody(ctx));
		product.Images = ctx.q.bool('replace', false) ? images : [...(product.Images || []), ...images];
		return R.ok(product.Images);
	},
	'product.getProductImage': (ctx) => {
		const product = productOr404(ctx, ctx.params.productId);
		const match = common.idMatcher(common.pathId(ctx.params.imageId));
		const image = (product.Images || []).find((i) => match(i.Id));
		return image ? R.ok(image) : R.message(404, 'Image not found');
	},
	'product.putImage': (ctx) => {
		const product = productOr404(ctx, ctx.params.productId);
		const body = common.requireObjectBody(ctx);
		const match = common.idMatcher(common.pathId(ctx.params.imageId));
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
		const match = common.idMatcher(common.pathId(ctx.params.imageId));
		const index = (product.Images || []).findIndex((i) => match(i.Id));
		if (index < 0) return R.message(404, 'Image not found');
		product.Images.splice(index, 1);
		return R.empty();
	},
};

module.exports = { handlers, PRODUCT_PATCHABLE_FIELDS, MAX_STOCK_BATCH };
