import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { isToolNode } from '../agent/toolSafety';
import { assertWriteAllowed, fillPath } from '../transport/request';
import { locatorMode, readLocator, resolveLocator } from './locators';
import {
	ADDITIONAL_FIELDS,
	ADDITIONAL_FIELDS_JSON,
	isTopLevel,
	JSON_BODY,
	parameterName,
	queryCollectionName,
} from './types';
import type { BodySpec, FieldSpec, ItemParameters, OperationSpec } from './types';
import { convertValue, deepMerge, parseJsonField, setPath } from './values';
import type { Destination } from './values';

/** The parameters of one item inside an execute() that runs for all items at once. */
export function forItem(ctx: IExecuteFunctions, itemIndex: number): ItemParameters {
	return {
		getNode: () => ctx.getNode(),
		getItemIndex: () => itemIndex,
		getNodeParameter: (name, fallbackValue, options) =>
			ctx.getNodeParameter(name, itemIndex, fallbackValue, options),
	};
}

/**
 * Billbee's path template for this request: the operation's path, or the one a locator mode
 * names (e.g. an order given by its number is read from another endpoint).
 */
export function pathTemplate(ctx: ItemParameters, spec: OperationSpec): string {
	let template = spec.path;
	for (const field of Object.values(spec.pathParams ?? {})) {
		if (field.type !== 'locator') continue;
		template = field.byMode?.[locatorMode(ctx, field)]?.path ?? template;
	}
	return template;
}

function requiredValue(ctx: ItemParameters, field: FieldSpec, destination: Destination): unknown {
	const raw = ctx.getNodeParameter(parameterName(field), undefined, {
		extractValue: true,
	});
	const value = convertValue(ctx, field, raw, destination);
	if (value === undefined) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${field.label} (${parameterName(field)}) is required`,
			{
				itemIndex: ctx.getItemIndex(),
			},
		);
	}
	return value;
}

/** An optional field's form value: a top-level parameter, or an entry of "Additional Fields". */
function optionalValue(ctx: ItemParameters, field: FieldSpec, additional: IDataObject): unknown {
	if (!field.primary) return additional[parameterName(field)];
	return ctx.getNodeParameter(parameterName(field), undefined, { extractValue: true });
}

/**
 * The body of an 'object' body: typed fields at their body paths, then "Additional Fields
 * (JSON)" merged over them. Locators (a record in the body, not the path) are left to
 * `buildRequest`, which may have to look them up.
 */
export function buildObjectBody(ctx: ItemParameters, body: BodySpec): IDataObject {
	const result: IDataObject = {};
	const fields = body.fields ?? [];
	const additional = fields.some((f) => !isTopLevel(f))
		? (ctx.getNodeParameter(ADDITIONAL_FIELDS, {}) as IDataObject)
		: {};
	for (const field of fields) {
		if (field.type === 'locator') continue;
		const value = field.required
			? requiredValue(ctx, field, 'body')
			: convertValue(ctx, field, optionalValue(ctx, field, additional), 'body');
		if (value !== undefined) setPath(result, field.bodyPath ?? field.name, value);
	}
	const extra = parseJsonField(
		ctx,
		'Additional Fields (JSON)',
		ctx.getNodeParameter(ADDITIONAL_FIELDS_JSON, '{}'),
	);
	if (extra !== undefined && extra !== null) {
		if (typeof extra !== 'object' || Array.isArray(extra)) {
			throw new NodeOperationError(
				ctx.getNode(),
				'Additional Fields (JSON) must be a JSON object',
				{
					itemIndex: ctx.getItemIndex(),
				},
			);
		}
		deepMerge(result, extra as IDataObject);
	}
	return result;
}

/** Builds URL, query and body of a request from the operation's parameters (the first preSend). */
export async function buildRequest(
	ctx: IExecuteSingleFunctions,
	spec: OperationSpec,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	// Before any lookup call: in read-only mode a write is refused without touching Billbee.
	// (A tool's refusal is its result, given by the transport instead of the request.)
	if (!isToolNode(ctx.getNode())) assertWriteAllowed(ctx, spec.method, spec.path, spec.readsOnly);
	const qs: IDataObject = { ...(options.qs ?? {}) };
	const pathValues: IDataObject = {};
	for (const [placeholder, field] of Object.entries(spec.pathParams ?? {})) {
		if (field.type !== 'locator') {
			pathValues[placeholder] = String(requiredValue(ctx, field, 'query'));
			continue;
		}
		const located = readLocator(ctx, field);
		const direct = field.byMode?.[located.mode];
		if (direct) {
			Object.assign(qs, direct.query);
			pathValues[placeholder] = located.value;
		} else {
			pathValues[placeholder] = await resolveLocator(ctx, field, located);
		}
	}
	options.url = fillPath(pathTemplate(ctx, spec), pathValues);

	for (const field of spec.requiredQuery ?? [])
		qs[field.name] = requiredValue(ctx, field, 'query') as string;
	if (spec.query?.length) {
		const chosen = ctx.getNodeParameter(queryCollectionName(spec), {}) as IDataObject;
		for (const field of spec.query) {
			const value = convertValue(ctx, field, chosen[parameterName(field)], 'query');
			if (value !== undefined) qs[field.name] = value as string;
		}
	}
	options.qs = qs;

	const body = spec.body;
	if (!body) delete options.body;
	if (body?.mode === 'json') {
		const value = parseJsonField(ctx, 'Body (JSON)', ctx.getNodeParameter(JSON_BODY, '{}'));
		if (body.required !== false || value !== undefined) options.body = value as IDataObject;
	} else if (body) {
		const built = buildObjectBody(ctx, body);
		for (const field of (body.fields ?? []).filter((f) => f.type === 'locator')) {
			const id = await resolveLocator(ctx, field, readLocator(ctx, field));
			const exact = convertValue(ctx, { ...field, type: 'int64' }, id, 'body');
			setPath(built, field.bodyPath ?? field.name, exact);
		}
		options.body = built;
	}
	return options;
}
