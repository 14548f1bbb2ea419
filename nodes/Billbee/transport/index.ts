import { createHash } from 'crypto';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecuteFunctions,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';

import { stringifyExactJson } from './exactJson';
import { billbeeError, failureInfo, interpretResponse, isEnvelope } from './response';
import type { RawResponse } from './response';
import { pace, reserveInWindow, THROTTLE_BUDGET_MS } from './throttle';
import type { ThrottleKeys, WindowLimit } from './throttle';

export const CREDENTIAL_TYPE = 'billbeeApi';
export const MAX_PAGE_SIZE = 250;

const RETRY = {
	/** Extra attempts after a 5xx or network error, for idempotent requests only. */
	serverErrorRetries: 2,
	backoffBaseMs: 1000,
	backoffMaxMs: 30_000,
};

/** Longest wait for one of Billbee's long-window limits before the item fails instead. */
const MAX_WINDOW_WAIT_MS = 15_000;

/**
 * Billbee's additional per-endpoint limits, scoped by what the limit counts
 * (the order in the path, or the page + date of a listing).
 */
const EXTRA_LIMITS: Record<
	string,
	WindowLimit & { scope: (path: string, qs: IDataObject) => string; rule: string }
> = {
	'GET /orders/{id}': {
		max: 6,
		windowMs: 60_000,
		scope: (path) => path,
		rule: 'at most 6 reads of the same order per minute',
	},
	'POST /orders/CreateInvoice/{id}': {
		max: 1,
		windowMs: 300_000,
		scope: (path) => path,
		rule: 'one invoice request per order every 5 minutes',
	},
	'POST /orders/CreateDeliveryNote/{id}': {
		max: 1,
		windowMs: 300_000,
		scope: (path) => path,
		rule: 'one delivery note request per order every 5 minutes',
	},
	'GET /orders/invoices': {
		max: 1,
		windowMs: 60_000,
		scope: (_path, qs) => `${String(qs.page ?? 1)}|${String(qs.minInvoiceDate ?? '')}`,
		rule: 'one invoice listing per page and start date per minute',
	},
	'GET /events': {
		max: 2,
		windowMs: 3_600_000,
		scope: (_path, qs) => String(qs.page ?? 1),
		rule: 'two event listings per page per hour',
	},
};

/** What the operation's request builder tells the transport about a request. */
export interface RequestMeta {
	/** Catalog path template, e.g. "/orders/{id}": the throttle key and the name in messages. */
	template: string;
	/** A POST that only reads (search, parse placeholders): allowed in read-only mode, retried like a GET. */
	readsOnly?: boolean;
	/** Paged listing: Return All / Limit apply. */
	paged?: boolean;
	/** Upper bounds of date windows to freeze at the first page (set to "now" when empty). */
	freezeUntil?: string[];
}

const requestMetaByOptions = new WeakMap<object, RequestMeta>();

export function describeRequest(
	options: IHttpRequestOptions,
	meta: RequestMeta,
): IHttpRequestOptions {
	requestMetaByOptions.set(options, meta);
	return options;
}

type BillbeeContext =
	| IExecuteFunctions
	| IExecuteSingleFunctions
	| IExecutePaginationFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

interface RequestPlan {
	label: string;
	method: string;
	retrySafe: boolean;
	keys: ThrottleKeys;
	/** n8n processes sharing the account (credential field): each paces to its share. */
	processes: number;
	credentialKey: string;
	windowLimit?: { key: string; limit: WindowLimit; rule: string };
}

function hash(value: string): string {
	return createHash('sha256').update(value).digest('hex').slice(0, 24);
}

