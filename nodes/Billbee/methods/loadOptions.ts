import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { billbeeApiRequest } from '../transport';

/** Events known without asking Billbee: the wildcard and the one filter Billbee documents. */
const FALLBACK_WEBHOOK_FILTERS: INodePropertyOptions[] = [
	{ name: 'All Events (*)', value: '*', description: 'Every event Billbee sends' },
	{ name: 'Order Created (order.created)', value: 'order.created' },
];

export async function getWebhookFilters(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	let filters: IDataObject[];
	try {
		filters = (await billbeeApiRequest.call(this, 'GET', '/webhooks/filters')) as IDataObject[];
	} catch (error) {
		this.logger.warn(`Billbee webhook filters could not be loaded, offering the known ones: ${(error as Error).message}`);
		return FALLBACK_WEBHOOK_FILTERS;
	}
	const options: INodePropertyOptions[] = (Array.isArray(filters) ? filters : []).map((filter) => {
		const name = String(filter.Name);
		return {
			name: name === '*' ? 'All Events (*)' : `${String(filter.Description || name)} (${name})`,
			value: name,
			description: filter.Description ? String(filter.Description) : undefined,
		};
	});
	if (!options.some((option) => option.value === '*')) options.unshift(FALLBACK_WEBHOOK_FILTERS[0]);
	return options;
}
