import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { FieldSpec, OperationSpec } from '../../spec/types';
import { ORDER_FIELDS, orderLocator } from './fields';

/** The fields people change most, all from GET /orders/PatchableFields. */
const patchFields: FieldSpec[] = [
	...ORDER_FIELDS,
	{
		name: 'CustomerVatId',
		label: 'Customer VAT ID',
		type: 'string',
		description: 'VAT ID the buyer entered in the shop',
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
