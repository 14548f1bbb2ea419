import type { INodePropertyOptions } from 'n8n-workflow';

import type { FieldSpec } from '../../spec/types';

/** The product an operation works on: Billbee ID, SKU or EAN (resource locator). */
export const productLocator: FieldSpec = {
	name: 'productId',
	label: 'Product',
	type: 'locator',
	locator: 'product',
	description: 'The product, given by its Billbee ID, its SKU or its EAN',
};

export const imageIdField: FieldSpec = {
	name: 'imageId',
	label: 'Image ID',
	type: 'int64',
	description: 'Billbee ID of the image',
};

/** Stock location dropdown; without it Billbee uses the default stock. */
export const stockIdField: FieldSpec = {
	name: 'StockId',
	label: 'Stock Name or ID',
	type: 'int64',
	loadOptionsMethod: 'getStocks',
	description:
		'Stock location, for accounts with several stocks. Without it Billbee uses the default stock.',
};

/** One absolute stock update (UpdateStockApiModel), alone or as one of many. */
export const STOCK_UPDATE_FIELDS: FieldSpec[] = [
	{
		name: 'Sku',
		label: 'SKU',
		type: 'string',
		required: true,
		description: 'SKU of the product whose stock is set',
	},
	{
		name: 'NewQuantity',
		label: 'New Quantity',
		type: 'number',
		required: true,
		description: 'The new absolute stock quantity (not a difference)',
	},
	stockIdField,
	{
		name: 'Reason',
		label: 'Reason',
		type: 'string',
		description: 'Reason shown in the stock history',
	},
	{
		name: 'BillbeeId',
		label: 'Billbee ID',
		type: 'int64',
		description:
			'Billbee ID of the product; when given, Billbee finds the product by it instead of the SKU',
	},
	{
		name: 'ForceSendStockToShops',
		label: 'Force Send Stock To Shops',
		type: 'boolean',
		description: 'Whether to push the stock to the shops even if it did not change',
	},
	{
		name: 'AutosubtractReservedAmount',
		label: 'Subtract Reserved Amount',
		type: 'boolean',
		description:
			'Whether to subtract the reserved (ordered but not yet shipped) amount from the new quantity',
	},
];

/** A text per language (Billbee's MultiLanguageString list), e.g. titles and descriptions. */
export function multiLanguageField(
	name: string,
	label: string,
	what: string,
	required = false,
): FieldSpec {
	return {
		name,
		label,
		type: 'objectList',
		required,
		description: `${what}, one entry per language`,
		fields: [
			{
				name: 'Text',
				label: 'Text',
				type: 'string',
				description: `The ${what.toLowerCase()} in this language`,
			},
			{
				name: 'LanguageCode',
				label: 'Language Code',
				type: 'string',
				default: 'DE',
				placeholder: 'e.g. DE',
				description: 'Two-letter language code (ISO 639-1), e.g. DE or EN',
			},
		],
	};
}

export const PRODUCT_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Article', value: 1, description: 'A single product' },
	{
		name: 'Bundle (Bill of Materials)',
		value: 2,
		description: 'A set made of other products (Bill of Materials)',
	},
];

export const PRODUCT_UNIT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Piece', value: 1 },
	{ name: 'Kilogram', value: 2 },
	{ name: 'Meter', value: 3 },
	{ name: '100 Grams', value: 4 },
	{ name: 'Liter', value: 5 },
	{ name: 'Milliliter', value: 6 },
	{ name: 'Square Meter', value: 7 },
	{ name: 'Cubic Meter', value: 8 },
	{ name: 'Yard', value: 9 },
	{ name: 'Fat Quarter', value: 10 },
	{ name: 'Ounce', value: 11 },
	{ name: 'Pound (Lbs)', value: 12 },
	{ name: 'Fluid Ounce', value: 13 },
	{ name: 'Gallon', value: 14 },
	{ name: 'Pair', value: 15 },
	{ name: 'Gram', value: 16 },
];

export const PRODUCT_CONDITION_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Brand New', value: 1 },
	{ name: 'Used: Like New', value: 2 },
	{ name: 'Used: Very Good', value: 3 },
	{ name: 'Used: Good', value: 4 },
	{ name: 'Used: Acceptable', value: 5 },
	{ name: 'Used: Bad', value: 6 },
	{ name: 'Broken', value: 7 },
];

export const DELIVERY_TIME_OPTIONS: INodePropertyOptions[] = [
	{ name: '1–2 Days', value: 1 },
	{ name: '3–5 Days', value: 2 },
	{ name: '6–9 Days', value: 3 },
	{ name: '10–14 Days', value: 4 },
	{ name: '15–21 Days', value: 5 },
	{ name: '4 Weeks', value: 6 },
	{ name: '5 Weeks', value: 7 },
	{ name: '6 Weeks', value: 8 },
	{ name: '7 Weeks', value: 9 },
	{ name: '8 Weeks', value: 10 },
	{ name: '9 Weeks', value: 11 },
	{ name: '10 Weeks', value: 12 },
];
