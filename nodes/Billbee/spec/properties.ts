import { updateDisplayOptions } from 'n8n-workflow';
import type {
	IExecuteSingleFunctions,
	INodeProperties,
	INodePropertyOptions,
	PreSendAction,
} from 'n8n-workflow';

import { inDisplayOrder } from './displayOrder';
import { locatorModes } from './locators';
import { buildRequest } from './request';
import {
	ADDITIONAL_FIELDS,
	ADDITIONAL_FIELDS_JSON,
	BILLBEE_API_DOCS,
	isTopLevel,
	JSON_BODY,
	parameterName,
	queryCollectionName,
} from './types';
import type { FieldSpec, FieldType, OperationSpec, ResourceSpec } from './types';
import { simplifyPostReceive, simplifyProperties } from '../agent/simplify';
import { readingDefault } from '../agent/toolSafety';

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

/** The n8n parameter of one field. */
export function toProperty(field: FieldSpec): INodeProperties {
	const property: INodeProperties = {
		displayName: field.label,
		name: parameterName(field),
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
		property.modes = locatorModes(field);
	}
	return property;
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

/** What "Additional Fields (JSON)" takes, naming Billbee's model and where it is documented. */
function jsonHint(model: string | undefined): string {
	const docs = `<a href="${BILLBEE_API_DOCS}">Billbee API documentation</a>`;
	const what = model ? `Billbee's ${model} model` : 'the Billbee model';
	return `Any further fields of ${what} as a JSON object, merged over the fields above; every field of the model can be set here (see the ${docs}${model ? `, model ${model}` : ''})`;
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
		for (const field of fields.filter(isTopLevel)) properties.push(toProperty(field));
		const optional = fields.filter((f) => !isTopLevel(f));
		if (optional.length)
			properties.push(collection(ADDITIONAL_FIELDS, 'Additional Fields', optional));
		properties.push({
			displayName: 'Additional Fields (JSON)',
			name: ADDITIONAL_FIELDS_JSON,
			type: 'json',
			default: '{}',
			description: jsonHint(body.model),
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
			// Every request goes to the node-wide pagination hook, the transport (see transport/routing.ts).
			send: { paginate: true, preSend: [builder, ...(spec.preSend ?? [])] },
			...(postReceive.length ? { output: { postReceive } } : {}),
		},
	};
}

/**
 * The operation values that change data, for settings that matter only there (Read-Only
 * Mode). No value is a read in one resource and a write in another (test/contract.test.js).
 */
export function writeOperationValues(resources: ResourceSpec[]): string[] {
	const writes = resources.flatMap((resource) =>
		resource.operations.filter((spec) => spec.method !== 'GET' && !spec.readsOnly),
	);
	return [...new Set(writes.map((spec) => spec.value))].sort();
}

/** The "operation" parameter of a resource and the parameters of all its operations. */
export function resourceDescription(resource: ResourceSpec): INodeProperties[] {
	const operations = inDisplayOrder(resource.operations);
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
