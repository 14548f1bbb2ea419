import { NodeApiError, sleep } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { formatWait, respectWindowLimit } from './limits';
import type { RequestPlan } from './request';
import { billbeeError, failureInfo } from './response';
import { holdEndpoint, waitForSlot } from './throttle';

const RETRY = {
	/** Attempts in all for a request answered 429 (a 429 means nothing was executed). */
	throttledAttempts: 6,
	/** Longest total time spent waiting for 429s of one request. */
	throttledTotalWaitMs: 120_000,
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
	return billbeeError(
		node,
		{ kind: 'final' },
		`Could not reach Billbee for ${plan.label}: ${(error as Error).message}`,
		plan.retrySafe
			? `Tried ${attempts} time(s).`
			: `${plan.label} changes data and was not repeated: it may or may not have been carried out. Check in Billbee before running it again.`,
	);
}

/**
 * Sends one request under Billbee's rules: paced to the rate limits, retried after 429
 * (Retry-After, else exponential backoff with jitter), and after 5xx/network errors only
 * when repeating it is harmless.
 */
export async function sendWithPolicy<T>(
	node: INode,
	plan: RequestPlan,
	send: () => Promise<T>,
): Promise<T> {
	await respectWindowLimit(node, plan);
	let throttled = 0;
	let throttledWaitMs = 0;
	let serverErrors = 0;
	for (;;) {
		await waitForSlot(plan.keys);
		try {
			return await send();
		} catch (error) {
			const info = failureInfo(error);
			if (info.kind === 'throttled') {
				throttled++;
				const wait = info.retryAfterMs ?? backoffMs(throttled);
				if (
					throttled >= RETRY.throttledAttempts ||
					throttledWaitMs + wait > RETRY.throttledTotalWaitMs
				) {
					throw billbeeError(
						node,
						{ kind: 'final' },
						`Billbee kept rate limiting ${plan.label} (HTTP 429, ${throttled} attempts over ${formatWait(throttledWaitMs)})`,
						'Billbee allows 2 requests per second per endpoint, 10 per second per user and 50 per second per API key. Other tools using the same Billbee account count too. Try again later or run fewer workflows with this credential at once.',
						429,
					);
				}
				throttledWaitMs += wait;
				holdEndpoint(plan.keys.endpoint, Date.now() + wait);
				await sleep(wait);
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
