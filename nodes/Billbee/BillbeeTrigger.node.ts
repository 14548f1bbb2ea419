import { createHmac, randomBytes, timingSafeEqual } from 'crypto';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
	JsonObject,
} from 'n8n-workflow';

import { loadOptions } from './methods';
import { billbeeApiRequest } from './transport';
import { parseExactJson } from './transport/exactJson';

interface RegistrationData {
	webhookId?: string;
	secret?: string;
	recentDeliveries?: string[];
}

/** How many delivery ids are remembered to drop Billbee's retries of a delivery already run. */
const REMEMBERED_DELIVERIES = 200;

/** Records a notification may point to, and how to fetch each in full. */
const FULL_RECORDS: Array<{ keys: string[]; output: string; path: string; qs?: IDataObject }> = [
	{ keys: ['BillBeeOrderId', 'OrderId'], output: 'Order', path: '/orders/{id}' },
	{
		keys: ['ProductId', 'ArticleId'],
		output: 'Product',
		path: '/products/{id}',
		qs: { lookupBy: 'id' },
	},
	{ keys: ['CustomerId'], output: 'Customer', path: '/customers/{id}' },
];

/** The delivery ids to remember, newest last, without repeats, at most REMEMBERED_DELIVERIES. */
function rememberDeliveries(known: string[] | undefined, ids: string[]): string[] {
	const list = (known ?? []).filter((id) => !ids.includes(id));
	list.push(...ids);
	return list.slice(Math.max(0, list.length - REMEMBERED_DELIVERIES));
}

function isNotFound(error: unknown): boolean {
	return String((error as { httpCode?: unknown })?.httpCode) === '404';
}

function signatureMatches(secret: string, rawBody: Buffer, header: unknown): boolean {
	if (typeof header !== 'string') return false;
	const given = header
		.trim()
		.replace(/^sha256=/i, '')
		.toLowerCase();
	const expected = createHmac('sha256', Buffer.from(secret, 'utf8')).update(rawBody).digest('hex');
	const givenBytes = Buffer.from(given, 'utf8');
	const expectedBytes = Buffer.from(expected, 'utf8');
	return givenBytes.length === expectedBytes.length && timingSafeEqual(givenBytes, expectedBytes);
}

function sameFilters(registered: unknown, wanted: string[]): boolean {
	const a = (Array.isArray(registered) ? registered : [])
		.map((f) => String(f).toLowerCase())
		.sort();
	const b = wanted.map((f) => f.toLowerCase()).sort();
	return a.length === b.length && a.every((f, i) => f === b[i]);
}

