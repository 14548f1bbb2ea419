import type { ResourceSpec } from '../../helpers/operation';

export const eventResource: ResourceSpec = {
	value: 'event',
	name: 'Event',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many events',
			description: 'List account events (audit log), optionally filtered by date, type and order',
			method: 'GET',
			path: '/events',
			query: [
				{ name: 'minDate', label: 'Min Date', type: 'dateTime', description: 'Oldest event date to include' },
				{ name: 'maxDate', label: 'Max Date', type: 'dateTime', description: 'Newest event date to include' },
				{ name: 'typeId', label: 'Type ID', type: 'int64List', description: 'Only these event type IDs (repeatable)' },
				{ name: 'orderId', label: 'Order ID', type: 'int64', description: 'Only events of this Billbee order' },
			],
			paged: { freezeUntil: ['maxDate'] },
		},
	],
};
