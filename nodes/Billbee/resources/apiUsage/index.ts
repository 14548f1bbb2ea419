import type { IDataObject, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import type { FieldSpec, OperationSpec, ResourceSpec } from '../../spec/types';

/** Billbee's query key; the form field has a name without a dot (n8n reads dots in names as paths). */
const QUERY_KEY = 'request.date';

const monthField: FieldSpec = {
	name: 'requestDate',
	label: 'Month',
	type: 'dateTime',
	description: 'Any date in the month to report on; only its year and month count',
};

/** Sends the month under Billbee's key `request.date`. */
const monthToQuery: PreSendAction = async function (this: unknown, options: IHttpRequestOptions) {
	const qs = (options.qs ?? {}) as IDataObject;
	if (qs[monthField.name] !== undefined) {
		qs[QUERY_KEY] = qs[monthField.name];
		delete qs[monthField.name];
	}
	return options;
};

function usage(
	spec: Pick<OperationSpec, 'value' | 'name' | 'action' | 'description' | 'path'>,
): OperationSpec {
	return { ...spec, method: 'GET', query: [monthField], preSend: [monthToQuery] };
}

export const apiUsageResource: ResourceSpec = {
	value: 'apiUsage',
	name: 'API Usage',
	operations: [
		usage({
			value: 'getSummary',
			name: 'Get Summary',
			action: 'Get the API usage summary',
			description:
				'Count the API calls of the Billbee account in one month, per user. Billbee does not document this endpoint, so the shape of the answer may change.',
			path: '/apiusage',
		}),
		usage({
			value: 'getDetail',
			name: 'Get Detail',
			action: 'Get the API usage per endpoint',
			description:
				'Count the API calls of the Billbee account in one month, per user, method and endpoint. Billbee does not document this endpoint, so the shape of the answer may change.',
			path: '/apiusage/detail',
		}),
	],
};
