import type { OperationSpec } from './types';

const readsData = (spec: OperationSpec) => spec.method === 'GET' || spec.readsOnly === true;

/**
 * Where an operation stands in its resource's list: reads before writes; among reads "Get"
 * then "Get Many"; among writes "Create", then "Update", then the others, deletes last. Ties
 * follow the name, so the list reads like the labels.
 */
function rank(spec: OperationSpec): number {
	if (readsData(spec)) return spec.name === 'Get' ? 0 : spec.name === 'Get Many' ? 1 : 2;
	if (spec.name === 'Create') return 3;
	if (spec.name === 'Update') return 4;
	return spec.method === 'DELETE' || spec.name.startsWith('Delete') ? 6 : 5;
}

/** The operations of a resource in the order the editor lists them. */
export function inDisplayOrder(operations: OperationSpec[]): OperationSpec[] {
	return [...operations].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
