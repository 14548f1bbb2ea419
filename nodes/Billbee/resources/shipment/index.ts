import { postalAddressFields } from '../../helpers/address';
import type { FieldSpec, ResourceSpec } from '../../spec/types';
import { orderLocator } from '../order/fields';
import { labelProperties, labelToBinary } from './label';

/** Billbee's Dimensions model: package size in centimetres (lower-case names, as Billbee spells them). */
const dimensionField: FieldSpec = {
	name: 'Dimension',
	label: 'Package Dimensions',
	type: 'object',
	description: 'Size of the package in centimetres',
	fields: [
		{
			name: 'length',
			label: 'Length',
			type: 'number',
			description: 'Length of the package in centimetres',
		},
		{
			name: 'width',
			label: 'Width',
			type: 'number',
			description: 'Width of the package in centimetres',
		},
		{
			name: 'height',
			label: 'Height',
			type: 'number',
			description: 'Height of the package in centimetres',
		},
	],
};

/** Parcel details both ways of creating a shipment take under the same names. */
const parcelFields: FieldSpec[] = [
	dimensionField,
	{
		name: 'ShipDate',
		label: 'Ship Date',
		type: 'dateTime',
		description: 'Ship date sent to the carrier, if not today',
	},
	{
		name: 'ClientReference',
		label: 'Client Reference',
		type: 'string',
		description: 'Reference text printed on the label (not supported by every carrier)',
	},
	{
		name: 'PrinterName',
		label: 'Printer Name',
		type: 'string',
		description: 'Name of a connected cloud printer that prints the label',
	},
];

/** Billbee's ShipmentAddressApiModel without the read-only FullName / FullStreet. */
const receiverAddressField: FieldSpec = {
	name: 'ReceiverAddress',
	label: 'Receiver Address',
	type: 'object',
	description: 'Address the parcel is sent to',
	fields: [
		...postalAddressFields('receiver'),
		{
			name: 'CountryCodeISO3',
			label: 'Country Code (ISO3)',
			type: 'string',
			placeholder: 'e.g. DEU',
			description: 'Three-letter ISO 3166-1 country code, for carriers that need it',
		},
		{
			name: 'Email',
			label: 'Email',
			type: 'string',
			placeholder: 'name@email.com',
			description: 'E-mail address of the receiver, for carrier notifications',
		},
		{
			name: 'Telephone',
			label: 'Phone',
			type: 'string',
			description: 'Phone number of the receiver',
		},
		{
			name: 'IsExportCountry',
			label: 'Is Export Country',
			type: 'boolean',
			description: 'Whether the receiver country needs export (customs) documents',
		},
	],
};

