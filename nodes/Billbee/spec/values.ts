import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { parseJsonKeepingBigInts, toInt64 } from '../transport/exactJson';
import { parameterName } from './types';
import type { FieldSpec, ItemScope } from './types';
import { orderStateNamesToIds } from '../methods/orderStates';

const DATE_TIME =
	/^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/** Billbee parses ISO 8601; we send "YYYY-MM-DDTHH:mm:ss" and keep an offset only if one was given. */
export function formatBillbeeDate(value: unknown): string | undefined {
	const text =
		value instanceof Date
			? value.toISOString()
			: typeof (value as { toISO?: () => string })?.toISO === 'function'
				? (value as { toISO: () => string }).toISO()
				: String(value).trim();
	const match = DATE_TIME.exec(text);
	if (!match) return undefined;
	const [, day, hm = '00:00', seconds = '00', offset] = match;
	if (Number.isNaN(Date.parse(`${day}T${hm}:${seconds}Z`))) return undefined;
	const zone =
		offset === undefined
			? ''
			: offset === 'Z'
				? 'Z'
				: offset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
	return `${day}T${hm}:${seconds}${zone}`;
}

function isEmpty(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		value === '' ||
		(Array.isArray(value) && value.length === 0) ||
		(typeof value === 'object' &&
			Object.getPrototypeOf(value) === Object.prototype &&
			Object.keys(value).length === 0)
	);
}

export function splitList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter((v) => v !== '');
	return String(value)
		.split(',')
		.map((v) => v.trim())
		.filter((v) => v !== '');
}

export type Destination = 'query' | 'body';

/**
 * Converts a form value to what Billbee expects. Ids stay exact: in a body an int64 becomes
 * a bigint (written as a raw JSON number), in a query the digit string itself.
 */
export function convertValue(
	ctx: ItemScope,
	field: FieldSpec,
	value: unknown,
	destination: Destination,
): unknown {
	if (isEmpty(value)) return undefined;
	if (field.loadOptionsMethod === 'getOrderStates')
		value = orderStateNamesToIds(ctx.getNode(), `${field.label} (${parameterName(field)})`, value);
	const fail = (problem: string) =>
		new NodeOperationError(ctx.getNode(), `${field.label} (${parameterName(field)}): ${problem}`, {
			itemIndex: ctx.getItemIndex(),
		});
	const int64 = (v: unknown) => {
		const exact = toInt64(v);
		if (exact === undefined) throw fail(`"${String(v)}" is not a whole number (Billbee id)`);
		if (typeof v === 'number' && !Number.isSafeInteger(v)) {
			throw fail(`${String(v)} has lost digits already; pass ids above 9007199254740991 as text`);
		}
		return destination === 'body' ? exact : exact.toString();
	};
	switch (field.type) {
		case 'int64':
			return int64(value);
		case 'int64List':
			return splitList(value).map(int64);
		case 'stringList':
			return splitList(value);
		case 'integer':
		case 'number': {
			const n = Number(value);
			if (!Number.isFinite(n)) throw fail(`"${String(value)}" is not a number`);
			return n;
		}
		case 'boolean':
			return value === true || value === 'true';
		case 'dateTime': {
			const date = formatBillbeeDate(value);
			if (!date) throw fail(`"${String(value)}" is not a date (use e.g. 2024-05-31T14:00:00)`);
			return date;
		}
		case 'json':
			return parseJsonField(ctx, field.label, value);
		case 'object':
			return convertGroup(ctx, field.fields ?? [], value as IDataObject, destination);
		case 'objectList': {
			const entries = ((value as IDataObject).item ?? []) as IDataObject[];
			const list = entries
				.map((entry) => convertGroup(ctx, field.fields ?? [], entry, destination))
				.filter((entry) => entry !== undefined);
			return list.length ? list : undefined;
		}
		default:
			return value;
	}
}

function convertGroup(
	ctx: ItemScope,
	fields: FieldSpec[],
	value: IDataObject,
	destination: Destination,
): IDataObject | undefined {
	const result: IDataObject = {};
	for (const field of fields) {
		const converted = convertValue(ctx, field, value?.[parameterName(field)], destination);
		if (converted !== undefined) setPath(result, field.bodyPath ?? field.name, converted);
	}
	return Object.keys(result).length ? result : undefined;
}

/** Parses a JSON parameter exactly (big ids keep every digit) or names the field that is wrong. */
export function parseJsonField(ctx: ItemScope, label: string, value: unknown): unknown {
	if (typeof value !== 'string') return value;
	try {
		return parseJsonKeepingBigInts(value);
	} catch (error) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${label} is not valid JSON: ${(error as Error).message}`,
			{
				itemIndex: ctx.getItemIndex(),
			},
		);
	}
}

export function setPath(target: IDataObject, path: string, value: unknown): void {
	const keys = path.split('.');
	let cursor = target;
	for (const key of keys.slice(0, -1)) {
		if (typeof cursor[key] !== 'object' || cursor[key] === null) cursor[key] = {};
		cursor = cursor[key] as IDataObject;
	}
	cursor[keys[keys.length - 1]] = value as IDataObject[keyof IDataObject];
}

/** Merges `source` into `target`: nested objects key by key, everything else replaced. */
export function deepMerge(target: IDataObject, source: IDataObject): IDataObject {
	for (const [key, value] of Object.entries(source)) {
		const existing = target[key];
		if (
			value &&
			typeof value === 'object' &&
			!Array.isArray(value) &&
			existing &&
			typeof existing === 'object' &&
			!Array.isArray(existing)
		) {
			deepMerge(existing as IDataObject, value as IDataObject);
		} else {
			target[key] = value;
		}
	}
	return target;
}
