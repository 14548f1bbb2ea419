import type { ResourceSpec } from '../../helpers/operation';

export const apiUsageResource: ResourceSpec = {
	value: 'apiUsage',
	name: 'API Usage',
	operations: [
		{
			value: 'getSummary',
			name: 'Get Summary',
			action: 'Get summary (API usage)',
			description: 'Summarised API usage statistics for a month',
			method: 'GET',
			path: '/apiusage',
			query: [
				{ name: 'request.date', label: 'Request.date', type: 'dateTime', description: 'Any date inside the month of interest' },
			],
		},
		{
			value: 'getDetail',
			name: 'Get Detail',
			action: 'Get detail (API usage)',
			description: 'Detailed API usage statistics per endpoint for a month',
			method: 'GET',
			path: '/apiusage/detail',
			query: [
				{ name: 'request.date', label: 'Request.date', type: 'dateTime', description: 'Any date inside the month of interest' },
			],
		},
	],
};
