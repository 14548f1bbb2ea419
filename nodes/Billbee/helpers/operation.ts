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

import { simplifyPostReceive, simplifyProperties } from '../agent/simplify';
import { isToolNode, readingDefault } from '../agent/toolSafety';
import { assertWriteAllowed, billbeeApiRequest, describeRequest } from '../transport';
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
	/** A POST that only reads (search, parse placeholders): allowed in read-only mode, retried like a GET. */
	readsOnly?: boolean;
	/** Deletes data: said in the description so people and agents take care. */
	destructive?: boolean;
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
	for (const field of Object.values(spec.pathParams ?? {}))
		properties.push(toProperty({ ...field, required: true }));
	for (const field of spec.requiredQuery ?? [])
		properties.push(toProperty({ ...field, required: true }));
	const body = spec.body;
	if (body?.mode === 'json') {
		properties.push({
			displayName: 'Body (JSON)',
			name: JSON_BODY,
			type: 'json',
			default: '{}',
			required: body.required ?? true,
			description:
				body.jsonHint ?? 'The request body as JSON, as described in the Billbee API documentation',
		});
		if (body.jsonDefault) properties[properties.length - 1].default = body.jsonDefault;
	} else if (body) {
		const fields = body.fields ?? [];
		for (const field of fields.filter((f) => f.required)) properties.push(toProperty(field));
		const optional = fields.filter((f) => !f.required);
		if (optional.length)
			properties.push(collection('additionalFields', 'Additional Fields', optional));
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
	properties.push(...(spec.properties ?? []), ...simplifyProperties(resource, spec.value));
	return updateDisplayOptions(
		{ show: { resource: [resource], operation: [spec.value] } },
		properties,
	);
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

interface LocatorValue {
	mode: string;
	value: string;
}

function locatorValue(ctx: IExecuteSingleFunctions, field: FieldSpec): LocatorValue {
	const raw = ctx.getNodeParameter(field.name, undefined) as
		| { mode?: string; value?: unknown }
		| string;
	const { mode = 'id', value = '' } =
		typeof raw === 'object' && raw !== null ? raw : { value: raw };
	const text = String(value ?? '').trim();
	if (!text) {
		throw new NodeOperationError(ctx.getNode(), `${field.label} (${field.name}) is required`, {
			itemIndex: ctx.getItemIndex(),
		});
	}
	return { mode, value: text };
}

/** Finds the Billbee id of a record given by another key (one extra API call). */
async function resolveToId(
	ctx: IExecuteSingleFunctions,
	field: FieldSpec,
	{ mode, value }: LocatorValue,
): Promise<string> {
	if (mode === 'id') return value;
	const record = (
		field.locator === 'product'
			? await billbeeApiRequest.call(ctx, 'GET', '/products/{id}', {
					pathParams: { id: value },
					qs: { lookupBy: mode },
				})
			: await billbeeApiRequest.call(ctx, 'GET', '/orders/findbyextref/{extRef}', {
					pathParams: { extRef: value },
				})
	) as IDataObject | null;
	const id = field.locator === 'product' ? record?.Id : record?.BillBeeOrderId;
	if (id === undefined || id === null) {
		throw new NodeOperationError(
			ctx.getNode(),
			`No Billbee ${field.locator ?? 'order'} found for ${mode} "${value}"`,
			{
				itemIndex: ctx.getItemIndex(),
			},
		);
	}
	return String(id);
}

function requiredValue(
	ctx: IExecuteSingleFunctions,
	field: FieldSpec,
	destination: 'query' | 'body',
): unknown {
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
export async function buildRequest(
	ctx: IExecuteSingleFunctions,
	spec: OperationSpec,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	// Before any lookup call: in read-only mode a write is refused without touching Billbee.
	// (A tool's refusal is its result, given by the transport instead of the request.)
	if (!isToolNode(ctx.getNode())) assertWriteAllowed(ctx, spec.method, spec.path, spec.readsOnly);
	let template = spec.path;
	const qs: IDataObject = { ...(options.qs ?? {}) };
	const pathValues: Record<string, string> = {};
	for (const [placeholder, field] of Object.entries(spec.pathParams ?? {})) {
		if (field.type !== 'locator') {
			pathValues[placeholder] = String(requiredValue(ctx, field, 'query'));
			continue;
		}
		const located = locatorValue(ctx, field);
		const direct = field.byMode?.[located.mode];
		if (direct) {
			template = direct.path ?? template;
			Object.assign(qs, direct.query);
			pathValues[placeholder] = located.value;
		} else {
			pathValues[placeholder] = await resolveToId(ctx, field, located);
		}
	}
	options.url = template.replace(/\{(\w+)\}/g, (_, name: string) =>
		encodeURIComponent(pathValues[name]),
	);

	for (const field of spec.requiredQuery ?? [])
		qs[field.name] = requiredValue(ctx, field, 'query') as string;
	if (spec.query?.length) {
		const chosen = ctx.getNodeParameter(queryCollectionName(spec), {}) as IDataObject;
		for (const field of spec.query) {
			const value = convertValue(ctx, field, chosen[field.name], 'query');
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
		const result: IDataObject = {};
		const fields = body.fields ?? [];
		const additional = fields.some((f) => !f.required)
			? (ctx.getNodeParameter('additionalFields', {}) as IDataObject)
			: {};
		for (const field of fields) {
			const raw = field.required
				? ctx.getNodeParameter(field.name, undefined, { extractValue: true })
				: additional[field.name];
			const value = field.required
				? requiredValue(ctx, field, 'body')
				: convertValue(ctx, field, raw, 'body');
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
		options.body = result;
	}

	return describeRequest(options, {
		template,
		readsOnly: spec.readsOnly,
		paged: !!spec.paged,
		freezeUntil: spec.paged?.freezeUntil,
	});
}

function operationOption(resource: string, spec: OperationSpec): INodePropertyOptions {
	const builder: PreSendAction = async function (this: IExecuteSingleFunctions, options) {
		return await buildRequest(this, spec, options);
	};
	const postReceive = [...(spec.postReceive ?? []), ...simplifyPostReceive(resource, spec.value)];
	return {
		name: spec.name,
		value: spec.value,
		// The action is also the tool description n8n generates for the tool variant.
		action: spec.destructive ? `${spec.action} (destructive, cannot be undone)` : spec.action,
		description: spec.destructive
			? `${spec.description.replace(/\.$/, '')}. Destructive: this cannot be undone.`
			: spec.description,
		routing: {
			request: { method: spec.method, url: spec.path },
			send: { paginate: true, preSend: [builder, ...(spec.preSend ?? [])] },
			...(postReceive.length ? { output: { postReceive } } : {}),
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
		options: operations.map((spec) => operationOption(resource.value, spec)),
		default: readingDefault(operations),
	};
	return [
		operation,
		...resource.operations.flatMap((spec) => operationProperties(resource.value, spec)),
	];
}
