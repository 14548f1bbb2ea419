'use strict';
// The adaptive rate controller on a simulated clock: no real time passes in these tests.
const test = require('node:test');
const assert = require('node:assert/strict');
const {
	RateController,
	PACING,
	slotMs,
} = require('../../dist/nodes/Billbee/transport/rateController.js');
const { mostInWindow } = require('../sandbox/throttle.js');

const LIMITS = {
	endpoint: { requests: 2, perMs: 1000 },
	user: { requests: 10, perMs: 1000 },
	apiKey: { requests: 50, perMs: 1000 },
};
const KEYS = { endpoint: 'cred|GET /orders', user: 'cred', apiKey: 'key' };
/** Another endpoint of the same account. */
const PRODUCTS = { ...KEYS, endpoint: 'cred|GET /products' };

function fakeClock(start = 1_000_000, randoms = [0.5]) {
	let i = 0;
	return {
		t: start,
		now() {
			return this.t;
		},
		random: () => randoms[i++ % randoms.length],
	};
}

/** Asks until the controller lets the request go, advancing the clock by each wait (the first wake-up `lateMs` late). */
function sendWhenAllowed(clock, waiter, lateMs = 0) {
	for (let wait = waiter.nextWait(); wait > 0; wait = waiter.nextWait()) {
		clock.t += wait + lateMs;
		lateMs = 0;
	}
	return clock.t;
}

/**
 * Sends `count` requests one after another, each answered with success (the i-th waking up
 * `lateMs[i]` late); returns when they left.
 */
function sendInTurn(controller, clock, count, processes = 1, lateMs = []) {
	const sent = [];
	for (let i = 0; i < count; i++) {
		const waiter = controller.request(KEYS, LIMITS, processes, clock.t);
		sent.push(sendWhenAllowed(clock, waiter, lateMs[i]));
		waiter.succeeded();
	}
	return sent;
}

/** One request, let go as soon as the controller allows; returns its waiter. */
function sendOneNow(controller, clock) {
	const waiter = controller.request(KEYS, LIMITS, 1, clock.t);
	sendWhenAllowed(clock, waiter);
	return waiter;
}

/** Billbee answers the request of `waiter` with 429 (Retry-After 1 s) 20 ms after it left. */
function answer429(clock, waiter) {
	clock.t += 20;
	return waiter.throttled(1000);
}

/** Runs `check` for random draws that would pick either phase, and a 429 in either phase of four. */
function eachChanceAndPhase(check) {
	for (const random of [0.2, 0.8])
		for (const throttledPhase of [0, 2]) check(random, throttledPhase);
}

/** How far into its send slot (of the endpoint limit alone) a moment lies. */
const intoSlot = (t) => t % slotMs(LIMITS.endpoint);

const perSecondOf = (sent) => ((sent.length - 1) / (sent[sent.length - 1] - sent[0])) * 1000;

test('one process paces an endpoint to 2 per second: never 3 in a second, at ≥ 97 % of the limit', () => {
	const clock = fakeClock();
	const controller = new RateController(clock);
	const sent = sendInTurn(controller, clock, 40);
	assert.equal(mostInWindow(sent, 1000), 2);
	const perSecond = perSecondOf(sent);
	assert.ok(perSecond >= 0.97 * 2 && perSecond <= 2, `${perSecond} requests/s`);
	// Spaced evenly, not in pairs.
	for (let i = 1; i < sent.length; i++) assert.ok(sent[i] - sent[i - 1] >= 450);
});

test('alone, a request that wakes up a little late still leaves in its slot; the next ones keep their distance from when it really left', () => {
	const clock = fakeClock();
	const controller = new RateController(clock);
	const slot = slotMs(LIMITS.endpoint);
	// The second request wakes up 100 ms late (a busy event loop).
	const sent = sendInTurn(controller, clock, 4, 1, [0, 100]);
	assert.ok(Math.abs(sent[1] - sent[0] - (slot + 100)) < 4, `${sent[1] - sent[0]} ms`);
	// The next keeps a slot's distance from when the late one really left.
	const spacing = sent[2] - sent[1];
	assert.ok(spacing >= slot - PACING.lateToleranceMs - 1 && spacing <= slot + 4, `${spacing} ms`);
	assert.ok(sent[3] - sent[1] >= 1000, `${sent[3] - sent[1]} ms`);
});

