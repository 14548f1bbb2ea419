'use strict';
// The adaptive rate controller on a simulated clock: no real time passes in these tests.
const test = require('node:test');
const assert = require('node:assert/strict');
const {
	RateController,
	PACING,
	slotMs,
} = require('../../dist/nodes/Billbee/transport/rateController.js');

const LIMITS = {
	endpoint: { requests: 2, perMs: 1000 },
	user: { requests: 10, perMs: 1000 },
	apiKey: { requests: 50, perMs: 1000 },
};
const KEYS = { endpoint: 'cred|GET /orders', user: 'cred', apiKey: 'key' };

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

function maxInWindow(times, windowMs) {
	let most = 0;
	for (let i = 0; i < times.length; i++) {
		let j = i;
		while (j < times.length && times[j] - times[i] < windowMs) j++;
		most = Math.max(most, j - i);
	}
	return most;
}

/** Sends `count` requests one after another, each answered with success; returns when they left. */
function sendInTurn(controller, clock, count, processes = 1) {
	const sent = [];
	for (let i = 0; i < count; i++) {
		const waiter = controller.request(KEYS, LIMITS, processes, clock.t);
		sent.push(sendWhenAllowed(clock, waiter));
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

const perSecondOf = (sent) => ((sent.length - 1) / (sent[sent.length - 1] - sent[0])) * 1000;

test('one process paces an endpoint to 2 per second: never 3 in a second, at ≥ 97 % of the limit', () => {
	const clock = fakeClock();
	const controller = new RateController(clock);
	const sent = sendInTurn(controller, clock, 40);
	assert.equal(maxInWindow(sent, 1000), 2);
	const perSecond = perSecondOf(sent);
	assert.ok(perSecond >= 0.97 * 2 && perSecond <= 2, `${perSecond} requests/s`);
	// Spaced evenly, not in pairs.
	for (let i = 1; i < sent.length; i++) assert.ok(sent[i] - sent[i - 1] >= 450);
});

test('a request that wakes up late does not leave late: it takes the next slot, so it is not followed too closely', () => {
	const clock = fakeClock();
	const controller = new RateController(clock);
	const first = controller.request(KEYS, LIMITS, 1, clock.t);
	const sent = [sendWhenAllowed(clock, first)];
	// The second request wakes up 300 ms after its slot began (a busy event loop).
	const second = controller.request(KEYS, LIMITS, 1, clock.t);
	sent.push(sendWhenAllowed(clock, second, 300));
	const third = controller.request(KEYS, LIMITS, 1, clock.t);
	sent.push(sendWhenAllowed(clock, third));
	const slot = slotMs(LIMITS.endpoint);
	assert.ok(
		Math.abs(sent[1] - sent[0] - 2 * slot) < 1,
		`second left ${sent[1] - sent[0]} ms after the first`,
	);
	assert.ok(sent[2] - sent[1] >= slot - 1, `third left ${sent[2] - sent[1]} ms after the second`);
});

test('a 429 holds the endpoint for Retry-After plus jitter; one 429 alone keeps the rate, a second soon after halves it', () => {
	const clock = fakeClock(1_000_000, [0.5]);
	const controller = new RateController(clock);
	const sendOne = () => {
		const waiter = sendOneNow(controller, clock);
		return waiter;
	};
	for (let i = 0; i < 5; i++) sendOne().succeeded();
	const throttledOne = sendOne();
	clock.t += 20;
	const answeredAt = clock.t;
	const hold = throttledOne.throttled(1000);
	const slot = slotMs(LIMITS.endpoint);
	assert.ok(hold >= 1000 && hold <= 1000 + PACING.holdJitterSlots * slot, `hold ${hold} ms`);
	assert.equal(controller.stateOf(KEYS.endpoint).level, 1, 'a lone 429 may be network jitter');
	const next = sendOne();
	assert.ok(
		clock.t - answeredAt >= hold,
		'nobody of the process uses the endpoint before the hold ends',
	);
	clock.t += 20;
	next.throttled(1000);
	assert.equal(controller.stateOf(KEYS.endpoint).level, 2, 'another process uses the slots');
	const times = [];
	for (let i = 0; i < 4; i++) {
		const waiter = sendOne();
		times.push(clock.t);
		waiter.succeeded();
	}
	for (let i = 1; i < times.length; i++)
		assert.ok(Math.abs(times[i] - times[i - 1] - 2 * slot) < 1);
	for (let i = 0; i < PACING.probeAfterSuccesses; i++) sendOne().succeeded();
	assert.equal(
		controller.stateOf(KEYS.endpoint).level,
		1,
		'after a long run of successes it tries the full rate again',
	);
});

test('several 429s answered at once are one signal', () => {
	const clock = fakeClock();
	const controller = new RateController(clock);
	const a = sendOneNow(controller, clock);
	const b = sendOneNow(controller, clock);
	a.throttled(1000);
	b.throttled(1000);
	assert.equal(controller.stateOf(KEYS.endpoint).level, 1);
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
	const perSecond = perSecondOf(sent);
	assert.ok(perSecond >= 0.97 * 0.5, `${perSecond} requests/s`);
	sendInTurn(controller, clock, 3 * PACING.probeAfterSuccesses, 4);
	assert.equal(controller.stateOf(KEYS.endpoint).level, 4, 'never faster than the declared share');
});

test('two processes on one account settle on different slots and stop colliding', () => {
	// A sliding-window server (2 per second) and two controllers, each a process with work queued.
	const clock = fakeClock(1_000_000, [0.13, 0.71, 0.42, 0.88, 0.05, 0.57, 0.29, 0.94]);
	const accepted = [];
	const outcomes = [[], []];
	const processes = [new RateController(clock), new RateController(clock)].map((controller) => ({
		controller,
		waiter: null,
		wakeAt: clock.t,
	}));
	let rejected = 0;
	while (outcomes[0].length + outcomes[1].length < 200) {
		const p = processes.reduce((x, y) => (y.wakeAt < x.wakeAt ? y : x));
		clock.t = Math.max(clock.t, p.wakeAt);
		p.waiter ??= p.controller.request(KEYS, LIMITS, 1, clock.t);
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
	const total = outcomes[0].length + outcomes[1].length;
	assert.ok(rejected / total <= 0.1, `${rejected} of ${total} answered 429`);
	for (const outcome of outcomes) {
		const ok = outcome.filter((status) => status === 200).length;
		assert.ok(ok >= 0.4 * (total - rejected), `one process got only ${ok} through`);
	}
	const span = (accepted[accepted.length - 1] - accepted[0]) / 1000;
	assert.ok((accepted.length - 1) / span >= 0.8 * 2, `${(accepted.length - 1) / span} requests/s`);
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
	assert.ok(maxInWindow(sent, 1000) <= 10);
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
	const firstAttempt = clock.t;
	let hold;
	do {
		sendWhenAllowed(clock, waiter);
		clock.t += 30; // the 429 arrives
		hold = waiter.throttled(1000);
	} while (hold !== undefined);
	assert.ok(waiter.attempts() > 6, `${waiter.attempts()} attempts`);
	const elapsed = clock.t - firstAttempt;
	// It stops when the next attempt (one spacing at the lowest rate away) would pass the budget.
	const longestSpacing = (PACING.maxLevel + 1) * slotMs(LIMITS.endpoint) + 1000;
	assert.ok(
		elapsed > PACING.budgetMs - longestSpacing && elapsed <= PACING.budgetMs,
		`${elapsed} ms`,
	);
	assert.equal(waiter.elapsedMs(), elapsed);
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
