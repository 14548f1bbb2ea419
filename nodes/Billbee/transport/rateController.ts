/**
 * Adaptive client-side pacing for Billbee's rate limits, without any shared store.
 *
 * Several n8n processes (queue-mode workers, webhook processors, mains) may use one Billbee
 * account, and nodes cannot talk to each other. Each process therefore learns its share of
 * Billbee's capacity from what it observes, like TCP congestion control or the AWS SDKs'
 * adaptive retry mode:
 * - a 429 lowers the process's rate for that endpoint (multiplicative decrease, from the rate
 *   it really sent at) and holds every request of the process for that endpoint until
 *   Retry-After is over, plus jitter so that competing processes do not return in lockstep;
 * - each success raises the rate again by a small step (additive increase), up to Billbee's
 *   limit divided by the number of processes an admin declared on the credential.
 *
 * Requests are spaced by the moments at which they really leave (recorded when a request is
 * let go), so a request that starts late is not followed too closely by the next one. The
 * spacing keeps every window of the server's length under its limit (Billbee: 2 per second per
 * endpoint, 10 per second per user, 50 per second per API key).
 *
 * Waiting requests of one endpoint are served oldest first by the time of their first
 * attempt: a request answered 429 keeps its place, so it cannot starve behind newer ones.
 *
 * The controller is pure: time and randomness come from an injected clock, and it never
 * sleeps; `throttle.ts` does the waiting.
 */

export interface Clock {
	now(): number;
	random(): number;
}

export interface RateLimit {
	requests: number;
	perMs: number;
}

/** The limits one request is subject to, one key per scope (endpoint, user, API key). */
export interface PacingKeys {
	endpoint: string;
	user: string;
	apiKey: string;
}

export interface PacingLimits {
	endpoint: RateLimit;
	user: RateLimit;
	apiKey: RateLimit;
}

export const PACING = {
	/** Longest time one request may keep being answered 429, from its first attempt. */
	budgetMs: 120_000,
	/** Extra room on every window, so requests arriving with network jitter still fit. */
	margin: 0.02,
	marginMs: 5,
	/** Multiplicative decrease after a 429 (of the rate really sent at). */
	decrease: 0.7,
	/** Additive increase per success, as a share of the process's full rate. */
	increase: 0.015,
	/** Slower increase while the rate is near the rate of the last 429 (between 95 and 110 %). */
	probeIncrease: 0.004,
	/** How much closer than the even spacing a request may follow one that left late. */
	catchUp: 0.1,
	/** Lowest rate, as a share of the process's full rate. */
	minShare: 0.05,
	/** Random extra hold after a 429, as a share of the process's current spacing. */
	holdJitter: 0.5,
	/** A lane idle this long forgets what it learned. */
	forgetAfterMs: 60_000,
	/** A waiting request that has not asked again for this long is treated as gone. */
	abandonAfterMs: 15_000,
	/** Send times kept per lane to measure the rate really sent at. */
	measureSends: 8,
};

interface Ticket {
	priority: number;
	seq: number;
	wakeAt: number;
}

/** The state of one key: the send log, plus (for endpoints) the adaptive rate and the queue. */
interface Lane {
	sends: number[];
	share: number;
	shareAtLastThrottle: number;
	holdUntil: number;
	nextAt: number;
	waiting: Ticket[];
}

/** How a limit divided by the number of processes paces one process. */
interface Spacing {
	/** Requests allowed in one `windowMs`. */
	burst: number;
	windowMs: number;
	/** Even spacing at the full rate. */
	gapMs: number;
}

function spacingOf(limit: RateLimit, processes: number): Spacing {
	const perWindow = limit.requests / processes;
	const burst = Math.max(1, Math.floor(perWindow));
	const windowMs = (burst / perWindow) * limit.perMs * (1 + PACING.margin) + PACING.marginMs;
	return { burst, windowMs, gapMs: windowMs / burst };
}

export interface Waiter {
	/** Milliseconds to wait before asking again; 0 means the request is sent now. */
	nextWait(): number;
	/** The request was answered (anything but 429). */
	succeeded(): void;
	/**
	 * The request was answered 429. Holds the endpoint for `waitMs` plus jitter and lowers the
	 * rate. Returns the hold in ms, or undefined (and holds nothing) when waiting that long
	 * would pass the request's time budget.
	 */
	throttled(waitMs: number): number | undefined;
	/** Attempts let go so far. */
	attempts(): number;
	/** Time since the first attempt. */
	elapsedMs(): number;
}

export class RateController {
	private readonly lanes = new Map<string, Lane>();

	private seq = 0;

	constructor(private readonly clock: Clock) {}

	private lane(key: string): Lane {
		let lane = this.lanes.get(key);
		if (!lane) {
			lane = {
				sends: [],
				share: 1,
				shareAtLastThrottle: 1,
				holdUntil: 0,
				nextAt: 0,
				waiting: [],
			};
			this.lanes.set(key, lane);
		}
		return lane;
	}

	/** The current share of the full rate of an endpoint (1 = Billbee's limit / processes). */
	shareOf(endpointKey: string): number {
		return this.lanes.get(endpointKey)?.share ?? 1;
	}

