import { NodeApiError, sleep } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { formatWait, respectWindowLimit } from './limits';
import { BILLBEE_BASE_URL } from './request';
import type { RequestPlan } from './request';
import { billbeeError, failureInfo } from './response';
import { pace, THROTTLE_BUDGET_MS } from './throttle';

const RETRY = {
	/** Extra attempts after a 5xx or network error, for idempotent requests only. */
	serverErrorRetries: 2,
	backoffBaseMs: 1000,
	backoffMaxMs: 30_000,
};

function backoffMs(attempt: number): number {
	const base = Math.min(RETRY.backoffMaxMs, RETRY.backoffBaseMs * 2 ** (attempt - 1));
	return Math.round(base * (0.75 + Math.random() * 0.5));
}

/** What went wrong on the wire (ECONNRESET, ETIMEDOUT, …), without request details or secrets. */
function networkReason(error: unknown): string {
	const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
	return (
		cause?.code ??
		(error as { code?: string })?.code ??
		cause?.message ??
		(error as Error)?.message ??
		'unknown error'
	);
}

/** Marks a failure before any response arrived, for the retry rules. */
export function unreachable(node: INode, error: unknown): NodeApiError {
	return billbeeError(node, { kind: 'network' }, networkReason(error), '');
}

function networkError(
	node: INode,
	plan: RequestPlan,
	error: unknown,
	attempts: number,
): NodeApiError {
	// Said in the message: dropdowns show nothing else.
	const check = `Check the Base URL in the Billbee credential (now ${plan.baseUrl}; Billbee's own is ${BILLBEE_BASE_URL}) and that this n8n server can reach it (DNS, proxy, firewall).`;
	return billbeeError(
		node,
		{ kind: 'final' },
		`Could not reach Billbee for ${plan.label}: ${(error as Error).message}. ${check}`,
		plan.retrySafe
			? `Tried ${attempts} time(s).`
			: `${plan.label} changes data and was not repeated: it may or may not have been carried out. Check in Billbee before running it again.`,
	);
}

/**
 * Sends one request under Billbee's rules: paced to the rate limits by send time, retried
 * after 429 (Retry-After, else exponential backoff with jitter) within a time budget, and
 * after 5xx/network errors only when repeating it is harmless.
 */
export async function sendWithPolicy<T>(
	node: INode,
	plan: RequestPlan,
	send: () => Promise<T>,
): Promise<T> {
	await respectWindowLimit(node, plan);
	const pacing = pace(plan.keys, plan.processes);
	let serverErrors = 0;
	for (;;) {
		await pacing.slot();
		try {
			const result = await send();
			pacing.succeeded();
			return result;
		} catch (error) {
			const info = failureInfo(error);
			if (info.kind === 'throttled') {
				const wait = info.retryAfterMs ?? backoffMs(pacing.attempts());
				if (pacing.throttled(wait) === undefined) {
					throw billbeeError(
						node,
						{ kind: 'final' },
						`Billbee kept rate limiting ${plan.label} (HTTP 429, ${pacing.attempts()} attempt${pacing.attempts() === 1 ? '' : 's'} over ${formatWait(pacing.elapsedMs())}; the next wait of ${formatWait(wait)} would pass the ${formatWait(THROTTLE_BUDGET_MS)} budget)`,
						'Billbee allows 2 requests per second per endpoint, 10 per second per user and 50 per second per API key. Other tools and n8n processes using the same Billbee account count too. Try again later, run fewer workflows with this credential at once, or set "n8n Processes Sharing This Account" on the credential.',
						429,
					);
				}
				continue;
			}
			if (
				(info.kind === 'serverError' || info.kind === 'network') &&
				plan.retrySafe &&
				serverErrors < RETRY.serverErrorRetries
			) {
				serverErrors++;
				await sleep(backoffMs(serverErrors));
				continue;
			}
			if (info.kind === 'network') throw networkError(node, plan, error, serverErrors + 1);
			if (info.kind === 'serverError' && !plan.retrySafe) {
				const apiError = error as NodeApiError;
				apiError.description =
					`${apiError.description ?? ''} ${plan.label} changes data and was sent only once: check in Billbee whether it was carried out before running it again.`.trim();
			}
			throw new NodeApiError(node, error as JsonObject);
		}
	}
}
