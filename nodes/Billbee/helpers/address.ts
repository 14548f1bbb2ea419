import type { FieldSpec } from '../spec/types';

/**
 * The postal part Billbee's customer address and shipment address models share (same field
 * names); `whose` names the person in the descriptions.
 */
export function postalAddressFields(whose: string): FieldSpec[] {
	return [
		{ name: 'Company', label: 'Company', type: 'string', description: 'Company name' },
		{
			name: 'FirstName',
			label: 'First Name',
			type: 'string',
			description: `First name of the ${whose}`,
		},
		{
			name: 'LastName',
			label: 'Last Name',
			type: 'string',
			description: `Last name of the ${whose}`,
		},
		{
			name: 'Name2',
			label: 'Name Line 2',
			type: 'string',
			description: 'Extra name line, e.g. a department or "c/o"',
		},
		{
			name: 'Street',
			label: 'Street',
			type: 'string',
			description: 'Street name, without the house number',
		},
		{
			name: 'Housenumber',
			parameter: 'houseNumber',
			label: 'House Number',
			type: 'string',
			description: 'House number, e.g. 12a',
		},
		{
			name: 'AddressAddition',
			label: 'Address Addition',
			type: 'string',
			description: 'Extra address line, e.g. floor or building',
		},
		{ name: 'Zip', label: 'Postal Code', type: 'string', description: 'Postal code (ZIP)' },
		{ name: 'City', label: 'City', type: 'string', description: 'City or town' },
		{
			name: 'State',
			label: 'State',
			type: 'string',
			description: 'State or region, where the country uses one',
		},
		{
			name: 'CountryCode',
			label: 'Country Code',
			type: 'string',
			placeholder: 'e.g. DE',
			description: 'Two-letter ISO 3166-1 country code',
		},
	];
}
