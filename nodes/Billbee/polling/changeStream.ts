import type { IDataObject } from 'n8n-workflow';

import type { ChangeMemory, Pair } from './cursor';
import {
	isNewChange,
	lowerBound,
	pairKey,
	parseBillbeeDate,
	remember,
	toQueryDate,
} from './cursor';
import { listPage, readPages } from './pages';
import type { EventSource, PollSettings } from './types';
import { SAMPLE_SIZE } from './types';

/** A listing filtered by a time window, where each record carries the time it changed. */
export interface ChangeListing {
	path: string;
	/** Window parameters; the upper bound is frozen for the whole pass. */
	minParam: string;
	maxParam: string;
	/** The change a record stands for: its id and timestamp as Billbee wrote them. */
	pairOf(record: IDataObject): Pair | undefined;
	/** How far each query reaches back behind the newest change seen. */
	overlapMs: number;
	/** Query for "Fetch Test Event". */
	sampleQs(settings: PollSettings): IDataObject;
	/**
	 * Which new changes to emit, and what to remember besides the pairs (e.g. each order's last
	 * state). Called with `emit: false` on first activation to learn that memory only.
	 */
	select?(
		changes: IDataObject[],
		extra: IDataObject,
		settings: PollSettings,
	): { emit: IDataObject[]; extra: IDataObject };
	/** Keeps only what "Fetch Test Event" should show. */
	sampleFilter?(record: IDataObject, settings: PollSettings): boolean;
}

interface ChangeCursor extends IDataObject {
	memory: ChangeMemory & IDataObject;
	extra: IDataObject;
	/** A pass cut short by the poll budget: its frozen window and where it continues. */
	pass?: { qs: IDataObject; page: number; recent: string[] };
}

const RECENT_KEYS = 500;

function byTime(listing: ChangeListing) {
	return (a: IDataObject, b: IDataObject) =>
		(parseBillbeeDate(listing.pairOf(a)?.[1]) ?? 0) -
		(parseBillbeeDate(listing.pairOf(b)?.[1]) ?? 0);
}

export function changeStream(listing: ChangeListing): EventSource {
	return {
		async start(ctx, settings) {
			if (settings.startFrom) {
				return { memory: { since: settings.startFrom, seen: [] }, extra: {} } as ChangeCursor;
			}
			// Changes up to the overlap back count as before activation: clocks may differ that much.
			// The first read reaches twice as far, so the first poll asks for another window (Billbee
			// limits some listings per start date).
			const settled = settings.now - listing.overlapMs;
			const read = await readPages(
				ctx,
				listing.path,
				{
					[listing.minParam]: toQueryDate(settled - listing.overlapMs),
					[listing.maxParam]: toQueryDate(settings.now),
				},
				1,
				settings.deadline,
			);
			const pairs = read.records.map((r) => listing.pairOf(r)).filter((p) => p !== undefined);
			const memory = remember(
				{ since: toQueryDate(settled), seen: [] },
				pairs,
				listing.overlapMs,
				read.complete ? toQueryDate(settled) : undefined,
			);
			const extra = listing.select ? listing.select(read.records, {}, settings).extra : {};
			return { memory, extra } as ChangeCursor;
		},

		async poll(ctx, saved, settings) {
			const cursor = saved as ChangeCursor;
			const pass = cursor.pass ?? {
				qs: {
					[listing.minParam]: toQueryDate(lowerBound(cursor.memory, listing.overlapMs)),
					[listing.maxParam]: toQueryDate(settings.now),
				},
				page: 1,
				recent: [],
			};
			const read = await readPages(ctx, listing.path, pass.qs, pass.page, settings.deadline);
			const remembered = new Set(cursor.memory.seen.map(pairKey));
			const recent = new Set(pass.recent);
			const pairs: Pair[] = [];
			const changes: IDataObject[] = [];
			for (const record of read.records) {
				const pair = listing.pairOf(record);
				if (!pair) continue;
				const key = pairKey(pair);
				if (recent.has(key) || !isNewChange(cursor.memory, pair, remembered)) continue;
				recent.add(key);
				remembered.add(key);
				pairs.push(pair);
				changes.push(record);
			}
			changes.sort(byTime(listing));
			const { emit, extra } = listing.select
				? listing.select(changes, cursor.extra ?? {}, settings)
				: { emit: changes, extra: cursor.extra ?? {} };
			const upper = parseBillbeeDate(pass.qs[listing.maxParam] as string);
			const settled =
				read.complete && upper !== undefined ? toQueryDate(upper - listing.overlapMs) : undefined;
			const memory = remember(cursor.memory, pairs, listing.overlapMs, settled);
			const next: ChangeCursor = { memory: memory as ChangeCursor['memory'], extra };
			if (!read.complete) {
				next.pass = {
					qs: pass.qs,
					page: read.nextPage,
					recent: [...pass.recent, ...pairs.map(pairKey)].slice(-RECENT_KEYS),
				};
			}
			return { records: emit, cursor: next };
		},

		async sample(ctx, settings) {
			const records = await listPage(ctx, listing.path, listing.sampleQs(settings), 1);
			return records
				.filter((r) => listing.pairOf(r) && (listing.sampleFilter?.(r, settings) ?? true))
				.sort(byTime(listing))
				.reverse()
				.slice(0, SAMPLE_SIZE);
		},
	};
}
