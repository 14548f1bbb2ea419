import { VAT_INDEX_OPTIONS } from '../../helpers/vat';
import { withPrimary } from '../../spec/types';
import type { FieldSpec, OperationSpec } from '../../spec/types';
import {
	DELIVERY_TIME_OPTIONS,
	multiLanguageField,
	PRODUCT_CONDITION_OPTIONS,
	PRODUCT_TYPE_OPTIONS,
	PRODUCT_UNIT_OPTIONS,
	productLocator,
} from './shared';

/*
 * The typed fields of ArticleApiModel. Read-only or computed fields (Id, LowStock, the Sold*
 * statistics) are left out; Images, Sources, Stocks, CustomFields, Tags, Materials and the other
 * rarely used fields stay reachable through "Additional Fields (JSON)".
 */

function category(n: 1 | 2 | 3): FieldSpec {
	return {
		name: `Category${n}`,
		label: `Category ${n} Name or ID`,
		type: 'int64',
		loadOptionsMethod: 'getCategories',
		bodyPath: `Category${n}.Id`,
		description: `Product category ${n} of 3.`,
	};
}

const title = (required: boolean) =>
	multiLanguageField('Title', 'Title', 'Product title', required);

const price: FieldSpec = {
	name: 'Price',
	label: 'Price',
	type: 'number',
	description: 'Gross selling price',
};
const vatIndex: FieldSpec = {
	name: 'VatIndex',
	label: 'VAT Rate Type',
	type: 'options',
	options: VAT_INDEX_OPTIONS,
	default: 1,
	description: 'Which of the two VAT rates of the product applies to it',
};
const vat1Rate: FieldSpec = {
	name: 'Vat1Rate',
	label: 'Normal VAT Rate (%)',
	type: 'number',
	default: 19,
	description: 'Normal VAT rate in percent, e.g. 19 in Germany',
};
const vat2Rate: FieldSpec = {
	name: 'Vat2Rate',
	label: 'Reduced VAT Rate (%)',
	type: 'number',
	default: 7,
	description: 'Reduced VAT rate in percent, e.g. 7 in Germany',
};
const productType: FieldSpec = {
	name: 'Type',
	label: 'Product Type',
	type: 'options',
	options: PRODUCT_TYPE_OPTIONS,
	default: 1,
	description: 'A single article, or a bundle made of other products',
};

