import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { compareIds, isId, maxId, nextId } from './cursor';
import { listPage, readPages } from './pages';
import type { EventSource, PollSettings } from './types';
import { SAMPLE_SIZE } from './types';

/** A listing whose ids grow with creation and that filters by a minimum id. */
export interface IdListing {
	path: string;
	/** Query parameter "id ≥ value". */
	minIdParam: string;
	idField: string;
	/** Query parameter "date ≥ value", used when the user starts from a date. */
	minDateParam: string;
}

interface IdCursor extends IDataObject {
	/** Smallest id not yet emitted. */
	next: string;
	/** Start-from-date backfill: only records of that date and ids up to `ceiling`. */
	backfill?: { date: string; ceiling: string };
	/** A pass cut short by the poll budget: where it continues. */
	pass?: { page: number; recent: string[]; maxSeen?: string };
}

/** Records of the last pages read, kept to drop repeats when pages shift between polls. */
const RECENT_IDS = 500;

function idOf(listing: IdListing, record: IDataObject): string | undefined {
	const id = record[listing.idField];
	return isId(id) ? String(id) : undefined;
}

/**
 * The newest id: the largest on the first page, then whatever lies above it, until nothing does
 * (a listing sorted by date may hold late imports with higher ids further back).
 */
async function newestRecords(
	ctx: IPollFunctions,
	listing: IdListing,
): Promise<{ newest?: string; records: IDataObject[] }> {
	let records = await listPage(ctx, listing.path, {}, 1);
	let newest = maxId(records.map((r) => idOf(listing, r)).filter((id) => id !== undefined));
	let seen = records;
	while (newest !== undefined) {
		records = await listPage(ctx, listing.path, { [listing.minIdParam]: nextId(newest) }, 1);
		if (!records.length) break;
		seen = records;
		newest = maxId(
			records.map((r) => idOf(listing, r)).filter((id) => id !== undefined),
			newest,
		);
	}
	return { newest, records: seen };
}

export function idStream(listing: IdListing): EventSource {
	return {
		async start(ctx, settings: PollSettings) {
			const { newest } = await newestRecords(ctx, listing);
			if (!settings.startFrom) return { next: newest === undefined ? '0' : nextId(newest) };
			return {
				next: '0',
				backfill: { date: settings.startFrom, ceiling: newest ?? '0' },
			} satisfies IdCursor;
		},

		async poll(ctx, saved, settings) {
			const cursor = saved as IdCursor;
			const qs: IDataObject = { [listing.minIdParam]: cursor.next };
			if (cursor.backfill) qs[listing.minDateParam] = cursor.backfill.date;
			const read = await readPages(
				ctx,
				listing.path,
				qs,
				cursor.pass?.page ?? 1,
				settings.deadline,
			);
			const recent = new Set(cursor.pass?.recent ?? []);
			const ceiling = cursor.backfill?.ceiling;
			const fresh = new Map<string, IDataObject>();
			for (const record of read.records) {
				const id = idOf(listing, record);
				if (id === undefined || recent.has(id) || fresh.has(id)) continue;
				if (compareIds(id, cursor.next) < 0) continue;
				// During a backfill, newer records wait for the id cursor that follows it.
				if (ceiling !== undefined && compareIds(id, ceiling) > 0) continue;
				fresh.set(id, record);
			}
			const readIds = read.records.map((r) => idOf(listing, r)).filter((id) => id !== undefined);
			const maxSeen = maxId(readIds, cursor.pass?.maxSeen);
			const records = [...fresh.entries()]
				.sort(([a], [b]) => compareIds(a, b))
				.map(([, record]) => record);
			if (!read.complete) {
				return {
					records,
					cursor: {
						...cursor,
						pass: {
							page: read.nextPage,
							recent: [...(cursor.pass?.recent ?? []), ...readIds].slice(-RECENT_IDS),
							...(maxSeen === undefined ? {} : { maxSeen }),
						},
					},
				};
			}
			// A finished backfill hands over at its ceiling: what lies above comes next.
			const highest = ceiling ?? maxSeen;
			const next =
				highest !== undefined && compareIds(highest, cursor.next) >= 0
					? nextId(highest)
					: cursor.next;
			return { records, cursor: { next } satisfies IdCursor };
		},

		async sample(ctx) {
			const { records } = await newestRecords(ctx, listing);
			return records
				.filter((r) => idOf(listing, r) !== undefined)
				.sort((a, b) => compareIds(idOf(listing, b)!, idOf(listing, a)!))
				.slice(0, SAMPLE_SIZE);
		},
	};
}
