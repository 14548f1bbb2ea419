import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { resourceDescription } from './helpers/operation';
import { resources } from './resources';
import { billbeeRoutingTransport } from './transport';

export class Billbee implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Billbee',
		name: 'billbee',
		icon: { light: 'file:billbee.svg', dark: 'file:billbee.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage orders, products, customers, shipments, stock and webhooks in Billbee',
		defaults: { name: 'Billbee' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'billbeeApi', required: true }],
		requestDefaults: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			headers: { Accept: 'application/json' },
		},
		// Every operation sets `send.paginate: true`, so every request of this node goes through
		// the transport: pacing, 429 retry, exact ids, Billbee's error envelope and paging.
		requestOperations: { pagination: billbeeRoutingTransport },
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resources.map(({ name, value }) => ({ name, value })),
				default: 'order',
			},
			...resources.flatMap(resourceDescription),
		],
	};
}
