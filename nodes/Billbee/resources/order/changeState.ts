import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';

import { resolveOrderState } from '../../methods/orderStates';
import type { OperationSpec } from '../../spec/types';
import { orderLocator } from './fields';

/** The path each item's request went to: by then an order given by its number is resolved. */
const sentPaths = new WeakMap<object, string>();

async function rememberPath(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	sentPaths.set(this, String(options.url));
	return options;
}

/** Billbee answers without data; the output says which order got which state. */
async function stateChanged(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const orderId = /\/orders\/(\d+)\//.exec(sentPaths.get(this) ?? '')?.[1];
	const state = resolveOrderState(this.getNodeParameter('newStateId', ''));
	return items.map((item) =>
		item.json.success === true && orderId && state
			? { ...item, json: { orderId, stateId: state.id, state: state.name } }
			: item,
	);
}

export const changeState: OperationSpec = {
	value: 'changeState',
	name: 'Change State',
	action: 'Change the state of an order',
	description:
		'Set the state of an order, e.g. paid or shipped; Billbee passes the new state on to the shop if configured and runs its automation rules. Returns the order ID and the new state.',
	method: 'PUT',
	path: '/orders/{id}/orderstate',
	pathParams: { id: orderLocator() },
	body: {
		fields: [
			{
				name: 'NewStateId',
				label: 'New State Name or ID',
				type: 'integer',
				required: true,
				loadOptionsMethod: 'getOrderStates',
				default: '',
				description: 'The state the order gets.',
			},
		],
	},
	preSend: [rememberPath],
	postReceive: [stateChanged],
};
