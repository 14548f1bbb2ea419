import type { INodePropertyOptions } from 'n8n-workflow';

import { postalAddressFields } from '../../helpers/address';
import type { FieldSpec } from '../../spec/types';

/** Billbee's address types (enum addressType). */
export const ADDRESS_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Delivery Address', value: 2 },
	{ name: 'Invoice Address', value: 1 },
];

/** E-mail and the two phone numbers, as customers and their addresses have them. */
function contactFields(emailDescription: string): FieldSpec[] {
	return [
		{
			name: 'Email',
			label: 'Email',
			type: 'string',
			placeholder: 'name@email.com',
			description: emailDescription,
		},
		{ name: 'Tel1', label: 'Phone 1', type: 'string', description: 'First phone number' },
		{ name: 'Tel2', label: 'Phone 2', type: 'string', description: 'Second phone number' },
	];
}

/**
 * The fields of Billbee's CustomerAddressApiModel a user sets. Left out on purpose: Id and
 * CustomerId (given by the path or chosen by Billbee, they cannot be changed) and ArchivedAt /
 * RestoredAt (set by Billbee). All of them stay reachable through "Additional Fields (JSON)".
 */
export const addressFields: FieldSpec[] = [
	{
		name: 'AddressType',
		label: 'Address Type',
		type: 'options',
		options: ADDRESS_TYPE_OPTIONS,
		default: 1,
		description: 'What Billbee uses the address for: invoices or deliveries',
	},
	...postalAddressFields('person'),
	...contactFields('E-mail address for this address'),
	{ name: 'Fax', label: 'Fax', type: 'string', description: 'Fax number' },
];

/**
 * The fields of Billbee's CustomerApiModel a user sets. Left out on purpose: Id (the path
 * names the customer), the contact meta entries (DefaultMailAddress, MetaData, …: nested
 * objects, reachable through "Additional Fields (JSON)") and ArchivedAt / RestoredAt (set by
 * Billbee when a customer is archived or restored).
 */
export const customerFields: FieldSpec[] = [
	{ name: 'Name', label: 'Name', type: 'string', description: 'Display name of the customer' },
	...contactFields('Main e-mail address of the customer'),
	{
		name: 'Number',
		label: 'Customer Number',
		type: 'integer',
		description: 'Customer number as shown in Billbee (not the Billbee ID)',
	},
	{
		name: 'LanguageId',
		label: 'Language ID',
		type: 'integer',
		description: "Billbee's ID of the customer's language",
	},
	{
		name: 'PriceGroupId',
		label: 'Price Group ID',
		type: 'int64',
		description: 'ID of the price group the customer belongs to',
	},
	{
		name: 'VatId',
		label: 'VAT ID',
		type: 'string',
		placeholder: 'e.g. DE123456789',
		description: 'VAT ID of the customer, used for orders that carry no VAT ID of their own',
	},
	{
		name: 'Type',
		label: 'Customer Type',
		type: 'integer',
		description: "Billbee's customer type, as a number",
	},
];
