import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/** What to check when Billbee rejects the credential (HTTP 401/403); the transport says it too. */
export const CREDENTIAL_HINT =
	'Check the Billbee credential: Username is your Billbee login e-mail; API Password is the password set in Billbee under Settings → API (not the login password); API Key is the developer key from Billbee support, entered in the API Key field (not as the password). The API must be enabled in the Billbee account.';

export class BillbeeApi implements ICredentialType {
	name = 'billbeeApi';

	displayName = 'Billbee API';

	icon: Icon = { light: 'file:billbee.svg', dark: 'file:billbee.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-billbee/n8n-nodes-billbee#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'name@example.com',
			description: 'The e-mail address you log in to Billbee with',
		},
		{
			displayName: 'API Password',
			name: 'apiPassword',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The separate API password you set in Billbee under Settings → API (enable the API there first). This is not your Billbee login password.',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The developer API key Billbee support (support@billbee.io) issues for your integration. It is sent in the X-Billbee-Api-Key header; do not paste it into API Password.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.billbee.io/api/v1',
			description:
				'Billbee API root. Keep the default unless Billbee tells you otherwise (older accounts may use https://app.billbee.io/api/v1).',
		},
		{
			displayName: 'n8n Processes Sharing This Account',
			name: 'processCount',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 1,
			description:
				"How many n8n processes send requests with this Billbee account at the same time, e.g. the number of queue-mode workers (plus webhook processors and mains that run Billbee dropdowns, triggers or webhooks). Each process then paces itself to its share of Billbee's limits (2 requests per second per endpoint), which avoids most HTTP 429 answers. Keep 1 for a single n8n process; without it, several processes still share the limits, but learn their share from Billbee's 429 answers.",
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.username}}',
				password: '={{$credentials.apiPassword}}',
			},
			headers: {
				'X-Billbee-Api-Key': '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/shopaccounts',
			qs: { page: 1, pageSize: 1 },
			method: 'GET',
			headers: { Accept: 'application/json' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: `Billbee rejected the login. ${CREDENTIAL_HINT}` },
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Billbee refused access (HTTP 403). The API may not be enabled or booked for this account, or the API key is not valid for it.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 429,
					message:
						'Billbee is rate limiting this API key right now (HTTP 429). Wait a few seconds and test again.',
				},
			},
		],
	};
}