	/**
	 * Registers one request. `priority` is the time of its first attempt: lower goes first.
	 * `processes` divides the limits (the credential's "n8n Processes Sharing This Account").
	 */
	request(keys: PacingKeys, limits: PacingLimits, processes: number, priority: number): Waiter {
		const endpoint = this.lane(keys.endpoint);
		const others: Array<[Lane, Spacing]> = [
			[this.lane(keys.user), spacingOf(limits.user, processes)],
			[this.lane(keys.apiKey), spacingOf(limits.apiKey, processes)],
		];
		const pace = spacingOf(limits.endpoint, processes);
		const ticket: Ticket = { priority, seq: this.seq++, wakeAt: 0 };
		const clock = this.clock;
		let queued = false;
		let attempts = 0;

		const enqueue = () => {
			const list = endpoint.waiting;
			let at = list.length;
			while (
				at > 0 &&
				(list[at - 1].priority > ticket.priority ||
					(list[at - 1].priority === ticket.priority && list[at - 1].seq > ticket.seq))
			)
				at--;
			list.splice(at, 0, ticket);
			queued = true;
		};

		const dropAbandoned = (now: number) => {
			endpoint.waiting = endpoint.waiting.filter(
				(t) => t === ticket || t.wakeAt + PACING.abandonAfterMs > now,
			);
		};

		const gapNow = () => pace.gapMs / endpoint.share;

		const nextWait = (): number => {
			const now = clock.now();
			const last = endpoint.sends[endpoint.sends.length - 1];
			if (last !== undefined && now - last > PACING.forgetAfterMs && endpoint.waiting.length === 0)
				endpoint.share = endpoint.shareAtLastThrottle = 1;
			if (!queued) enqueue();
			dropAbandoned(now);
			const position = endpoint.waiting.indexOf(ticket);
			let earliest = Math.max(now, endpoint.holdUntil, endpoint.nextAt);
			earliest = Math.max(earliest, windowFree(endpoint, pace));
			for (const [lane, spacing] of others)
				earliest = Math.max(earliest, windowFree(lane, spacing));
			if (position > 0) {
				const wait = Math.max(1, earliest - now + position * gapNow());
				ticket.wakeAt = now + wait;
				return wait;
			}
			if (earliest > now) {
				ticket.wakeAt = earliest;
				return earliest - now;
			}
			endpoint.waiting.splice(position, 1);
			queued = false;
			attempts++;
			const target = Math.max(endpoint.nextAt, endpoint.holdUntil);
			for (const lane of [endpoint, ...others.map(([l]) => l)]) record(lane, now);
			endpoint.nextAt = Math.max(target, now - PACING.catchUp * gapNow()) + gapNow();
			return 0;
		};

		const succeeded = () => {
			const ceiling = endpoint.shareAtLastThrottle;
			const nearCeiling = endpoint.share >= ceiling * 0.95 && endpoint.share < ceiling * 1.1;
			const step = nearCeiling ? PACING.probeIncrease : PACING.increase;
			endpoint.share = Math.min(1, endpoint.share + step);
		};

		const throttled = (waitMs: number): number | undefined => {
			const now = clock.now();
			const hold = Math.round(waitMs + clock.random() * PACING.holdJitter * gapNow());
			if (Math.max(now + hold, endpoint.nextAt) - priority > PACING.budgetMs) return undefined;
			// Several requests answered 429 in one go are one signal: decrease once per hold.
			if (now >= endpoint.holdUntil) {
				const sentShare = measuredShare(endpoint, pace, now);
				endpoint.shareAtLastThrottle = Math.min(endpoint.share, sentShare);
				endpoint.share = Math.max(PACING.minShare, PACING.decrease * endpoint.shareAtLastThrottle);
			}
			endpoint.holdUntil = Math.max(endpoint.holdUntil, now + hold);
			endpoint.nextAt = Math.max(endpoint.nextAt, endpoint.holdUntil);
			return hold;
		};

		return {
			nextWait,
			succeeded,
			throttled,
			attempts: () => attempts,
			elapsedMs: () => clock.now() - priority,
		};
	}

	/** For tests and the benchmark: forget everything. */
	reset(): void {
		this.lanes.clear();
	}
}

/** The earliest time at which one more send keeps every window of the lane under its limit. */
function windowFree(lane: Lane, spacing: Spacing): number {
	const { sends } = lane;
	if (sends.length < spacing.burst) return 0;
	return sends[sends.length - spacing.burst] + spacing.windowMs;
}

function record(lane: Lane, now: number): void {
	lane.sends.push(now);
	const keep = Math.max(PACING.measureSends, 50);
	if (lane.sends.length > keep) lane.sends.splice(0, lane.sends.length - keep);
}

/** The rate of the last few sends, as a share of the full rate (1 when too few to tell). */
function measuredShare(lane: Lane, spacing: Spacing, now: number): number {
	const recent = lane.sends.slice(-PACING.measureSends);
	if (recent.length < 3) return 1;
	const spanMs = Math.max(now, recent[recent.length - 1]) - recent[0];
	if (spanMs <= 0) return 1;
	const gap = spanMs / (recent.length - 1);
	return Math.min(1, spacing.gapMs / gap);
}