/** Fields both create and patch offer as optional typed fields. */
const commonOptional: FieldSpec[] = [
	{
		name: 'SKU',
		label: 'SKU',
		type: 'string',
		description: "Stock keeping unit: the merchant's own article number",
	},
	{ name: 'EAN', label: 'EAN', type: 'string', description: 'EAN / GTIN barcode number' },
	{
		name: 'Manufacturer',
		label: 'Manufacturer',
		type: 'string',
		description: 'Name of the manufacturer',
	},
	{ name: 'CostPrice', label: 'Cost Price', type: 'number', description: 'Purchase price (net)' },
	{
		name: 'StockDesired',
		label: 'Desired Stock',
		type: 'number',
		description: 'Target stock quantity',
	},
	{
		name: 'StockWarning',
		label: 'Stock Warning Level',
		type: 'number',
		description: 'Stock quantity below which Billbee warns about low stock',
	},
	{
		name: 'StockCode',
		label: 'Stock Code',
		type: 'string',
		description: 'Storage place (bin) in the default stock',
	},
	{
		name: 'Weight',
		label: 'Gross Weight in Grams',
		type: 'integer',
		description: 'Weight including packaging, in grams',
	},
	{
		name: 'WeightNet',
		label: 'Net Weight in Grams',
		type: 'integer',
		description: 'Weight without packaging, in grams',
	},
	{
		name: 'WidthCm',
		label: 'Width in Centimeters',
		type: 'number',
		description: 'Width of the product, in centimeters',
	},
	{
		name: 'LengthCm',
		label: 'Length in Centimeters',
		type: 'number',
		description: 'Length of the product, in centimeters',
	},
	{
		name: 'HeightCm',
		label: 'Height in Centimeters',
		type: 'number',
		description: 'Height of the product, in centimeters',
	},
	category(1),
	category(2),
	category(3),
	{
		name: 'Unit',
		label: 'Unit',
		type: 'options',
		options: PRODUCT_UNIT_OPTIONS,
		default: 1,
		description: 'Unit the product is sold in',
	},
	{
		name: 'UnitsPerItem',
		label: 'Units per Item',
		type: 'number',
		description: 'How many units one item contains, e.g. 0.5 (kg)',
	},
	{
		name: 'Condition',
		label: 'Condition',
		type: 'options',
		options: PRODUCT_CONDITION_OPTIONS,
		default: 1,
		description: 'Condition of the product',
	},
	{
		name: 'DeliveryTime',
		label: 'Delivery Time',
		type: 'options',
		options: DELIVERY_TIME_OPTIONS,
		default: 1,
		description: 'Delivery time shown to buyers',
	},
	{
		name: 'IsDigital',
		label: 'Is Digital',
		type: 'boolean',
		description: 'Whether the product is a digital good (nothing is shipped)',
	},
	{
		name: 'IsCustomizable',
		label: 'Is Customizable',
		type: 'boolean',
		description: 'Whether buyers can customize the product',
	},
	{
		name: 'IsDeactivated',
		label: 'Is Deactivated',
		type: 'boolean',
		description: 'Whether the product is deactivated in Billbee',
	},
	multiLanguageField('ShortDescription', 'Short Description', 'Short description'),
	multiLanguageField('Description', 'Description', 'Description (HTML allowed)'),
	multiLanguageField('InvoiceText', 'Invoice Text', 'Text on invoices'),
	{
		name: 'CountryOfOrigin',
		label: 'Country of Origin',
		type: 'string',
		placeholder: 'e.g. DE',
		description: 'Country of origin (two-letter ISO code), for customs',
	},
	{
		name: 'TaricNumber',
		label: 'TARIC Number',
		type: 'string',
		description: 'Customs tariff number (TARIC / HS code)',
	},
	{
		name: 'ExportDescription',
		label: 'Export Description',
		type: 'string',
		description: 'Description of the goods for customs declarations',
	},
	{
		name: 'BillOfMaterial',
		label: 'Bill of Materials',
		type: 'objectList',
		description: 'Components of a bundle (product type Bundle)',
		fields: [
			{ name: 'SKU', label: 'SKU', type: 'string', description: 'SKU of the component product' },
			{
				name: 'ArticleId',
				label: 'Product ID',
				type: 'int64',
				description: 'Billbee ID of the component product, instead of its SKU',
			},
			{
				name: 'Amount',
				label: 'Amount',
				type: 'number',
				default: 1,
				description: 'How many of the component the bundle contains',
			},
		],
	},
];

export const createProduct: OperationSpec = {
	value: 'create',
	name: 'Create',
	action: 'Create a product',
	description:
		'Create a product (article) with title, price and VAT, optionally SKU, EAN, stock, weight and categories; returns the new product with its Billbee ID',
	method: 'POST',
	path: '/products',
	body: {
		model: 'ArticleApiModel',
		fields: withPrimary(
			[
				title(true),
				{ ...price, required: true },
				{ ...vatIndex, required: true },
				{ ...vat1Rate, required: true },
				{ ...vat2Rate, required: true },
				{ ...productType, required: true },
				{
					name: 'StockCurrent',
					label: 'Initial Stock',
					type: 'number',
					description: 'Stock quantity in the default stock to start with',
				},
				...commonOptional,
			],
			['SKU', 'EAN', 'Category1'],
		),
	},
};

export const patchProduct: OperationSpec = {
	value: 'patch',
	name: 'Update',
	action: 'Update a product',
	description:
		'Change selected fields of a product found by Billbee ID, SKU or EAN; fields left out stay as they are. Returns the updated product.',
	method: 'PATCH',
	path: '/products/{id}',
	pathParams: { id: productLocator },
	body: {
		// Only fields Billbee lists in Get Patchable Fields (StockCurrent is not one: use Update Stock).
		model: 'ArticleApiModel',
		fields: withPrimary(
			[title(false), price, vatIndex, vat1Rate, vat2Rate, productType, ...commonOptional],
			['Title', 'SKU', 'EAN'],
		),
	},
};
