import { NodeApiError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';

import { toolWriteRefusal } from '../agent/toolSafety';
import { requestMetaOf } from '../spec/registry';
import { pageThrough } from './paging';
import { assertWriteAllowed, planRequest, prepareOptions } from './request';
import { failureInfo, interpretResponse, isEnvelope } from './response';
import type { RawResponse } from './response';
import { sendWithPolicy, unreachable } from './retry';

function toItems(data: unknown): INodeExecutionData[] {
	if (Array.isArray(data)) return data.map((json) => ({ json: (json ?? {}) as IDataObject }));
	if (data === null || data === undefined || data === '') return [{ json: { success: true } }];
	if (typeof data !== 'object') return [{ json: { result: data as string } }];
	return [{ json: data as IDataObject }];
}

/**
 * Our request interceptor. Declarative n8n has no other node-wide place that sees every request
 * of the node, so every operation sets `send.paginate: true` and this hook
 * (`requestOperations.pagination`) sends each one: pacing, 429 retry, exact ids, Billbee's
 * envelope and paging. What it needs beyond the options (path template, paging, reads-only)
 * comes from the operation registry via the node's own resource/operation parameters, so a
 * preSend may return new options.
 */
export async function billbeeRoutingTransport(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const options = requestData.options;
	const method = String(options.method ?? 'GET').toUpperCase();
	const meta = requestMetaOf(this);
	const qs = (options.qs ??= {});
	const path = String(options.url);
	const refusal =
		method !== 'GET' && !meta.readsOnly && toolWriteRefusal(node, `${method} ${meta.template}`);
	if (refusal) return [{ json: refusal }];
	assertWriteAllowed(this, method, meta.template, meta.readsOnly);
	const plan = await planRequest(this, method, meta.template, path, qs, meta.readsOnly);
	prepareOptions(options as IHttpRequestOptions);

	let paging: IDataObject | undefined;
	let responded = false;
	async function unwrapEnvelope(
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: RawResponse,
	): Promise<INodeExecutionData[]> {
		responded = true;
		const json = interpretResponse(this.getNode(), response, plan.label);
		if (isEnvelope(json)) {
			paging = json.Paging as IDataObject | undefined;
			return toItems(json.Data);
		}
		return toItems(json);
	}
	requestData.postReceive.unshift({
		data: { parameterValue: undefined },
		actions: [unwrapEnvelope],
	});

	const sendOnce = async () =>
		await sendWithPolicy(node, plan, async () => {
			responded = false;
			try {
				return await this.makeRoutingRequest(requestData);
			} catch (error) {
				if (responded || failureInfo(error).kind !== 'network')
					throw new NodeApiError(node, error as JsonObject);
				throw unreachable(node, error);
			}
		});

	if (!meta.paged) return await sendOnce();
	return await pageThrough(this, meta, plan, path, qs, async () => {
		paging = undefined;
		const items = await sendOnce();
		return { items, paging: paging as IDataObject | undefined };
	});
}
