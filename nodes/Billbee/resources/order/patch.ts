import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { FieldSpec, OperationSpec } from '../../spec/types';
import { BUYER, orderAddress, orderLocator, VAT_MODE_OPTIONS } from './fields';

/** The fields people change most, all from GET /orders/PatchableFields. */
const patchFields: FieldSpec[] = [
	{
		name: 'OrderNumber',
		label: 'Order Number',
		type: 'string',
		description: 'Order number shown to the buyer',
	},
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
	orderAddress('InvoiceAddress'),
	orderAddress('ShippingAddress'),
	BUYER,
	{
		name: 'PaymentMethod',
		label: 'Payment Method Name or ID',
		type: 'integer',
		loadOptionsMethod: 'getPaymentTypes',
		default: '',
		description: 'How the buyer paid.',
	},
	{ name: 'PayedAt', label: 'Paid At', type: 'dateTime', description: 'When the order was paid' },
	{
		name: 'PaidAmount',
		label: 'Paid Amount',
		type: 'number',
		description: 'Amount the buyer has paid',
	},
	{
		name: 'PaymentReference',
		label: 'Payment Reference',
		type: 'string',
		description: 'Reference of the payment, e.g. a PayPal transaction',
	},
	{
		name: 'ShippedAt',
		label: 'Shipped At',
		type: 'dateTime',
		description: 'When the order was shipped',
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
		name: 'Currency',
		label: 'Currency',
		type: 'string',
		placeholder: 'e.g. EUR',
		description: 'Three-letter ISO 4217 currency code',
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
		name: 'CustomerVatId',
		label: 'Customer VAT ID',
		type: 'string',
		description: 'VAT ID the buyer entered in the shop',
	},
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
		name: 'ShipWeightKg',
		label: 'Shipping Weight (Kg)',
		type: 'number',
		description: 'Total weight of the shipment in kilograms',
	},
	{
		name: 'ShippingProviderId',
		label: 'Shipping Provider Name or ID',
		type: 'int64',
		loadOptionsMethod: 'getShippingProviders',
		default: '',
		description: 'Shipping provider to use for this order.',
	},
	{
		name: 'ShippingProviderProductId',
		label: 'Shipping Provider Product ID',
		type: 'int64',
		description: 'Product (service) of the shipping provider',
	},
];

/** A PATCH without any field would do nothing; say so instead of sending it. */
async function requireSomeField(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = options.body as IDataObject | undefined;
	if (!body || Object.keys(body).length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			'Nothing to change: add at least one field under Additional Fields or in Additional Fields (JSON)',
			{ itemIndex: this.getItemIndex() },
		);
	}
	return options;
}

export const patchOrder: OperationSpec = {
	value: 'patch',
	name: 'Update',
	action: 'Update an order',
	description:
		'Change selected fields of an order, e.g. addresses, payment or notes, and leave the rest as it is. Only the fields listed by Get Patchable Fields can be changed; returns the updated order.',
	method: 'PATCH',
	path: '/orders/{id}',
	pathParams: { id: orderLocator() },
	body: { fields: patchFields },
	preSend: [requireSomeField],
};
