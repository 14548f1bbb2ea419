import { createHash } from 'crypto';
import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { stringifyExactJson } from './exactJson';
import { windowLimitFor } from './limits';
import type { ScopedWindowLimit } from './limits';
import { interpretResponse, isEnvelope } from './response';
import type { RawResponse } from './response';
import { sendWithPolicy, unreachable } from './retry';
import type { ThrottleKeys } from './throttle';
import { isToolNode } from '../agent/toolSafety';

export const CREDENTIAL_TYPE = 'billbeeApi';
export const READ_ONLY_PARAMETER = 'readOnlyMode';

export type BillbeeContext =
	| IExecuteFunctions
	| IExecuteSingleFunctions
	| IExecutePaginationFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

/** What the transport needs to know of a request beyond its options. */
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

/** How one request is paced, limited and retried. */
export interface RequestPlan {
	label: string;
	method: string;
	/** The credential's Base URL, named when no answer comes. */
	baseUrl: string;
	retrySafe: boolean;
	keys: ThrottleKeys;
	/** n8n processes sharing the account (credential field): each paces to its share. */
	processes: number;
	credentialKey: string;
	windowLimit?: ScopedWindowLimit;
}

function hash(value: string): string {
	return createHash('sha256').update(value).digest('hex').slice(0, 24);
}

export async function planRequest(
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
	return {
		label,
		method,
		baseUrl: baseUrlOf(credentials),
		retrySafe: retrySafe || ['GET', 'HEAD', 'PUT', 'DELETE'].includes(method),
		keys: { apiKey, user, endpoint: `${user}\u0000${label}` },
		processes: Math.max(1, Math.floor(Number(credentials.processCount) || 1)),
		credentialKey: user,
		windowLimit: windowLimitFor(user, label, path, qs),
	};
}

/** Fills the placeholders of a path template, each value URL-encoded. */
export function fillPath(template: string, pathParams: IDataObject = {}): string {
	return template.replace(/\{(\w+)\}/g, (_, name: string) => {
		const value = pathParams[name];
		return encodeURIComponent(String(value ?? ''));
	});
}

export const BILLBEE_BASE_URL = 'https://api.billbee.io/api/v1';

function baseUrlOf(credentials: IDataObject): string {
	return String(credentials.baseUrl || BILLBEE_BASE_URL).replace(/\/+$/, '');
}

/** Request options every Billbee call shares: raw bytes back (for exact ids), status handled by us. */
export function prepareOptions(options: IHttpRequestOptions): void {
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
 * One Billbee call from code (dropdowns, triggers, lookups, batch operations), planned like
 * the node's own requests. Returns the envelope's Data, or the bare JSON for endpoints without
 * envelope.
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

/**
 * With the node's read-only mode on, only requests that read are sent. The tool variant has no
 * read-only mode: its callers answer a write without "Allow Changes" with the refusal first.
 */
export function assertWriteAllowed(
	ctx: IExecuteSingleFunctions | IExecuteFunctions,
	method: string,
	template: string,
	readsOnly = false,
): void {
	if (method === 'GET' || readsOnly) return;
	const single = 'getItemIndex' in ctx;
	const itemIndex = single ? ctx.getItemIndex() : 0;
	if (isToolNode(ctx.getNode())) return;
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
