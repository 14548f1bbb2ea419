import type { ResourceSpec } from '../../spec/types';

export const layoutResource: ResourceSpec = {
	value: 'layout',
	name: 'Layout',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many layouts',
			description:
				'List the document layouts (templates for invoices, delivery notes, labels, …) with ID, name and type; the ID is the template ID when creating an invoice',
			method: 'GET',
			path: '/layouts',
		},
	],
};
