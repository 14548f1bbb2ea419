import type { ResourceSpec } from '../../helpers/operation';

export const webhookResource: ResourceSpec = {
	value: 'webhook',
	name: 'Webhook',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many webhooks',
			description: 'List all webhook registrations of the user',
			method: 'GET',
			path: '/webhooks',
		},
		{
			value: 'create',
			name: 'Create',
			action: 'Create a webhook',
			description: 'Register a new webhook (Billbee performs an echo GET test unless the URI contains ?noecho)',
			method: 'POST',
			path: '/webhooks',
			body: {
				fields: [
					{ name: 'Secret', label: 'Secret', type: 'string', typeOptions: { password: true }, description: 'HMAC secret, 32-64 characters - required', required: true },
					{ name: 'Filters', label: 'Filters', type: 'stringList', description: 'Filter (event) names; see /webhooks/filters' },
					{ name: 'Headers', label: 'Headers', type: 'json', description: 'Extra HTTP headers Billbee sends with every call (string map)' },
					{ name: 'Properties', label: 'Properties', type: 'json', description: 'Free key/value data echoed back in every delivery' },
					{ name: 'Id', label: 'ID', type: 'string', description: 'Webhook ID (server generated; must be empty on create)' },
					{ name: 'WebHookUri', label: 'Web Hook URI', type: 'string', description: 'Target URL - required', required: true },
					{ name: 'Description', label: 'Description', type: 'string', description: 'Free text' },
					{ name: 'IsPaused', label: 'Is Paused', type: 'boolean', description: 'Whether when true no deliveries are sent' },
				],
			},
		},
		{
			value: 'deleteAll',
			name: 'Delete All',
			action: 'Delete all (webhook)',
			description: 'Delete all webhook registrations of the user',
			method: 'DELETE',
			path: '/webhooks',
		},
		{
			value: 'getFilters',
			name: 'Get Filters',
			action: 'Get filters (webhook)',
			description: 'List the filter (event) names usable in webhook registrations',
			method: 'GET',
			path: '/webhooks/filters',
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a webhook',
			description: 'Get one webhook registration by ID',
			method: 'GET',
			path: '/webhooks/{id}',
			pathParams: {
				id: { name: 'webhookId', label: 'Webhook ID', type: 'string', description: 'Webhook ID',  },
			},
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a webhook',
			description: 'Replace a webhook registration by ID',
			method: 'PUT',
			path: '/webhooks/{id}',
			pathParams: {
				id: { name: 'webhookId', label: 'Webhook ID', type: 'string', description: 'Webhook ID',  },
			},
			body: {
				fields: [
					{ name: 'Secret', label: 'Secret', type: 'string', typeOptions: { password: true }, description: 'HMAC secret, 32-64 characters - required', required: true },
					{ name: 'Filters', label: 'Filters', type: 'stringList', description: 'Filter (event) names; see /webhooks/filters' },
					{ name: 'Headers', label: 'Headers', type: 'json', description: 'Extra HTTP headers Billbee sends with every call (string map)' },
					{ name: 'Properties', label: 'Properties', type: 'json', description: 'Free key/value data echoed back in every delivery' },
					{ name: 'Id', label: 'ID', type: 'string', description: 'Webhook ID (server generated; must be empty on create)' },
					{ name: 'WebHookUri', label: 'Web Hook URI', type: 'string', description: 'Target URL - required', required: true },
					{ name: 'Description', label: 'Description', type: 'string', description: 'Free text' },
					{ name: 'IsPaused', label: 'Is Paused', type: 'boolean', description: 'Whether when true no deliveries are sent' },
				],
			},
		},
		{
			value: 'delete',
			name: 'Delete',
			action: 'Delete a webhook',
			description: 'Delete one webhook registration by ID',
			method: 'DELETE',
			path: '/webhooks/{id}',
			pathParams: {
				id: { name: 'webhookId', label: 'Webhook ID', type: 'string', description: 'Webhook ID',  },
			},
		},
	],
};
