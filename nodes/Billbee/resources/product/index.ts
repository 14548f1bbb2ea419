import type { ResourceSpec } from '../../spec/types';
import { createProduct, patchProduct } from './article';
import { imageOperations } from './images';
import { getReservedAmount } from './reservedAmount';
import { productLocator, STOCK_UPDATE_FIELDS, stockIdField } from './shared';
import { updateStockMultiple } from './updateStockMultiple';

export const productResource: ResourceSpec = {
	value: 'product',
	name: 'Product',
	operations: [
		{
			value: 'get',
			name: 'Get',
			action: 'Get a product',
			description:
				'Get one product by Billbee ID, SKU or EAN, with titles, prices, stock per location, categories and images',
			method: 'GET',
			path: '/products/{id}',
			pathParams: {
				// Billbee looks up SKU and EAN itself: one call, the key in the path.
				id: {
					...productLocator,
					byMode: { sku: { query: { lookupBy: 'sku' } }, ean: { query: { lookupBy: 'ean' } } },
				},
			},
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many products',
			description:
				'List the products of the account, optionally only those created since a date or within a range of Billbee IDs; returns one item per product',
			method: 'GET',
			path: '/products',
			query: [
				{
					name: 'minCreatedAt',
					label: 'Created Since',
					type: 'dateTime',
					description: 'Only products created at or after this date and time',
				},
				{
					name: 'minimumBillBeeArticleId',
					label: 'Minimum Billbee ID',
					type: 'int64',
					description: 'Only products whose Billbee ID is at least this value',
				},
				{
					name: 'maximumBillBeeArticleId',
					label: 'Maximum Billbee ID',
					type: 'int64',
					description: 'Only products whose Billbee ID is at most this value',
				},
			],
			paged: {},
		},
		createProduct,
		patchProduct,
		{
			value: 'delete',
			name: 'Delete',
			action: 'Delete a product',
			description: 'Delete a product found by Billbee ID, SKU or EAN',
			method: 'DELETE',
			path: '/products/{id}',
			pathParams: { id: productLocator },
			destructive: true,
		},
		{
			value: 'getPatchableFields',
			name: 'Get Patchable Fields',
			action: 'Get the fields a product update can change',
			description: 'List the names of the product fields that the Update operation accepts',
			method: 'GET',
			path: '/products/PatchableFields',
		},
		getReservedAmount,
		{
			value: 'updateStock',
			name: 'Update Stock',
			action: 'Update the stock of a product',
			description:
				'Set the absolute stock quantity of one product, found by SKU (or Billbee ID), in the default or a chosen stock location; returns the old and the new stock',
			method: 'POST',
			path: '/products/updatestock',
			body: { fields: STOCK_UPDATE_FIELDS },
		},
		updateStockMultiple,
		{
			value: 'getStockMultiple',
			name: 'Get Stock for Many Products',
			action: 'Get stock for many products',
			description:
				'Read the stock quantities of several products in one call (only reads, allowed in read-only mode)',
			method: 'POST',
			path: '/products/stockmultiple',
			readsOnly: true,
			body: {
				mode: 'json',
				jsonHint:
					'The request body as JSON. Billbee does not document the body of this endpoint; the example assumes a list of SKUs. For the stock of one product, Get returns it documented (Stocks).',
				jsonDefault: '["SKU-1001", "SKU-1002"]',
			},
		},
		{
			value: 'updateStockCode',
			name: 'Update Stock Code',
			action: 'Update the stock code of a product',
			description:
				'Set the stock code (storage place, bin) of one product, found by SKU (or Billbee ID), in the default or a chosen stock location',
			method: 'POST',
			path: '/products/updatestockcode',
			body: {
				fields: [
					{
						name: 'Sku',
						label: 'SKU',
						type: 'string',
						required: true,
						description: 'SKU of the product',
					},
					{
						name: 'StockCode',
						label: 'Stock Code',
						type: 'string',
						required: true,
						description: 'The new stock code (storage place)',
					},
					stockIdField,
					{
						name: 'BillbeeId',
						label: 'Billbee ID',
						type: 'int64',
						description:
							'Billbee ID of the product; when given, Billbee finds the product by it instead of the SKU',
					},
				],
			},
		},
		{
			value: 'getStocks',
			name: 'Get Stock Locations',
			action: 'Get the stock locations',
			description:
				'List the stock locations (warehouses) of the account, each with ID, name and whether it is the default',
			method: 'GET',
			path: '/products/stocks',
		},
		{
			value: 'getCategories',
			name: 'Get Categories',
			action: 'Get the product categories',
			description: 'List the product categories defined in Billbee, each with ID and name',
			method: 'GET',
			path: '/products/category',
		},
		{
			value: 'getCustomFields',
			name: 'Get Custom Fields',
			action: 'Get many product custom fields',
			description:
				'List the custom field definitions for products, each with ID, name, type and configuration',
			method: 'GET',
			path: '/products/custom-fields',
			paged: {},
		},
		{
			value: 'getCustomField',
			name: 'Get Custom Field',
			action: 'Get a product custom field',
			description:
				'Get one custom field definition for products by its ID, with name, type and configuration',
			method: 'GET',
			path: '/products/custom-fields/{id}',
			pathParams: {
				id: {
					name: 'customFieldId',
					label: 'Custom Field Name or ID',
					type: 'int64',
					loadOptionsMethod: 'getCustomFieldDefinitions',
					description: 'The custom field definition.',
				},
			},
		},
		...imageOperations,
	],
};
