import { sleep } from 'n8n-workflow';

import { PACING, RateController } from './rateController';
import type { PacingKeys, Waiter } from './rateController';

/**
 * Client-side pacing for Billbee's rate limits, shared by every item, execution and node
 * of this n8n process (module state), keyed by credential and endpoint. The per-second limits
 * are paced by the adaptive controller (`rateController.ts`); Billbee's long-window extra
 * limits (per order per minute, per hour...) are kept here as a log of reservation times, so
 * that a short wait is taken and a long one is reported.
 */

export const BILLBEE_RATE_LIMITS = {
	endpoint: { requests: 2, perMs: 1000 },
	user: { requests: 10, perMs: 1000 },
	apiKey: { requests: 50, perMs: 1000 },
} as const;

export const THROTTLE_BUDGET_MS = PACING.budgetMs;

export type ThrottleKeys = PacingKeys;

const controller = new RateController({ now: () => Date.now(), random: () => Math.random() });

export interface Pacing extends Omit<Waiter, 'nextWait'> {
	/** Waits until the request may leave (the controller marks it as sent). */
	slot(): Promise<void>;
}

/**
 * The pacing of one request: every attempt waits for a send slot, a 429 holds the endpoint
 * and lowers this process's rate, and the request gives up once answering its 429s would take
 * longer than the time budget.
 */
export function pace(keys: PacingKeys, processes: number): Pacing {
	const { nextWait, ...waiter } = controller.request(
		keys,
		BILLBEE_RATE_LIMITS,
		processes,
		Date.now(),
	);
	return {
		...waiter,
		async slot() {
			for (let wait = nextWait(); wait > 0; wait = nextWait()) await sleep(wait);
		},
	};
}

export interface WindowLimit {
	max: number;
	windowMs: number;
}

const windowLog = new Map<string, number[]>();
let reservationsSinceSweep = 0;

function sweepExpired(now: number): void {
	for (const [key, times] of windowLog) {
		if (times.every((t) => t <= now)) windowLog.delete(key);
	}
}

/**
 * Reserves a call under a long-window limit. Returns the time the call may start: now,
 * a short moment later, or (if the caller decides the wait is too long) it gives the
 * time without reserving so the caller can report it.
 */
export function reserveInWindow(
	key: string,
	limit: WindowLimit,
	maxWaitMs: number,
): { startAt: number; reserved: boolean } {
	const now = Date.now();
	if (++reservationsSinceSweep >= 500) {
		reservationsSinceSweep = 0;
		sweepExpired(now);
	}
	// The log holds the times at which each earlier reservation stops counting.
	const expiries = (windowLog.get(key) ?? []).filter((t) => t > now);
	let startAt = now;
	if (expiries.length >= limit.max) startAt = expiries[expiries.length - limit.max];
	if (startAt - now > maxWaitMs) {
		windowLog.set(key, expiries);
		return { startAt, reserved: false };
	}
	expiries.push(startAt + limit.windowMs + 1000);
	expiries.sort((a, b) => a - b);
	windowLog.set(key, expiries);
	return { startAt, reserved: true };
}

/** For tests and the benchmark: forget all pacing state. */
export function resetThrottleState(): void {
	controller.reset();
	windowLog.clear();
}
