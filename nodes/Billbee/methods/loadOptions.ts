import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { billbeeApiRequest, MAX_PAGE_SIZE } from '../transport';
import { orderStateLabel } from './orderStates';

/** The wildcard, offered even if Billbee's list lacks it. */
const ALL_EVENTS: INodePropertyOptions = {
	name: 'All Events (*)',
	value: '*',
	description: 'Every event Billbee sends',
};

function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
	return a.name.localeCompare(b.name);
}

async function list(
	ctx: ILoadOptionsFunctions,
	path: string,
	qs?: IDataObject,
): Promise<IDataObject[]> {
	const data = await billbeeApiRequest.call(ctx, 'GET', path, { qs });
	return Array.isArray(data) ? (data as IDataObject[]) : [];
}

/** Billbee's enum endpoints answer [{ Id, Name }]. */
function enumLoader(path: string, label = (id: number, name: string) => name) {
	return async function (this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return (await list(this, path)).map((entry) => ({
			name: label(entry.Id as number, String(entry.Name)),
			value: entry.Id as number,
		}));
	};
}

/** Billbee's list of states (it may hold states unknown here), named in English with Billbee's name beside. */
export const getOrderStates = enumLoader('/enums/orderstates', orderStateLabel);
export const getPaymentTypes = enumLoader('/enums/paymenttypes');
export const getShipmentTypes = enumLoader('/enums/shipmenttypes');
export const getShippingCarriers = enumLoader('/enums/shippingcarriers');

export async function getShopAccounts(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return (await list(this, '/shopaccounts', { page: 1, pageSize: MAX_PAGE_SIZE }))
		.map((shop) => ({
			name: `${String(shop.Name ?? shop.Description ?? shop.Id)}${shop.ShopType ? ` (${String(shop.ShopType)})` : ''}`,
			value: String(shop.Id),
		}))
		.sort(byName);
}

export async function getShippingProviders(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return (await list(this, '/shipment/shippingproviders'))
		.map((provider) => ({ name: String(provider.name), value: String(provider.id) }))
		.sort(byName);
}

/** The products of the shipping provider chosen in the form (all providers' products if none is chosen yet). */
export async function getShippingProviderProducts(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const chosen = ['providerId', 'additionalFields.shippingProviderId', 'shippingProviderId']
		.map((name) => this.getCurrentNodeParameter(name))
		.find((value) => value !== undefined && value !== null && value !== '');
	const providerId = String(chosen ?? '');
	const providers = await list(this, '/shipment/shippingproviders');
	return providers
		.filter((provider) => !providerId || String(provider.id) === providerId)
		.flatMap((provider) =>
			((provider.products as IDataObject[]) ?? []).map((product) => ({
				name: `${String(product.displayName ?? product.productName)}${providerId ? '' : ` (${String(provider.name)})`}`,
				value: String(product.id),
			})),
		)
		.sort(byName);
}

export async function getStocks(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await list(this, '/products/stocks')).map((stock) => ({
		name: String(stock.Name ?? stock.Id),
		value: String(stock.Id),
		description: stock.Description ? String(stock.Description) : undefined,
	}));
}

export async function getCloudStorages(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return (await list(this, '/cloudstorages')).map((storage) => ({
		name: `${String(storage.Name)}${storage.Type ? ` (${String(storage.Type)})` : ''}`,
		value: String(storage.Id),
	}));
}

export async function getLayouts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await list(this, '/layouts'))
		.map((layout) => ({
			name: `${String(layout.Name)}${layout.Type !== undefined ? ` (type ${String(layout.Type)})` : ''}`,
			value: String(layout.Id),
		}))
		.sort(byName);
}

export async function getCustomFieldDefinitions(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return (await list(this, '/products/custom-fields', { page: 1, pageSize: MAX_PAGE_SIZE }))
		.map((definition) => ({
			name: String(definition.Name ?? definition.Id),
			value: String(definition.Id),
		}))
		.sort(byName);
}

export async function getCategories(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await list(this, '/products/category'))
		.map((category) => ({ name: String(category.Name ?? category.Id), value: String(category.Id) }))
		.sort(byName);
}

export async function getWebhookFilters(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const options: INodePropertyOptions[] = (await list(this, '/webhooks/filters')).map((filter) => {
		const name = String(filter.Name);
		return {
			name: name === '*' ? ALL_EVENTS.name : `${String(filter.Description || name)} (${name})`,
			value: name,
			description: filter.Description ? String(filter.Description) : undefined,
		};
	});
	if (!options.some((option) => option.value === '*')) options.unshift(ALL_EVENTS);
	return options;
}
