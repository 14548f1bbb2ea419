import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	PreSendAction,
} from 'n8n-workflow';

import { convertValue } from '../../spec/values';
import type { FieldSpec, ResourceSpec } from '../../spec/types';
import { changeState } from './changeState';
import { createOrder } from './create';
import { createDeliveryNote, createInvoice } from './documents';
import { articleTitleSource, orderLocator } from './fields';
import { sendMessage, setTags } from './messages';
import { patchOrder } from './patch';

const shopFilter = (what: string): FieldSpec => ({
	name: 'shopId',
	label: 'Shop Names or IDs',
	type: 'multiOptions',
	loadOptionsMethod: 'getShopAccounts',
	description: `Only ${what} of these shop connections.`,
});

const stateFilter = (what: string): FieldSpec => ({
	name: 'orderStateId',
	label: 'Order State Names or IDs',
	type: 'multiOptions',
	loadOptionsMethod: 'getOrderStates',
	description: `Only ${what} in one of these states.`,
});

/**
 * The shop and state dropdowns are multi-selects, but an expression (or an AI agent) may give
 * "1,2" or numbers: send every ID as its own exact query value, as int64List does.
 */
function idListFilters(fields: FieldSpec[]): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const qs = (options.qs ?? {}) as IDataObject;
		for (const field of fields) {
			if (qs[field.name] === undefined) continue;
			const ids = convertValue(this, { ...field, type: 'int64List' }, qs[field.name], 'query');
			if (ids === undefined) delete qs[field.name];
			else qs[field.name] = ids as string[];
		}
		options.qs = qs;
		return options;
	};
}

const tagFilters = (what: string): FieldSpec[] => [
	{
		name: 'tag',
		label: 'Tags',
		type: 'stringList',
		description: `Only ${what} that carry all of these tags`,
	},
	{
		name: 'excludeTags',
		label: 'Exclude Tags',
		type: 'boolean',
		description: `Whether to return only ${what} that carry none of the tags instead`,
	},
];

const ordersShop = shopFilter('orders');
const ordersState = stateFilter('orders');
const invoicesShop = shopFilter('invoices');
const invoicesState = stateFilter('invoices of orders');

const tags: FieldSpec = {
	name: 'Tags',
	label: 'Tags',
	type: 'stringList',
	required: true,
	placeholder: 'e.g. vip, gift',
	description: 'Tags to add; existing tags stay, duplicates are ignored (case-insensitive)',
};

