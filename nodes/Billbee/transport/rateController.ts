/**
 * Adaptive client-side pacing for Billbee's rate limits, without any shared store.
 *
 * Several n8n processes (queue-mode workers, webhook processors, mains) may use one Billbee
 * account, and nodes cannot talk to each other. What they do share is the clock. So time is cut
 * into send slots, the same for every process: one slot per request that Billbee allows per
 * endpoint (2 per second, so 515 ms with a margin for network jitter; 542.5 ms when three or
 * more processes are declared on the credential, whose slots then border on others'). A process
 * that believes `level` processes share the account uses every `level`-th slot, starting at its
 * `phase`. On every second slot two processes take turns: a request then shares Billbee's window
 * only with one of the other process and with its own process's previous one, whose arrival the
 * process can judge by its round trip. From every fourth slot on, Billbee's window holding two
 * requests, phases at an even level are even: two processes may share one (both send at the
 * slot's start), the slots in between stay empty, and only a third request in a slot is answered
 * 429, never the next slot's.
 * - a 429 means other processes used the slot: the process holds the endpoint for Retry-After
 *   (plus jitter, so that competing processes do not come back in lockstep) and halves its rate
 *   (doubles its level, multiplicative decrease); a quarter of it when none of its own requests
 *   was in Billbee's window (two others were). At the level an admin declared a lone 429 only
 *   moves it to another phase; on a phase that has served a run of requests it stays through one
 *   429 (a newcomer moves away), moves at a second soon after and halves the rate at a third.
 *   Whenever it moves, it takes the phase whose slots answered it best lately: it keeps the
 *   slots that served it and leaves those that answered 429 to whoever fills them;
 * - after a while without 429s (random, around 20 s, longer at higher levels and before a try
 *   at the full rate) it tries twice its rate on a superset of its slots, sending a little late
 *   in each, so that a process already there arrives first and keeps its slot; a 429 during the
 *   try takes it back to what worked and doubles the wait for the next try. It never goes below
 *   the number of processes declared on the credential.
 * Levels stay the declared count times a power of two, so phases of different levels can tile the
 * slots. Processes thus settle on their shares and stop colliding, much like TCP congestion
 * control or the AWS SDKs' adaptive retry mode find a share without a coordinator. An endpoint new
 * to the process starts on the level and phase another endpoint of the account settled on, and
 * the first 429 of an account that proves other processes (none of the process's own requests in
 * Billbee's window) slows the endpoints that have not met the others yet.
 *
 * Timers fire late on a busy machine, so requests that must leave on time wake up before their
 * slot by how late the process's recent wake-ups were, and may leave that early.
 *
 * Pacing is by send time, and by the latest moment a request may have reached Billbee: its round
 * trip beyond the usual one may have been spent on the way there (a busy event loop, the network).
 * The request that shares Billbee's window with it waits until that window has surely passed.
 * When the process shares slots with two or more others, a request leaves only at the start of one
 * of its slots (within a small tolerance), so it never crowds another process's slot; alone or on
 * every second slot, it may leave up to half a slot late, which costs only its delay, and the
 * next keeps a slot's distance from when it really left. Billbee's per-user (10/s) and
 * per-API-key (50/s) limits are kept as sliding windows over the moments requests really left.
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
	margin: 0.025,
	marginMs: 5,
	/**
	 * The margin when three or more processes are declared: then the request after next in the
	 * slots is another process's, which cannot know that one of ours arrived late.
	 */
	sharedMargin: 0.08,
	/** How late after the start of its slot a request may still leave. */
	lateToleranceMs: 8,
	/**
	 * Timers fire late on a busy event loop (on 2 busy cores: 9 ms typically, 17 ms often). A
	 * request that must leave on time wakes up this much before its slot, by how late the
	 * process's last wake-ups were, and may leave that early: early by a few ms narrows the gap
	 * to the slot before as much as late narrows the gap to the slot after, and the margins
	 * cover either.
	 */
	maxLeadMs: 15,
	/** Wake-ups kept to learn how late the process's timers fire. */
	wakeUps: 32,
	/**
	 * While it tries twice its rate, how late a process sends in its slots: a process that
	 * already uses one arrives first and keeps it, and the try meets the 429. Below two slots
	 * minus Billbee's window (30 ms), so the late request has left the window when the slot after
	 * next begins.
	 */
	politeDelayMs: 15,
	/**
	 * How far apart, at Billbee, a request must arrive from the own request that shares its
	 * window, beyond the window itself.
	 */
	arrivalGapMs: 10,
	/** Round-trip times kept per endpoint to learn the usual one, and how many it takes. */
	roundTrips: 16,
	learnRoundTrips: 3,
	/** Successes in a row on one slot phase after which a lone 429 does not move the process. */
	ownedAfterSuccesses: 4,
	/** A second 429 within this many of the process's own slots raises the level. */
	escalateWithinSlots: 6,
	/** Time at one level after which the process tries twice its rate (halves its level). */
	probeAfterMs: 20_000,
	/**
	 * A try at the full rate pays off only when every other process has gone, and confirmed
	 * wrongly it takes every slot: it waits this much longer.
	 */
	fullRateTryFactor: 1.5,
	probeAfterMaxMs: 40_000,
	/**
	 * A try counts as good after successes spanning this many slots (a process using every
	 * eighth slot would have met it), and at least `probeConfirmSuccesses`.
	 */
	probeConfirmSlots: 8,
	probeConfirmSuccesses: 2,
	maxLevel: 8,
	/** Answers older than this say nothing about where there is room. */
	outcomeMemoryMs: 30_000,
	outcomes: 32,
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
	/** It waits for a timer: its next ask shows how late the timer fired. */
	sleeping: boolean;
}