async function planRequest(
	ctx: BillbeeContext,
	method: string,
	template: string,
	path: string,
	qs: IDataObject,
	retrySafe = false,
): Promise<RequestPlan> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const apiKey = hash(`key\u0000${String(credentials.apiKey)}`);
	const user = hash(
		`user\u0000${String(credentials.apiKey)}\u0000${String(credentials.username).toLowerCase()}`,
	);
	const label = `${method} ${template}`;
	const extra = EXTRA_LIMITS[label];
	return {
		label,
		method,
		retrySafe: retrySafe || ['GET', 'HEAD', 'PUT', 'DELETE'].includes(method),
		keys: { apiKey, user, endpoint: `${user}\u0000${label}` },
		processes: Math.max(1, Math.floor(Number(credentials.processCount) || 1)),
		credentialKey: user,
		windowLimit: extra && {
			key: `${user}\u0000${label}\u0000${extra.scope(path, qs)}`,
			limit: extra,
			rule: extra.rule,
		},
	};
}

function backoffMs(attempt: number): number {
	const base = Math.min(RETRY.backoffMaxMs, RETRY.backoffBaseMs * 2 ** (attempt - 1));
	return Math.round(base * (0.75 + Math.random() * 0.5));
}

function formatWait(ms: number): string {
	const seconds = Math.ceil(ms / 1000);
	return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

async function respectWindowLimit(node: INode, plan: RequestPlan): Promise<void> {
	if (!plan.windowLimit) return;
	const { startAt, reserved } = reserveInWindow(
		plan.windowLimit.key,
		plan.windowLimit.limit,
		MAX_WINDOW_WAIT_MS,
	);
	const wait = startAt - Date.now();
	if (!reserved) {
		throw billbeeError(
			node,
			{ kind: 'final' },
			`Billbee allows ${plan.windowLimit.rule} (${plan.label}); try again after ${new Date(startAt).toISOString()}`,
			`This request was not sent. Billbee would answer it with HTTP 429; it can be made again in ${formatWait(wait)}.`,
		);
	}
	if (wait > 0) await sleep(wait);
}

/** What went wrong on the wire (ECONNRESET, ETIMEDOUT, …), without request details or secrets. */
function networkReason(error: unknown): string {
	const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
	return (
		cause?.code ??
		(error as { code?: string })?.code ??
		cause?.message ??
		(error as Error)?.message ??
		'unknown error'
	);
}

/** Marks a failure before any response arrived, for the retry rules. */
function unreachable(node: INode, error: unknown): NodeApiError {
	return billbeeError(node, { kind: 'network' }, networkReason(error), '');
}

function networkError(
	node: INode,
	plan: RequestPlan,
	error: unknown,
	attempts: number,
): NodeApiError {
	return billbeeError(
		node,
		{ kind: 'final' },
		`Could not reach Billbee for ${plan.label}: ${(error as Error).message}`,
		plan.retrySafe
			? `Tried ${attempts} time(s).`
			: `${plan.label} changes data and was not repeated: it may or may not have been carried out. Check in Billbee before running it again.`,
	);
}

/**
 * Sends one request under Billbee's rules: paced to the rate limits by send time, retried
 * after 429 (Retry-After, else exponential backoff with jitter) within a time budget, and
 * after 5xx/network errors only when repeating it is harmless.
 */
async function sendWithPolicy<T>(
	node: INode,
	plan: RequestPlan,
	send: () => Promise<T>,
): Promise<T> {
	await respectWindowLimit(node, plan);
	const pacing = pace(plan.keys, plan.processes);
	let serverErrors = 0;
	for (;;) {
		await pacing.slot();
		try {
			const result = await send();
			pacing.succeeded();
			return result;
		} catch (error) {
			const info = failureInfo(error);
			if (info.kind === 'throttled') {
				const wait = info.retryAfterMs ?? backoffMs(pacing.attempts());
				if (pacing.throttled(wait) === undefined) {
					throw billbeeError(
						node,
						{ kind: 'final' },
						`Billbee kept rate limiting ${plan.label} (HTTP 429, ${pacing.attempts()} attempt${pacing.attempts() === 1 ? '' : 's'} over ${formatWait(pacing.elapsedMs())}; the next wait of ${formatWait(wait)} would pass the ${formatWait(THROTTLE_BUDGET_MS)} budget)`,
						'Billbee allows 2 requests per second per endpoint, 10 per second per user and 50 per second per API key. Other tools and n8n processes using the same Billbee account count too. Try again later, run fewer workflows with this credential at once, or set "n8n Processes Sharing This Account" on the credential.',
						429,
					);
				}
				continue;
			}
			if (
				(info.kind === 'serverError' || info.kind === 'network') &&
				plan.retrySafe &&
				serverErrors < RETRY.serverErrorRetries
			) {
				serverErrors++;
				await sleep(backoffMs(serverErrors));
				continue;
			}
			if (info.kind === 'network') throw networkError(node, plan, error, serverErrors + 1);
			if (info.kind === 'serverError' && !plan.retrySafe) {
				const apiError = error as NodeApiError;
				apiError.description =
					`${apiError.description ?? ''} ${plan.label} changes data and was sent only once: check in Billbee whether it was carried out before running it again.`.trim();
			}
			throw new NodeApiError(node, error as JsonObject);
		}
	}
}

function fillPath(template: string, pathParams: IDataObject = {}): string {
	return template.replace(/\{(\w+)\}/g, (_, name: string) => {
		const value = pathParams[name];
		return encodeURIComponent(String(value ?? ''));
	});
}

function baseUrlOf(credentials: IDataObject): string {
	return String(credentials.baseUrl || 'https://api.billbee.io/api/v1').replace(/\/+$/, '');
}

/** Request options every Billbee call shares: raw bytes back (for exact ids), status handled by us. */
function prepareOptions(options: IHttpRequestOptions): void {
	options.encoding = 'arraybuffer';
	options.json = false;
	options.ignoreHttpStatusErrors = true;
	options.returnFullResponse = true;
	options.arrayFormat = 'repeat';
	options.headers = { Accept: 'application/json', ...(options.headers ?? {}) };
	if (
		options.body !== undefined &&
		typeof options.body !== 'string' &&
		!Buffer.isBuffer(options.body)
	) {
		options.body = stringifyExactJson(options.body);
		options.headers['Content-Type'] = 'application/json; charset=utf-8';
	}
}

export interface BillbeeRequest {
	pathParams?: IDataObject;
	qs?: IDataObject;
	body?: unknown;
	retrySafe?: boolean;
}

/**
 * One Billbee call from code (dropdowns, the trigger). Returns the envelope's Data, or the
 * bare JSON for endpoints without envelope.
 */
export async function billbeeApiRequest(
	this: BillbeeContext,
	method: IHttpRequestMethods,
	template: string,
	request: BillbeeRequest = {},
): Promise<unknown> {
	const node = this.getNode();
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const path = fillPath(template, request.pathParams);
	const qs = request.qs ?? {};
	const plan = await planRequest(this, method, template, path, qs, request.retrySafe);
	const json = await sendWithPolicy(node, plan, async () => {
		const options: IHttpRequestOptions = {
			method,
			url: `${baseUrlOf(credentials)}${path}`,
			qs,
			body: request.body as IDataObject,
		};
		if (request.body === undefined) delete options.body;
		prepareOptions(options);
		let response: RawResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				options,
			)) as RawResponse;
		} catch (error) {
			throw unreachable(node, error);
		}
		return interpretResponse(node, response, plan.label);
	});
	return isEnvelope(json) ? json.Data : json;
}

