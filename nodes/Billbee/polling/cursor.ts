/**
 * Pure cursor arithmetic of the polling trigger: ids and Billbee timestamps, and the bounded
 * memory of (id, LastModifiedAt) pairs that makes an overlap window safe.
 */

/** Most pairs a cursor remembers; older ones are dropped and the query's lower bound rises. */
export const MAX_REMEMBERED = 3000;

/**
 * How far each query reaches back: changes that become visible late (or in the same second as
 * the last one seen) are still found, and clocks may differ by this much.
 */
export const OVERLAP_MS = 30_000;

/** Billbee ids are int64: compared as BigInt, kept as decimal strings. */
export function compareIds(a: string, b: string): number {
	const x = BigInt(a);
	const y = BigInt(b);
	return x < y ? -1 : x > y ? 1 : 0;
}

export function maxId(ids: Iterable<string>, start?: string): string | undefined {
	let best = start;
	for (const id of ids) if (best === undefined || compareIds(id, best) > 0) best = id;
	return best;
}

export function nextId(id: string): string {
	return (BigInt(id) + 1n).toString();
}

export function isId(value: unknown): boolean {
	return /^\d+$/.test(String(value ?? ''));
}

/** Billbee writes UTC timestamps without a zone ("2026-12-03T13:22:33.123"). */
export function parseBillbeeDate(value: unknown): number | undefined {
	if (typeof value !== 'string' || value === '') return undefined;
	const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
	const ms = Date.parse(zoned);
	return Number.isNaN(ms) ? undefined : ms;
}

export function toQueryDate(ms: number): string {
	return new Date(ms).toISOString();
}

/** A remembered change: [record id, its timestamp exactly as Billbee wrote it]. */
export type Pair = [string, string];

export function pairKey([id, at]: Pair): string {
	return `${id}|${at}`;
}

export interface ChangeMemory {
	/** Newest timestamp seen (Billbee's data), as Billbee wrote it. */
	since: string;
	/** Changes at or after `since − overlap`, so they are not emitted twice. */
	seen: Pair[];
	/** Set when pairs had to be dropped: only changes strictly after it are considered. */
	floor?: string;
	/**
	 * The last finished pass read every change up to its frozen upper bound; this is that bound
	 * minus the overlap, so clocks may differ by up to the overlap without losing a change.
	 */
	settled?: string;
}

/** The query's lower bound: the overlap window behind `since` (or the settled time), never below the floor. */
export function lowerBound(memory: ChangeMemory, overlapMs: number): number {
	const since = parseBillbeeDate(memory.since) ?? 0;
	const settled = parseBillbeeDate(memory.settled) ?? -Infinity;
	const floor = parseBillbeeDate(memory.floor) ?? -Infinity;
	return Math.max(since - overlapMs, settled, floor);
}

/** Whether a change is new: not remembered and after the floor. */
export function isNewChange(memory: ChangeMemory, pair: Pair, remembered: Set<string>): boolean {
	if (remembered.has(pairKey(pair))) return false;
	const floor = parseBillbeeDate(memory.floor);
	const at = parseBillbeeDate(pair[1]);
	return floor === undefined || at === undefined || at > floor;
}

/**
 * Adds the pairs of a poll: `since` moves to the newest timestamp, `settled` to the given time;
 * pairs below the next query's lower bound are forgotten, and beyond MAX_REMEMBERED the oldest
 * go and raise the floor.
 */
export function remember(
	memory: ChangeMemory,
	pairs: Pair[],
	overlapMs: number,
	settled?: string,
	limit = MAX_REMEMBERED,
): ChangeMemory {
	let since = memory.since;
	let sinceMs = parseBillbeeDate(since) ?? -Infinity;
	for (const [, at] of pairs) {
		const ms = parseBillbeeDate(at);
		if (ms !== undefined && ms > sinceMs) {
			sinceMs = ms;
			since = at;
		}
	}
	const settledAt =
		settled !== undefined &&
		(parseBillbeeDate(settled) ?? -Infinity) > (parseBillbeeDate(memory.settled) ?? -Infinity)
			? settled
			: memory.settled;
	const bottom = Math.max(sinceMs - overlapMs, parseBillbeeDate(settledAt) ?? -Infinity);
	const keep = new Map<string, Pair>();
	for (const pair of [...memory.seen, ...pairs]) {
		const ms = parseBillbeeDate(pair[1]);
		if (ms === undefined || ms >= bottom) keep.set(pairKey(pair), pair);
	}
	const sorted = [...keep.values()].sort(
		(a, b) => (parseBillbeeDate(a[1]) ?? 0) - (parseBillbeeDate(b[1]) ?? 0),
	);
	let floor = memory.floor;
	if (sorted.length > limit) {
		const dropped = sorted.splice(0, sorted.length - limit);
		const newestDropped = dropped[dropped.length - 1][1];
		if ((parseBillbeeDate(newestDropped) ?? 0) > (parseBillbeeDate(floor) ?? -Infinity))
			floor = newestDropped;
	}
	if (floor !== undefined && (parseBillbeeDate(floor) ?? 0) < bottom) floor = undefined;
	const next: ChangeMemory = { since, seen: sorted };
	if (floor !== undefined) next.floor = floor;
	if (settledAt !== undefined) next.settled = settledAt;
	return next;
}

/** Remembered values per id (e.g. an order's last known state), newest last, bounded. */
export function rememberValues<T>(
	known: Array<[string, T]>,
	updates: Array<[string, T]>,
	limit = MAX_REMEMBERED,
): Array<[string, T]> {
	const map = new Map(known);
	for (const [id, value] of updates) {
		map.delete(id);
		map.set(id, value);
	}
	const entries = [...map.entries()];
	return entries.slice(Math.max(0, entries.length - limit));
}
