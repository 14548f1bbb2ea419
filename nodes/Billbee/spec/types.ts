import type {
	IDataObject,
	IHttpRequestMethods,
	INode,
	INodeProperties,
	INodePropertyOptions,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

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
	/**
	 * Billbee's exact name: the query key or body property (see `bodyPath`). The n8n parameter
	 * name is its camelCase form (`parameterName`), unless `parameter` names it.
	 */
	name: string;
	/** The n8n parameter name where the camelCase form of `name` would collide or mislead. */
	parameter?: string;
	/** The name shown in the form. */
	label: string;
	type: FieldType;
	description?: string;
	required?: boolean;
	/** Optional, but one of the fields most people need: shown at the top, not in "Additional Fields". */
	primary?: boolean;
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

export interface BodySpec {
	/** Typed fields. Required ones are top-level parameters, the rest sit in "Additional Fields". */
	fields?: FieldSpec[];
	/**
	 * 'object' (default): typed fields plus "Additional Fields (JSON)" merged on top.
	 * 'json': the whole body is one JSON parameter (free objects, arrays, unknown models).
	 */
	mode?: 'object' | 'json';
	/** Billbee's model of the body (models.json), named with a link in the JSON parameter's hint. */
	model?: string;
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

export const ADDITIONAL_FIELDS = 'additionalFields';
export const ADDITIONAL_FIELDS_JSON = 'additionalFieldsJson';
export const JSON_BODY = 'jsonBody';

/**
 * The n8n parameter name of a field: `parameter`, or Billbee's name in camelCase
 * ("OrderNumber" → "orderNumber", "SKU" → "sku", "CountryISO2" → "countryIso2").
 * Part of the node's frozen contract: test/contract.snapshot.json records every name.
 */
export function parameterName(field: Pick<FieldSpec, 'name' | 'parameter'>): string {
	if (field.parameter) return field.parameter;
	return field.name
		.replace(/[A-Z]+(?![a-z])|[A-Z]/g, (word, offset: number) =>
			offset === 0 ? word.toLowerCase() : word[0] + word.slice(1).toLowerCase(),
		)
		.replace(/[^A-Za-z0-9]/g, '');
}

/** Shown at the top of the form: required or primary. */
export const isTopLevel = (field: FieldSpec): boolean => !!(field.required || field.primary);

/**
 * The fields with the given Billbee names marked primary and put first (after the required
 * ones), in that order; the others follow as they were.
 */
export function withPrimary(fields: FieldSpec[], names: string[]): FieldSpec[] {
	const chosen = names.map((name) => {
		const field = fields.find((f) => f.name === name);
		if (!field) throw new Error(`withPrimary: no field ${name}`);
		return { ...field, primary: true };
	});
	const rest = fields.filter((f) => !names.includes(f.name));
	return [...rest.filter((f) => f.required), ...chosen, ...rest.filter((f) => !f.required)];
}

/** Where Billbee documents its API and models. */
export const BILLBEE_API_DOCS = 'https://app.billbee.io/swagger/ui/index';

/** Listings take their optional query parameters as "Filters", everything else as "Options". */
export function queryCollectionName(spec: OperationSpec): 'filters' | 'options' {
	return spec.method === 'GET' && spec.paged ? 'filters' : 'options';
}

/** The node and item a value belongs to, for error messages. */
export interface ItemScope {
	getNode(): INode;
	getItemIndex(): number;
}

/** Reads the parameters of one item: an IExecuteSingleFunctions, or `forItem` of an execute(). */
export interface ItemParameters extends ItemScope {
	getNodeParameter(
		name: string,
		fallbackValue?: unknown,
		options?: { extractValue?: boolean },
	): unknown;
}