test('sharing slots with other processes, a request that wakes up late waits for its next slot', () => {
	const clock = fakeClock();
	const controller = new RateController(clock);
	const slot = slotMs(LIMITS.endpoint);
	const sent = sendInTurn(controller, clock, 3, 2, [0, 300]);
	// Its own slots are every second one: the late request takes the one after the missed one.
	assert.ok(Math.abs(sent[1] - sent[0] - 4 * slot) < 4, `${sent[1] - sent[0]} ms`);
	assert.ok(Math.abs(sent[2] - sent[1] - 2 * slot) < 4, `${sent[2] - sent[1]} ms`);
});

test('alone, a slow round trip delays the request that shares its window: it may have reached Billbee late', () => {
	const clock = fakeClock();
	const controller = new RateController(clock);
	// Usual round trips of 20 ms.
	for (let i = 0; i < 4; i++) {
		const waiter = sendOneNow(controller, clock);
		clock.t += 20;
		waiter.succeeded();
	}
	const slow = sendOneNow(controller, clock);
	const slowSent = clock.t;
	clock.t += 100; // 80 ms more than usual: it may have spent them on the way to Billbee
	slow.succeeded();
	const next = sendOneNow(controller, clock);
	clock.t += 20;
	next.succeeded();
	const sent = sendWhenAllowed(clock, controller.request(KEYS, LIMITS, 1, clock.t));
	assert.ok(
		sent - slowSent >= 80 + 1000,
		`left ${sent - slowSent} ms after the slow request (it may have arrived 80 ms late)`,
	);
	// Without the slow answer it would have left two spacings after it.
	assert.ok(2 * slotMs(LIMITS.endpoint) < 80 + 1000);
});

test('on every second slot, a slow round trip delays the next request at most to its slot: later it would crowd the slot after next', () => {
	const clock = fakeClock();
	const controller = new RateController(clock);
	const slot = slotMs(LIMITS.endpoint);
	const answer = (waiter, roundTrip) => {
		clock.t += roundTrip;
		waiter.succeeded();
	};
	answer(sendOneNow(controller, clock), 20);
	answer429(clock, sendOneNow(controller, clock));
	for (let i = 0; i < 5; i++) answer(sendOneNow(controller, clock), 20);
	assert.equal(controller.stateOf(KEYS.endpoint).level, 2);
	const slow = sendOneNow(controller, clock);
	const slowSent = clock.t;
	answer(slow, 300); // 280 ms more than usual: most likely a slow answer, not a slow way there
	sendOneNow(controller, clock);
	assert.ok(clock.t - slowSent <= 2 * slot + PACING.lateToleranceMs, `${clock.t - slowSent} ms`);
	assert.ok(clock.t - slowSent >= 1000 + PACING.arrivalGapMs, `${clock.t - slowSent} ms`);
});

test('a 429 holds the endpoint for Retry-After plus jitter and halves the rate; later the process tries the full rate again', () => {
	const clock = fakeClock(1_000_000, [0.5]);
	const controller = new RateController(clock);
	const sendOne = () => sendOneNow(controller, clock);
	for (let i = 0; i < 5; i++) sendOne().succeeded();
	const throttledOne = sendOne();
	clock.t += 20;
	const answeredAt = clock.t;
	const hold = throttledOne.throttled(1000);
	const slot = slotMs(LIMITS.endpoint);
	assert.ok(hold >= 1000 && hold <= 1000 + PACING.holdJitterSlots * slot, `hold ${hold} ms`);
	assert.equal(controller.stateOf(KEYS.endpoint).level, 2, 'another process uses the slots');
	const times = [];
	for (let i = 0; i < 3; i++) {
		const waiter = sendOne();
		times.push(clock.t);
		waiter.succeeded();
	}
	assert.ok(
		times[0] - answeredAt >= hold,
		'nobody of the process uses the endpoint before the hold ends',
	);
	// One request per two slots now (a request may leave up to half a slot into its slot).
	for (let i = 1; i < times.length; i++) {
		const spacing = times[i] - times[i - 1];
		assert.ok(spacing >= 1.5 * slot && spacing <= 2.5 * slot, `${spacing} ms`);
	}
	// After a while without 429s it tries its full rate again, and keeps it when that works.
	const triedAt = clock.t;
	while (controller.stateOf(KEYS.endpoint).level === 2) sendOne().succeeded();
	assert.ok(clock.t - triedAt <= PACING.probeAfterMs * 1.5 + 4 * slot, `${clock.t - triedAt} ms`);
	for (let i = 0; i < PACING.probeConfirmSlots + 2; i++) sendOne().succeeded();
	assert.equal(controller.stateOf(KEYS.endpoint).level, 1);
});

