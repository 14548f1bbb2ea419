import { sleep } from 'n8n-workflow';

/**
 * Client-side pacing for Billbee's rate limits, shared by every item, execution and node
 * of this n8n process (module state), keyed by credential and endpoint.
 *
 * Per-second limits are paced as even spacing (a 2/s limit = one request every 500 ms plus
 * a margin for network jitter), which stays under a sliding-window counter on the server.
 * Long-window extra limits (per order per minute, per hour...) are kept as a log of
 * reservation times, so that a short wait is taken and a long one is reported.
 */

/** Extra room per slot so requests that arrive with jitter still fit the server's window. */
const JITTER_MARGIN = 0.03;

export const BILLBEE_RATE_LIMITS = {
	perEndpoint: { requests: 2, perMs: 1000 },
	perUser: { requests: 10, perMs: 1000 },
	perApiKey: { requests: 50, perMs: 1000 },
} as const;

/** Reserved start times per key (sorted), kept until they are a second old. */
const reservations = new Map<string, number[]>();

function spacing({ requests, perMs }: { requests: number; perMs: number }): number {
	return Math.ceil((perMs / requests) * (1 + JITTER_MARGIN));
}

export interface ThrottleKeys {
	apiKey: string;
	user: string;
	endpoint: string;
}

/** Index of the first reservation at or after `time`. */
function firstAtOrAfter(times: number[], time: number): number {
	let low = 0;
	let high = times.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (times[middle] < time) low = middle + 1;
		else high = middle;
	}
	return low;
}

/** The end of a reservation of `key` closer than `gap` to `time`, or undefined if there is none. */
function conflictEnd(times: number[], time: number, gap: number): number | undefined {
	const next = firstAtOrAfter(times, time);
	if (next < times.length && times[next] - time < gap) return times[next] + gap;
	if (next > 0 && time - times[next - 1] < gap) return times[next - 1] + gap;
	return undefined;
}

function prune(times: number[], now: number): void {
	const stale = firstAtOrAfter(times, now - 1000);
	if (stale > 0) times.splice(0, stale);
}

/**
 * Reserves the earliest start time at which the request keeps its distance to every other
 * reserved request of the same endpoint, user and API key, and waits for it. Free gaps
 * between reservations are used, so requests to different endpoints interleave instead of
 * queueing behind each other.
 */
export async function waitForSlot(keys: ThrottleKeys): Promise<void> {
	const limits: Array<[number[], number]> = [
		[keys.endpoint, spacing(BILLBEE_RATE_LIMITS.perEndpoint)],
		[keys.user, spacing(BILLBEE_RATE_LIMITS.perUser)],
		[keys.apiKey, spacing(BILLBEE_RATE_LIMITS.perApiKey)],
	].map(([key, gap]) => {
		let times = reservations.get(key as string);
		if (!times) reservations.set(key as string, (times = []));
		return [times, gap as number];
	});
	const now = Date.now();
	let slot = Math.max(now, blockedUntil.get(keys.endpoint) ?? 0);
	for (let moved = true; moved; ) {
		moved = false;
		for (const [times, gap] of limits) {
			const end = conflictEnd(times, slot, gap);
			if (end !== undefined) {
				slot = end;
				moved = true;
			}
		}
	}
	for (const [times] of limits) {
		prune(times, now);
		times.splice(firstAtOrAfter(times, slot), 0, slot);
	}
	if (slot > now) await sleep(slot - now);
}

/** After a 429, nobody of this process uses the endpoint before the server's wait is over. */
const blockedUntil = new Map<string, number>();

export function holdEndpoint(endpointKey: string, untilMs: number): void {
	blockedUntil.set(endpointKey, Math.max(blockedUntil.get(endpointKey) ?? 0, untilMs));
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
	reservations.clear();
	blockedUntil.clear();
	windowLog.clear();
}
