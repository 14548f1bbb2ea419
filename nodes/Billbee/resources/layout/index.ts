import type { ResourceSpec } from '../../helpers/operation';

export const layoutResource: ResourceSpec = {
	value: 'layout',
	name: 'Layout',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many layouts',
			description: 'List document layout templates (IDs usable as templateId for createInvoice)',
			method: 'GET',
			path: '/layouts',
		},
	],
};
