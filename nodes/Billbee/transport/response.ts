import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

import { CREDENTIAL_HINT } from '../../../credentials/BillbeeApi.credentials';
import { parseExactJson } from './exactJson';

/** Names of Billbee's ErrorCode values (ApiResult.ErrorCode; names known for 0–18). */
export const BILLBEE_ERROR_CODES: Record<number, string> = {
	0: 'NoError',
	1: 'ApiNotActivated',
	2: 'OrderNotFound',
	3: 'InvoiceNotCreated',
	4: 'CantCreateInvoice',
	5: 'OrderCanceled',
	6: 'OrderDeleted',
	7: 'OrderNotPaid',
	8: 'InternalError',
	9: 'OrderExists',
	10: 'WrongShopId',
	11: 'InvalidData',
	12: 'CreateUser_DuplicateEmail',
	13: 'CreateUser_InvalidEmail',
	14: 'CreateUser_UserRejected',
	15: 'CreateUser_TermsNotAccepted',
	16: 'NoPaidAccount',
	17: 'APIServiceNotBooked',
	18: 'CantCreateDeliveryNote',
};

export interface RawResponse {
	statusCode: number;
	headers?: Record<string, unknown>;
	body?: unknown;
}

/** How the retry loop may treat a failure; kept on NodeApiError.context.billbee. */
export interface FailureInfo {
	kind: 'throttled' | 'serverError' | 'network' | 'final';
	retryAfterMs?: number;
}

export function failureInfo(error: unknown): FailureInfo {
	const info = (error as { context?: IDataObject })?.context?.billbee as FailureInfo | undefined;
	return info ?? { kind: 'network' };
}

export function billbeeError(
	node: INode,
	info: FailureInfo,
	message: string,
	description: string,
	httpCode?: number,
	body: JsonObject = {},
): NodeApiError {
	const error = new NodeApiError(node, body, {
		message,
		description,
		httpCode: httpCode === undefined ? undefined : String(httpCode),
	});
	error.context.billbee = info as unknown as IDataObject;
	return error;
}

function header(headers: RawResponse['headers'], name: string): string | undefined {
	const value = headers?.[name] ?? headers?.[name.toLowerCase()];
	return value === undefined || value === null ? undefined : String(value);
}

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
	if (!value) return undefined;
	if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.round(parseFloat(value) * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function bodyText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
	if (typeof body === 'string') return body;
	return JSON.stringify(body);
}

function looksLikeHtml(text: string, contentType: string | undefined): boolean {
	return /html/i.test(contentType ?? '') || /^\s*</.test(text);
}

function titleOfHtml(text: string): string | undefined {
	return (
		/<title>([^<]*)<\/title>/i.exec(text)?.[1]?.trim() ||
		/<h1>([^<]*)<\/h1>/i.exec(text)?.[1]?.trim()
	);
}

function messageOf(json: unknown): string | undefined {
	if (!json || typeof json !== 'object') return undefined;
	const body = json as IDataObject;
	const parts = [body.ErrorMessage, body.Message, body.MessageDetail, body.ExceptionMessage].filter(
		(part) => typeof part === 'string' && part.trim() !== '',
	);
	return parts.length ? parts.join(' ') : undefined;
}

/**
 * Turns a Billbee response into its JSON (ids exact) or throws a NodeApiError that says
 * what went wrong. `request` is e.g. "GET /orders/{id}" and appears in messages.
 */
export function interpretResponse(node: INode, raw: RawResponse, request: string): unknown {
	const status = raw.statusCode;
	const text = bodyText(raw.body);
	const contentType = header(raw.headers, 'content-type');
	let json: unknown = null;
	let parseFailed = false;
	if (text.trim() !== '') {
		try {
			json = parseExactJson(text);
		} catch {
			parseFailed = true;
		}
	}
	const errorBody = (
		json && typeof json === 'object' ? json : { body: text.slice(0, 500) }
	) as JsonObject;

	if (status === 429) {
		const retryAfterMs = parseRetryAfter(header(raw.headers, 'retry-after'));
		throw billbeeError(
			node,
			{ kind: 'throttled', retryAfterMs },
			`Billbee rate limit hit for ${request} (HTTP 429)`,
			`Billbee allows 2 requests per second per endpoint and 10 per second per user. ${messageOf(json) ?? ''}`.trim(),
			429,
			errorBody,
		);
	}
	if (status >= 400 || parseFailed) {
		const html = parseFailed && looksLikeHtml(text, contentType);
		const detail = html
			? `Billbee (or a proxy in front of it) answered with an HTML page${titleOfHtml(text) ? ` "${titleOfHtml(text)}"` : ''} instead of JSON.`
			: parseFailed
				? `The response was not valid JSON: ${text.slice(0, 200)}`
				: (messageOf(json) ?? text.slice(0, 300));
		let message = `Billbee answered HTTP ${status} for ${request}`;
		let description = detail;
		if (status === 401 || status === 403) {
			message = `Billbee rejected the credentials (HTTP ${status}) for ${request}`;
			description = `${detail ? `${detail} ` : ''}${CREDENTIAL_HINT}`;
		} else if (status === 404) {
			message = `Billbee found nothing at ${request} (HTTP 404)`;
		}
		const kind: FailureInfo['kind'] = status >= 500 ? 'serverError' : 'final';
		throw billbeeError(node, { kind }, message, description, status, errorBody);
	}

	if (json && typeof json === 'object' && !Array.isArray(json)) {
		const envelope = json as IDataObject;
		const code = typeof envelope.ErrorCode === 'number' ? envelope.ErrorCode : 0;
		const errorMessage =
			typeof envelope.ErrorMessage === 'string' ? envelope.ErrorMessage.trim() : '';
		if (code !== 0 || errorMessage !== '') {
			const name =
				BILLBEE_ERROR_CODES[code] ??
				(typeof envelope.ErrorDescription === 'string'
					? envelope.ErrorDescription
					: `ErrorCode ${code}`);
			throw billbeeError(
				node,
				{ kind: 'final' },
				`Billbee error ${code} (${name}) for ${request}: ${errorMessage || 'no message given'}`,
				`Billbee answered HTTP ${status} but reported an error in the response (ErrorCode ${code}, ${name}).`,
				status,
				errorBody,
			);
		}
	}
	return json;
}

/** True for Billbee's ApiResult / ApiPagedResult envelope. */
export function isEnvelope(json: unknown): json is IDataObject & { Data: unknown } {
	return (
		!!json &&
		typeof json === 'object' &&
		!Array.isArray(json) &&
		'Data' in json &&
		('ErrorCode' in json || 'ErrorMessage' in json || 'Paging' in json)
	);
}