test('a try at twice the rate that meets a 429 goes back to the level and slots that worked, and the next try comes later', () => {
	const clock = fakeClock(1_000_000, [0.3, 0.8]);
	const controller = new RateController(clock);
	const sendOne = () => sendOneNow(controller, clock);
	sendOne().succeeded();
	sendOne().throttled(1000);
	const before = controller.stateOf(KEYS.endpoint);
	assert.equal(before.level, 2);
	const tryFullRate = () => {
		const started = clock.t;
		while (controller.stateOf(KEYS.endpoint).level !== 1) sendOne().succeeded();
		return clock.t - started;
	};
	const firstWait = tryFullRate();
	answer429(clock, sendOne());
	assert.deepEqual(controller.stateOf(KEYS.endpoint), before, 'back where it was');
	const secondWait = tryFullRate();
	assert.ok(
		secondWait >= PACING.probeAfterMs,
		`the second try came ${secondWait} ms after the failed one (the first after ${firstWait} ms)`,
	);
});

test('slots that served a run of requests are kept through one 429; a second soon after moves to another phase, a third halves the rate', () => {
	const clock = fakeClock(1_000_000, [0.4]);
	const controller = new RateController(clock);
	const send = () => {
		const waiter = controller.request(KEYS, LIMITS, 4, clock.t);
		sendWhenAllowed(clock, waiter);
		return waiter;
	};
	for (let i = 0; i < PACING.ownedAfterSuccesses; i++) send().succeeded();
	const before = controller.stateOf(KEYS.endpoint);
	send().throttled(1000);
	assert.deepEqual(controller.stateOf(KEYS.endpoint), before, 'a newcomer or a try moves away');
	send().throttled(1000);
	assert.deepEqual(
		controller.stateOf(KEYS.endpoint),
		{ level: 4, phase: 2 - before.phase },
		'the slots hold one process too many: it moves',
	);
	send().throttled(1000);
	assert.equal(
		controller.stateOf(KEYS.endpoint).level,
		8,
		'a third 429 soon after halves the rate',
	);
});

test('on every second slot, slots that served a run of requests are kept through one 429, left for the other phase at a second soon after, and the rate halves at a third', () => {
	const clock = fakeClock();
	const controller = new RateController(clock);
	sendOneNow(controller, clock).succeeded();
	answer429(clock, sendOneNow(controller, clock));
	const { level, phase } = controller.stateOf(KEYS.endpoint);
	assert.equal(level, 2);
	// Owned, and long after the 429 that brought it here (eight rounds).
	for (let i = 0; i < 8; i++) sendOneNow(controller, clock).succeeded();
	answer429(clock, sendOneNow(controller, clock));
	assert.deepEqual(
		controller.stateOf(KEYS.endpoint),
		{ level: 2, phase },
		'a newcomer or a try moves away',
	);
	// Two rounds of successes later, still soon after: before, the process stayed greedy and met
	// a 429 every few seconds.
	for (let i = 0; i < 2; i++) sendOneNow(controller, clock).succeeded();
	answer429(clock, sendOneNow(controller, clock));
	assert.deepEqual(controller.stateOf(KEYS.endpoint), { level: 2, phase: 1 - phase });
	sendOneNow(controller, clock).succeeded();
	answer429(clock, sendOneNow(controller, clock));
	assert.equal(controller.stateOf(KEYS.endpoint).level, 4);
});

test('on every fourth slot or fewer, a 429 on slots the process has not made its own halves the rate at once', () => {
	const clock = fakeClock();
	const controller = new RateController(clock);
	answer429(clock, sendOneNow(controller, clock));
	assert.equal(controller.stateOf(KEYS.endpoint).level, 4);
	// Long after that first 429: this one alone says the slots are full.
	clock.t += 15_000;
	sendOneNow(controller, clock).succeeded();
	answer429(clock, sendOneNow(controller, clock));
	assert.equal(controller.stateOf(KEYS.endpoint).level, 8);
});

test('a process moves to slots that did not answer it 429 lately, whatever chance would pick', () => {
	for (const random of [0.2, 0.8]) {
		const clock = fakeClock(1_000_000, [random]);
		const controller = new RateController(clock);
		// Four processes declared: a lone 429 moves it to the other phase of every fourth slot.
		const waiter = controller.request(KEYS, LIMITS, 4, clock.t);
		sendWhenAllowed(clock, waiter);
		const { phase } = controller.stateOf(KEYS.endpoint);
		answer429(clock, waiter);
		assert.deepEqual(
			controller.stateOf(KEYS.endpoint),
			{ level: 4, phase: 2 - phase },
			`429 on phase ${phase}, random ${random}`,
		);
	}
});

