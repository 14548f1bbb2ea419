import type { ResourceSpec } from '../../spec/types';
import { EVENT_TYPE_OPTIONS } from './eventTypes';

export const eventResource: ResourceSpec = {
	value: 'event',
	name: 'Event',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many events',
			description:
				'List the event log of the Billbee account (imports, state changes, shipments, e-mails, …) page by page, optionally by date window, event type and order. Billbee allows only two calls per page per hour, so keep the date window narrow.',
			method: 'GET',
			path: '/events',
			query: [
				{
					name: 'minDate',
					label: 'From Date',
					type: 'dateTime',
					description: 'Only events at or after this date',
				},
				{
					name: 'maxDate',
					label: 'To Date',
					type: 'dateTime',
					description:
						'Only events at or before this date; when empty, the time of the first page is used so that later pages stay stable',
				},
				{
					name: 'typeId',
					label: 'Event Types',
					type: 'multiOptions',
					options: EVENT_TYPE_OPTIONS,
					description:
						'Only events of these types. Newer types missing from the list can be given by number through an expression, e.g. {{ [86] }}.',
				},
				{
					name: 'orderId',
					label: 'Order ID',
					type: 'int64',
					description: 'Only events of this Billbee order ID',
				},
			],
			paged: { freezeUntil: ['maxDate'] },
		},
	],
};