export class BillbeeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Billbee Trigger',
		name: 'billbeeTrigger',
		icon: { light: 'file:billbee.svg', dark: 'file:billbee.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		// The node creator shows the trigger's description for the merged Billbee entry (actions too).
		description:
			'Orders, products, stock, customers and shipments in Billbee; starts workflows on Billbee events',
		defaults: { name: 'Billbee Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'billbeeApi', required: true }],
		webhooks: [
			// Billbee's echo test: GET <url>?echo=<value> must answer the value as plain text. It comes
			// while create() registers the hook, and n8n stores webhooks in this order before calling
			// create() for each: the GET must come first, or the echo test meets a 404.
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName:
					'Billbee must reach this n8n instance over the internet, both when the workflow is activated (production URL) and for "Listen for test event" (test URL): use an n8n with a public URL. Each time the webhook is registered, Billbee calls its URL once (echo test); the node answers it.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Event Names or IDs',
				name: 'events',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getWebhookFilters' },
				required: true,
				default: [],
				description:
					'The Billbee events to listen to, as Billbee lists them (e.g. order.created). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Fetch Full Record',
						name: 'fetchFullRecord',
						type: 'boolean',
						default: false,
						description:
							'Whether to load the full order, product or customer a notification points to (one API call each, paced to Billbee’s limits)',
					},
				],
			},
		],
	};

	methods = { loadOptions: { getWebhookFilters: loadOptions.getWebhookFilters } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const registration = this.getWorkflowStaticData('node') as RegistrationData;
				if (!registration.webhookId || !registration.secret) return false;
				let hook: IDataObject | undefined;
				try {
					hook = (await billbeeApiRequest.call(this, 'GET', '/webhooks/{id}', {
						pathParams: { id: registration.webhookId },
					})) as IDataObject | undefined;
				} catch (error) {
					if (!isNotFound(error)) throw new NodeApiError(this.getNode(), error as JsonObject);
					this.logger.info(
						`Billbee webhook ${registration.webhookId} is gone on Billbee's side; it will be registered again`,
					);
				}
				const events = this.getNodeParameter('events', []) as string[];
				const current =
					!!hook &&
					hook.Id === registration.webhookId &&
					hook.WebHookUri === this.getNodeWebhookUrl('default') &&
					sameFilters(hook.Filters, events);
				if (hook && !current) {
					// Our own registration, but for another URL or other events: replace it.
					await billbeeApiRequest.call(this, 'DELETE', '/webhooks/{id}', {
						pathParams: { id: registration.webhookId },
					});
				}
				if (!current) {
					delete registration.webhookId;
					delete registration.secret;
				}
				return current;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const events = this.getNodeParameter('events', []) as string[];
				if (!events.length) {
					throw new NodeOperationError(
						this.getNode(),
						'Choose at least one event (or "All Events")',
					);
				}
				const secret = randomBytes(32).toString('hex');
				const workflow = this.getWorkflow();
				const hook = (await billbeeApiRequest.call(this, 'POST', '/webhooks', {
					body: {
						WebHookUri: this.getNodeWebhookUrl('default'),
						Secret: secret,
						Filters: events,
						IsPaused: false,
						Description: `n8n workflow "${workflow.name ?? workflow.id}" (${String(workflow.id)})`,
					},
				})) as IDataObject;
				if (!hook?.Id) {
					throw new NodeOperationError(
						this.getNode(),
						'Billbee did not return an id for the new webhook',
					);
				}
				const registration = this.getWorkflowStaticData('node') as RegistrationData;
				registration.webhookId = String(hook.Id);
				registration.secret = secret;
				registration.recentDeliveries = [];
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const registration = this.getWorkflowStaticData('node') as RegistrationData;
				if (registration.webhookId) {
					try {
						// Only our own registration: DELETE /webhooks would remove every hook of the account.
						await billbeeApiRequest.call(this, 'DELETE', '/webhooks/{id}', {
							pathParams: { id: registration.webhookId },
						});
					} catch (error) {
						if (!isNotFound(error)) throw new NodeApiError(this.getNode(), error as JsonObject);
						this.logger.info(
							`Billbee webhook ${registration.webhookId} was already deleted on Billbee's side`,
						);
					}
				}
				delete registration.webhookId;
				delete registration.secret;
				delete registration.recentDeliveries;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const response = this.getResponseObject();

		if (this.getWebhookName() === 'setup') {
			const echo = request.query.echo;
			response
				.status(200)
				.type('text/plain')
				.send(typeof echo === 'string' ? echo : '');
			return { noWebhookResponse: true };
		}

		const registration = this.getWorkflowStaticData('node') as RegistrationData;
		const rawBody: Buffer | undefined = request.rawBody;
		if (
			!registration.secret ||
			!rawBody ||
			!signatureMatches(registration.secret, rawBody, request.headers['ms-signature'])
		) {
			response.status(401).type('text/plain').send('Unauthorized');
			return { noWebhookResponse: true };
		}

		let delivery: IDataObject;
		try {
			delivery = parseExactJson(rawBody.toString('utf8')) as IDataObject;
		} catch {
			response.status(400).type('text/plain').send('Body is not JSON');
			return { noWebhookResponse: true };
		}

		const deliveryId = delivery.Id === undefined ? undefined : String(delivery.Id);
		if (deliveryId) {
			if (registration.recentDeliveries?.includes(deliveryId))
				return { webhookResponse: 'Already received' };
			// Only for this process until execute() below has the id saved.
			registration.recentDeliveries = rememberDeliveries(registration.recentDeliveries, [
				deliveryId,
			]);
		}

		const notifications = Array.isArray(delivery.Notifications)
			? (delivery.Notifications as IDataObject[])
			: [];
		const fetchFullRecord =
			(this.getNodeParameter('options.fetchFullRecord', false) as boolean) === true;
		const items = [];
		for (const notification of notifications) {
			const json: IDataObject = {
				...notification,
				DeliveryId: deliveryId,
				DeliveryAttempt: delivery.Attempt,
			};
			if (delivery.Properties) json.DeliveryProperties = delivery.Properties;
			if (fetchFullRecord) {
				for (const record of FULL_RECORDS) {
					const key = record.keys.find(
						(k) => notification[k] !== undefined && notification[k] !== null,
					);
					if (!key) continue;
					json[record.output] = (await billbeeApiRequest.call(this, 'GET', record.path, {
						pathParams: { id: notification[key] as string },
						qs: record.qs,
					})) as IDataObject;
					break;
				}
			}
			items.push({ json });
		}
		return { workflowData: [this.helpers.returnJsonArray(items.map((item) => item.json))] };
	}

	/**
	 * Runs as the first node of the execution a delivery starts, and records its id there. n8n
	 * (2.x) drops static data changed in webhook(): building the execution wraps the same static
	 * data in a new Workflow, which clears its "changed" mark before the webhook call saves it.
	 * Static data changed during an execution is saved when the execution ends (on the worker in
	 * queue mode), so a retry of the delivery finds its id.
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const ids = [
			...new Set(
				items
					.map((item) => item.json.DeliveryId)
					.filter((id) => id !== undefined && id !== null)
					.map(String),
			),
		];
		if (ids.length) {
			const registration = this.getWorkflowStaticData('node') as RegistrationData;
			registration.recentDeliveries = rememberDeliveries(registration.recentDeliveries, ids);
		}
		return [items];
	}
}
