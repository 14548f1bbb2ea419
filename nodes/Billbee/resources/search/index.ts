import type { ResourceSpec } from '../../helpers/operation';

export const searchResource: ResourceSpec = {
	value: 'search',
	name: 'Search',
	operations: [
		{
			value: 'search',
			name: 'Search',
			action: 'Search a search',
			description: 'Full-text search across orders, products and/or customers (Lucene syntax allowed)',
			method: 'POST',
			path: '/search',
			body: {
				fields: [
					{ name: 'Type', label: 'Type', type: 'stringList', description: 'What to search: any of \'order\',\'product\',\'customer\'' },
					{ name: 'Term', label: 'Term', type: 'string', description: 'Search term (Lucene syntax allowed)' },
					{ name: 'SearchMode', label: 'Search Mode', type: 'integer', description: 'Search mode (see enum searchMode)' },
				],
			},
		},
	],
};
