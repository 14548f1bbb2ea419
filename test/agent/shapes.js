'use strict';
// The documented fields of a compact (Simplify) order, in order (README "Use with AI agents and MCP").
const COMPACT_ORDER_KEYS = [
	'id',
	'orderNumber',
	'state',
	'stateId',
	'shop',
	'shopId',
	'orderedAt',
	'paidAt',
	'shippedAt',
	'total',
	'currency',
	'buyer',
	'items',
];

module.exports = { COMPACT_ORDER_KEYS };
