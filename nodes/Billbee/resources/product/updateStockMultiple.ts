import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { buildObjectBody, forItem } from '../../spec/request';
import type { BodySpec, OperationSpec } from '../../spec/types';
import { billbeeApiRequest } from '../../transport';
import { toolWriteRefusal } from '../../agent/toolSafety';
import { assertWriteAllowed } from '../../transport/request';
import { STOCK_UPDATE_FIELDS } from './shared';

/** Stock updates sent per call to /products/updatestockmultiple. */
export const STOCK_UPDATES_PER_CALL = 250;

const PATH = '/products/updatestockmultiple';

export const updateStockMultiple: OperationSpec = {
	value: 'updateStockMultiple',
	name: 'Update Stock for Many Products',
	action: 'Update stock for many products',
	description:
		'Set the absolute stock of many articles at once: every input item is one SKU and quantity, sent in as few calls as Billbee allows (250 per call); returns one result per SKU',
	method: 'POST',
	path: PATH,
	body: { fields: STOCK_UPDATE_FIELDS },
};

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
	const body = updateStockMultiple.body as BodySpec;
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	const updates: Array<{ itemIndex: number; update: IDataObject }> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			updates.push({ itemIndex, update: buildObjectBody(forItem(this, itemIndex), body) });
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
