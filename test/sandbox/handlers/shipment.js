'use strict';
/** Shipments: label creation, shipping providers, the shipment list. */

const crypto = require('node:crypto');
const R = require('../responses');
const { formatDate, nextId } = require('../data');

const {
	canonicalDate,
	normaliseDateField,
	field,
	toNumber,
	toBig,
	idMatcher,
	requireObjectBody,
	paginate,
	findBy,
	touch,
	addEvent,
	pdfBase64,
	genericAnswer,
} = require('./common');
const { shippingCarriers } = require('./enum');

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

const handlers = {
	'shipment.ping': () => R.raw({ Result: 'Pong' }),
	'shipment.createShipment': createShipment,
	'shipment.createShipmentMultiple': genericAnswer,
	'shipment.getAll': listShipments,
	'shipment.getShippingCarriers': shippingCarriers,
	'shipment.getShippingProviders': (ctx) => R.raw(ctx.data.shippingProviders),
	'shipment.shipWithLabel': shipWithLabel,
	'shipment.shipWithLabelMultiple': genericAnswer,
};

module.exports = { handlers };