test('several 429s answered at once are one signal', () => {
	const clock = fakeClock();
	const controller = new RateController(clock);
	sendOneNow(controller, clock).succeeded();
	const a = sendOneNow(controller, clock);
	const b = sendOneNow(controller, clock);
	a.throttled(1000);
	b.throttled(1000);
	assert.equal(controller.stateOf(KEYS.endpoint).level, 2, 'halved once, not twice');
});

test('a request answered 429 keeps its place: it goes before newer requests of the process', () => {
	const clock = fakeClock();
	const controller = new RateController(clock);
	const old = sendOneNow(controller, clock);
	old.throttled(1000);
	// Newer requests ask first while the endpoint is held.
	clock.t += 10;
	const newer = [1, 2, 3].map(() => controller.request(KEYS, LIMITS, 1, clock.t));
	for (const waiter of newer) assert.ok(waiter.nextWait() > 0);
	// The old request asks again: it is first in line, the newer ones wait behind it.
	const oldWait = old.nextWait();
	const newerWaits = newer.map((w) => w.nextWait());
	for (const wait of newerWaits) assert.ok(wait > oldWait, `${wait} > ${oldWait}`);
	clock.t += oldWait;
	assert.equal(old.nextWait(), 0, 'the old request leaves first');
	assert.ok(newer[0].nextWait() > 0);
});

test('a waiting request that never asks again does not block the others for long', () => {
	const clock = fakeClock();
	const controller = new RateController(clock);
	const before = sendOneNow(controller, clock);
	const gone = controller.request(KEYS, LIMITS, 1, clock.t);
	// First in line and told to wait, then never asks again (its execution was stopped).
	assert.ok(gone.nextWait() > 0);
	const waiting = controller.request(KEYS, LIMITS, 1, clock.t + 1);
	const started = clock.t;
	const sent = sendWhenAllowed(clock, waiting);
	assert.ok(sent - started <= PACING.abandonAfterMs + 1000, `waited ${sent - started} ms`);
});

test('"n8n Processes Sharing This Account" divides the limits: 4 processes → one request per ~2 s each', () => {
	const clock = fakeClock();
	const controller = new RateController(clock);
	const sent = sendInTurn(controller, clock, 10, 4);
	for (let i = 1; i < sent.length; i++) assert.ok(sent[i] - sent[i - 1] >= 2000);
	// With three or more processes the slots keep a wider margin (8 %): the request after next
	// belongs to another process, which cannot know that one of ours arrived late.
	const perSecond = perSecondOf(sent);
	assert.ok(perSecond >= 0.91 * 0.5, `${perSecond} requests/s`);
	assert.ok(slotMs(LIMITS.endpoint, 4) > slotMs(LIMITS.endpoint, 2));
	sendInTurn(controller, clock, 60, 4);
	assert.equal(controller.stateOf(KEYS.endpoint).level, 4, 'never faster than the declared share');
});

/**
 * Processes (one controller each, with work queued) against a sliding-window server that
 * accepts 2 per second, until `total` requests were answered.
 */
function shareOneServer(controllers, clock, declared, total) {
	const accepted = [];
	const outcomes = controllers.map(() => []);
	const processes = controllers.map((controller) => ({
		controller,
		waiter: null,
		wakeAt: clock.t,
	}));
	let rejected = 0;
	while (outcomes.flat().length < total) {
		const p = processes.reduce((x, y) => (y.wakeAt < x.wakeAt ? y : x));
		clock.t = Math.max(clock.t, p.wakeAt);
		p.waiter ??= p.controller.request(KEYS, LIMITS, declared, clock.t);
		const wait = p.waiter.nextWait();
		if (wait > 0) {
			p.wakeAt = clock.t + wait;
			continue;
		}
		const index = processes.indexOf(p);
		if (accepted.filter((t) => t > clock.t - 1000).length < 2) {
			accepted.push(clock.t);
			p.waiter.succeeded();
			p.waiter = null;
			outcomes[index].push(200);
			p.wakeAt = clock.t + 30;
		} else {
			rejected++;
			outcomes[index].push(429);
			p.waiter.throttled(1000);
			p.wakeAt = clock.t + 1;
		}
	}
	return { accepted, outcomes, rejected };
}

test('two processes on one account settle on shared slots and stop colliding', () => {
	const clock = fakeClock(1_000_000, [0.13, 0.71, 0.42, 0.88, 0.05, 0.57, 0.29, 0.94]);
	const controllers = [new RateController(clock), new RateController(clock)];
	const { accepted, outcomes, rejected } = shareOneServer(controllers, clock, 1, 200);
	const total = outcomes.flat().length;
	assert.ok(rejected / total <= 0.1, `${rejected} of ${total} answered 429`);
	for (const outcome of outcomes) {
		const ok = outcome.filter((status) => status === 200).length;
		assert.ok(ok >= 0.4 * (total - rejected), `one process got only ${ok} through`);
	}
	const span = (accepted[accepted.length - 1] - accepted[0]) / 1000;
	assert.ok((accepted.length - 1) / span >= 0.8 * 2, `${(accepted.length - 1) / span} requests/s`);
});

