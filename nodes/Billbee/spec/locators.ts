import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeProperties, INodePropertyMode } from 'n8n-workflow';

import { billbeeApiRequest } from '../transport/request';
import type { BillbeeContext } from '../transport/request';
import { parameterName } from './types';
import type { FieldSpec, ItemParameters, LocatorKind } from './types';

const ID_MODE = { name: 'id', type: 'string' } as const;

/** The "Billbee ID" mode of a locator: digits only. */
function billbeeIdMode(kind: LocatorKind, placeholder: string): INodePropertyMode {
	const digitsOnly = { regex: '^\\s*\\d+\\s*$', errorMessage: `A Billbee ${kind} ID is a number` };
	return {
		displayName: 'Billbee ID',
		...ID_MODE,
		placeholder,
		validation: [{ type: 'regex', properties: digitsOnly }],
	};
}

/** Resource locator templates: name, label and description come from the field spec. */
const LOCATOR_PROPERTIES: Record<LocatorKind, INodeProperties> = {
	order: {
		displayName: 'Order',
		name: 'orderId',
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		modes: [
			billbeeIdMode('order', 'e.g. 300000180937794'),
			{
				displayName: 'Order Number (External Reference)',
				name: 'externalReference',
				type: 'string',
				placeholder: 'e.g. 302-1234567-1234567',
			},
		],
	},
	product: {
		displayName: 'Product',
		name: 'productId',
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		modes: [
			billbeeIdMode('product', 'e.g. 300000012345678'),
			{ displayName: 'SKU', name: 'sku', type: 'string', placeholder: 'e.g. SHIRT-RED-L' },
			{ displayName: 'EAN', name: 'ean', type: 'string', placeholder: 'e.g. 4006381333931' },
		],
	},
};

/** How a record given by another key is found: one GET, and where its Billbee id sits. */
const LOOKUPS: Record<
	LocatorKind,
	{ path: string; qs: (mode: string) => IDataObject; idOf: (record: IDataObject) => unknown }
> = {
	order: { path: '/orders/findbyextref/{id}', qs: () => ({}), idOf: (r) => r.BillBeeOrderId },
	product: { path: '/products/{id}', qs: (mode) => ({ lookupBy: mode }), idOf: (r) => r.Id },
};

export function locatorModes(field: FieldSpec): INodePropertyMode[] {
	return LOCATOR_PROPERTIES[field.locator ?? 'order'].modes ?? [];
}

export interface LocatorValue {
	mode: string;
	value: string;
}

function rawLocator(ctx: ItemParameters, field: FieldSpec): { mode?: string; value?: unknown } {
	const raw = ctx.getNodeParameter(parameterName(field), undefined) as
		| { mode?: string; value?: unknown }
		| string
		| undefined;
	return typeof raw === 'object' && raw !== null ? raw : { value: raw };
}

/** The chosen mode only (it can select another path template); 'id' when none is set. */
export function locatorMode(ctx: ItemParameters, field: FieldSpec): string {
	return rawLocator(ctx, field).mode ?? 'id';
}

/** Reads a locator of the current item; names the field when it is empty or malformed. */
export function readLocator(ctx: ItemParameters, field: FieldSpec): LocatorValue {
	const { mode = 'id', value = '' } = rawLocator(ctx, field);
	const text = String(value ?? '').trim();
	const kind = field.locator ?? 'order';
	const modes = locatorModes(field);
	const fail = (problem: string) =>
		new NodeOperationError(ctx.getNode(), `${field.label} (${parameterName(field)})${problem}`, {
			itemIndex: ctx.getItemIndex(),
		});
	if (!text) throw fail(' is required');
	if (!modes.some((m) => m.name === mode)) throw fail(` has an unknown mode "${mode}"`);
	if (mode === 'id' && !/^\d+$/.test(text)) {
		const others = modes
			.filter((m) => m.name !== 'id')
			.map((m) => m.displayName)
			.join(' or ');
		throw fail(
			`: "${text}" is not a Billbee ${kind} ID (a number); choose ${others} to find the ${kind} by another key`,
		);
	}
	return { mode, value: text };
}

/** The Billbee id of a record given by another key (one extra API call). */
export async function resolveLocator(
	ctx: BillbeeContext & ItemParameters,
	field: FieldSpec,
	{ mode, value }: LocatorValue,
): Promise<string> {
	if (mode === 'id') return value;
	const kind = field.locator ?? 'order';
	const lookup = LOOKUPS[kind];
	const record = (await billbeeApiRequest.call(ctx, 'GET', lookup.path, {
		pathParams: { id: value },
		qs: lookup.qs(mode),
	})) as IDataObject | null;
	const id = record ? lookup.idOf(record) : undefined;
	if (id === undefined || id === null) {
		const modeName = locatorModes(field).find((m) => m.name === mode)?.displayName ?? mode;
		throw new NodeOperationError(
			ctx.getNode(),
			`No Billbee ${kind} found for ${modeName} "${value}"`,
			{ itemIndex: ctx.getItemIndex() },
		);
	}
	return String(id);
}
