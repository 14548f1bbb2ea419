import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import { describeRequest } from '../transport';
import { convertValue, parseJsonField, setPath, toProperty } from './fields';
import type { FieldSpec } from './fields';

export interface BodySpec {
	/** Typed fields. Required ones are top-level parameters, the rest sit in "Additional Fields". */
	fields?: FieldSpec[];
	/**
	 * 'object' (default): typed fields plus "Additional Fields (JSON)" merged on top.
	 * 'json': the whole body is one JSON parameter (free objects, arrays, unknown models).
	 */
	mode?: 'object' | 'json';
	/** For mode 'json': what the JSON parameter holds, shown to the user. */
	jsonHint?: string;
	jsonDefault?: string;
	required?: boolean;
}

/** One Billbee endpoint as a resource/operation pair; the description and request follow from it. */
export interface OperationSpec {
	value: string;
	name: string;
	action: string;
	/** Plain words for people and AI agents: what it does and what it needs. */
	description: string;
	method: IHttpRequestMethods;
	/** Billbee's path template relative to the base URL, e.g. "/orders/{id}". */
	path: string;
	/** Path placeholder → the parameter that fills it. */
	pathParams?: Record<string, FieldSpec>;
	/** Query parameters asked for at the top level (required ones). */
	requiredQuery?: FieldSpec[];
	/** Optional query parameters, in the "Filters" (listings) or "Options" collection. */
	query?: FieldSpec[];
	body?: BodySpec;
	paged?: { freezeUntil?: string[] };
	/** A POST that only reads may be retried after a server error. */
	retrySafe?: boolean;
	/** Extra parameters this operation needs (own files for richer forms). */
	properties?: INodeProperties[];
	preSend?: PreSendAction[];
	postReceive?: PostReceiveAction[];
}

export interface ResourceSpec {
	value: string;
	name: string;
	operations: OperationSpec[];
}

export const ADDITIONAL_FIELDS_JSON = 'additionalFieldsJson';
export const JSON_BODY = 'jsonBody';

function queryCollectionName(spec: OperationSpec): 'filters' | 'options' {
	return spec.method === 'GET' && spec.paged ? 'filters' : 'options';
}

function pagingProperties(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

function collection(name: string, displayName: string, fields: FieldSpec[]): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder: `Add ${displayName.replace(/s$/, '')}`,
		default: {},
		options: [...fields].sort((a, b) => a.label.localeCompare(b.label)).map(toProperty),
	};
}

/** The parameters of one operation, shown only for it. */
function operationProperties(resource: string, spec: OperationSpec): INodeProperties[] {
	const properties: INodeProperties[] = [];
	for (const field of Object.values(spec.pathParams ?? {})) properties.push(toProperty({ ...field, required: true }));
	for (const field of spec.requiredQuery ?? []) properties.push(toProperty({ ...field, required: true }));
	const body = spec.body;
	if (body?.mode === 'json') {
		properties.push({
			displayName: 'Body (JSON)',
			name: JSON_BODY,
			type: 'json',
			default: '{}',
			required: body.required ?? true,
			description: body.jsonHint ?? 'The request body as JSON, as described in the Billbee API documentation',
		});
		if (body.jsonDefault) properties[properties.length - 1].default = body.jsonDefault;
	} else if (body) {
		const fields = body.fields ?? [];
		for (const field of fields.filter((f) => f.required)) properties.push(toProperty(field));
		const optional = fields.filter((f) => !f.required);
		if (optional.length) properties.push(collection('additionalFields', 'Additional Fields', optional));
		properties.push({
			displayName: 'Additional Fields (JSON)',
			name: ADDITIONAL_FIELDS_JSON,
			type: 'json',
			default: '{}',
			description:
				'Any further Billbee fields as a JSON object, merged over the fields above. Every field of the Billbee model can be set here.',
		});
	}
	if (spec.paged) properties.push(...pagingProperties());
	if (spec.query?.length) {
		const name = queryCollectionName(spec);
		properties.push(collection(name, name === 'filters' ? 'Filters' : 'Options', spec.query));
	}
	properties.push(...(spec.properties ?? []));
	return updateDisplayOptions({ show: { resource: [resource], operation: [spec.value] } }, properties);
}

