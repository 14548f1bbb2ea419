import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { getOrderStates } from './methods/loadOptions';
import { describeCalls, EVENT_SOURCES } from './polling';
import type { PollSettings } from './polling';

/** n8n 1.x has no poll budget; its polls are not cut off, 5 minutes keeps one poll reasonable. */
const DEFAULT_POLL_BUDGET_MS = 5 * 60_000;

interface SavedCursor extends IDataObject {
	event?: string;
	cursor?: IDataObject;
}

function pollBudgetMs(ctx: IPollFunctions): number {
	const budget = typeof ctx.getPollBudgetMs === 'function' ? ctx.getPollBudgetMs() : undefined;
	return typeof budget === 'number' && budget > 0 ? budget : DEFAULT_POLL_BUDGET_MS;
}

function settingsOf(ctx: IPollFunctions, event: string): PollSettings {
	const now = Date.now();
	const budget = pollBudgetMs(ctx);
	let states: number[] = [];
	if (event === 'orderStateChanged') {
		states = (ctx.getNodeParameter('orderStates', []) as unknown[]).map(Number);
		if (!states.length || states.some((s) => !Number.isInteger(s))) {
			throw new NodeOperationError(
				ctx.getNode(),
				'Order States: choose at least one state for "Order State Changed"',
			);
		}
	}
	const startFrom = ctx.getNodeParameter('options.startFrom', '') as string;
	let start: string | undefined;
	if (startFrom) {
		const ms = Date.parse(startFrom);
		if (Number.isNaN(ms)) {
			throw new NodeOperationError(ctx.getNode(), `Start From: "${startFrom}" is not a date`);
		}
		start = new Date(ms).toISOString();
	}
	return { now, deadline: now + budget - Math.max(5_000, budget * 0.2), startFrom: start, states };
}

function output(ctx: IPollFunctions, records: IDataObject[]): INodeExecutionData[][] | null {
	return records.length ? [ctx.helpers.returnJsonArray(records)] : null;
}

export class BillbeePollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Billbee Polling Trigger',
		name: 'billbeePollingTrigger',
		icon: { light: 'file:billbee.svg', dark: 'file:billbee.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts the workflow for new or changed Billbee records by asking Billbee at set times (no public URL needed)',
		defaults: { name: 'Billbee Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'billbeeApi', required: true }],
		properties: [
			{
				displayName:
					'Asks Billbee at the Poll Times: works without a public URL, costs API calls. A poll that finds nothing costs 1 call, every further 250 records 1 more. Every minute ≈ 43,200 calls a month, every 5 minutes ≈ 8,640, every 15 minutes ≈ 2,880, hourly ≈ 720. Billbee bills calls beyond 100,000 a month per API key at €0.0005 each.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				default: 'newOrder',
				options: [
					{
						name: 'New Invoice or Credit Note',
						value: 'newInvoice',
						description: 'Each invoice or credit note created after activation, once',
					},
					{
						name: 'New Order',
						value: 'newOrder',
						description:
							'Each order that appears in Billbee after activation, once (also orders imported late with an old order date)',
					},
					{
						name: 'New Product',
						value: 'newProduct',
						description: 'Each product created after activation, once',
					},
					{
						name: 'New Shipment',
						value: 'newShipment',
						description: 'Each shipment created after activation, once',
					},
					{
						name: 'Order Changed',
						value: 'orderChanged',
						description:
							'Each order whose Last Modified At moves after activation, once per change',
					},
					{
						name: 'Order State Changed',
						value: 'orderStateChanged',
						description:
							'Orders that move into one of the chosen states (e.g. paid, shipped, canceled), with the previous state where known',
					},
				],
			},
			{
				displayName: 'Order State Names or IDs',
				name: 'orderStates',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getOrderStates' },
				required: true,
				default: [],
				displayOptions: { show: { event: ['orderStateChanged'] } },
				description:
					'The states to watch. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Start From',
						name: 'startFrom',
						type: 'dateTime',
						default: '',
						description:
							'On first activation, also emit the records since this date instead of starting now. Costs 1 API call per 250 records since then, plus 1–3 calls to find the newest record.',
					},
				],
			},
		],
	};

	methods = { loadOptions: { getOrderStates } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		const source = EVENT_SOURCES[event];
		if (!source) throw new NodeOperationError(this.getNode(), `Event: unknown event "${event}"`);
		const settings = settingsOf(this, event);

		if (this.getMode() === 'manual') return output(this, await source.sample(this, settings));

		const saved = this.getWorkflowStaticData('node') as SavedCursor;
		let cursor = saved.event === event ? saved.cursor : undefined;
		if (!cursor) {
			cursor = await source.start(this, settings);
			saved.event = event;
			saved.cursor = cursor;
			this.logger.info(
				`Billbee Polling Trigger (${event}) starts ${settings.startFrom ? `from ${settings.startFrom}` : 'now'}; ${describeCalls(this.getNodeParameter('pollTimes', {}) as IDataObject)}`,
			);
			if (!settings.startFrom) return null;
		}
		// The saved cursor changes only when every page of the poll was read.
		const result = await source.poll(this, cursor, settings);
		saved.cursor = result.cursor;
		return output(this, result.records);
	}
}
