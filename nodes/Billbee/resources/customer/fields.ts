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

/** Billbee's customer types; "Not Set" sends none, so an update does not change it. */
export const CUSTOMER_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Not Set', value: '', description: 'Send no customer type' },
	{ name: 'Consumer', value: 0, description: 'A private customer (B2C)' },
	{ name: 'Business', value: 1, description: 'A company (B2B)' },
];

/** The fields of a contact entry (CustomerMetaDataApiModel): an e-mail address, phone or fax. */
const CONTACT_ENTRY_FIELDS: FieldSpec[] = [
	{
		name: 'Value',
		label: 'Value',
		type: 'string',
		description: 'The e-mail address or number',
	},
	{
		name: 'TypeId',
		label: 'Type ID',
		type: 'int64',
		description: "Billbee's ID of the entry type, e.g. 1 = e-mail",
	},
	{ name: 'SubType', label: 'Sub Type', type: 'string', description: 'Sub type of the entry' },
	{
		name: 'Id',
		label: 'Entry ID',
		type: 'int64',
		description: 'Billbee ID of an existing entry, to change it instead of adding one',
	},
];

function contactEntry(name: string, label: string, description: string): FieldSpec {
	return { name, label, type: 'object', description, fields: CONTACT_ENTRY_FIELDS };
}

/** The contact entries of a customer (CustomerMetaDataApiModel), as typed groups. */
const CONTACT_ENTRIES: FieldSpec[] = [
	contactEntry('DefaultMailAddress', 'Default E-Mail Entry', 'The default e-mail address entry'),
	contactEntry(
		'DefaultCommercialMailAddress',
		'Commercial E-Mail Entry',
		'The e-mail address entry for commercial messages',
	),
	contactEntry(
		'DefaultStatusUpdatesMailAddress',
		'Status Updates E-Mail Entry',
		'The e-mail address entry for order status updates',
	),
	contactEntry('DefaultPhone1', 'Default Phone 1 Entry', 'The first phone number entry'),
	contactEntry('DefaultPhone2', 'Default Phone 2 Entry', 'The second phone number entry'),
	contactEntry('DefaultFax', 'Default Fax Entry', 'The fax number entry'),
	{
		name: 'MetaData',
		label: 'All Contact Entries',
		type: 'objectList',
		description: 'Every contact entry of the customer (e-mail addresses, phones, faxes)',
		fields: CONTACT_ENTRY_FIELDS,
	},
];

/**
 * The fields of Billbee's CustomerApiModel a user sets; name, e-mail, phones, type and language
 * at the top. Left out on purpose: Id (the path names the customer) and ArchivedAt / RestoredAt
 * (set by Billbee when a customer is archived or restored); both stay reachable through
 * "Additional Fields (JSON)".
 */
export const customerFields: FieldSpec[] = [
	{
		name: 'Name',
		label: 'Name',
		type: 'string',
		primary: true,
		description: 'Display name of the customer',
	},
	...contactFields('Main e-mail address of the customer').map((f) => ({ ...f, primary: true })),
	{
		name: 'Type',
		parameter: 'customerType',
		label: 'Customer Type',
		type: 'options',
		primary: true,
		options: CUSTOMER_TYPE_OPTIONS,
		default: '',
		description: 'Whether the customer is a consumer or a business',
	},
	{
		name: 'LanguageId',
		label: 'Language ID',
		type: 'integer',
		description: "Billbee's ID of the customer's language",
	},
	{
		name: 'Number',
		label: 'Customer Number',
		type: 'integer',
		description: 'Customer number as shown in Billbee (not the Billbee ID)',
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
	...CONTACT_ENTRIES,
];
