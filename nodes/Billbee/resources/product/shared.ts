import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, INodePropertyOptions } from 'n8n-workflow';

import type { FieldSpec } from '../../helpers/fields';
import { billbeeApiRequest } from '../../transport';

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

export const VAT_INDEX_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Normal Rate (VAT 1)',
		value: 1,
		description: 'The normal VAT rate of the product (Vat1Rate) applies',
	},
	{
		name: 'Reduced Rate (VAT 2)',
		value: 2,
		description: 'The reduced VAT rate of the product (Vat2Rate) applies',
	},
];

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

export interface ProductKey {
	mode: 'id' | 'sku' | 'ean';
	value: string;
}

/** Reads the product locator of the current item; names the field when it is empty or malformed. */
export function productKeyOf(ctx: IExecuteSingleFunctions): ProductKey {
	const raw = ctx.getNodeParameter(productLocator.name, undefined) as
		| { mode?: string; value?: unknown }
		| string
		| undefined;
	const { mode = 'id', value = '' } =
		typeof raw === 'object' && raw !== null ? raw : { value: raw };
	const text = String(value ?? '').trim();
	const fail = (problem: string) =>
		new NodeOperationError(
			ctx.getNode(),
			`${productLocator.label} (${productLocator.name})${problem}`,
			{
				itemIndex: ctx.getItemIndex(),
			},
		);
	if (!text) throw fail(' is required');
	if (mode !== 'id' && mode !== 'sku' && mode !== 'ean')
		throw fail(` has an unknown mode "${mode}"`);
	if (mode === 'id' && !/^\d+$/.test(text)) {
		throw fail(
			`: "${text}" is not a Billbee product ID (a number); choose SKU or EAN to find the product by another key`,
		);
	}
	return { mode, value: text };
}

/** The Billbee ID of a product given by SKU or EAN (one GET /products/{id}?lookupBy=… call). */
export async function productIdOf(ctx: IExecuteSingleFunctions, key: ProductKey): Promise<string> {
	if (key.mode === 'id') return key.value;
	const product = (await billbeeApiRequest.call(ctx, 'GET', '/products/{id}', {
		pathParams: { id: key.value },
		qs: { lookupBy: key.mode },
	})) as IDataObject | null;
	const id = product?.Id;
	if (id === undefined || id === null) {
		throw new NodeOperationError(
			ctx.getNode(),
			`No Billbee product found for ${key.mode.toUpperCase()} "${key.value}"`,
			{
				itemIndex: ctx.getItemIndex(),
			},
		);
	}
	return String(id);
}
