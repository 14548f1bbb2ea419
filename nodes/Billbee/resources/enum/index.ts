import type { ResourceSpec } from '../../helpers/operation';

export const enumResource: ResourceSpec = {
	value: 'enum',
	name: 'Enum',
	operations: [
		{
			value: 'getAccountSyncStates',
			name: 'Get Account Sync States',
			action: 'Get account sync states (enum)',
			description: 'List all shop-account sync states',
			method: 'GET',
			path: '/enums/accountsyncstate',
		},
		{
			value: 'getOrderStates',
			name: 'Get Order States',
			action: 'Get order states (enum)',
			description: 'List all order states (ID + name)',
			method: 'GET',
			path: '/enums/orderstates',
		},
		{
			value: 'getPaymentTypes',
			name: 'Get Payment Types',
			action: 'Get payment types (enum)',
			description: 'List all payment types (ID + name)',
			method: 'GET',
			path: '/enums/paymenttypes',
		},
		{
			value: 'getShipmentTypes',
			name: 'Get Shipment Types',
			action: 'Get shipment types (enum)',
			description: 'List all shipment types (0 shipment, 1 return)',
			method: 'GET',
			path: '/enums/shipmenttypes',
		},
		{
			value: 'getShippingCarriers',
			name: 'Get Shipping Carriers',
			action: 'Get shipping carriers (enum)',
			description: 'List all shipping carriers (ID + name)',
			method: 'GET',
			path: '/enums/shippingcarriers',
		},
		{
			value: 'getShopAccountTypes',
			name: 'Get Shop Account Types',
			action: 'Get shop account types (enum)',
			description: 'List all shop-account (channel) types',
			method: 'GET',
			path: '/enums/shopaccounttype',
		},
	],
};
