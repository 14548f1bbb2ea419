/** An order state of Billbee: its id, an English name, and Billbee's own (German) enum name. */
export interface OrderState {
	id: number;
	name: string;
	billbeeName: string;
}

/** Billbee's order states (GET /enums/orderstates lists the ids with Billbee's names). */
export const ORDER_STATES: readonly OrderState[] = [
	{ id: 1, name: 'Ordered', billbeeName: 'Bestellt' },
	{ id: 2, name: 'Confirmed', billbeeName: 'Bestaetigt' },
	{ id: 3, name: 'Paid', billbeeName: 'Zahlung_erhalten' },
	{ id: 4, name: 'Shipped', billbeeName: 'Versendet' },
	{ id: 5, name: 'Complaint', billbeeName: 'Reklamation' },
	{ id: 6, name: 'Deleted', billbeeName: 'Geloescht' },
	{ id: 7, name: 'Closed', billbeeName: 'Abgeschlossen' },
	{ id: 8, name: 'Canceled', billbeeName: 'Storniert' },
	{ id: 9, name: 'Archived', billbeeName: 'Archiviert' },
	{ id: 10, name: 'Rated', billbeeName: 'Rated' },
	{ id: 11, name: 'First Dunning Notice', billbeeName: 'Mahnung' },
	{ id: 12, name: 'Second Dunning Notice', billbeeName: 'Mahnung2' },
	{ id: 13, name: 'Packed', billbeeName: 'Gepackt' },
	{ id: 14, name: 'Offered', billbeeName: 'Angeboten' },
	{ id: 15, name: 'Payment Reminder', billbeeName: 'Zahlungserinnerung' },
	{ id: 16, name: 'In Fulfillment', billbeeName: 'Im_Fulfillment' },
];

/** The label of a state in dropdowns and outputs, e.g. "Paid (Zahlung_erhalten)". */
export function orderStateLabel(id: number, billbeeName?: string): string {
	const state = ORDER_STATES.find((entry) => entry.id === id);
	const own = billbeeName || state?.billbeeName;
	if (!state) return own ? `${own} (state ${id})` : `State ${id}`;
	return own && own !== state.name ? `${state.name} (${own})` : state.name;
}

function normalized(text: string): string {
	return text.toLowerCase().replace(/[\s_-]+/g, '');
}

/**
 * The state a user or an AI agent means: an id (3, "3"), the English name ("paid"), Billbee's
 * name ("Zahlung_erhalten") or the dropdown label ("Paid (Zahlung_erhalten)"); case, spaces and
 * underscores do not matter. Undefined when nothing matches.
 */
export function resolveOrderState(value: unknown): OrderState | undefined {
	if (typeof value === 'number') return ORDER_STATES.find((state) => state.id === value);
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (/^\d+$/.test(text)) return resolveOrderState(Number(text));
	const wanted = normalized(text);
	return ORDER_STATES.find(
		(state) =>
			normalized(state.name) === wanted ||
			normalized(state.billbeeName) === wanted ||
			normalized(orderStateLabel(state.id)) === wanted,
	);
}
