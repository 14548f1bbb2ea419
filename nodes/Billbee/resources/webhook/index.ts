import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import type { FieldSpec, ResourceSpec } from '../../spec/types';

/**
 * Billbee answers registrations with their signing secret. The node never outputs it: an AI
 * agent or a log could otherwise read the secrets of every tool's webhooks of the account.
 */
const hideSecrets: PostReceiveAction = async function (
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
) {
	for (const { json } of items) {
		if (typeof json.Secret === 'string' && json.Secret)
			json.Secret = `(hidden, ${json.Secret.length} characters)`;
	}
	return items;
};

const webhookId: FieldSpec = {
	name: 'webhookId',
	label: 'Webhook ID',
	type: 'string',
	placeholder: 'e.g. 9f1c2a7e0b5d4c3e8a6f1b2c3d4e5f60',
	description: 'ID of the webhook registration, as returned by Create or Get Many',
};

/** The fields of Billbee's WebHookApiModel; Id is never asked for (server-made, or taken from the path). */
const registrationFields: FieldSpec[] = [
	{
		name: 'WebHookUri',
		label: 'Webhook URL',
		type: 'string',
		required: true,
		placeholder: 'e.g. https://example.com/billbee-hook',
		description:
			'Address Billbee posts the events to. Billbee first checks it with a GET echo request that must answer the value of the "echo" query parameter as plain text; a URL with a "noecho" query parameter skips the check.',
	},
	{
		name: 'Secret',
		label: 'Secret',
		type: 'string',
		required: true,
		typeOptions: { password: true },
		description:
			'Shared secret of 32 to 64 characters; Billbee signs every delivery with it (HMAC-SHA256 in the ms-signature header)',
	},
	{
		name: 'Filters',
		parameter: 'events',
		label: 'Event Names or IDs',
		type: 'multiOptions',
		loadOptionsMethod: 'getWebhookFilters',
		description: 'Events that trigger a delivery; leave empty for all events (*).',
	},
	{
		name: 'Description',
		label: 'Description',
		type: 'string',
		description: 'Free text to recognise the registration by',
	},
	{
		name: 'IsPaused',
		label: 'Is Paused',
		type: 'boolean',
		description: 'Whether Billbee keeps the registration but sends no deliveries',
	},
	{
		name: 'Headers',
		label: 'Headers (JSON)',
		type: 'json',
		description:
			'Extra HTTP headers Billbee sends with every delivery, as a JSON object of strings, e.g. {"X-Token": "abc"}',
	},
	{
		name: 'Properties',
		label: 'Properties (JSON)',
		type: 'json',
		description: 'Free key/value data Billbee echoes back in every delivery, as a JSON object',
	},
];

/** Billbee rejects a PUT whose body Id differs from the path, so the body gets the path's ID. */
const idFromPath: PreSendAction = async function (
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
) {
	const body = options.body as IDataObject | undefined;
	if (
		body &&
		typeof body === 'object' &&
		(body.Id === undefined || body.Id === null || body.Id === '')
	) {
		body.Id = String(this.getNodeParameter('webhookId', '')).trim();
	}
	return options;
};

export const webhookResource: ResourceSpec = {
	value: 'webhook',
	name: 'Webhook',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many webhooks',
			description:
				'List all webhook registrations of the Billbee account, with URL, events and secret',
			method: 'GET',
			path: '/webhooks',
			postReceive: [hideSecrets],
		},
		{
			value: 'create',
			name: 'Create',
			action: 'Create a webhook',
			description:
				'Register a URL that Billbee calls on the chosen events. Billbee checks the URL with an echo request first (skipped when the URL has a "noecho" query parameter) and returns the stored registration with its ID.',
			method: 'POST',
			path: '/webhooks',
			postReceive: [hideSecrets],
			body: { fields: registrationFields },
		},
		{
			value: 'deleteAll',
			name: 'Delete All',
			action: 'Delete all webhooks',
			description:
				'Delete every webhook registration of the Billbee account at once, including those made by other tools, integrations and Billbee Trigger nodes, which then stop receiving events',
			method: 'DELETE',
			path: '/webhooks',
			destructive: true,
		},
		{
			value: 'getFilters',
			name: 'Get Filters',
			action: 'Get webhook event filters',
			description:
				'List the event names (filters) a webhook registration can subscribe to, with descriptions',
			method: 'GET',
			path: '/webhooks/filters',
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a webhook',
			description: 'Get one webhook registration by its ID',
			method: 'GET',
			path: '/webhooks/{id}',
			postReceive: [hideSecrets],
			pathParams: { id: webhookId },
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a webhook',
			description:
				'Replace a webhook registration by its ID (PUT): URL and secret are needed again, and fields left out are reset. Billbee may check the URL with an echo request again.',
			method: 'PUT',
			path: '/webhooks/{id}',
			postReceive: [hideSecrets],
			pathParams: { id: webhookId },
			body: { fields: registrationFields },
			preSend: [idFromPath],
		},
		{
			value: 'delete',
			name: 'Delete',
			action: 'Delete a webhook',
			description: 'Delete one webhook registration by its ID; Billbee stops sending its events',
			method: 'DELETE',
			path: '/webhooks/{id}',
			pathParams: { id: webhookId },
			destructive: true,
		},
	],
};