/** One endpoint of one account in this process. */
interface EndpointLane {
	/** The account (user key) whose endpoint it is. */
	account: string;
	level: number;
	/** The processes an admin declared on the credential (the lowest level). */
	declared: number;
	phase: number;
	/** Successes in a row since the process moved to this phase. */
	streak: number;
	/** The phase has served a run of requests since the process moved to it. */
	owns: boolean;
	/** The slot length the lane's slot numbers count in. */
	slotMs: number;
	lastSlot: number;
	lastSendAt: number;
	/** How much of the last send's lateness was a try's deliberate delay. */
	lastDelayMs: number;
	/** When it last learned of other processes: a 429, or another endpoint's settled slots. */
	learnedAt: number;
	/** The moments of the last 429s (a few). */
	throttles: number[];
	/** When it next tries twice its rate (random, so that processes do not try in lockstep). */
	probeAt: number;
	/** Time after which the process tries twice its rate; doubles after each failed try. */
	probeAfterMs: number;
	/** While it tries: where it was before. A 429 takes it back there. */
	probedFrom?: { level: number; phase: number; owns: boolean };
	holdUntil: number;
	waiting: Ticket[];
	/** The process's own last sends, newest last. */
	sends: OwnSend[];
	/** Recent round-trip times of successful requests. */
	roundTrips: number[];
	/** How Billbee answered the lane's recent requests, by slot: where there is room. */
	outcomes: SlotOutcome[];
}

interface SlotOutcome {
	slot: number;
	at: number;
	ok: boolean;
}

/**
 * When a request left and the latest moment it may have reached Billbee: its round trip
 * beyond the usual one is time it may have spent on the way there (a busy event loop, the
 * network), and until its answer comes that is unknown.
 */
interface OwnSend {
	ticket: Ticket;
	at: number;
	latestArrival: number;
	/** When its answer came: it surely reached Billbee before. */
	answeredAt?: number;
	slot: number;
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

/** The length of one send slot of an endpoint limit (2 per second → 515 ms). */
export function slotMs(limit: RateLimit, declared = 1): number {
	const margin = declared >= 3 ? PACING.sharedMargin : PACING.margin;
	return (limit.perMs * (1 + margin) + PACING.marginMs) / limit.requests;
}

export interface Waiter {
	/** Milliseconds to wait before asking again; 0 means the request is sent now. */
	nextWait(): number;
	/** The request was answered (anything but 429). */
	succeeded(): void;
	/**
	 * The request was answered 429: holds the endpoint for `waitMs` plus jitter and moves the
	 * process to another slot phase or level. Returns the hold in ms, or undefined (holding
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

	/** Per account: the level and phase on which an endpoint last served a run of requests. */
	private readonly settled = new Map<string, { level: number; phase: number }>();

	private seq = 0;

	/** How late the process's timers fired lately, in ms: the event loop's, for every lane. */
	private readonly wakeLateness: number[] = [];

