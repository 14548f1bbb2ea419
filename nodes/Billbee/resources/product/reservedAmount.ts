import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { readLocator, resolveLocator } from '../../spec/locators';
import { toProperty } from '../../spec/properties';
import { convertValue } from '../../spec/values';
import { parameterName } from '../../spec/types';
import type { FieldSpec, OperationSpec } from '../../spec/types';
import { productLocator, stockIdField } from './shared';

const stockOption: FieldSpec = { ...stockIdField, name: 'stockId' };

/**
 * GET /products/reservedamount takes the product in the query (`id` + `lookupBy`), which the
 * request builder does not do for locators: Billbee looks up IDs and SKUs itself, an EAN is
 * resolved to the ID first (Billbee documents only id and sku here).
 */
async function reservedAmountQuery(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const key = readLocator(this, productLocator);
	const qs: IDataObject = { ...(options.qs ?? {}) };
	if (key.mode === 'sku') {
		qs.id = key.value;
		qs.lookupBy = 'sku';
	} else {
		qs.id = await resolveLocator(this, productLocator, key);
		qs.lookupBy = 'id';
	}
	const chosen = this.getNodeParameter('options', {}) as IDataObject;
	const stockId = convertValue(this, stockOption, chosen[parameterName(stockOption)], 'query');
	if (stockId !== undefined) qs.stockId = stockId as string;
	options.qs = qs;
	return options;
}

export const getReservedAmount: OperationSpec = {
	value: 'getReservedAmount',
	name: 'Get Reserved Amount',
	action: 'Get the reserved amount of a product',
	description:
		'Get how many units of a product (found by Billbee ID, SKU or EAN) are ordered but not yet shipped; returns ReservedAmount',
	method: 'GET',
	path: '/products/reservedamount',
	properties: [
		toProperty({ ...productLocator, required: true }),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [toProperty(stockOption)],
		},
	],
	preSend: [reservedAmountQuery],
};