test('four processes declared on the credential: two per phase never meet a 429, a third on a phase moves to the other', () => {
	// Randoms 0.2 → phase 0, 0.7 → phase 2 (of 0 and 2 at level 4).
	const run = (randoms) => {
		const clock = fakeClock(1_000_000);
		const controllers = randoms.map(
			(r) => new RateController({ now: () => clock.t, random: () => r }),
		);
		return shareOneServer(controllers, clock, 4, 120);
	};
	const paired = run([0.2, 0.7, 0.2, 0.7]);
	assert.equal(paired.rejected, 0);
	const crowded = run([0.2, 0.2, 0.2, 0.7]);
	assert.equal(crowded.rejected, 1);
	const span = (crowded.accepted[crowded.accepted.length - 1] - crowded.accepted[0]) / 1000;
	assert.ok(
		(crowded.accepted.length - 1) / span >= 0.9 * 2,
		`${(crowded.accepted.length - 1) / span} requests/s`,
	);
});

test('the user limit (10/s) spans endpoints: 12 endpoints at once still send at most 10 in a second', () => {
	const clock = fakeClock();
	const controller = new RateController(clock);
	const sent = [];
	const waiters = Array.from({ length: 12 }, (_, i) =>
		controller.request({ ...KEYS, endpoint: `cred|GET /e${i}` }, LIMITS, 1, clock.t),
	);
	let pending = waiters.map((w) => ({ w, at: clock.t }));
	while (pending.length) {
		pending.sort((x, y) => x.at - y.at);
		const next = pending[0];
		clock.t = Math.max(clock.t, next.at);
		const wait = next.w.nextWait();
		if (wait > 0) next.at = clock.t + wait;
		else {
			sent.push(clock.t);
			pending = pending.slice(1);
		}
	}
	assert.equal(sent.length, 12);
	assert.ok(mostInWindow(sent, 1000) <= 10);
});

test('jitter: two processes answered 429 at the same moment come back at different times', () => {
	const holds = [0.1, 0.9].map((random) => {
		const clock = fakeClock(1_000_000, [random]);
		const controller = new RateController(clock);
		const waiter = sendOneNow(controller, clock);
		return waiter.throttled(1000);
	});
	assert.ok(Math.abs(holds[0] - holds[1]) >= 100, `holds ${holds}`);
});

test('the retry limit is a time budget: 429s are answered for 120 s, however many attempts that takes', () => {
	const clock = fakeClock();
	const controller = new RateController(clock);
	const waiter = controller.request(KEYS, LIMITS, 1, clock.t);
	let firstAttempt;
	let hold;
	do {
		sendWhenAllowed(clock, waiter);
		firstAttempt ??= clock.t;
		clock.t += 30; // the 429 arrives
		hold = waiter.throttled(1000);
	} while (hold !== undefined);
	assert.ok(waiter.attempts() > 6, `${waiter.attempts()} attempts`);
	const elapsed = clock.t - firstAttempt;
	// It stops when the next attempt (a hold with its jitter plus one spacing at the lowest rate
	// away) would pass the budget.
	const longestSpacing =
		(PACING.maxLevel + 1 + PACING.holdJitterSlots) * slotMs(LIMITS.endpoint) + 1000;
	assert.ok(
		elapsed > PACING.budgetMs - longestSpacing && elapsed <= PACING.budgetMs,
		`${elapsed} ms`,
	);
	assert.equal(waiter.elapsedMs(), elapsed);
});

test('a request that waited long in line (a long per-item loop) still has the whole budget for its 429s', () => {
	const clock = fakeClock();
	const controller = new RateController(clock);
	const waiter = controller.request(KEYS, LIMITS, 1, clock.t);
	clock.t += PACING.budgetMs + 60_000; // its turn comes late: many items of the process went first
	sendWhenAllowed(clock, waiter);
	const firstAttempt = clock.t;
	clock.t += 30;
	assert.notEqual(waiter.throttled(1000), undefined, 'answered 429 once, it waits and tries again');
	let hold;
	do {
		sendWhenAllowed(clock, waiter);
		clock.t += 30;
		hold = waiter.throttled(1000);
	} while (hold !== undefined);
	assert.ok(clock.t - firstAttempt > PACING.budgetMs / 2, `${clock.t - firstAttempt} ms`);
	assert.equal(waiter.elapsedMs(), clock.t - firstAttempt);
});

