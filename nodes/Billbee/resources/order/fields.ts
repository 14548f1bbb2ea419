import { VAT_MODE_OPTIONS } from '../../helpers/vat';
import type { FieldSpec } from '../../spec/types';

/**
 * The order an operation works on: its Billbee ID, or its order number in the shop or
 * marketplace. `direct` says whether Billbee looks the order number up itself (no extra call).
 */
export function orderLocator(direct = false): FieldSpec {
	return {
		name: 'orderId',
		label: 'Order',
		type: 'locator',
		locator: 'order',
		description: direct
			? 'The order, by its Billbee ID or by its order number in the shop or marketplace'
			: 'The order, by its Billbee ID or by its order number in the shop or marketplace (looked up with one extra call)',
	};
}

/** Billbee's ArticleTitleSource enum: which text becomes the title of an order item. */
export const articleTitleSource: FieldSpec = {
	name: 'articleTitleSource',
	label: 'Item Title Source',
	type: 'options',
	default: 0,
	description: 'Which text Billbee returns as the title of each order item',
	options: [
		{
			name: 'Order Position',
			value: 0,
			description: 'The title as stored on the order item (default)',
		},
		{ name: 'Article Title', value: 1, description: 'The title of the linked Billbee article' },
		{
			name: 'Article Invoice Text',
			value: 2,
			description: 'The invoice text of the linked Billbee article',
		},
	],
};

/** The common fields of OrderAddressApiModel (billing or delivery address of an order). */
export const ORDER_ADDRESS_FIELDS: FieldSpec[] = [
	{ name: 'City', label: 'City', type: 'string' },
	{ name: 'Company', label: 'Company', type: 'string' },
	{
		name: 'Country',
		label: 'Country',
		type: 'string',
		description: 'Country name, e.g. Deutschland',
	},
	{
		name: 'CountryISO2',
		label: 'Country Code',
		type: 'string',
		placeholder: 'e.g. DE',
		description: 'Two-letter ISO country code',
	},
	{ name: 'Email', label: 'Email', type: 'string', placeholder: 'name@email.com' },
	{ name: 'FirstName', label: 'First Name', type: 'string' },
	{ name: 'HouseNumber', label: 'House Number', type: 'string' },
	{ name: 'LastName', label: 'Last Name', type: 'string' },
	{
		name: 'Line2',
		label: 'Address Line 2',
		type: 'string',
		description: 'Second address line, e.g. c/o or floor',
	},
	{
		name: 'NameAddition',
		label: 'Name Addition',
		type: 'string',
		description: 'Extra name line, e.g. department',
	},
	{ name: 'Phone', label: 'Phone', type: 'string' },
	{ name: 'State', label: 'State or Region', type: 'string' },
	{
		name: 'Street',
		label: 'Street',
		type: 'string',
		description: 'Street name, without the house number',
	},
	{ name: 'Zip', label: 'Postal Code', type: 'string' },
];

const ORDER_ADDRESSES = {
	InvoiceAddress: { label: 'Invoice Address', description: 'Billing address of the order' },
	ShippingAddress: { label: 'Shipping Address', description: 'Delivery address of the order' },
};

export function orderAddress(name: keyof typeof ORDER_ADDRESSES): FieldSpec {
	return { name, type: 'object', fields: ORDER_ADDRESS_FIELDS, ...ORDER_ADDRESSES[name] };
}

/** The buyer (OrderUser) without the read-only FullName. */
export const BUYER: FieldSpec = {
	name: 'Buyer',
	label: 'Buyer',
	type: 'object',
	description: 'The buyer as known to the shop or marketplace',
	fields: [
		{ name: 'Email', label: 'Email', type: 'string', placeholder: 'name@email.com' },
		{ name: 'FirstName', label: 'First Name', type: 'string' },
		{
			name: 'Id',
			label: 'Buyer ID',
			type: 'string',
			description: 'ID of the buyer in the shop or marketplace',
		},
		{ name: 'LastName', label: 'Last Name', type: 'string' },
		{
			name: 'Nick',
			label: 'Nickname',
			type: 'string',
			description: 'User name of the buyer on the marketplace',
		},
		{
			name: 'Platform',
			label: 'Platform',
			type: 'string',
			description: 'Where the buyer comes from, e.g. Shopify',
		},
	],
};

/** The order fields that Create sends and Update can change (each defined once). */
export const ORDER_FIELDS: FieldSpec[] = [
	{
		name: 'OrderNumber',
		label: 'Order Number',
		type: 'string',
		description: 'Order number shown to the buyer, e.g. from the shop',
	},
	{
		name: 'PaymentMethod',
		label: 'Payment Method Name or ID',
		type: 'integer',
		loadOptionsMethod: 'getPaymentTypes',
		default: '',
		description: 'How the buyer paid.',
	},
	{
		name: 'Currency',
		label: 'Currency',
		type: 'string',
		placeholder: 'e.g. EUR',
		description: 'Three-letter ISO 4217 currency code',
	},
	{
		name: 'ShippingCost',
		label: 'Shipping Cost',
		type: 'number',
		description: 'Gross shipping cost charged to the buyer',
	},
	{
		name: 'TotalCost',
		label: 'Total Cost',
		type: 'number',
		description: 'Gross total of the order',
	},
	{
		name: 'PaidAmount',
		label: 'Paid Amount',
		type: 'number',
		description: 'Amount the buyer has paid',
	},
	{
		name: 'PayedAt',
		parameter: 'paidAt',
		label: 'Paid At',
		type: 'dateTime',
		description: 'When the order was paid',
	},
	{
		name: 'ShippedAt',
		label: 'Shipped At',
		type: 'dateTime',
		description: 'When the order was shipped',
	},
	orderAddress('InvoiceAddress'),
	orderAddress('ShippingAddress'),
	BUYER,
	{
		name: 'SellerComment',
		label: 'Seller Comment',
		type: 'string',
		typeOptions: { rows: 3 },
		description: 'Internal note of the seller, not shown to the buyer',
	},
	{
		name: 'CustomInvoiceNote',
		label: 'Custom Invoice Note',
		type: 'string',
		typeOptions: { rows: 3 },
		description: 'Extra text printed on the invoice',
	},
	{
		name: 'VatMode',
		label: 'VAT Mode',
		type: 'options',
		default: 0,
		options: VAT_MODE_OPTIONS,
		description: 'How VAT is handled on the invoice',
	},
	{ name: 'VatId', label: 'Buyer VAT ID', type: 'string', description: 'VAT ID of the buyer' },
	{
		name: 'CustomerNumber',
		label: 'Customer Number',
		type: 'string',
		description: 'Customer number of the buyer (not the Billbee customer ID)',
	},
	{
		name: 'LanguageCode',
		label: 'Language Code',
		type: 'string',
		placeholder: 'e.g. de',
		description: 'Two-letter language code of the buyer',
	},
	{
		name: 'PaymentReference',
		label: 'Payment Reference',
		type: 'string',
		description: 'Reference of the payment, e.g. a PayPal transaction',
	},
];
