'use strict';
/** Enums (bare arrays). */

const R = require('../responses');

const { stripParenthesis } = require('./common');

const { ENUMS } = R;

function enumList(values, nameOf = (v) => v.name) {
	return values.map((v) => ({ Id: v.value, Name: nameOf(v) }));
}

/** Carrier list of GET /enums/shippingcarriers and GET /shipment/shippingcarriers. */
const shippingCarriers = () =>
	R.raw(enumList(ENUMS.shippingCarrier.values, (v) => stripParenthesis(v.name)));

const handlers = {
	'enum.getAccountSyncStates': (ctx) => R.raw(ctx.data.enums.accountSyncState),
	'enum.getOrderStates': () => R.raw(enumList(ENUMS.orderState.values, (v) => v.sdkName || v.name)),
	'enum.getPaymentTypes': () => R.raw(enumList(ENUMS.paymentType.values)),
	'enum.getShipmentTypes': () =>
		R.raw(enumList(ENUMS.shipmentType.values, (v) => stripParenthesis(v.name))),
	'enum.getShippingCarriers': shippingCarriers,
	'enum.getShopAccountTypes': (ctx) => R.raw(ctx.data.enums.shopAccountType),
};

module.exports = { handlers, shippingCarriers };
