import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';

import { convertValue, parseJsonField } from '../../helpers/fields';
import type { FieldSpec } from '../../helpers/fields';
import { ADDITIONAL_FIELDS_JSON } from '../../helpers/operation';
import type { OperationSpec } from '../../helpers/operation';
import { toolWriteRefusal } from '../../agent/toolSafety';
import { assertWriteAllowed, billbeeApiRequest } from '../../transport';
import { stockIdField } from './shared';

/** Stock updates sent per call to /products/updatestockmultiple. */
export const STOCK_UPDATES_PER_CALL = 250;

const PATH = '/products/updatestockmultiple';

const stockFields: FieldSpec[] = [
	{
		name: 'Sku',
		label: 'SKU',
		type: 'string',
		required: true,
		description: 'SKU of the article whose stock is set',
	},
	{
		name: 'NewQuantity',
		label: 'New Quantity',
		type: 'number',
		required: true,
		description: 'The new absolute stock quantity',
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
		description: 'Billbee article ID, to identify the article by ID as well',
	},
	{
		name: 'AutosubtractReservedAmount',
		label: 'Subtract Reserved Amount',
		type: 'boolean',
		description:
			'Whether to subtract the reserved (ordered but not yet shipped) amount from the new quantity',
	},
	{
		name: 'ForceSendStockToShops',
		label: 'Force Send Stock To Shops',
		type: 'boolean',
		description: 'Whether to push the stock to the shops even if it did not change',
	},
];

export const updateStockMultiple: OperationSpec = {
	value: 'updateStockMultiple',
	name: 'Update Stock for Many Products',
	action: 'Update stock for many products',
	description:
		'Set the absolute stock of many articles at once: every input item is one SKU and quantity, sent in as few calls as Billbee allows (250 per call); returns one result per SKU',
	method: 'POST',
	path: PATH,
	body: { fields: stockFields },
};

/** Reads one item's stock update from the form, like the request builder does for one item. */
function stockUpdateOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const single = {
		getNode: () => ctx.getNode(),
		getItemIndex: () => itemIndex,
	} as unknown as IExecuteSingleFunctions;
	const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const update: IDataObject = {};
	for (const field of stockFields) {
		const raw = field.required
			? ctx.getNodeParameter(field.name, itemIndex)
			: additional[field.name];
		const value = convertValue(single, field, raw, 'body');
		if (value !== undefined) update[field.name] = value as IDataObject[keyof IDataObject];
	}
	const extra = parseJsonField(
		single,
		'Additional Fields (JSON)',
		ctx.getNodeParameter(ADDITIONAL_FIELDS_JSON, itemIndex, '{}'),
	);
	if (extra && typeof extra === 'object') Object.assign(update, extra);
	return update;
}

/**
 * Runs once for all input items (a custom operation of the declarative node): the routing
 * engine sends one request per item, but Billbee takes up to 250 stock updates per call.
 */
export async function executeUpdateStockMultiple(
	this: IExecuteFunctions,
): Promise<INodeExecutionData[][]> {
	const refusal = toolWriteRefusal(this.getNode(), `POST ${PATH}`);
	if (refusal) return [[{ json: refusal }]];
	assertWriteAllowed(this, 'POST', PATH);
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	const updates: Array<{ itemIndex: number; update: IDataObject }> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			updates.push({ itemIndex, update: stockUpdateOf(this, itemIndex) });
		} catch (error) {
			if (!this.continueOnFail())
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			output.push({
				json: { ok: false, error: (error as Error).message },
				pairedItem: { item: itemIndex },
			});
		}
	}

	for (let start = 0; start < updates.length; start += STOCK_UPDATES_PER_CALL) {
		const chunk = updates.slice(start, start + STOCK_UPDATES_PER_CALL);
		let results: IDataObject[];
		try {
			results = (await billbeeApiRequest.call(this, 'POST', PATH, {
				body: chunk.map((c) => c.update),
			})) as IDataObject[];
		} catch (error) {
			if (!this.continueOnFail()) throw new NodeApiError(this.getNode(), error as JsonObject);
			for (const { itemIndex, update } of chunk) {
				output.push({
					json: { Sku: update.Sku as string, ok: false, error: (error as Error).message },
					pairedItem: { item: itemIndex },
				});
			}
			continue;
		}
		chunk.forEach(({ itemIndex, update }, position) => {
			const result = (Array.isArray(results) ? results[position] : undefined) ?? {};
			const code = Number(result.ErrorCode ?? 0);
			const message = typeof result.ErrorMessage === 'string' ? result.ErrorMessage : '';
			const ok = code === 0 && !message;
			output.push({
				json: {
					Sku: update.Sku as string,
					ok,
					...(ok ? {} : { error: message || `Billbee ErrorCode ${code}`, ErrorCode: code }),
					...((result.Data as IDataObject) ?? {}),
				},
				pairedItem: { item: itemIndex },
			});
		});
	}
	return [output];
}