	constructor(private readonly clock: Clock) {}

	private endpointLane(key: string, account: string, processes: number): EndpointLane {
		let lane = this.endpoints.get(key);
		if (!lane) {
			// The same processes share every endpoint of an account: slots that served one
			// endpoint well are a good start for the next.
			const settled = this.settled.get(account);
			const start =
				settled && settled.level >= processes
					? settled
					: { level: processes, phase: randomPhase(processes, processes, this.clock.random()) };
			lane = {
				...start,
				declared: processes,
				account,
				streak: 0,
				owns: false,
				slotMs: 0,
				lastSlot: -Infinity,
				lastSendAt: -Infinity,
				lastDelayMs: 0,
				learnedAt: settled ? this.clock.now() : -Infinity,
				throttles: [],
				probeAt: 0,
				probeAfterMs: PACING.probeAfterMs,
				holdUntil: 0,
				waiting: [],
				sends: [],
				roundTrips: [],
				outcomes: [],
			};
			this.scheduleProbe(lane);
			this.endpoints.set(key, lane);
		}
		lane.declared = processes;
		if (lane.level < processes) this.moveTo(lane, processes);
		return lane;
	}

	private windowLane(key: string): WindowLane {
		let lane = this.windows.get(key);
		if (!lane) this.windows.set(key, (lane = []));
		return lane;
	}

	/**
	 * Moves the lane to `level`, on the phase whose slots served it best lately: slots whose last
	 * answer was a 429 are full (whoever filled them stays there), slots without an answer are
	 * unknown, slots that answered are free for this process. Among equals it picks at random,
	 * so that processes that met one 429 together do not move in lockstep.
	 */
	private moveTo(lane: EndpointLane, level: number): void {
		lane.level = Math.min(Math.max(PACING.maxLevel, lane.declared * 4), level);
		const step = phaseStep(lane.level, lane.declared);
		const since = this.clock.now() - PACING.outcomeMemoryMs;
		const rank = (phase: number): number => {
			let latest: SlotOutcome | undefined;
			for (const outcome of lane.outcomes)
				if (outcome.at >= since && outcome.slot % lane.level === phase) latest = outcome;
			return latest === undefined ? 1 : latest.ok ? 0 : 2;
		};
		const phases = Array.from({ length: lane.level / step }, (_, i) => i * step);
		const ranks = phases.map(rank);
		const best = phases.filter((_, i) => ranks[i] === Math.min(...ranks));
		lane.phase = best[Math.floor(this.clock.random() * best.length)];
		lane.streak = 0;
		lane.owns = false;
		lane.probedFrom = undefined;
		this.scheduleProbe(lane);
	}

	/**
	 * The first sign of other processes on an account: its endpoints that have not met them
	 * lately assume them too, since the same processes share every endpoint of an account.
	 */
	private warnOtherEndpoints(from: EndpointLane): void {
		const now = this.clock.now();
		for (const lane of this.endpoints.values()) {
			if (lane === from || lane.account !== from.account || lane.level !== 1) continue;
			if (now - lane.learnedAt <= PACING.forgetAfterMs) continue;
			this.moveTo(lane, from.level);
			lane.learnedAt = now;
		}
	}

	/**
	 * A try risks one 429 for one level-th more of the capacity, so above twice the declared
	 * count the wait grows with the square root of the level.
	 */
	private scheduleProbe(lane: EndpointLane): void {
		const scale =
			lane.level === 2 && lane.declared === 1
				? PACING.fullRateTryFactor
				: Math.sqrt(Math.max(1, lane.level / (2 * lane.declared)));
		lane.probeAt = this.clock.now() + lane.probeAfterMs * scale * (0.5 + this.clock.random());
	}

	/** How many processes an endpoint's pacing assumes, and which of their slots it uses. */
	stateOf(endpointKey: string): { level: number; phase: number } | undefined {
		const lane = this.endpoints.get(endpointKey);
		return lane && { level: lane.level, phase: lane.phase };
	}

