import type { INodePropertyOptions } from 'n8n-workflow';

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

/** Billbee's VatMode enum (vatMode in the catalog). */
export const VAT_MODE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Normal, VAT Shown', value: 0, description: 'DisplayVat: regular invoice with VAT' },
	{
		name: 'Small Business, No VAT',
		value: 1,
		description: 'NoVatKleinunternehmer: small business exemption',
	},
	{
		name: 'EU Intra-Community Delivery, No VAT',
		value: 2,
		description: 'NoVatInnergemeinschaftlicheLieferung',
	},
	{ name: 'Export to Third Country, No VAT', value: 3, description: 'NoVatAusfuhrDrittland' },
	{ name: 'Margin Scheme', value: 4, description: 'NoVatDifferenzbesteuerung' },
];

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

export function orderAddress(name: 'InvoiceAddress' | 'ShippingAddress'): FieldSpec {
	return name === 'InvoiceAddress'
		? {
				name,
				label: 'Invoice Address',
				type: 'object',
				fields: ORDER_ADDRESS_FIELDS,
				description: 'Billing address of the order',
			}
		: {
				name,
				label: 'Shipping Address',
				type: 'object',
				fields: ORDER_ADDRESS_FIELDS,
				description: 'Delivery address of the order',
			};
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

export const ORDER_STATE_HINT = 'e.g. 3 = paid, 4 = shipped, 7 = closed, 8 = canceled';
