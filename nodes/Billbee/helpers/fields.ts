import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { orderStateNamesToIds } from '../agent/orderStates';
import { parseJsonKeepingBigInts, toInt64 } from '../transport/exactJson';

/** How a value of Billbee's API is asked for in the form and sent. */
export type FieldType =
	| 'string'
	| 'int64'
	| 'integer'
	| 'number'
	| 'boolean'
	| 'dateTime'
	| 'options'
	| 'multiOptions'
	| 'stringList'
	| 'int64List'
	| 'json'
	/** A group of sub-fields sent as one JSON object (e.g. an address). */
	| 'object'
	/** A repeatable group of sub-fields sent as an array of objects (e.g. order items). */
	| 'objectList'
	/** A Billbee record found by id or another key (resource locator). */
	| 'locator';

/** Records that can be looked up by more than their Billbee id. */
export type LocatorKind = 'order' | 'product';

export interface FieldSpec {
	/** Billbee's exact name: the query key or body property, and the n8n parameter name. */
	name: string;
	/** The name shown in the form. */
	label: string;
	type: FieldType;
	description?: string;
	required?: boolean;
	default?: string | number | boolean;
	placeholder?: string;
	options?: INodePropertyOptions[];
	/** Dropdown filled from the live API (methods.loadOptions). */
	loadOptionsMethod?: string;
	typeOptions?: INodeProperties['typeOptions'];
	/** Body path when it differs from `name`, e.g. "InvoiceAddress.Street". */
	bodyPath?: string;
	/** Sub-fields of an 'object' or 'objectList'. */
	fields?: FieldSpec[];
	/** For 'locator': which record. */
	locator?: LocatorKind;
	/**
	 * For 'locator': modes Billbee can look up directly. The chosen mode's entry replaces the
	 * path template and/or adds query parameters; the other modes are resolved to the id first.
	 */
	byMode?: Record<string, { path?: string; query?: IDataObject }>;
	loadOptionsDependsOn?: string[];
}

/** Resource locator templates: name, label and description come from the field spec. */
const LOCATOR_PROPERTIES: Record<LocatorKind, INodeProperties> = {
	order: {
		displayName: 'Order',
		name: 'orderId',
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		modes: [
			{
				displayName: 'Billbee ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 300000180937794',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A Billbee order ID is a number' },
					},
				],
			},
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
			{
				displayName: 'Billbee ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 300000012345678',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*\\d+\\s*$',
							errorMessage: 'A Billbee product ID is a number',
						},
					},
				],
			},
			{ displayName: 'SKU', name: 'sku', type: 'string', placeholder: 'e.g. SHIRT-RED-L' },
			{ displayName: 'EAN', name: 'ean', type: 'string', placeholder: 'e.g. 4006381333931' },
		],
	},
};

const NODE_TYPES: Record<FieldType, INodeProperties['type']> = {
	string: 'string',
	int64: 'string',
	integer: 'number',
	number: 'number',
	boolean: 'boolean',
	dateTime: 'dateTime',
	options: 'options',
	multiOptions: 'multiOptions',
	stringList: 'string',
	int64List: 'string',
	json: 'json',
	object: 'collection',
	objectList: 'fixedCollection',
	locator: 'resourceLocator',
};

function defaultFor(field: FieldSpec): INodeProperties['default'] {
	if (field.default !== undefined) return field.default;
	switch (field.type) {
		case 'boolean':
			return false;
		case 'integer':
		case 'number':
			return 0;
		case 'multiOptions':
			return [];
		case 'json':
			return '{}';
		case 'object':
		case 'objectList':
			return {};
		case 'locator':
			return { mode: 'id', value: '' };
		default:
			return '';
	}
}

export function toProperty(field: FieldSpec): INodeProperties {
	const property: INodeProperties = {
		displayName: field.label,
		name: field.name,
		type: NODE_TYPES[field.type],
		default: defaultFor(field),
		description: field.description,
	};
	if (field.required) property.required = true;
	if (field.typeOptions) property.typeOptions = field.typeOptions;
	if (field.placeholder) property.placeholder = field.placeholder;
	if (field.type === 'stringList' || field.type === 'int64List') {
		property.hint = 'Comma-separated list';
	}
	if (field.loadOptionsMethod) {
		const multiple = ['multiOptions', 'int64List', 'stringList'].includes(field.type);
		property.typeOptions = { loadOptionsMethod: field.loadOptionsMethod };
		property.type = multiple ? 'multiOptions' : 'options';
		if (multiple) {
			property.default = [];
			delete property.hint;
		}
		const lead = (field.description ?? '').trim().replace(/\.?$/, '.');
		const expression = '<a href="https://docs.n8n.io/code/expressions/">expression</a>';
		property.description = `${lead === '.' ? '' : `${lead} `}Choose from the list, or specify ${multiple ? 'IDs' : 'an ID'} using an ${expression}.`;
	} else if (field.options) {
		property.options = field.options;
	}
	if (field.type === 'int64' && !field.loadOptionsMethod)
		property.placeholder ??= 'e.g. 300000000012345';
	if (field.loadOptionsDependsOn) {
		property.typeOptions = {
			...property.typeOptions,
			loadOptionsDependsOn: field.loadOptionsDependsOn,
		};
	}
	if (field.type === 'object') {
		property.placeholder = 'Add Field';
		property.options = (field.fields ?? []).map(toProperty);
	} else if (field.type === 'objectList') {
		property.placeholder = `Add ${field.label.replace(/s$/, '')}`;
		property.typeOptions = { multipleValues: true };
		property.options = [
			{
				displayName: field.label.replace(/s$/, ''),
				name: 'item',
				values: (field.fields ?? []).map(toProperty),
			},
		];
	} else if (field.type === 'locator') {
		property.modes = LOCATOR_PROPERTIES[field.locator ?? 'order'].modes;
	}
	return property;
}

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
	ctx: IExecuteSingleFunctions,
	field: FieldSpec,
	value: unknown,
	destination: Destination,
): unknown {
	if (isEmpty(value)) return undefined;
	if (field.loadOptionsMethod === 'getOrderStates')
		value = orderStateNamesToIds(ctx.getNode(), `${field.label} (${field.name})`, value);
	const fail = (problem: string) =>
		new NodeOperationError(ctx.getNode(), `${field.label} (${field.name}): ${problem}`, {
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
	ctx: IExecuteSingleFunctions,
	fields: FieldSpec[],
	value: IDataObject,
	destination: Destination,
): IDataObject | undefined {
	const result: IDataObject = {};
	for (const field of fields) {
		const converted = convertValue(ctx, field, value?.[field.name], destination);
		if (converted !== undefined) setPath(result, field.bodyPath ?? field.name, converted);
	}
	return Object.keys(result).length ? result : undefined;
}

/** Parses a JSON parameter exactly (big ids keep every digit) or names the field that is wrong. */
export function parseJsonField(
	ctx: IExecuteSingleFunctions,
	label: string,
	value: unknown,
): unknown {
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