test('a Retry-After longer than the budget ends the request at once and holds nothing', () => {
	const clock = fakeClock();
	const controller = new RateController(clock);
	const waiter = sendOneNow(controller, clock);
	assert.equal(waiter.throttled(PACING.budgetMs + 1000), undefined);
	assert.equal(controller.stateOf(KEYS.endpoint).level, 1);
	const next = controller.request(KEYS, LIMITS, 1, clock.t);
	assert.ok(next.nextWait() <= 600);
});

test('a new endpoint of an account starts on the level and slots another endpoint settled on', () => {
	const clock = fakeClock(1_000_000, [0.3, 0.8, 0.6]);
	const controller = new RateController(clock);
	sendOneNow(controller, clock).succeeded();
	sendOneNow(controller, clock).throttled(1000);
	for (let i = 0; i < PACING.ownedAfterSuccesses; i++) sendOneNow(controller, clock).succeeded();
	const settled = controller.stateOf(KEYS.endpoint);
	assert.equal(settled.level, 2);
	const other = { ...KEYS, endpoint: 'cred|GET /products' };
	controller.request(other, LIMITS, 1, clock.t).nextWait();
	assert.deepEqual(controller.stateOf(other.endpoint), settled);
	const otherAccount = { endpoint: 'other|GET /products', user: 'other', apiKey: 'key' };
	controller.request(otherAccount, LIMITS, 1, clock.t).nextWait();
	assert.equal(controller.stateOf(otherAccount.endpoint).level, 1, 'another account starts afresh');
});

test('the first 429 that proves other processes on an account slows its other endpoints that have not met them', () => {
	const clock = fakeClock(1_000_000, [0.3]);
	const controller = new RateController(clock);
	const otherAccount = { endpoint: 'other|GET /orders', user: 'other', apiKey: 'key' };
	for (const keys of [PRODUCTS, otherAccount])
		sendWhenAllowed(clock, controller.request(keys, LIMITS, 1, clock.t));
	// None of the process's own requests in Billbee's window: two others filled it.
	answer429(clock, sendOneNow(controller, clock));
	assert.equal(controller.stateOf(KEYS.endpoint).level, 4);
	assert.equal(controller.stateOf(PRODUCTS.endpoint).level, 4, 'the same processes use it');
	assert.equal(controller.stateOf(otherAccount.endpoint).level, 1, 'another account is not told');
});

test("a 429 with two of the process's own requests possibly in Billbee's window slows that endpoint only: its own request may have arrived late", () => {
	const clock = fakeClock(1_000_000, [0.3]);
	const controller = new RateController(clock);
	sendWhenAllowed(clock, controller.request(PRODUCTS, LIMITS, 1, clock.t));
	const answerAfter = (ms) => {
		const waiter = sendOneNow(controller, clock);
		clock.t += ms;
		waiter.succeeded();
	};
	for (let i = 0; i < 4; i++) answerAfter(20);
	// Answered 60 ms after it left: it may have reached Billbee up to 40 ms late, or 60 ms.
	answerAfter(60);
	answerAfter(20);
	answer429(clock, sendOneNow(controller, clock));
	assert.equal(controller.stateOf(KEYS.endpoint).level, 2);
	assert.equal(controller.stateOf(PRODUCTS.endpoint).level, 1);
});

test("a 429 on a process's second request (only one of its own can have been in Billbee's window) slows the account's other endpoints too", () => {
	const clock = fakeClock(1_000_000, [0.3]);
	const controller = new RateController(clock);
	sendWhenAllowed(clock, controller.request(PRODUCTS, LIMITS, 1, clock.t));
	sendOneNow(controller, clock).succeeded();
	answer429(clock, sendOneNow(controller, clock));
	assert.equal(controller.stateOf(KEYS.endpoint).level, 2);
	assert.equal(controller.stateOf(PRODUCTS.endpoint).level, 2, 'the same processes use it');
});

test('after a hold a request aims at the start of a slot, where it competes on equal terms', () => {
	for (const random of [0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95]) {
		const clock = fakeClock(1_000_000, [random]);
		const controller = new RateController(clock);
		sendOneNow(controller, clock).succeeded();
		const throttled = sendOneNow(controller, clock);
		answer429(clock, throttled);
		sendWhenAllowed(clock, throttled);
		assert.ok(
			intoSlot(clock.t) <= PACING.lateToleranceMs,
			`left ${intoSlot(clock.t)} ms into its slot`,
		);
	}
});

