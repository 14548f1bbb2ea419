import type { FieldSpec, ResourceSpec } from '../../spec/types';
import { addressFields, customerFields } from './fields';

const customerId = (description: string): FieldSpec => ({
	name: 'customerId',
	label: 'Customer ID',
	type: 'int64',
	description,
});

const addressId: FieldSpec = {
	name: 'addressId',
	label: 'Address ID',
	type: 'int64',
	description: 'Billbee ID of the customer address (not the customer ID)',
};

export const customerResource: ResourceSpec = {
	value: 'customer',
	name: 'Customer',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many customers',
			description: 'List the customers of the Billbee account, page by page (Return All or Limit)',
			method: 'GET',
			path: '/customers',
			paged: {},
		},
		{
			value: 'create',
			name: 'Create',
			action: 'Create a customer',
			description:
				'Create a customer, optionally together with a first address; returns the new customer with its Billbee ID',
			method: 'POST',
			path: '/customers',
			body: {
				model: 'CreateCustomerApiModel',
				fields: [
					...customerFields.filter((f) => f.primary),
					{
						name: 'Address',
						label: 'First Address',
						type: 'object',
						primary: true,
						description: 'First address of the customer, created together with it',
						fields: addressFields,
					},
					...customerFields.filter((f) => !f.primary),
				],
			},
		},
		{
			value: 'getAddress',
			name: 'Get Address',
			action: 'Get an address of a customer by its address ID',
			description: 'Get one customer address by its address ID',
			method: 'GET',
			path: '/customers/addresses/{id}',
			pathParams: { id: addressId },
		},
		{
			value: 'updateAddress',
			name: 'Update Address',
			action: 'Replace an address of a customer by its address ID',
			description:
				'Replace a customer address by its address ID (PUT). Fields left out are cleared by Billbee, so send the complete address; to change single fields use Patch Address.',
			method: 'PUT',
			path: '/customers/addresses/{id}',
			pathParams: { id: addressId },
			body: { fields: addressFields },
		},
		{
			value: 'patchAddress',
			name: 'Patch Address',
			action: 'Change fields of an address of a customer by its address ID',
			description:
				'Change only the given fields of a customer address by its address ID; all other fields keep their values. The address ID and the customer cannot be changed.',
			method: 'PATCH',
			path: '/customers/addresses/{id}',
			pathParams: { id: addressId },
			body: { fields: addressFields },
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a customer',
			description: 'Get one customer by Billbee customer ID, with contact data and meta entries',
			method: 'GET',
			path: '/customers/{id}',
			pathParams: { id: customerId('Billbee ID of the customer') },
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a customer',
			description:
				"Update a customer's data by Billbee customer ID. Billbee takes the whole customer model (PUT), so fields left out may be cleared.",
			method: 'PUT',
			path: '/customers/{id}',
			pathParams: { id: customerId('Billbee ID of the customer to update') },
			body: { model: 'CustomerApiModel', fields: customerFields },
		},
		{
			value: 'getAddresses',
			name: 'Get Addresses',
			action: 'Get the addresses of a customer',
			description:
				'List the addresses (invoice and delivery) of one customer by Billbee customer ID, page by page',
			method: 'GET',
			path: '/customers/{id}/addresses',
			pathParams: { id: customerId('Billbee ID of the customer whose addresses are listed') },
			paged: {},
		},
		{
			value: 'addAddress',
			name: 'Add Address',
			action: 'Add an address to a customer',
			description:
				'Add a new address to a customer by Billbee customer ID; returns the new address with its ID',
			method: 'POST',
			path: '/customers/{id}/addresses',
			pathParams: { id: customerId('Billbee ID of the customer that gets the address') },
			body: { fields: addressFields },
		},
		{
			value: 'getOrders',
			name: 'Get Orders',
			action: 'Get the orders of a customer',
			description:
				'List the orders of one customer by Billbee customer ID, page by page. Items are order summaries whose exact fields Billbee does not document.',
			method: 'GET',
			path: '/customers/{id}/orders',
			pathParams: { id: customerId('Billbee ID of the customer whose orders are listed') },
			paged: {},
		},
	],
};
