'use strict';
/**
 * Response building blocks shared by the sandbox handlers.
 *
 * A handler returns a plain response object:
 *   { status, json }                 JSON body (serialised with exact-json, BigInt as digits)
 *   { status, text, contentType }    any other body (string or Buffer)
 *   { status }                       empty body
 * plus optional `headers`.
 */

const path = require('node:path');

const ENUMS = require(path.join(__dirname, '..', 'fixtures', 'billbee-api', 'enums.json'));
const ERROR_NAMES = new Map(ENUMS.errorCode.values.map((v) => [v.value, v.name]));

const MESSAGES = {
	invalid: 'The request is invalid.',
	notFoundRoute: 'No HTTP resource was found that matches the request URI',
	unauthorized: 'Authorization has been denied for this request.',
	throttled: 'API call limit exceeded',
	serverError: 'An error has occurred.',
};

/** Thrown by helpers deep inside a handler to answer immediately. */
class HttpError extends Error {
	constructor(response) {
		super(`HTTP ${response.status}`);
		this.response = response;
	}
}

const json = (status, value, headers) => ({ status, json: value, headers });
const message = (status, text) => json(status, { Message: text });
const raw = (value, status = 200) => json(status, value);
const empty = (status = 200) => ({ status });

function errorName(code) {
	return ERROR_NAMES.get(code) || (code ? 'UnknownError' : 'NoError');
}

/** ApiResult envelope (with Paging first when given, like ApiPagedResult). */
function envelope(data, errorCode = 0, errorMessage = null, paging) {
	const out = {};
	if (paging) out.Paging = paging;
	out.ErrorMessage = errorMessage;
	out.ErrorCode = errorCode;
	out.ErrorDescription = errorName(errorCode);
	out.Data = data;
	return out;
}

const ok = (data, status = 200) => json(status, envelope(data));
/** Billbee-style logical error: HTTP 200, ErrorCode != 0, Data null. */
const fail = (errorCode, errorMessage) => json(200, envelope(null, errorCode, errorMessage));
const orderNotFound = () => fail(2, 'Order not found');
const invalidData = (text) => fail(11, text);

function badRequest(text = MESSAGES.invalid) {
	return new HttpError(message(400, text));
}

module.exports = {
	ENUMS,
	MESSAGES,
	HttpError,
	json,
	message,
	raw,
	empty,
	envelope,
	errorName,
	ok,
	fail,
	orderNotFound,
	invalidData,
	badRequest,
};