test('alone again far above its share, a process climbs back to the full rate: a try counts as good after successes spanning eight slots', () => {
	const clock = fakeClock(1_000_000, [0.5]);
	const controller = new RateController(clock);
	for (let i = 0; i < 3; i++) answer429(clock, sendOneNow(controller, clock));
	assert.equal(controller.stateOf(KEYS.endpoint).level, 8);
	const started = clock.t;
	const successesAt = { 8: 0, 4: 0, 2: 0, 1: 0 };
	while (controller.stateOf(KEYS.endpoint).level > 1 || successesAt[1] < 10) {
		const level = controller.stateOf(KEYS.endpoint).level;
		sendOneNow(controller, clock).succeeded();
		successesAt[level]++;
	}
	// Each try is confirmed after ceil(8 / level) successes, and the next one follows at once.
	assert.equal(successesAt[4], 2);
	assert.equal(successesAt[2], 4);
	const slot = slotMs(LIMITS.endpoint);
	const climb = clock.t - started - successesAt[1] * slot;
	// The one wait, at level 8: √(8 / 2) × probeAfterMs, up to 1.5 times that.
	assert.ok(climb <= PACING.probeAfterMs * 2 * 1.5 + 26 * slot + 1000, `climbed in ${climb} ms`);
});

test("a 429 on a request with none of the process's own in Billbee's window (two others filled it) quarters the rate", () => {
	const clock = fakeClock();
	const controller = new RateController(clock);
	answer429(clock, sendOneNow(controller, clock));
	assert.equal(controller.stateOf(KEYS.endpoint).level, 4);
});

test('halving its rate while sharing, a process keeps the half of its slots that did not meet the 429', () => {
	const slot = slotMs(LIMITS.endpoint);
	// Whatever phase chance would pick: the half is chosen by the throttled slot.
	for (const random of [0.2, 0.8])
		for (const throttledHalf of [0, 4]) {
			const clock = fakeClock(1_000_000, [random]);
			const controller = new RateController(clock);
			// None of its own requests in the window: every fourth slot.
			answer429(clock, sendOneNow(controller, clock));
			const { level, phase } = controller.stateOf(KEYS.endpoint);
			assert.equal(level, 4);
			// Served in both halves of its slots (of eight), then a 429 in one of them.
			const served = new Set();
			let waiter = sendOneNow(controller, clock);
			while (served.size < 2 || Math.floor(clock.t / slot) % 8 !== phase + throttledHalf) {
				served.add(Math.floor(clock.t / slot) % 8);
				waiter.succeeded();
				waiter = sendOneNow(controller, clock);
			}
			answer429(clock, waiter);
			assert.deepEqual(
				controller.stateOf(KEYS.endpoint),
				{ level: 8, phase: phase + 4 - throttledHalf },
				`429 in a slot of phase ${phase + throttledHalf}, random ${random}`,
			);
		}
});

test('answers at the full rate say nothing of who uses which slot: leaving it, a process takes a phase of every second slot by chance', () => {
	const slot = slotMs(LIMITS.endpoint);
	for (const [random, phase] of [
		[0.2, 0],
		[0.8, 1],
	])
		for (const throttledParity of [0, 1]) {
			const clock = fakeClock(1_000_000, [random]);
			const controller = new RateController(clock);
			// Its own request in the window: one other process, every second slot.
			sendOneNow(controller, clock).succeeded();
			let waiter = sendOneNow(controller, clock);
			while (Math.floor(clock.t / slot) % 2 !== throttledParity) {
				waiter.succeeded();
				waiter = sendOneNow(controller, clock);
			}
			answer429(clock, waiter);
			assert.deepEqual(
				controller.stateOf(KEYS.endpoint),
				{ level: 2, phase },
				`429 in a slot of parity ${throttledParity}, random ${random}`,
			);
		}
});

test('the higher the level, the longer a process waits before it tries twice its rate: a try there gains less', () => {
	const clock = fakeClock(1_000_000, [0.5]);
	const controller = new RateController(clock);
	answer429(clock, sendOneNow(controller, clock));
	assert.equal(controller.stateOf(KEYS.endpoint).level, 4);
	const movedAt = clock.t;
	while (controller.stateOf(KEYS.endpoint).level === 4) sendOneNow(controller, clock).succeeded();
	// Random 0.5: the wait is its middle value, √(4 / 2) × probeAfterMs.
	const wait = clock.t - movedAt;
	const expected = Math.SQRT2 * PACING.probeAfterMs;
	const slot = slotMs(LIMITS.endpoint);
	assert.ok(wait >= expected && wait <= expected + 6 * slot, `tried after ${wait} ms`);
});

