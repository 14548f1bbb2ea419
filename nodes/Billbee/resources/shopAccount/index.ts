import type { ResourceSpec } from '../../spec/types';

export const shopAccountResource: ResourceSpec = {
	value: 'shopAccount',
	name: 'Shop Account',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many shop accounts',
			description:
				'List the shops and sales channels connected to the Billbee account (ID, name, type, last sync), page by page; the IDs are the shop IDs used by orders',
			method: 'GET',
			path: '/shopaccounts',
			paged: {},
		},
	],
};
