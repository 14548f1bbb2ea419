/**
 * Adaptive client-side pacing for Billbee's rate limits, without any shared store.
 *
 * Several n8n processes (queue-mode workers, webhook processors, mains) may use one Billbee
 * account, and nodes cannot talk to each other. What they do share is the clock. So time is cut
 * into send slots, the same for every process: one slot per request that Billbee allows per
 * endpoint (2 per second, so 512.5 ms with a margin for network jitter). A process that believes
 * `level` processes share the account uses every `level`-th slot, starting at its `phase`:
 * - a 429 means another process used the slot (or the request reached Billbee late): the
 *   process holds the endpoint for Retry-After and moves to another phase, at random, so that
 *   competing processes do not come back in lockstep; a second 429 soon after means there are
 *   more processes than it assumed, so it raises its level (multiplicative decrease of its rate);
 * - after a long run of successes it tries one level lower (additive increase), never below the
 *   number of processes an admin declared on the credential.
 * Processes at the same level thus settle on different phases and stop colliding, much like
 * TCP congestion control or the AWS SDKs' adaptive retry mode find a share without a coordinator.
 *
 * A request leaves only at the start of one of its slots (within a small tolerance): one that
 * would start late waits for the next slot, so it is never followed too closely by the next.
 * Billbee's per-user (10/s) and per-API-key (50/s) limits are kept as sliding windows over the
 * moments requests really left.
 *
 * Waiting requests of one endpoint are served oldest first by the time of their first attempt:
 * a request answered 429 keeps its place, so it cannot starve behind newer ones.
 *
 * The controller is pure: time and randomness come from an injected clock, and it never sleeps;
 * `throttle.ts` does the waiting.
 */

export interface Clock {
	now(): number;
	random(): number;
}

export interface RateLimit {
	requests: number;
	perMs: number;
}

/** The keys of the limits one request counts against. */
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
	/** How late after the start of its slot a request may still leave. */
	lateToleranceMs: 12,
	/** A second 429 within this many of the process's own slots raises the level. */
	escalateWithinSlots: 6,
	/** Successes in a row after which the process tries one level lower. */
	probeAfterSuccesses: 60,
	/** Level growth on a second 429 soon after the first. */
	escalateFactor: 1,
	maxLevel: 32,
	/** Random extra hold after a 429, in slots. */
	holdJitterSlots: 1,
	/** A lane idle this long forgets what it learned. */
	forgetAfterMs: 60_000,
	/** A waiting request that has not asked again for this long is treated as gone. */
	abandonAfterMs: 15_000,
};

interface Ticket {
	priority: number;
	seq: number;
	wakeAt: number;
}

/** One endpoint of one account in this process. */
interface EndpointLane {
	level: number;
	phase: number;
	lastSlot: number;
	lastSendAt: number;
	lastThrottleAt: number;
	/** The moments of the last 429s (a few). */
	throttles: number[];
	successes: number;
	holdUntil: number;
	waiting: Ticket[];
}

/** The moments at which requests counted against a per-user or per-key limit left. */
type WindowLane = number[];

interface Window {
	burst: number;
	windowMs: number;
}

function windowOf(limit: RateLimit, processes: number): Window {
	const perWindow = limit.requests / processes;
	const burst = Math.max(1, Math.floor(perWindow));
	return {
		burst,
		windowMs: (burst / perWindow) * limit.perMs * (1 + PACING.margin) + PACING.marginMs,
	};
}

/** The length of one send slot of an endpoint limit (2 per second → 512.5 ms). */
export function slotMs(limit: RateLimit): number {
	return (limit.perMs * (1 + PACING.margin) + PACING.marginMs) / limit.requests;
}

export interface Waiter {
	/** Milliseconds to wait before asking again; 0 means the request is sent now. */
	nextWait(): number;
	/** The request was answered (anything but 429). */
	succeeded(): void;
	/**
	 * The request was answered 429: holds the endpoint for `waitMs` plus jitter and moves the
	 * process to another slot phase or level. Returns the hold in ms, or undefined (changing
	 * nothing) when the next attempt would pass the request's time budget.
	 */
	throttled(waitMs: number): number | undefined;
	/** Attempts let go so far. */
	attempts(): number;
	/** Time since the first attempt. */
	elapsedMs(): number;
}

export class RateController {
	private readonly endpoints = new Map<string, EndpointLane>();

	private readonly windows = new Map<string, WindowLane>();

	private seq = 0;

	constructor(private readonly clock: Clock) {}

	private endpointLane(key: string, processes: number): EndpointLane {
		let lane = this.endpoints.get(key);
		if (!lane) {
			lane = {
				level: processes,
				phase: Math.floor(this.clock.random() * processes),
				lastSlot: -Infinity,
				lastSendAt: -Infinity,
				lastThrottleAt: -Infinity,
				throttles: [],
				successes: 0,
				holdUntil: 0,
				waiting: [],
			};
			this.endpoints.set(key, lane);
		}
		if (lane.level < processes) this.moveTo(lane, processes);
		return lane;
	}

	private windowLane(key: string): WindowLane {
		let lane = this.windows.get(key);
		if (!lane) this.windows.set(key, (lane = []));
		return lane;
	}

