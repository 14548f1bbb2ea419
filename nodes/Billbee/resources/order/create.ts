import { VAT_INDEX_OPTIONS } from '../../helpers/vat';
import { withPrimary } from '../../spec/types';
import type { FieldSpec, OperationSpec } from '../../spec/types';
import { ORDER_FIELDS } from './fields';

/** One order line (OrderItem); the sold product's fields sit under `Product`. */
export const ORDER_ITEM_FIELDS: FieldSpec[] = [
	{
		name: 'sku',
		label: 'SKU',
		type: 'string',
		bodyPath: 'Product.SKU',
		description: 'SKU of the product; Billbee links the item to the article with this SKU',
	},
	{
		name: 'title',
		label: 'Title',
		type: 'string',
		bodyPath: 'Product.Title',
		description: 'Product title as sold',
	},
	{
		name: 'ean',
		label: 'EAN',
		type: 'string',
		bodyPath: 'Product.EAN',
		description: 'EAN or GTIN of the product',
	},
	{
		name: 'shopProductId',
		label: 'Product ID in Shop',
		type: 'string',
		bodyPath: 'Product.Id',
		description: 'ID of the product in the shop or marketplace',
	},
	{
		name: 'billbeeProductId',
		label: 'Billbee Product ID',
		type: 'int64',
		bodyPath: 'Product.BillbeeId',
		description: 'ID of the Billbee article, to link the item without SKU',
	},
	{
		name: 'Quantity',
		label: 'Quantity',
		type: 'number',
		default: 1,
		description: 'Number of units',
	},
	{
		name: 'TotalPrice',
		label: 'Total Price',
		type: 'number',
		default: 0,
		description: 'Gross line total: unit price × quantity',
	},
	{
		name: 'TaxIndex',
		label: 'Tax Rate',
		type: 'options',
		default: 1,
		description: "Which of the order's VAT rates applies to this item",
		options: VAT_INDEX_OPTIONS,
	},
	{
		name: 'Discount',
		label: 'Discount (%)',
		type: 'number',
		default: 0,
		description: 'Discount on this item in percent',
	},
	{
		name: 'IsCoupon',
		label: 'Is Coupon',
		type: 'boolean',
		description: 'Whether this line is a coupon (a tax-free payment)',
	},
	{
		name: 'TransactionId',
		label: 'Transaction ID',
		type: 'string',
		description: 'Transaction ID of the marketplace, e.g. for eBay',
	},
];

const orderFields: FieldSpec[] = [
	{
		name: 'CreatedAt',
		label: 'Order Date',
		type: 'dateTime',
		required: true,
		description: 'When the order was placed',
	},
	{
		name: 'Id',
		label: 'External Order ID',
		type: 'string',
		description: 'ID of the order in the shop or marketplace',
	},
	{
		name: 'ApiAccountId',
		label: 'Shop Name or ID',
		type: 'int64',
		loadOptionsMethod: 'getShopAccounts',
		default: '',
		description: 'The shop connection the order belongs to.',
	},
	{
		name: 'State',
		label: 'State Name or ID',
		type: 'integer',
		loadOptionsMethod: 'getOrderStates',
		default: '',
		description: 'State of the new order.',
	},
	{
		name: 'ConfirmedAt',
		label: 'Confirmed At',
		type: 'dateTime',
		description: 'When the order was confirmed',
	},
	{
		name: 'OrderItems',
		label: 'Order Items',
		type: 'objectList',
		fields: ORDER_ITEM_FIELDS,
		description:
			'The lines of the order; item fields not listed here can be set with Additional Fields (JSON)',
	},
	{
		name: 'Tags',
		label: 'Tags',
		type: 'stringList',
		description: 'Tags for the order, comma-separated',
	},
	...ORDER_FIELDS,
];

export const createOrder: OperationSpec = {
	value: 'create',
	name: 'Create',
	action: 'Create an order',
	description:
		'Create an order in Billbee, e.g. from another sales channel: needs the order date; shop, order number, state, buyer, addresses, items, payment method and currency are at the top of the form. Returns the new order with its Billbee ID.',
	method: 'POST',
	path: '/orders',
	query: [
		{
			name: 'shopId',
			label: 'Shop ID (Deprecated)',
			type: 'int64',
			description: 'Older way to choose the shop; ignored when Shop is set in the fields above',
		},
	],
	body: {
		model: 'Order',
		fields: withPrimary(orderFields, [
			'ApiAccountId',
			'OrderNumber',
			'State',
			'Buyer',
			'InvoiceAddress',
			'ShippingAddress',
			'OrderItems',
			'PaymentMethod',
			'Currency',
		]),
	},
};