test('timers that fire 12 ms late on a busy machine: a process on every fourth slot still sends in each of its slots, a little early at most', () => {
	const clock = fakeClock(1_000_000, [0.5]);
	const controller = new RateController(clock);
	const slot = slotMs(LIMITS.endpoint, 4);
	const lateMs = 12;
	const sent = [];
	const wakeUps = [];
	for (let i = 0; i < 20; i++) {
		const waiter = controller.request(KEYS, LIMITS, 4, clock.t);
		wakeUps[i] = 0;
		for (let wait = waiter.nextWait(); wait > 0; wait = waiter.nextWait()) {
			assert.ok(++wakeUps[i] <= 10, `request ${i} still waiting after 10 wake-ups`);
			clock.t += wait + lateMs;
		}
		sent.push(clock.t);
		waiter.succeeded();
	}
	// Once it has seen a few late wake-ups it wakes up that much earlier, and in time.
	for (let i = 6; i < sent.length; i++) {
		assert.equal(wakeUps[i], 1, `request ${i} woke up ${wakeUps[i]} times`);
		const gap = sent[i] - sent[i - 1];
		assert.ok(
			Math.abs(gap - 4 * slot) <= PACING.lateToleranceMs,
			`request ${i}: ${gap} ms after the one before`,
		);
		const fromSlotStart = ((sent[i] + slot / 2) % slot) - slot / 2;
		assert.ok(
			fromSlotStart >= -PACING.maxLeadMs && fromSlotStart <= PACING.lateToleranceMs,
			`request ${i} left ${fromSlotStart} ms from the start of its slot`,
		);
	}
});

test('on every second slot two processes take turns; from every fourth slot on, at an even level phases are even and processes pair up; with an odd count declared, every phase is used', () => {
	const phasesAt = (declared) => {
		const phases = new Set();
		for (let r = 0; r < 1; r += 0.05) {
			const controller = new RateController(fakeClock(1_000_000, [r]));
			controller.request(KEYS, LIMITS, declared, 1_000_000).nextWait();
			phases.add(controller.stateOf(KEYS.endpoint).phase);
		}
		return [...phases].sort();
	};
	assert.deepEqual(phasesAt(4), [0, 2]);
	assert.deepEqual(phasesAt(2), [0, 1]);
	assert.deepEqual(phasesAt(3), [0, 1, 2]);
});

test('during a try the process sends a little late in its slots, so a process already using them arrives first', () => {
	const clock = fakeClock(1_000_000, [0.5]);
	const controller = new RateController(clock);
	sendOneNow(controller, clock).succeeded();
	answer429(clock, sendOneNow(controller, clock));
	const delays = { settled: [], trying: [] };
	// The try starts in the success of a request at level 2: every request of this loop left
	// before it.
	while (controller.stateOf(KEYS.endpoint).level === 2) {
		const waiter = sendOneNow(controller, clock);
		delays.settled.push(intoSlot(clock.t));
		waiter.succeeded();
	}
	for (let i = 0; i < PACING.probeConfirmSlots - 1; i++) {
		sendOneNow(controller, clock).succeeded();
		delays.trying.push(intoSlot(clock.t));
	}
	assert.ok(delays.settled.length >= 2 && delays.trying.length === PACING.probeConfirmSlots - 1);
	for (const delay of delays.settled.slice(1))
		assert.ok(delay <= PACING.lateToleranceMs, `left ${delay} ms into its slot`);
	for (const delay of delays.trying)
		assert.ok(
			delay >= PACING.politeDelayMs && delay <= PACING.politeDelayMs + PACING.lateToleranceMs,
			`left ${delay} ms into its slot during the try`,
		);
	// Confirmed: on time again.
	for (let i = 0; i < 3; i++) sendOneNow(controller, clock).succeeded();
	assert.ok(
		intoSlot(clock.t) <= PACING.lateToleranceMs,
		`left ${intoSlot(clock.t)} ms into its slot`,
	);
});

test('changing "n8n Processes Sharing This Account" from 1 to 4 (another slot length) keeps requests flowing', () => {
	const clock = fakeClock();
	const controller = new RateController(clock);
	sendInTurn(controller, clock, 3, 1);
	const waiter = controller.request(KEYS, LIMITS, 4, clock.t);
	const started = clock.t;
	sendWhenAllowed(clock, waiter);
	assert.ok(clock.t - started <= 5 * slotMs(LIMITS.endpoint, 4), `waited ${clock.t - started} ms`);
});
