import { sleep } from 'n8n-workflow';
import type { IDataObject, INode } from 'n8n-workflow';

import { billbeeError } from './response';
import { reserveInWindow } from './throttle';
import type { WindowLimit } from './throttle';

/** Longest wait for one of Billbee's long-window limits before the item fails instead. */
const MAX_WINDOW_WAIT_MS = 15_000;

/**
 * Billbee's additional per-endpoint limits, scoped by what the limit counts
 * (the order in the path, or the page + date of a listing).
 */
const EXTRA_LIMITS: Record<
	string,
	WindowLimit & { scope: (path: string, qs: IDataObject) => string; rule: string }
> = {
	'GET /orders/{id}': {
		max: 6,
		windowMs: 60_000,
		scope: (path) => path,
		rule: 'at most 6 reads of the same order per minute',
	},
	'POST /orders/CreateInvoice/{id}': {
		max: 1,
		windowMs: 300_000,
		scope: (path) => path,
		rule: 'one invoice request per order every 5 minutes',
	},
	'POST /orders/CreateDeliveryNote/{id}': {
		max: 1,
		windowMs: 300_000,
		scope: (path) => path,
		rule: 'one delivery note request per order every 5 minutes',
	},
	'GET /orders/invoices': {
		max: 1,
		windowMs: 60_000,
		scope: (_path, qs) => `${String(qs.page ?? 1)}|${String(qs.minInvoiceDate ?? '')}`,
		rule: 'one invoice listing per page and start date per minute',
	},
	'GET /events': {
		max: 2,
		windowMs: 3_600_000,
		scope: (_path, qs) => String(qs.page ?? 1),
		rule: 'two event listings per page per hour',
	},
};

export interface ScopedWindowLimit {
	key: string;
	limit: WindowLimit;
	rule: string;
}

/** The long-window limit of `label` ("METHOD /template") for this credential and request, if any. */
export function windowLimitFor(
	credentialKey: string,
	label: string,
	path: string,
	qs: IDataObject,
): ScopedWindowLimit | undefined {
	const extra = EXTRA_LIMITS[label];
	return (
		extra && {
			key: `${credentialKey}\u0000${label}\u0000${extra.scope(path, qs)}`,
			limit: extra,
			rule: extra.rule,
		}
	);
}

export function formatWait(ms: number): string {
	const seconds = Math.ceil(ms / 1000);
	return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

/** Waits for the window limit, or refuses the request when the wait would be too long. */
export async function respectWindowLimit(
	node: INode,
	plan: { label: string; windowLimit?: ScopedWindowLimit },
): Promise<void> {
	if (!plan.windowLimit) return;
	const { startAt, reserved } = reserveInWindow(
		plan.windowLimit.key,
		plan.windowLimit.limit,
		MAX_WINDOW_WAIT_MS,
	);
	const wait = startAt - Date.now();
	if (!reserved) {
		throw billbeeError(
			node,
			{ kind: 'final' },
			`Billbee allows ${plan.windowLimit.rule} (${plan.label}); try again after ${new Date(startAt).toISOString()}`,
			`This request was not sent. Billbee would answer it with HTTP 429; it can be made again in ${formatWait(wait)}.`,
		);
	}
	if (wait > 0) await sleep(wait);
}
