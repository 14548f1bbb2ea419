import type { IDataObject, IHookFunctions, IPollFunctions } from 'n8n-workflow';

import { billbeeApiRequest, MAX_PAGE_SIZE } from '../transport';

export interface PageRead {
	records: IDataObject[];
	/** Every page up to a short one was read. */
	complete: boolean;
	/** Where a pass cut short by the poll budget continues. */
	nextPage: number;
}

/** One listing call through the Billbee transport (pacing, 429 retry, exact ids). */
export async function listPage(
	ctx: IPollFunctions,
	path: string,
	qs: IDataObject,
	page: number,
	pageSize = MAX_PAGE_SIZE,
): Promise<IDataObject[]> {
	// The transport's request function serves every context that has credentials and helpers.
	const data = await billbeeApiRequest.call(ctx as unknown as IHookFunctions, 'GET', path, {
		qs: { ...qs, page, pageSize },
		retrySafe: true,
	});
	return Array.isArray(data) ? (data as IDataObject[]) : [];
}

/**
 * Pages through a listing whose bounds the caller froze, from `fromPage` until a short page.
 * Records added meanwhile only push others to later pages, so reading on until a short page
 * (rather than trusting the first TotalPages) misses none; a repeat is dropped by the caller.
 * Stops before `deadline` (the poll budget) once at least one page was read.
 */
export async function readPages(
	ctx: IPollFunctions,
	path: string,
	qs: IDataObject,
	fromPage: number,
	deadline: number,
): Promise<PageRead> {
	const records: IDataObject[] = [];
	for (let page = fromPage; ; page++) {
		if (page > fromPage && Date.now() >= deadline)
			return { records, complete: false, nextPage: page };
		const data = await listPage(ctx, path, qs, page);
		records.push(...data);
		if (data.length < MAX_PAGE_SIZE) return { records, complete: true, nextPage: 1 };
	}
}
