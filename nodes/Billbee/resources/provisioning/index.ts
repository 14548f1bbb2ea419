import { VAT_INDEX_OPTIONS, VAT_MODE_OPTIONS } from '../../helpers/vat';
import type { ResourceSpec } from '../../spec/types';

export const provisioningResource: ResourceSpec = {
	value: 'provisioning',
	name: 'Provisioning',
	operations: [
		{
			value: 'createAccount',
			name: 'Create Account',
			action: 'Create a user account',
			description:
				'Create a new Billbee user account, for partners who sign up their own customers. Returns the password, the user ID and a one-time login URL.',
			method: 'POST',
			path: '/automaticprovision/createaccount',
			destructive: true,
			body: {
				fields: [
					{
						name: 'EMail',
						parameter: 'email',
						label: 'Email',
						type: 'string',
						required: true,
						placeholder: 'name@email.com',
						description: 'E-mail address of the new user, also the login',
					},
					{
						name: 'AcceptTerms',
						label: 'Accept Terms',
						type: 'boolean',
						required: true,
						description:
							"Whether the new user has accepted Billbee's terms and conditions and privacy policy (see Get Terms Info); without it Billbee may refuse the account",
					},
					{
						name: 'Password',
						label: 'Password',
						type: 'string',
						typeOptions: { password: true },
						description:
							'Password of the new user; Billbee generates one when empty and returns it',
					},
					{
						name: 'Address',
						label: 'Invoice Address',
						type: 'object',
						description: "The new user's own invoice address",
						fields: [
							{ name: 'Company', label: 'Company', type: 'string', description: 'Company name' },
							{ name: 'Name', label: 'Name', type: 'string', description: 'Name of the person' },
							{
								name: 'Address1',
								label: 'Address Line 1',
								type: 'string',
								description: 'Street and house number',
							},
							{
								name: 'Address2',
								label: 'Address Line 2',
								type: 'string',
								description: 'Extra address line',
							},
							{
								name: 'Zip',
								label: 'Postal Code',
								type: 'string',
								description: 'Postal code (ZIP)',
							},
							{ name: 'City', label: 'City', type: 'string', description: 'City or town' },
							{
								name: 'Country',
								label: 'Country Code',
								type: 'string',
								placeholder: 'e.g. DE',
								description: 'Two-letter ISO country code',
							},
							{
								name: 'VatId',
								label: 'VAT ID',
								type: 'string',
								placeholder: 'e.g. DE123456789',
								description: 'VAT ID of the company',
							},
						],
					},
					{
						name: 'AffiliateCouponCode',
						label: 'Affiliate Coupon Code',
						type: 'string',
						description: "Partner's affiliate or coupon code",
					},
					{
						name: 'DefaultCurrency',
						label: 'Default Currency',
						type: 'string',
						placeholder: 'e.g. EUR',
						description: 'Default currency of the account',
					},
					{
						name: 'DefaultVatMode',
						label: 'Default VAT Mode',
						type: 'options',
						default: 0,
						options: VAT_MODE_OPTIONS,
						description: 'How VAT is handled on documents by default',
					},
					{
						name: 'DefaultVatIndex',
						label: 'Default VAT Rate',
						type: 'options',
						default: 1,
						options: VAT_INDEX_OPTIONS,
						description: 'Which of the two VAT rates applies by default',
					},
					{
						name: 'Vat1Rate',
						label: 'Normal VAT Rate',
						type: 'number',
						placeholder: 'e.g. 19',
						description: 'Normal VAT rate in percent',
					},
					{
						name: 'Vat2Rate',
						label: 'Reduced VAT Rate',
						type: 'number',
						placeholder: 'e.g. 7',
						description: 'Reduced VAT rate in percent',
					},
				],
			},
		},
		{
			value: 'getTermsInfo',
			name: 'Get Terms Info',
			action: 'Get the terms info',
			description:
				"Get the links to Billbee's terms and conditions and privacy policy, to show before Create Account",
			method: 'GET',
			path: '/automaticprovision/termsinfo',
		},
	],
};
