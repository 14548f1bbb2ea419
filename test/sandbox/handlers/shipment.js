'use strict';
/** Shipments: label creation, shipping providers, the shipment list. */

const crypto = require('node:crypto');
const R = require('../responses');
const { formatDate, nextId } = require('../data');

const common = require('./common');
const { shippingCarriers } = require('./enum');

function createShipment(ctx) {
	const body = common.requireObjectBody(ctx);
	const { data } = ctx;
	const providerName = common.field(body, 'ProviderName');
	if (typeof providerName !== 'string' || providerName === '')
		return R.invalidData('ProviderName is required');
	const provider = data.shippingProviders.find(
		(p) => p.name.toLowerCase() === providerName.toLowerCase(),
	);
	if (!provider) return R.invalidData(`Unknown shipping provider '${providerName}'`);
	const productCode = common.field(body, 'ProductCode');
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
		ShippingCarrier: common.toNumber(common.field(body, 'shippingCarrier')) || 0,
		ShipmentType: 0,
		OrderId: null,
	});
	return R.ok({
		ShippingId: shippingId,
		LabelData: common.pdfBase64([
			`Label ${provider.name}`,
			shippingId,
			String(common.field(body, 'ClientReference') ?? ''),
		]),
	});
}

function listShipments(ctx) {
	const { q, data } = ctx;
	const minKey = q.dateKey('createdAtMin');
	const maxKey = q.dateKey('createdAtMax');
	const orderId = q.id('orderId');
	const minId = q.id('minimumShipmentId');
	const providerId = q.id('shippingProviderId');
	const orderMatch = orderId === undefined ? null : common.idMatcher(orderId);
	const providerMatch = providerId === undefined ? null : common.idMatcher(providerId);
	const out = data.shipments.filter((s) => {
		const created = common.canonicalDate(s.Created);
		if (minKey !== null && created < minKey) return false;
		if (maxKey !== null && created > maxKey) return false;
		if (orderMatch && !orderMatch(s.OrderId)) return false;
		if (minId !== undefined && common.toBig(s.BillbeeId) < BigInt(minId)) return false;
		if (providerMatch && !providerMatch(s.ShippingProviderId)) return false;
		return true;
	});
	return common.paginate(out, q);
}

function shipWithLabel(ctx) {
	const body = common.requireObjectBody(ctx);
	const { data } = ctx;
	const orderId = common.field(body, 'OrderId');
	const order =
		orderId === undefined || orderId === null
			? undefined
			: common.findBy(data.orders, 'BillBeeOrderId', String(orderId));
	if (!order) return R.orderNotFound();
	const providerId = common.field(body, 'ProviderId');
	const provider =
		providerId === undefined || providerId === null
			? undefined
			: common.findBy(data.shippingProviders, 'id', String(providerId));
	if (!provider) return R.invalidData(`Shipping provider ${providerId} not found`);
	const productId = common.field(body, 'ProductId');
	const product =
		productId === undefined || productId === null
			? provider.products[0]
			: provider.products.find((p) => common.idMatcher(String(productId))(p.id));
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
	if (common.field(body, 'ChangeStateToSend')) {
		order.State = 4;
		order.ShippedAt = order.ShippedAt || formatDate(now);
	}
	common.touch(order, now);
	common.addEvent(ctx, order, 2, `${provider.name} ${shippingId}`);
	const shipDate = common.field(body, 'ShipDate');
	return R.ok({
		OrderId: order.BillBeeOrderId,
		OrderReference: order.OrderNumber,
		ShippingId: shippingId,
		TrackingUrl: trackingUrl,
		LabelDataPdf: common.pdfBase64([
			`Versandlabel ${provider.name} - ${product.displayName}`,
			shippingId,
			`Bestellung ${order.OrderNumber}`,
		]),
		ExportDocsPdf: null,
		Carrier: provider.name,
		ShippingDate: shipDate ? common.normaliseDateField(shipDate) : formatDate(now),
	});
}

const handlers = {
	'shipment.ping': () => R.raw({ Result: 'Pong' }),
	'shipment.createShipment': createShipment,
	'shipment.createShipmentMultiple': common.genericAnswer,
	'shipment.getAll': listShipments,
	'shipment.getShippingCarriers': shippingCarriers,
	'shipment.getShippingProviders': (ctx) => R.raw(ctx.data.shippingProviders),
	'shipment.shipWithLabel': shipWithLabel,
	'shipment.shipWithLabelMultiple': common.genericAnswer,
};

module.exports = { handlers };
