import type { ResourceSpec } from '../../helpers/operation';

export const shopAccountResource: ResourceSpec = {
	value: 'shopAccount',
	name: 'Shop Account',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many shop accounts',
			description: 'List connected shop / channel accounts (paged)',
			method: 'GET',
			path: '/shopaccounts',
			paged: {},
		},
	],
};