export const shipmentResource: ResourceSpec = {
	value: 'shipment',
	name: 'Shipment',
	operations: [
		{
			value: 'ping',
			name: 'Ping',
			action: 'Ping the shipment API',
			description:
				"Check that Billbee's shipment API answers; Billbee marks this endpoint as deprecated",
			method: 'GET',
			path: '/shipment/ping',
		},
		{
			value: 'createShipment',
			name: 'Create Shipment',
			action: 'Create a shipment without an order',
			description:
				'Create a parcel and its label directly with one of the shipping providers of the account, not tied to a Billbee order. Returns the tracking number and the label PDF (as a file by default).',
			method: 'POST',
			path: '/shipment/shipment',
			body: {
				fields: [
					{
						name: 'ProviderName',
						label: 'Shipping Provider Name',
						type: 'string',
						required: true,
						placeholder: 'e.g. DHL',
						description:
							'Name of the shipping provider exactly as configured in Billbee (see Get Shipping Providers)',
					},
					{
						name: 'ProductCode',
						label: 'Product Code',
						type: 'string',
						placeholder: 'e.g. V01PAK',
						description:
							"The carrier's product code, as listed under productName by Get Shipping Providers",
					},
					receiverAddressField,
					{
						name: 'shippingCarrier',
						label: 'Shipping Carrier Name or ID',
						type: 'integer',
						loadOptionsMethod: 'getShippingCarriers',
						description: 'Carrier that transports the parcel.',
					},
					{
						name: 'WeightInGram',
						label: 'Weight (Grams)',
						type: 'number',
						description: 'Weight of the parcel in grams',
					},
					...parcelFields,
					{
						name: 'PrinterIdForExportDocs',
						label: 'Export Documents Printer Name or ID',
						type: 'int64',
						loadOptionsMethod: 'getCloudStorages',
						description: 'Connected cloud printer that prints the export documents.',
					},
					{
						name: 'Content',
						label: 'Content',
						type: 'string',
						description: 'Description of the contents, for export shipments',
					},
					{
						name: 'OrderSum',
						label: 'Order Sum',
						type: 'number',
						description: 'Value of the contents (gross), for insurance or customs',
					},
					{
						name: 'TotalNet',
						label: 'Total Net',
						type: 'number',
						description: 'Net value of the contents',
					},
					{
						name: 'OrderCurrencyCode',
						label: 'Currency',
						type: 'string',
						placeholder: 'e.g. EUR',
						description: 'Currency of the order sum',
					},
				],
			},
			properties: labelProperties,
			postReceive: [labelToBinary],
		},
		{
			value: 'createShipmentMultiple',
			name: 'Create Many Shipments',
			action: 'Create many shipments without orders',
			description:
				'Create several parcels and labels directly with shipping providers in one call, not tied to Billbee orders. Billbee does not document this endpoint; the body is presumably a list of Create Shipment objects.',
			method: 'POST',
			path: '/shipment/shipmentmultiple',
			body: {
				mode: 'json',
				jsonHint:
					'A JSON list of shipments, each like the body of Create Shipment (ProviderName, ProductCode, ReceiverAddress, WeightInGram, …). Billbee does not document this body.',
				jsonDefault: JSON.stringify(
					[
						{
							ProviderName: 'DHL',
							ProductCode: 'V01PAK',
							WeightInGram: 1200,
							ClientReference: 'Order 1001',
							ReceiverAddress: {
								FirstName: 'Erika',
								LastName: 'Mustermann',
								Street: 'Hauptstraße',
								Housenumber: '5',
								Zip: '10115',
								City: 'Berlin',
								CountryCode: 'DE',
								Email: 'erika@example.com',
							},
						},
					],
					null,
					2,
				),
			},
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many shipments',
			description:
				'List shipments page by page, optionally only those created in a date window, of one order, of one shipping provider or from a shipment ID on',
			method: 'GET',
			path: '/shipment/shipments',
			query: [
				{
					name: 'createdAtMin',
					label: 'Created After',
					type: 'dateTime',
					description: 'Only shipments created at or after this date',
				},
				{
					name: 'createdAtMax',
					label: 'Created Before',
					type: 'dateTime',
					description:
						'Only shipments created at or before this date; when empty, the time of the first page is used so that later pages stay stable',
				},
				{
					name: 'orderId',
					label: 'Order ID',
					type: 'int64',
					description: 'Only shipments of this Billbee order ID',
				},
				{
					name: 'minimumShipmentId',
					label: 'Minimum Shipment ID',
					type: 'int64',
					description:
						'Only shipments with this Billbee shipment ID or a higher one (IDs grow over time)',
				},
				{
					name: 'shippingProviderId',
					label: 'Shipping Provider Name or ID',
					type: 'int64',
					loadOptionsMethod: 'getShippingProviders',
					description: 'Only shipments made with this shipping provider.',
				},
			],
			paged: { freezeUntil: ['createdAtMax'] },
		},
		{
			value: 'getShippingCarriers',
			name: 'Get Shipping Carriers',
			action: 'Get the shipping carriers for a shipment',
			description:
				'List the shipping carriers Billbee knows (ID and name), e.g. for the carrier of Create Shipment',
			method: 'GET',
			path: '/shipment/shippingcarriers',
		},
		{
			value: 'getShippingProviders',
			name: 'Get Shipping Providers',
			action: 'Get shipping providers',
			description:
				'List the shipping providers configured in the Billbee account with their products; their IDs are what Ship With Label needs',
			method: 'GET',
			path: '/shipment/shippingproviders',
		},
		{
			value: 'shipWithLabel',
			name: 'Ship With Label',
			action: 'Ship an order with a label',
			description:
				'Create a shipment and its label for a Billbee order with one of the shipping providers of the account, optionally marking the order as shipped. Returns the tracking number, tracking URL and the label PDF (as a file by default).',
			method: 'POST',
			path: '/shipment/shipwithlabel',
			body: {
				fields: [
					{
						...orderLocator(),
						name: 'OrderId',
						parameter: 'orderId',
						required: true,
						description:
							'The order to ship, by its Billbee ID or by its order number in the shop or marketplace (looked up with one extra call)',
					},
					{
						name: 'ProviderId',
						label: 'Shipping Provider Name or ID',
						type: 'int64',
						required: true,
						loadOptionsMethod: 'getShippingProviders',
						description: 'Shipping provider that creates the label.',
					},
					{
						name: 'ProductId',
						parameter: 'shippingProductId',
						label: 'Shipping Product Name or ID',
						type: 'int64',
						required: true,
						loadOptionsMethod: 'getShippingProviderProducts',
						loadOptionsDependsOn: ['providerId'],
						description: 'Product (service level) of the chosen shipping provider.',
					},
					{
						name: 'ChangeStateToSend',
						label: 'Mark Order as Shipped',
						type: 'boolean',
						description:
							'Whether Billbee sets the order state to shipped once the label is created',
					},
					{
						name: 'WeightInGram',
						label: 'Weight (Grams)',
						type: 'integer',
						description:
							"Weight of the parcel in grams, instead of the weight Billbee calculates from the order's products",
					},
					...parcelFields,
				],
			},
			properties: labelProperties,
			postReceive: [labelToBinary],
		},
		{
			value: 'shipWithLabelMultiple',
			name: 'Ship Many With Label',
			action: 'Ship many orders with labels',
			description:
				'Create shipments and labels for several Billbee orders in one call. Billbee does not document this endpoint; the body is presumably a list of Ship With Label objects.',
			method: 'POST',
			path: '/shipment/shipwithlabelmultiple',
			body: {
				mode: 'json',
				jsonHint:
					'A JSON list with one entry per order, each like the body of Ship With Label (OrderId, ProviderId, ProductId, ChangeStateToSend, …). Write IDs as plain numbers; all digits are kept. Billbee does not document this body.',
				jsonDefault: [
					'[',
					'  {',
					'    "OrderId": 300000180937794,',
					'    "ProviderId": 300000000001234,',
					'    "ProductId": 300000000005678,',
					'    "ChangeStateToSend": true',
					'  }',
					']',
				].join('\n'),
			},
		},
	],
};