	/**
	 * Registers one request. `priority` is when it was made: lower goes first.
	 * `processes` is the credential's "n8n Processes Sharing This Account": the lowest level.
	 */
	request(keys: PacingKeys, limits: PacingLimits, processes: number, priority: number): Waiter {
		const clock = this.clock;
		const endpoint = this.endpointLane(keys.endpoint, keys.user, processes);
		const windows: Array<[WindowLane, Window]> = [
			[this.windowLane(keys.user), windowOf(limits.user, processes)],
			[this.windowLane(keys.apiKey), windowOf(limits.apiKey, processes)],
		];
		const slot = slotMs(limits.endpoint, processes);
		if (endpoint.slotMs !== slot) {
			// The declared count changed the slot length: slot numbers count in the new length.
			endpoint.lastSlot = Math.floor(endpoint.lastSendAt / slot);
			endpoint.slotMs = slot;
			endpoint.outcomes = [];
		}
		const ticket: Ticket = { priority, seq: this.seq++, wakeAt: 0, sleeping: false };
		let queued = false;
		let attempts = 0;
		// The 429 budget counts from the first attempt: waiting in line behind the process's own
		// requests (a long per-item loop) is pacing, not being rate limited.
		let firstSentAt: number | undefined;

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
		const ownSlotFrom = (time: number, onTime: boolean): number => {
			// Up to half a slot late, a request alone or on every second slot still takes its slot
			// rather than wait a whole round: alone it costs only its delay; on every second slot
			// it may crowd the slot after next once, and the arrival guard lets the next request
			// start on time again. With more processes, a late request would crowd the slot of
			// another. After a hold it aims at a slot's start like the others, or it would lose
			// every slot it competes for.
			const tolerance = onTime ? PACING.lateToleranceMs + trying() : slot / 2;
			let index = Math.max(endpoint.lastSlot + 1, Math.ceil((time - tolerance) / slot));
			const offset =
				(((endpoint.phase - index) % endpoint.level) + endpoint.level) % endpoint.level;
			index += offset;
			return index;
		};

		/** During a try, how late in its slots the process sends. */
		const trying = () => (endpoint.probedFrom ? PACING.politeDelayMs : 0);

		const wakeAfter = (wait: number): number => {
			ticket.wakeAt = clock.now() + wait;
			ticket.sleeping = true;
			return wait;
		};

		const nextWait = (): number => {
			const now = clock.now();
			if (ticket.sleeping) {
				ticket.sleeping = false;
				this.wokeUp(now - ticket.wakeAt);
			}
			if (
				now - endpoint.lastSendAt > PACING.forgetAfterMs &&
				now - endpoint.learnedAt > PACING.forgetAfterMs &&
				endpoint.level > processes
			)
				this.moveTo(endpoint, processes);
			if (!queued) enqueue();
			endpoint.waiting = endpoint.waiting.filter(
				(t) => t === ticket || t.wakeAt + PACING.abandonAfterMs > now,
			);
			const position = endpoint.waiting.indexOf(ticket);
			// By send time: a request that left late is not followed too closely by the next.
			const spaced = endpoint.lastSendAt - endpoint.lastDelayMs + slot - PACING.lateToleranceMs;
			let ready = Math.max(
				now,
				spaced,
				endpoint.holdUntil,
				ownArrivalFree(endpoint, limits.endpoint, slot),
			);
			for (const [lane, window] of windows) ready = Math.max(ready, windowFree(lane, window));
			// Only where a request must leave on time can a late timer make it miss its slot: there it
			// wakes up early. Elsewhere it would only narrow the gap to the own request before.
			const onTime = endpoint.level > 2 || endpoint.holdUntil > now;
			const index = ownSlotFrom(ready, onTime);
			const delay = trying();
			const start = index * slot + delay;
			const lead = onTime ? this.lead() : 0;
			if (position > 0)
				return wakeAfter(Math.max(1, start - lead - now + position * endpoint.level * slot));
			if (ready > now || start - lead > now) {
				// A random moment early in the slot: when two processes want the same slot, either
				// may win, so both learn of each other.
				const aim = Math.max(ready, start - lead + clock.random() * PACING.lateToleranceMs * 0.5);
				return wakeAfter(Math.max(1, Math.ceil(aim - now)));
			}
			endpoint.waiting.splice(position, 1);
			queued = false;
			attempts++;
			firstSentAt ??= now;
			endpoint.lastSlot = index;
			endpoint.lastSendAt = now;
			endpoint.lastDelayMs = delay;
			endpoint.sends = [
				...endpoint.sends.slice(-3),
				{ ticket, at: now, latestArrival: now, slot: index },
			];
			for (const [lane] of windows) record(lane, now);
			return 0;
		};

		const ownSend = () => endpoint.sends.find((send) => send.ticket === ticket);

		const succeeded = () => {
			const send = ownSend();
			if (send) {
				const roundTrip = clock.now() - send.at;
				endpoint.roundTrips = [...endpoint.roundTrips.slice(1 - PACING.roundTrips), roundTrip];
				// Until a few round trips show the usual one, all of it may have been the way there.
				const usual =
					endpoint.roundTrips.length > PACING.learnRoundTrips
						? Math.min(...endpoint.roundTrips)
						: 0;
				send.latestArrival = send.at + roundTrip - usual;
				send.answeredAt = clock.now();
				remember(endpoint, send.slot, clock.now(), true);
			}
			if (++endpoint.streak === PACING.ownedAfterSuccesses && !endpoint.probedFrom) {
				endpoint.owns = true;
				this.settled.set(keys.user, { level: endpoint.level, phase: endpoint.phase });
			}
			// During a try every 429 ends it, so the streak counts the try's successes.
			if (endpoint.probedFrom && endpoint.streak >= triedEnough(endpoint.level)) {
				endpoint.probedFrom = undefined;
				endpoint.owns = true;
				endpoint.probeAfterMs = PACING.probeAfterMs;
			}
			if (!endpoint.probedFrom && endpoint.level > processes && clock.now() >= endpoint.probeAt) {
				// Twice the rate on a superset of its slots: its own phase, one level down.
				endpoint.probedFrom = {
					level: endpoint.level,
					phase: endpoint.phase,
					owns: endpoint.owns,
				};
				endpoint.level = Math.max(processes, Math.floor(endpoint.level / 2));
				endpoint.phase %= endpoint.level;
				endpoint.streak = 0;
				endpoint.owns = false;
			}
		};

		const throttled = (waitMs: number): number | undefined => {
			const now = clock.now();
			const sent = ownSend();
			const sentAt = sent?.at ?? now;
			// Billbee did not count it.
			endpoint.sends = endpoint.sends.filter((send) => send.ticket !== ticket);
			if (sent) remember(endpoint, sent.slot, now, false);
			const hold = Math.round(waitMs + clock.random() * PACING.holdJitterSlots * slot);
			const nextAttempt = Math.max(now + hold, endpoint.holdUntil);
			// The next attempt waits for a slot of its own: at most one round of a level higher.
			const latest = nextAttempt + (endpoint.level + 1) * slot;
			if (latest - (firstSentAt ?? now) > PACING.budgetMs) return undefined;
			// None of the process's own requests in Billbee's window: two others filled it.
			const crowded = !endpoint.sends.some((send) => send.at > sentAt - limits.endpoint.perMs);
			// Fewer of its own requests than the window holds can have been in it (the earlier ones
			// were answered before it began): another process filled the rest, and the 429 cannot
			// come from its own request arriving late.
			const ownInWindow = endpoint.sends.filter(
				(send) =>
					send.at < sentAt && (send.answeredAt ?? Infinity) > sentAt - limits.endpoint.perMs,
			).length;
			const proof = ownInWindow < limits.endpoint.requests;
			if (endpoint.probedFrom) {
				// The try found the slots taken: back to what worked, and try again later.
				Object.assign(endpoint, endpoint.probedFrom, { streak: 0 });
				endpoint.probedFrom = undefined;
				endpoint.probeAfterMs = Math.min(PACING.probeAfterMaxMs, endpoint.probeAfterMs * 2);
				this.scheduleProbe(endpoint);
				endpoint.learnedAt = now;
			} else if (now >= endpoint.holdUntil) {
				// Several requests answered 429 in one go are one signal.
				const within = PACING.escalateWithinSlots * endpoint.level * slot + waitMs;
				const earlier = endpoint.throttles.filter((t) => now - t <= within).length;
				// This 429 and those soon before it.
				const strikes = earlier + 1;
				// Slots that have served a run of requests are most likely this process's own: a 429
				// on them comes from a newcomer or a try of another process, which will move or go
				// back. A second one soon after means they hold one process too many, and the others
				// may be owners too: it moves. A third halves the rate.
				const owned = endpoint.owns && endpoint.level > 1;
				// At the level an admin declared, collisions are first taken for a bad phase.
				const declared = endpoint.level === processes && processes > 1;
				// Alone, a process spaces its requests by when they may have arrived (the round
				// trips), so a 429 means someone else uses the endpoint. On every fourth slot or
				// fewer it already knows of others, and a 429 on slots it has not made its own says
				// they are full.
				const halveAt = owned || declared ? 3 : endpoint.level === 2 ? 2 : 1;
				const moveAt = owned ? 2 : 1;
				endpoint.throttles = [...endpoint.throttles.slice(-2), now];
				if (strikes >= halveAt) {
					const wasAlone = endpoint.level === 1;
					this.moveTo(endpoint, endpoint.level * (wasAlone && crowded ? 4 : 2));
					// The account's other endpoints slow down only on proof of other processes: a 429
					// with two of its own requests possibly in the window may be its own doing.
					if (wasAlone && proof) this.warnOtherEndpoints(endpoint);
				} else if (strikes >= moveAt) this.moveTo(endpoint, endpoint.level);
				endpoint.streak = 0;
				endpoint.learnedAt = now;
			}
			endpoint.holdUntil = nextAttempt;
			return hold;
		};

		return {
			nextWait,
			succeeded,
			throttled,
			attempts: () => attempts,
			elapsedMs: () => clock.now() - (firstSentAt ?? clock.now()),
		};
	}