export const orderResource: ResourceSpec = {
	value: 'order',
	name: 'Order',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many orders',
			description:
				'List orders, filtered by order or change date, shop, state and tags. Use Return All or a Limit; each order comes as one item.',
			method: 'GET',
			path: '/orders',
			query: [
				{
					name: 'minOrderDate',
					label: 'Ordered After',
					type: 'dateTime',
					description: 'Only orders placed at or after this date',
				},
				{
					name: 'maxOrderDate',
					label: 'Ordered Before',
					type: 'dateTime',
					description: 'Only orders placed at or before this date',
				},
				{
					name: 'modifiedAtMin',
					label: 'Changed After',
					type: 'dateTime',
					description: 'Only orders last changed after this date',
				},
				{
					name: 'modifiedAtMax',
					label: 'Changed Before',
					type: 'dateTime',
					description: 'Only orders last changed at or before this date',
				},
				ordersShop,
				ordersState,
				...tagFilters('orders'),
				{
					name: 'minimumBillBeeOrderId',
					label: 'Minimum Billbee Order ID',
					type: 'int64',
					description: 'Only orders whose Billbee ID is at least this value',
				},
				articleTitleSource,
			],
			paged: { freezeUntil: ['maxOrderDate', 'modifiedAtMax'] },
			preSend: [idListFilters([ordersShop, ordersState])],
		},
		createOrder,
		createDeliveryNote,
		createInvoice,
		{
			value: 'getPatchableFields',
			name: 'Get Patchable Fields',
			action: 'Get the fields an order update can change',
			description:
				'List the names of the order fields that Update (PATCH) accepts; returns one item with the list',
			method: 'GET',
			path: '/orders/PatchableFields',
		},
		{
			value: 'createMultiple',
			name: 'Create Many',
			action: 'Create many orders',
			description:
				'Create several orders in one call; the body is a JSON list of orders like in Create. Billbee has not documented this endpoint, so check the result.',
			method: 'POST',
			path: '/orders/createmultiple',
			body: {
				mode: 'json',
				jsonHint:
					'A JSON list of orders, each with the fields of Create (CreatedAt required, OrderItems, InvoiceAddress, ...). Billbee has not published the exact format of this endpoint.',
				jsonDefault: JSON.stringify(
					[
						{
							CreatedAt: '2025-05-31T14:00:00',
							OrderNumber: 'WEB-10001',
							Currency: 'EUR',
							ShippingCost: 4.9,
							InvoiceAddress: {
								FirstName: 'Erika',
								LastName: 'Mustermann',
								Street: 'Hauptstraße',
								HouseNumber: '5',
								Zip: '10115',
								City: 'Berlin',
								CountryISO2: 'DE',
							},
							OrderItems: [
								{
									Product: { SKU: 'SKU-1001', Title: 'T-Shirt red L' },
									Quantity: 2,
									TotalPrice: 39.8,
									TaxIndex: 1,
								},
							],
						},
					],
					null,
					2,
				),
			},
		},
		{
			value: 'findByPartner',
			name: 'Find by Partner',
			action: 'Find an order by partner and external ID',
			description:
				'Deprecated: find one order by its ID in the shop or marketplace and the partner (shop type) it came from. Prefer Get with an order number.',
			method: 'GET',
			path: '/orders/find/{id}/{partner}',
			pathParams: {
				id: {
					name: 'externalId',
					label: 'External Order ID',
					type: 'string',
					description: 'ID of the order in the shop or marketplace',
				},
				partner: {
					name: 'partner',
					label: 'Partner',
					type: 'string',
					default: 'manual',
					placeholder: 'e.g. amazon',
					description:
						'Shop type the order came from, in lower case: manual, amazon, ebay, etsy, shopify, shopware, woocommerce, …',
				},
			},
		},
		{
			value: 'getByExternalReference',
			name: 'Get by Order Number',
			action: 'Get an order by its order number',
			description:
				'Get one order by its order number or ID in the shop or marketplace; returns the order with its Billbee ID',
			method: 'GET',
			path: '/orders/findbyextref/{extRef}',
			pathParams: {
				extRef: {
					name: 'externalReference',
					label: 'Order Number',
					type: 'string',
					placeholder: 'e.g. 302-1234567-1234567',
					description: 'Order number (external reference) of the order in the shop or marketplace',
				},
			},
		},
		{
			value: 'getInvoices',
			name: 'Get Invoices',
			action: 'Get many invoices',
			description:
				'List invoices and credit notes, filtered by invoice or payment date, shop, order state and tags. Billbee allows one call per page and start date per minute.',
			method: 'GET',
			path: '/orders/invoices',
			query: [
				{
					name: 'minInvoiceDate',
					label: 'Invoiced After',
					type: 'dateTime',
					description: 'Only invoices dated at or after this date',
				},
				{
					name: 'maxInvoiceDate',
					label: 'Invoiced Before',
					type: 'dateTime',
					description: 'Only invoices dated at or before this date',
				},
				{
					name: 'minPayDate',
					label: 'Paid After',
					type: 'dateTime',
					description: 'Only invoices paid at or after this date',
				},
				{
					name: 'maxPayDate',
					label: 'Paid Before',
					type: 'dateTime',
					description: 'Only invoices paid at or before this date',
				},
				invoicesShop,
				invoicesState,
				...tagFilters('invoices of orders'),
				{
					name: 'includePositions',
					label: 'Include Positions',
					type: 'boolean',
					description: 'Whether to include the invoice lines',
				},
			],
			paged: { freezeUntil: ['maxInvoiceDate'] },
			preSend: [idListFilters([invoicesShop, invoicesState])],
		},
		{
			value: 'addTagsMultiple',
			name: 'Add Tags to Many Orders',
			action: 'Add tags to many orders',
			description:
				'Add tags to several orders in one call. Billbee has not documented the body of this endpoint, so check the result.',
			method: 'POST',
			path: '/orders/tags',
			body: {
				mode: 'json',
				jsonHint:
					'The orders and the tags to add, as JSON. Billbee has not published the format; the example (Billbee order IDs and tags) is an assumption.',
				jsonDefault: JSON.stringify(
					{ OrderIds: [300000180937794], Tags: ['vip', 'gift'] },
					null,
					2,
				),
			},
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get an order',
			description:
				'Get one order with items, addresses, payments and shipments, by its Billbee ID or its order number',
			method: 'GET',
			path: '/orders/{id}',
			pathParams: {
				id: {
					...orderLocator(true),
					byMode: { externalReference: { path: '/orders/findbyextref/{id}' } },
				},
			},
			query: [
				{
					...articleTitleSource,
					description:
						'Which text Billbee returns as the title of each order item (only used when the order is given by Billbee ID)',
				},
			],
		},
		patchOrder,
		{
			value: 'addMessage',
			name: 'Add Message',
			action: 'Add a message to an order',
			description:
				'Add a message or note to the message history of an order without sending it; returns the stored message',
			method: 'POST',
			path: '/orders/{id}/message',
			pathParams: { id: orderLocator() },
			body: {
				fields: [
					{
						name: 'Text',
						label: 'Text',
						type: 'string',
						required: true,
						typeOptions: { rows: 3 },
						description: 'Text of the message',
					},
					{
						name: 'SenderName',
						label: 'Sender Name',
						type: 'string',
						description: 'Who wrote the message, e.g. the name of your integration',
					},
					{
						name: 'IsInternal',
						label: 'Is Internal',
						type: 'boolean',
						description: 'Whether the message is only visible inside Billbee',
					},
				],
			},
		},
		changeState,
		{
			value: 'parsePlaceholders',
			name: 'Parse Placeholders',
			action: 'Fill in placeholders with order data',
			description:
				'Replace Billbee placeholders in a text with the data of an order, e.g. for an email; returns the finished text in Result and changes nothing',
			method: 'POST',
			path: '/orders/{id}/parse-placeholders',
			readsOnly: true,
			pathParams: { id: orderLocator() },
			body: {
				fields: [
					{
						name: 'TextToParse',
						label: 'Text',
						type: 'string',
						required: true,
						typeOptions: { rows: 4 },
						placeholder: 'e.g. Your order [OrderNumber] is on its way',
						description: 'Text with Billbee placeholders',
					},
					{
						name: 'IsHtml',
						label: 'Is HTML',
						type: 'boolean',
						description: 'Whether the text is HTML, so inserted values are HTML-escaped',
					},
					{
						name: 'Language',
						label: 'Language',
						type: 'string',
						placeholder: 'e.g. en',
						description: 'Two-letter language for the inserted texts (default language when empty)',
					},
					{
						name: 'Trim',
						label: 'Trim',
						type: 'boolean',
						description: 'Whether to trim spaces from the inserted values',
					},
				],
			},
		},
		sendMessage,
		{
			value: 'addShipment',
			name: 'Add Shipment',
			action: 'Add a shipment to an order',
			description:
				'Attach a shipment with its tracking number to an order, e.g. after shipping with an external tool; does not create a label',
			method: 'POST',
			path: '/orders/{id}/shipment',
			pathParams: { id: orderLocator() },
			body: {
				fields: [
					{
						name: 'ShippingId',
						label: 'Tracking Number',
						type: 'string',
						required: true,
						description: 'Tracking or shipment number of the parcel',
					},
					{
						name: 'ShippingProviderId',
						label: 'Shipping Provider Name or ID',
						type: 'int64',
						loadOptionsMethod: 'getShippingProviders',
						default: '',
						description: 'Shipping provider that carries the parcel.',
					},
					{
						name: 'ShippingProviderProductId',
						label: 'Shipping Provider Product Name or ID',
						type: 'int64',
						loadOptionsMethod: 'getShippingProviderProducts',
						default: '',
						description: 'Product (service) of the shipping provider.',
					},
					{
						name: 'CarrierId',
						label: 'Carrier Name or ID',
						type: 'integer',
						loadOptionsMethod: 'getShippingCarriers',
						default: '',
						description: 'Carrier, overriding the one of the shipping product.',
					},
					{
						name: 'ShipmentType',
						label: 'Shipment Type',
						type: 'options',
						default: 0,
						options: [
							{ name: 'Shipment', value: 0 },
							{ name: 'Return', value: 1 },
						],
					},
					{
						name: 'Comment',
						label: 'Comment',
						type: 'string',
						description: 'Note stored with the shipment',
					},
					{
						name: 'OrderId',
						parameter: 'shipmentOrderNumber',
						label: 'Differing Order Number',
						type: 'string',
						description: "Order number to store with the shipment, if it differs from the order's",
					},
				],
			},
		},
		{
			value: 'addTags',
			name: 'Add Tags',
			action: 'Add tags to an order',
			description: 'Add tags to an order and keep the existing ones',
			method: 'POST',
			path: '/orders/{id}/tags',
			pathParams: { id: orderLocator() },
			body: { fields: [tags] },
		},
		setTags,
		{
			value: 'triggerEvent',
			name: 'Trigger Event',
			action: 'Trigger a rule event for an order',
			description:
				"Trigger a named event for an order so that Billbee's automation rules listening to it run, optionally after a delay",
			method: 'POST',
			path: '/orders/{id}/trigger-event',
			pathParams: { id: orderLocator() },
			body: {
				fields: [
					{
						name: 'Name',
						label: 'Event Name',
						type: 'string',
						required: true,
						description: 'Name of the event, as used in the trigger of your Billbee rule',
					},
					{
						name: 'DelayInMinutes',
						label: 'Delay (Minutes)',
						type: 'integer',
						description: 'Minutes to wait before the rules run',
					},
				],
			},
		},
	],
};
