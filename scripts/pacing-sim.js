'use strict';
/**
 * A quick simulation of the multi-process benchmark, for trying pacing ideas on hundreds of runs
 * in seconds: N processes, each with its own RateController on a virtual clock, against a
 * sliding-window Billbee (2 per 1000 ms per endpoint, 10 per user). Timers fire late and requests
 * reach Billbee late as on a busy 2-core machine. Each process runs its share of 8 Return All
 * executions (8 pages each) and a per-item loop of 8 gets, as `npm run bench -- multi` does.
 * The benchmark, through n8n-core, stays the measure; this only points the way.
 *
 * Usage: npm run build && node scripts/pacing-sim.js [runs] [NxF ...]   (N processes, field F)
 */
const { RateController } = require('../dist/nodes/Billbee/transport/rateController.js');
const { SlidingWindowLimiter } = require('../test/sandbox/throttle.js');

const LIMITS = {
	endpoint: { requests: 2, perMs: 1000 },
	user: { requests: 10, perMs: 1000 },
	apiKey: { requests: 50, perMs: 1000 },
};

function seededRandom(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function simulate(processes, field, seed) {
	const random = seededRandom(seed);
	let now = 0;
	let seq = 0;
	const events = [];
	const at = (t, run) => events.push({ t, seq: seq++, run });
	// How late a timer fires on two busy cores: median ~9 ms, p90 ~17 ms, p99 ~50 ms.
	const late = () => {
		const u = random();
		if (u < 0.5) return 2 + random() * 7;
		if (u < 0.9) return 9 + random() * 8;
		if (u < 0.99) return 17 + random() * 30;
		return 50 + random() * 80;
	};
	// From the controller's "send" to Billbee's clock, as measured in the benchmark (BENCH_TRACE):
	// a per-item request passes through more of n8n-core than a page of a Return All.
	const transit = (endpoint) => (endpoint === 'get' ? 4 + random() * 50 : 1 + late() * 0.7);
	const limiter = new SlidingWindowLimiter();
	const log = [];
	const rules = (endpoint) => [
		{ key: endpoint, limit: 2, windowMs: 1000 },
		{ key: 'user', limit: 10, windowMs: 1000 },
	];
	let failed = 0;

	function startProcess(returnAlls) {
		const controller = new RateController({ now: () => now, random });
		const request = (endpoint, done) => {
			const keys = { endpoint: `account|${endpoint}`, user: 'account', apiKey: 'key' };
			const waiter = controller.request(keys, LIMITS, field, now);
			const ask = () => {
				const wait = waiter.nextWait();
				if (wait > 0) return at(now + wait + late(), ask);
				at(now + transit(endpoint), () => {
					const blocked = limiter.check(rules(endpoint), now);
					if (!blocked) limiter.commit(rules(endpoint), now);
					log.push({ t: now, endpoint, ok: !blocked });
					const handling = endpoint === 'list' && !blocked ? 40 + random() * 80 : 3 + random() * 5;
					at(now + handling + late() * 0.5, () => {
						if (!blocked) {
							waiter.succeeded();
							return done(true);
						}
						const retryAfter = Math.max(1, Math.ceil(blocked.retryAfterMs / 1000)) * 1000;
						if (waiter.throttled(retryAfter) === undefined) return done(false);
						ask();
					});
				});
			};
			ask();
		};
		const inTurn = (endpoint, count) => {
			const next = (ok) => {
				if (!ok) failed++;
				else if (count-- > 0) request(endpoint, next);
			};
			next(true);
		};
		at(5 + random() * 40, () => {
			for (let i = 0; i < returnAlls; i++) inTurn('list', 8);
			inTurn('get', 8);
		});
	}

	for (let i = 0; i < processes; i++)
		startProcess(Math.floor(8 / processes) + (i < 8 % processes ? 1 : 0));
	while (events.length) {
		let next = 0;
		for (let i = 1; i < events.length; i++)
			if (
				events[i].t < events[next].t ||
				(events[i].t === events[next].t && events[i].seq < events[next].seq)
			)
				next = i;
		const [event] = events.splice(next, 1);
		now = event.t;
		event.run();
	}
	const list = log.filter((r) => r.endpoint === 'list');
	const wallS = (list[list.length - 1].t - list[0].t) / 1000;
	return {
		failed,
		share429: log.filter((r) => !r.ok).length / log.length,
		throughput: (list.filter((r) => r.ok).length - 1) / wallS / 2,
	};
}

const sorted = (values) => [...values].sort((a, b) => a - b);
const quantile = (values, q) => sorted(values)[Math.floor(values.length * q)];
const percent = (value) => `${(value * 100).toFixed(1)} %`;

const runs = Number(process.argv[2] ?? 200);
const scenarios = process.argv.slice(3).map((arg) => arg.split('x').map(Number));
for (const [processes, field] of scenarios.length
	? scenarios
	: [
			[1, 1],
			[2, 1],
			[4, 1],
			[4, 4],
		]) {
	const results = Array.from({ length: runs }, (_, i) => simulate(processes, field, 1 + i * 7919));
	const shares = results.map((r) => r.share429);
	const throughputs = results.map((r) => r.throughput);
	console.log(
		`${processes} process(es), field = ${field}: 429 median ${percent(quantile(shares, 0.5))}, ` +
			`mean ${percent(shares.reduce((a, b) => a + b) / runs)}, p90 ${percent(quantile(shares, 0.9))}; ` +
			`throughput median ${quantile(throughputs, 0.5).toFixed(2)}, p10 ${quantile(throughputs, 0.1).toFixed(2)}; ` +
			`failed ${results.reduce((n, r) => n + r.failed, 0)} of ${runs} runs`,
	);
}
