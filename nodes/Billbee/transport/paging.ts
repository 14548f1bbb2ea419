import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecutePaginationFunctions, INodeExecutionData } from 'n8n-workflow';

import { windowLimitFor } from './limits';
import type { RequestMeta, RequestPlan } from './request';

export const MAX_PAGE_SIZE = 250;

function recordKey(json: IDataObject): string | undefined {
	const id = json.BillBeeOrderId ?? json.Id ?? json.id;
	return id === undefined || id === null ? undefined : String(id);
}

/** "Now" with milliseconds: cut to whole seconds it would drop records of the current second. */
function nowForQuery(): string {
	return new Date().toISOString();
}

/**
 * Return All / Limit over a paged listing: as few calls as possible, date windows frozen at the
 * first page, records seen on an earlier page skipped. `sendPage` sends with `qs` as it is then
 * and reports the Paging block of the answer.
 */
export async function pageThrough(
	ctx: IExecutePaginationFunctions,
	meta: RequestMeta,
	plan: RequestPlan,
	path: string,
	qs: IDataObject,
	sendPage: () => Promise<{ items: INodeExecutionData[]; paging?: IDataObject }>,
): Promise<INodeExecutionData[]> {
	const returnAll = ctx.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll
		? Infinity
		: Math.max(1, Math.floor(ctx.getNodeParameter('limit', 50) as number));
	if (!Number.isFinite(limit) && !returnAll) {
		throw new NodeOperationError(ctx.getNode(), 'Limit must be a number of at least 1', {
			itemIndex: ctx.getItemIndex(),
		});
	}
	// Fewest calls for a Limit: as many pages as needed, each as small as possible.
	const pageSize = returnAll ? MAX_PAGE_SIZE : Math.ceil(limit / Math.ceil(limit / MAX_PAGE_SIZE));
	const frozenAt = nowForQuery();
	for (const name of meta.freezeUntil ?? []) {
		if (qs[name] === undefined || qs[name] === '') qs[name] = frozenAt;
	}

	const results: INodeExecutionData[] = [];
	const seen = new Set<string>();
	for (let page = 1; results.length < limit; page++) {
		qs.page = page;
		qs.pageSize = pageSize;
		if (plan.windowLimit)
			plan.windowLimit = windowLimitFor(plan.credentialKey, plan.label, path, qs);
		const { items, paging } = await sendPage();
		for (const item of items) {
			if (results.length >= limit) break;
			const key = recordKey(item.json);
			if (key !== undefined) {
				if (seen.has(key)) continue;
				seen.add(key);
			}
			results.push(item);
		}
		const current = Number(paging?.Page ?? page);
		const totalPages = Number(paging?.TotalPages ?? 0);
		if (!paging || items.length === 0 || current >= totalPages) break;
	}
	return results;
}
