'use strict';
/**
 * Sliding-window rate limiter.
 *
 * A rule is { key, limit, windowMs }. A request is allowed when, for every rule, fewer than
 * `limit` accepted arrivals lie in the window (t - windowMs, t]. Rejected requests are not
 * recorded, so a 429 never uses up a slot.
 */
class SlidingWindowLimiter {
	constructor() {
		this.buckets = new Map(); // key -> ascending arrival times of accepted requests
	}

	prune(key, windowMs, now) {
		const list = this.buckets.get(key);
		if (!list) return [];
		let drop = 0;
		while (drop < list.length && list[drop] <= now - windowMs) drop++;
		if (drop) list.splice(0, drop);
		if (list.length === 0) this.buckets.delete(key);
		return list;
	}

	/**
	 * Checks all rules. Returns null when allowed, otherwise { rule, retryAfterMs } for the rule
	 * that frees up last (that is how long a client must wait for the request to pass).
	 */
	check(rules, now) {
		let worst = null;
		for (const rule of rules) {
			const list = this.prune(rule.key, rule.windowMs, now);
			if (list.length < rule.limit) continue;
			// The slot frees when the oldest arrival that keeps the count at the limit leaves the window.
			const freeAt = list[list.length - rule.limit] + rule.windowMs;
			const retryAfterMs = Math.max(0, freeAt - now);
			if (!worst || retryAfterMs > worst.retryAfterMs) worst = { rule, retryAfterMs };
		}
		return worst;
	}

	commit(rules, now) {
		for (const rule of rules) {
			const list = this.buckets.get(rule.key);
			if (list) list.push(now);
			else this.buckets.set(rule.key, [now]);
		}
	}

	reset() {
		this.buckets.clear();
	}
}

/** The most of `times` (ms, any order) that any window of `windowMs` holds. */
function mostInWindow(times, windowMs) {
	const sorted = [...times].sort((a, b) => a - b);
	let most = 0;
	for (let first = 0, last = 0; last < sorted.length; last++) {
		while (sorted[last] - sorted[first] >= windowMs) first++;
		most = Math.max(most, last - first + 1);
	}
	return most;
}

module.exports = { SlidingWindowLimiter, mostInWindow };
