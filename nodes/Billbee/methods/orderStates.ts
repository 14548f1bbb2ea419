import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

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

/** Other words people and models use for a state. */
const ALIASES: Record<string, number> = {
	cancelled: 8,
	payed: 3,
	reclamation: 5,
	dunning1: 11,
	dunning2: 12,
	demandnote1: 11,
	demandnote2: 12,
	fulfilling: 16,
};

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
	if (ALIASES[wanted]) return resolveOrderState(ALIASES[wanted]);
	return ORDER_STATES.find(
		(state) =>
			normalized(state.name) === wanted ||
			normalized(state.billbeeName) === wanted ||
			normalized(orderStateLabel(state.id)) === wanted,
	);
}

function stateId(node: INode, label: string, value: unknown): unknown {
	if (typeof value !== 'string' || /^\s*\d+\s*$/.test(value) || value.trim() === '') return value;
	const state = resolveOrderState(value);
	if (!state) {
		throw new NodeOperationError(
			node,
			`${label}: "${value}" is not a Billbee order state; use an id or one of ${ORDER_STATES.map((s) => s.name.toLowerCase()).join(', ')}`,
		);
	}
	return state.id;
}

/**
 * Order states may be given by name ("paid", "shipped") as well as by id, alone, as a list or
 * as comma-separated text. Names become ids; everything else is left for the usual conversion.
 */
export function orderStateNamesToIds(node: INode, label: string, value: unknown): unknown {
	if (Array.isArray(value)) return value.map((v) => stateId(node, label, v));
	if (typeof value === 'string' && value.includes(',')) {
		return value
			.split(',')
			.filter((part) => part.trim() !== '')
			.map((part) => stateId(node, label, part.trim()));
	}
	return stateId(node, label, value);
}