	private wokeUp(lateMs: number): void {
		this.wakeLateness.push(Math.max(0, lateMs));
		if (this.wakeLateness.length > PACING.wakeUps) this.wakeLateness.shift();
	}

	/** How much before its slot a request wakes up: how late nine in ten wake-ups were lately. */
	private lead(): number {
		if (this.wakeLateness.length < 4) return 0;
		const sorted = [...this.wakeLateness].sort((a, b) => a - b);
		return Math.min(PACING.maxLeadMs, sorted[Math.floor(sorted.length * 0.9)]);
	}

	/** For tests and the benchmark: forget everything. */
	reset(): void {
		this.wakeLateness.length = 0;
		this.endpoints.clear();
		this.windows.clear();
		this.settled.clear();
	}
}

/**
 * The earliest time at which one more request of this process surely reaches Billbee after the
 * window of the own request it shares a window with has passed: the second-last own request
 * when the process believes it is alone (2 per window), else the last (the others use the
 * slots in between). Sharing, that request is a round of slots back, and its lateness counts
 * only up to that round's slack beyond the window: a long round trip is far more often a slow
 * answer (a large page parsed on a busy machine) than a slow way there, and waiting longer would
 * push every later request past the start of its slot, into the window of the slot after next.
 */
function ownArrivalFree(lane: EndpointLane, limit: RateLimit, slot: number): number {
	const alone = lane.level === 1;
	const shared = lane.sends[lane.sends.length - (alone ? limit.requests : 1)];
	if (!shared) return 0;
	const slack = lane.level * slot - limit.perMs - PACING.arrivalGapMs;
	const late = shared.latestArrival - shared.at;
	return (
		shared.at +
		(alone ? late : Math.min(late, Math.max(0, slack))) +
		limit.perMs +
		PACING.arrivalGapMs
	);
}

function remember(lane: EndpointLane, slot: number, at: number, ok: boolean): void {
	// Sending in every slot, a 429 says that Billbee's window was full, not who uses which slot.
	if (lane.level === 1) return;
	lane.outcomes = [...lane.outcomes.slice(1 - PACING.outcomes), { slot, at, ok }];
}

/** Successes after which a try at `level` counts as good: they span `probeConfirmSlots` slots. */
function triedEnough(level: number): number {
	return Math.max(PACING.probeConfirmSuccesses, Math.ceil(PACING.probeConfirmSlots / level));
}

/**
 * The distance between the phases a process may take: 2 at an even level from every fourth slot
 * on (two processes may share one; the slots in between stay empty), unless three, five...
 * processes are declared: their levels do not tile the slots in pairs. On every second slot two
 * processes take turns: sharing a slot, each would depend on how late the other's requests
 * arrive, which it cannot see.
 */
function phaseStep(level: number, declared: number): number {
	return level % 2 === 0 && level > 2 && (declared === 1 || declared % 2 === 0) ? 2 : 1;
}

function randomPhase(level: number, declared: number, random: number): number {
	const step = phaseStep(level, declared);
	return step * Math.floor(random * (level / step));
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