	private moveTo(lane: EndpointLane, level: number): void {
		const previous = lane.phase;
		lane.level = Math.min(PACING.maxLevel, level);
		lane.phase = Math.floor(this.clock.random() * lane.level);
		// Another phase than the one that collided, when there is one.
		if (lane.level > 1 && lane.phase === previous % lane.level)
			lane.phase = (lane.phase + 1) % lane.level;
		lane.successes = 0;
	}

	/** How many processes an endpoint's pacing assumes, and which of their slots it uses. */
	stateOf(endpointKey: string): { level: number; phase: number } | undefined {
		const lane = this.endpoints.get(endpointKey);
		return lane && { level: lane.level, phase: lane.phase };
	}

	/**
	 * Registers one request. `priority` is the time of its first attempt: lower goes first.
	 * `processes` is the credential's "n8n Processes Sharing This Account": the lowest level.
	 */
	request(keys: PacingKeys, limits: PacingLimits, processes: number, priority: number): Waiter {
		const clock = this.clock;
		const endpoint = this.endpointLane(keys.endpoint, processes);
		const windows: Array<[WindowLane, Window]> = [
			[this.windowLane(keys.user), windowOf(limits.user, processes)],
			[this.windowLane(keys.apiKey), windowOf(limits.apiKey, processes)],
		];
		const slot = slotMs(limits.endpoint);
		const ticket: Ticket = { priority, seq: this.seq++, wakeAt: 0 };
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

		/** The first slot of this process that starts at or after `time` (minus the tolerance). */
		const ownSlotFrom = (time: number): number => {
			let index = Math.max(
				endpoint.lastSlot + 1,
				Math.ceil((time - PACING.lateToleranceMs) / slot),
			);
			const offset =
				(((endpoint.phase - index) % endpoint.level) + endpoint.level) % endpoint.level;
			index += offset;
			return index;
		};

		const nextWait = (): number => {
			const now = clock.now();
			if (
				now - endpoint.lastSendAt > PACING.forgetAfterMs &&
				now - endpoint.lastThrottleAt > PACING.forgetAfterMs &&
				endpoint.level > processes
			)
				this.moveTo(endpoint, processes);
			if (!queued) enqueue();
			endpoint.waiting = endpoint.waiting.filter(
				(t) => t === ticket || t.wakeAt + PACING.abandonAfterMs > now,
			);
			const position = endpoint.waiting.indexOf(ticket);
			let ready = Math.max(now, endpoint.holdUntil);
			for (const [lane, window] of windows) ready = Math.max(ready, windowFree(lane, window));
			const index = ownSlotFrom(ready);
			const start = index * slot;
			if (position > 0) {
				const wait = Math.max(1, start - now + position * endpoint.level * slot);
				ticket.wakeAt = now + wait;
				return wait;
			}
			if (ready > now || start > now) {
				// A random moment early in the slot: when two processes want the same slot, either
				// may win, so both learn of each other.
				const aim = Math.max(ready, start + clock.random() * PACING.lateToleranceMs * 0.5);
				const wait = Math.max(1, Math.ceil(aim - now));
				ticket.wakeAt = now + wait;
				return wait;
			}
			endpoint.waiting.splice(position, 1);
			queued = false;
			attempts++;
			endpoint.lastSlot = index;
			endpoint.lastSendAt = now;
			for (const [lane] of windows) record(lane, now);
			return 0;
		};

		const succeeded = () => {
			if (++endpoint.successes >= PACING.probeAfterSuccesses && endpoint.level > processes)
				this.moveTo(endpoint, endpoint.level - 1);
		};

		const throttled = (waitMs: number): number | undefined => {
			const now = clock.now();
			const hold = Math.round(waitMs + clock.random() * PACING.holdJitterSlots * slot);
			const nextAttempt = Math.max(now + hold, endpoint.holdUntil);
			// The next attempt waits for a slot of its own: at most one round of a level higher.
			const latest = nextAttempt + (endpoint.level + 1) * slot;
			if (latest - priority > PACING.budgetMs) return undefined;
			// Several requests answered 429 in one go are one signal.
			if (now >= endpoint.holdUntil) {
				const within = PACING.escalateWithinSlots * endpoint.level * slot + waitMs;
				const earlier = endpoint.throttles.filter((t) => now - t <= within).length;
				// At the level an admin declared, collisions are first taken for a bad phase.
				const declared = endpoint.level === processes && processes > 1;
				const recent = earlier >= (declared ? 2 : 1);
				endpoint.throttles = [...endpoint.throttles.slice(-2), now];
				this.moveTo(
					endpoint,
					recent
						? Math.max(endpoint.level + 1, Math.ceil(endpoint.level * PACING.escalateFactor))
						: endpoint.level,
				);
				endpoint.lastThrottleAt = now;
			}
			endpoint.holdUntil = nextAttempt;
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
		this.endpoints.clear();
		this.windows.clear();
	}
}

/** The earliest time at which one more send keeps every window of the lane under its limit. */
function windowFree(sends: WindowLane, window: Window): number {
	if (sends.length < window.burst) return 0;
	return sends[sends.length - window.burst] + window.windowMs;
}

function record(sends: WindowLane, now: number): void {
	sends.push(now);
	if (sends.length > 60) sends.splice(0, sends.length - 60);
}
