import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { allowChangesProperty, hiddenInTool } from './agent/toolSafety';
import { resourceDescription, writeOperationValues } from './spec/properties';
import { methods } from './methods';
import { resources } from './resources';
import { executeUpdateStockMultiple } from './resources/product/updateStockMultiple';
import { billbeeRoutingTransport, READ_ONLY_PARAMETER } from './transport';

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
			{
				displayName: 'Read-Only Mode',
				name: READ_ONLY_PARAMETER,
				type: 'boolean',
				default: false,
				displayOptions: { ...hiddenInTool, show: { operation: writeOperationValues(resources) } },
				description:
					'Whether to refuse every operation that would change data in Billbee, so that only reads are sent',
			},
			allowChangesProperty,
		],
	};

	methods = methods;

	// Runs once for all items instead of once per item: Billbee takes 250 stock updates per call.
	customOperations = { product: { updateStockMultiple: executeUpdateStockMultiple } };
}
