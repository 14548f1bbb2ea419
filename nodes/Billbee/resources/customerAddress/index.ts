import type { FieldSpec, ResourceSpec } from '../../spec/types';
import { addressFields } from '../customer/fields';

const customerAddressId: FieldSpec = {
	name: 'customerAddressId',
	label: 'Customer Address ID',
	type: 'int64',
	description: 'Billbee ID of the customer address (not the customer ID)',
};

export const customerAddressResource: ResourceSpec = {
	value: 'customerAddress',
	name: 'Customer Address',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many customer addresses',
			description:
				'List the addresses of all customers of the Billbee account, page by page (Return All or Limit)',
			method: 'GET',
			path: '/customer-addresses',
			paged: {},
		},
		{
			value: 'create',
			name: 'Create',
			action: 'Create a customer address',
			description:
				'Add an address to the customer given by Customer ID; returns the new address with its Billbee ID',
			method: 'POST',
			path: '/customer-addresses',
			body: {
				fields: [
					{
						name: 'CustomerId',
						label: 'Customer ID',
						type: 'int64',
						required: true,
						description: 'Billbee ID of the customer that gets the address',
					},
					...addressFields,
				],
			},
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a customer address by its ID',
			description: 'Get one customer address by its Billbee address ID',
			method: 'GET',
			path: '/customer-addresses/{id}',
			pathParams: { id: customerAddressId },
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Replace a customer address by its ID',
			description:
				'Replace a customer address by its Billbee address ID (PUT). Fields left out are cleared, so send the complete address; the customer cannot be changed.',
			method: 'PUT',
			path: '/customer-addresses/{id}',
			pathParams: { id: customerAddressId },
			body: { fields: addressFields },
		},
	],
};
