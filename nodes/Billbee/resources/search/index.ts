import type { ResourceSpec } from '../../spec/types';

export const searchResource: ResourceSpec = {
	value: 'search',
	name: 'Search',
	operations: [
		{
			value: 'search',
			name: 'Search',
			action: 'Search records for a term',
			description:
				'Search orders, products and/or customers of the Billbee account for a term (e.g. an order number, SKU, name or e-mail). Returns one object with the lists Orders, Products and Customers; it only reads, so it also runs in read-only mode.',
			method: 'POST',
			path: '/search',
			readsOnly: true,
			body: {
				fields: [
					{
						name: 'Type',
						label: 'Search In',
						type: 'multiOptions',
						required: true,
						options: [
							{ name: 'Customers', value: 'customer' },
							{ name: 'Orders', value: 'order' },
							{ name: 'Products', value: 'product' },
						],
						description: 'Which kinds of records to search',
					},
					{
						name: 'Term',
						label: 'Search Term',
						type: 'string',
						required: true,
						placeholder: 'e.g. SKU-1001',
						description: 'What to look for; in expert mode Lucene syntax is allowed',
					},
					{
						name: 'SearchMode',
						label: 'Search Mode',
						type: 'options',
						default: 0,
						options: [
							{ name: 'All Words (AND)', value: 0 },
							{ name: 'Any Word (OR)', value: 1 },
							{ name: 'Expert (Lucene Syntax)', value: 2 },
							{ name: 'Phrase Prefix', value: 3 },
							{ name: 'Suggest', value: 4 },
						],
						description: 'How the words of the term are combined',
					},
				],
			},
		},
	],
};
