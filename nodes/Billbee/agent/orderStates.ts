import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

/** Billbee's order states (OrderStateEnum), by the names merchants and models use. */
export const ORDER_STATES: Record<number, string> = {
	1: 'ordered',
	2: 'confirmed',
	3: 'paid',
	4: 'shipped',
	5: 'reclamation',
	6: 'deleted',
	7: 'closed',
	8: 'canceled',
	9: 'archived',
	10: 'rated',
	11: 'demand note 1',
	12: 'demand note 2',
	13: 'packed',
	14: 'offered',
	15: 'payment reminder',
	16: 'fulfilling',
};

const ALIASES: Record<string, number> = {
	cancelled: 8,
	payed: 3,
	'dunning 1': 11,
	'dunning 2': 12,
	'in fulfillment': 16,
};

const BY_NAME = new Map<string, number>([
	...Object.entries(ORDER_STATES).map(([id, name]) => [name, Number(id)] as [string, number]),
	...Object.entries(ALIASES),
]);

function stateId(node: INode, label: string, value: unknown): unknown {
	if (typeof value !== 'string' || /^\s*\d+\s*$/.test(value)) return value;
	const key = value.trim().toLowerCase().replace(/[_-]+/g, ' ');
	if (key === '') return value;
	const id = BY_NAME.get(key);
	if (id === undefined) {
		throw new NodeOperationError(
			node,
			`${label}: "${value}" is not a Billbee order state; use an id or one of ${Object.values(ORDER_STATES).join(', ')}`,
		);
	}
	return id;
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
