import type { FieldSpec, OperationSpec, ResourceSpec } from '../../spec/types';

const monthField: FieldSpec = {
	// A parameter name without the dot: n8n reads dots in names as paths.
	name: 'request.date',
	parameter: 'requestDate',
	label: 'Month',
	type: 'dateTime',
	description: 'Any date in the month to report on; only its year and month count',
};

function usage(
	spec: Pick<OperationSpec, 'value' | 'name' | 'action' | 'description' | 'path'>,
): OperationSpec {
	return { ...spec, method: 'GET', query: [monthField] };
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