function deepMerge(target: IDataObject, source: IDataObject): IDataObject {
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

function requiredValue(ctx: IExecuteSingleFunctions, field: FieldSpec, destination: 'query' | 'body'): unknown {
	const raw = ctx.getNodeParameter(field.name, undefined, { extractValue: true });
	const value = convertValue(ctx, field, raw, destination);
	if (value === undefined) {
		throw new NodeOperationError(ctx.getNode(), `${field.label} (${field.name}) is required`, {
			itemIndex: ctx.getItemIndex(),
		});
	}
	return value;
}

/** Builds URL, query and body of a request from the operation's parameters. */
export function buildRequest(ctx: IExecuteSingleFunctions, spec: OperationSpec, options: IHttpRequestOptions): IHttpRequestOptions {
	const pathValues: Record<string, string> = {};
	for (const [placeholder, field] of Object.entries(spec.pathParams ?? {})) {
		pathValues[placeholder] = String(requiredValue(ctx, field, 'query'));
	}
	options.url = spec.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(pathValues[name]));

	const qs: IDataObject = { ...(options.qs ?? {}) };
	for (const field of spec.requiredQuery ?? []) qs[field.name] = requiredValue(ctx, field, 'query') as string;
	if (spec.query?.length) {
		const chosen = ctx.getNodeParameter(queryCollectionName(spec), {}) as IDataObject;
		for (const field of spec.query) {
			const value = convertValue(ctx, field, chosen[field.name], 'query');
			if (value !== undefined) qs[field.name] = value as string;
		}
	}
	options.qs = qs;

	const body = spec.body;
	if (body?.mode === 'json') {
		const value = parseJsonField(ctx, 'Body (JSON)', ctx.getNodeParameter(JSON_BODY, '{}'));
		if (body.required !== false || value !== undefined) options.body = value as IDataObject;
	} else if (body) {
		const result: IDataObject = {};
		const fields = body.fields ?? [];
		const additional = fields.some((f) => !f.required)
			? (ctx.getNodeParameter('additionalFields', {}) as IDataObject)
			: {};
		for (const field of fields) {
			const raw = field.required ? ctx.getNodeParameter(field.name, undefined, { extractValue: true }) : additional[field.name];
			const value = field.required ? requiredValue(ctx, field, 'body') : convertValue(ctx, field, raw, 'body');
			if (value !== undefined) setPath(result, field.bodyPath ?? field.name, value);
		}
		const extra = parseJsonField(ctx, 'Additional Fields (JSON)', ctx.getNodeParameter(ADDITIONAL_FIELDS_JSON, '{}'));
		if (extra !== undefined && extra !== null) {
			if (typeof extra !== 'object' || Array.isArray(extra)) {
				throw new NodeOperationError(ctx.getNode(), 'Additional Fields (JSON) must be a JSON object', {
					itemIndex: ctx.getItemIndex(),
				});
			}
			deepMerge(result, extra as IDataObject);
		}
		options.body = result;
	}

	return describeRequest(options, {
		template: spec.path,
		retrySafe: spec.retrySafe,
		paged: !!spec.paged,
		freezeUntil: spec.paged?.freezeUntil,
	});
}

function operationOption(spec: OperationSpec): INodePropertyOptions {
	const builder: PreSendAction = async function (this: IExecuteSingleFunctions, options) {
		return buildRequest(this, spec, options);
	};
	return {
		name: spec.name,
		value: spec.value,
		action: spec.action,
		description: spec.description,
		routing: {
			request: { method: spec.method, url: spec.path },
			send: { paginate: true, preSend: [builder, ...(spec.preSend ?? [])] },
			...(spec.postReceive ? { output: { postReceive: spec.postReceive } } : {}),
		},
	};
}

/** The "operation" parameter of a resource and the parameters of all its operations. */
export function resourceDescription(resource: ResourceSpec): INodeProperties[] {
	const operations = [...resource.operations].sort((a, b) => a.name.localeCompare(b.name));
	const operation: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: operations.map(operationOption),
		default: '',
	};
	operation.default = operations[0].value;
	return [
		operation,
		...resource.operations.flatMap((spec) => operationProperties(resource.value, spec)),
	];
}