export const READ_ONLY_PARAMETER = 'readOnlyMode';

/** With the node's read-only mode on, only requests that read are sent. */
export function assertWriteAllowed(
	ctx: IExecuteSingleFunctions | IExecuteFunctions,
	method: string,
	template: string,
	readsOnly = false,
): void {
	if (method === 'GET' || readsOnly) return;
	const single = 'getItemIndex' in ctx;
	const itemIndex = single ? ctx.getItemIndex() : 0;
	const readOnly = single
		? ctx.getNodeParameter(READ_ONLY_PARAMETER, false)
		: (ctx as IExecuteFunctions).getNodeParameter(READ_ONLY_PARAMETER, 0, false);
	if (readOnly === true) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Read-only mode is on: ${method} ${template} would change data in Billbee and was not sent`,
			{ itemIndex, description: 'Turn off "Read-Only Mode" on this node to allow changes.' },
		);
	}
}

function toItems(data: unknown): INodeExecutionData[] {
	if (Array.isArray(data)) return data.map((json) => ({ json: (json ?? {}) as IDataObject }));
	if (data === null || data === undefined || data === '') return [{ json: { success: true } }];
	if (typeof data !== 'object') return [{ json: { result: data as string } }];
	return [{ json: data as IDataObject }];
}

function recordKey(json: IDataObject): string | undefined {
	const id = json.BillBeeOrderId ?? json.Id ?? json.id;
	return id === undefined || id === null ? undefined : String(id);
}

/** "Now" with milliseconds: cut to whole seconds it would drop records of the current second. */
function nowForQuery(): string {
	return new Date().toISOString();
}

/**
 * The node-wide request hook of the declarative Billbee node (requestOperations.pagination,
 * reached through `send.paginate: true` on every operation). It runs every request of the
 * node through the transport and pages Return All / Limit listings.
 */
export async function billbeeRoutingTransport(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const options = requestData.options;
	const method = String(options.method ?? 'GET').toUpperCase();
	const meta = requestMetaByOptions.get(options) ?? { template: String(options.url ?? '') };
	const qs = (options.qs ??= {});
	assertWriteAllowed(this, method, meta.template, meta.readsOnly);
	const plan = await planRequest(
		this,
		method,
		meta.template,
		String(options.url),
		qs,
		meta.readsOnly,
	);
	prepareOptions(options as IHttpRequestOptions);

	let paging: IDataObject | undefined;
	let responded = false;
	async function unwrapEnvelope(
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: RawResponse,
	): Promise<INodeExecutionData[]> {
		responded = true;
		const json = interpretResponse(this.getNode(), response, plan.label);
		if (isEnvelope(json)) {
			paging = json.Paging as IDataObject | undefined;
			return toItems(json.Data);
		}
		return toItems(json);
	}
	requestData.postReceive.unshift({
		data: { parameterValue: undefined },
		actions: [unwrapEnvelope],
	});

	const sendOnce = async () =>
		await sendWithPolicy(node, plan, async () => {
			responded = false;
			try {
				return await this.makeRoutingRequest(requestData);
			} catch (error) {
				if (responded || failureInfo(error).kind !== 'network')
					throw new NodeApiError(node, error as JsonObject);
				throw unreachable(node, error);
			}
		});

	if (!meta.paged) return await sendOnce();

	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll
		? Infinity
		: Math.max(1, Math.floor(this.getNodeParameter('limit', 50) as number));
	if (!Number.isFinite(limit) && !returnAll) {
		throw new NodeOperationError(node, 'Limit must be a number of at least 1', {
			itemIndex: this.getItemIndex(),
		});
	}
	// Fewest calls for a Limit: as many pages as needed, each as small as possible.
	const pageSize = returnAll ? MAX_PAGE_SIZE : Math.ceil(limit / Math.ceil(limit / MAX_PAGE_SIZE));
	const frozenAt = nowForQuery();
	for (const name of meta.freezeUntil ?? []) {
		if (qs[name] === undefined || qs[name] === '') qs[name] = frozenAt;
	}

	const results: INodeExecutionData[] = [];
	const seen = new Set<string>();
	for (let page = 1; results.length < limit; page++) {
		qs.page = page;
		qs.pageSize = pageSize;
		if (plan.windowLimit) {
			const extra = EXTRA_LIMITS[plan.label];
			plan.windowLimit.key = `${plan.credentialKey}\u0000${plan.label}\u0000${extra.scope(String(options.url), qs)}`;
		}
		paging = undefined;
		const items = await sendOnce();
		for (const item of items) {
			if (results.length >= limit) break;
			const key = recordKey(item.json);
			if (key !== undefined) {
				if (seen.has(key)) continue;
				seen.add(key);
			}
			results.push(item);
		}
		const current = Number((paging as IDataObject | undefined)?.Page ?? page);
		const totalPages = Number((paging as IDataObject | undefined)?.TotalPages ?? 0);
		if (!paging || items.length === 0 || current >= totalPages) break;
	}
	return results;
}
