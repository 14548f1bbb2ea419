import type { ResourceSpec } from '../../spec/types';

export const enumResource: ResourceSpec = {
	value: 'enum',
	name: 'Enum',
	operations: [
		{
			value: 'getAccountSyncStates',
			name: 'Get Account Sync States',
			action: 'Get account sync states',
			description:
				'List the sync states a shop account can have (ID and name), as used by LastSyncState of Shop Account',
			method: 'GET',
			path: '/enums/accountsyncstate',
		},
		{
			value: 'getOrderStates',
			name: 'Get Order States',
			action: 'Get order states',
			description:
				'List the order states (ID and name), e.g. to set the state of an order or filter orders by state',
			method: 'GET',
			path: '/enums/orderstates',
		},
		{
			value: 'getPaymentTypes',
			name: 'Get Payment Types',
			action: 'Get payment types',
			description:
				'List the payment types Billbee knows (ID and name), as used by PaymentMethod of an order',
			method: 'GET',
			path: '/enums/paymenttypes',
		},
		{
			value: 'getShipmentTypes',
			name: 'Get Shipment Types',
			action: 'Get shipment types',
			description: 'List the shipment types (ID and name): shipment or return',
			method: 'GET',
			path: '/enums/shipmenttypes',
		},
		{
			value: 'getShippingCarriers',
			name: 'Get Shipping Carriers',
			action: 'Get the shipping carrier enum values',
			description:
				'List the shipping carriers Billbee knows (ID and name), as used by ShippingCarrier of a shipment',
			method: 'GET',
			path: '/enums/shippingcarriers',
		},
		{
			value: 'getShopAccountTypes',
			name: 'Get Shop Account Types',
			action: 'Get shop account types',
			description:
				'List the shop and channel types (ID and name), as used by AccountType of Shop Account',
			method: 'GET',
			path: '/enums/shopaccounttype',
		},
	],
};
