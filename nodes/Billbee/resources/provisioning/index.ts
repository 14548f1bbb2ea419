import type { ResourceSpec } from '../../helpers/operation';

export const provisioningResource: ResourceSpec = {
	value: 'provisioning',
	name: 'Provisioning',
	operations: [
		{
			value: 'createAccount',
			name: 'Create Account',
			action: 'Create account (account)',
			description: 'Create a new Billbee user account (partner provisioning)',
			method: 'POST',
			path: '/automaticprovision/createaccount',
			body: {
				fields: [
					{ name: 'EMail', label: 'EMail', type: 'string', description: 'E-mail of the new user - required', required: true },
					{ name: 'Password', label: 'Password', type: 'string', typeOptions: { password: true }, description: 'Password (generated if empty)' },
					{ name: 'AcceptTerms', label: 'Accept Terms', type: 'boolean', description: 'Whether user accepted Billbee T&C' },
					{ name: 'Address', label: 'Address', type: 'json', description: 'Invoice address of the user' },
					{ name: 'AffiliateCouponCode', label: 'Affiliate Coupon Code', type: 'string', description: 'Affiliate code' },
					{ name: 'Vat1Rate', label: 'Vat1 Rate', type: 'number', description: 'Normal VAT rate' },
					{ name: 'Vat2Rate', label: 'Vat2 Rate', type: 'number', description: 'Reduced VAT rate' },
					{ name: 'DefaultVatMode', label: 'Default VAT Mode', type: 'integer', description: 'Default VAT mode' },
					{ name: 'DefaultCurrency', label: 'Default Currency', type: 'string', description: 'Default currency (older spec/C# SDK spell it DefaultCurrrency)' },
					{ name: 'DefaultVatIndex', label: 'Default VAT Index', type: 'integer', description: 'Default VAT index' },
				],
			},
		},
		{
			value: 'getTermsInfo',
			name: 'Get Terms Info',
			action: 'Get terms info (account)',
			description: 'Get links to Billbee terms & conditions and privacy policy',
			method: 'GET',
			path: '/automaticprovision/termsinfo',
		},
	],
};
