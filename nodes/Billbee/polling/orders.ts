import type { IDataObject } from 'n8n-workflow';

import { changeStream } from './changeStream';
import type { ChangeListing } from './changeStream';
import { isId, OVERLAP_MS, rememberValues } from './cursor';
import type { Pair } from './cursor';
import { idStream } from './idStream';

/** newOrder: BillBeeOrderId grows with creation, also for orders imported late with old dates. */
export const newOrder = idStream({
	path: '/orders',
	minIdParam: 'minimumBillBeeOrderId',
	idField: 'BillBeeOrderId',
	minDateParam: 'minOrderDate',
});

function orderChange(record: IDataObject): Pair | undefined {
	const id = record.BillBeeOrderId;
	const at = record.LastModifiedAt;
	return isId(id) && typeof at === 'string' ? [String(id), at] : undefined;
}

/** Changed orders: modifiedAtMin is strictly after, so the window reaches back and pairs dedupe. */
const modifiedOrders: Omit<ChangeListing, 'sampleQs'> = {
	path: '/orders',
	minParam: 'modifiedAtMin',
	maxParam: 'modifiedAtMax',
	pairOf: orderChange,
	overlapMs: OVERLAP_MS,
};

export const orderChanged = changeStream({ ...modifiedOrders, sampleQs: () => ({}) });

type KnownStates = Array<[string, number]>;

/**
 * orderStateChanged reads every changed order (one call when idle, like orderChanged) and
 * remembers each one's last state, so it can tell a move into a chosen state from another edit.
 */
export const orderStateChanged = changeStream({
	...modifiedOrders,
	sampleQs: (settings) => ({ orderStateId: settings.states }),
	sampleFilter: (record, settings) => settings.states.includes(Number(record.State)),
	select(changes, extra, settings) {
		const known = new Map((extra.states as KnownStates | undefined) ?? []);
		const emit: IDataObject[] = [];
		const updates: KnownStates = [];
		for (const order of changes) {
			const id = String(order.BillBeeOrderId);
			const state = Number(order.State);
			const previous = known.get(id);
			if (settings.states.includes(state) && previous !== state) {
				emit.push({ ...order, PreviousState: previous ?? null });
			}
			known.set(id, state);
			updates.push([id, state]);
		}
		return {
			emit,
			extra: { states: rememberValues((extra.states as KnownStates | undefined) ?? [], updates) },
		};
	},
});
