/**
 * JSON that keeps Billbee's int64 ids exact.
 *
 * Billbee ids go beyond Number.MAX_SAFE_INTEGER. Parsing turns every integer literal
 * outside the safe range (and outside string literals) into a string holding the exact
 * digits. Serialising writes bigint values as raw JSON numbers.
 */

// A string literal, or an integer literal of 16+ digits that is not part of a decimal/exponent.
const STRING_OR_LONG_INTEGER = /"(?:[^"\\]|\\.)*"|(?<![\d.eE+-])-?\d{16,}(?![\d.eE])/g;

function quoteUnsafeIntegers(text: string): string {
	return text.replace(STRING_OR_LONG_INTEGER, (token) =>
		token.charCodeAt(0) === 34 /* " */ || Number.isSafeInteger(Number(token))
			? token
			: `"${token}"`,
	);
}

export function parseExactJson(text: string): unknown {
	return JSON.parse(quoteUnsafeIntegers(text));
}

/** Like parseExactJson, but unsafe integers become bigint so they can be written back as numbers. */
export function parseJsonKeepingBigInts(text: string): unknown {
	const marked = text.replace(STRING_OR_LONG_INTEGER, (token) =>
		token.charCodeAt(0) === 34 || Number.isSafeInteger(Number(token))
			? token
			: `"\\u0000int64:${token}"`,
	);
	return JSON.parse(marked, (_key, value: unknown) =>
		typeof value === 'string' && value.startsWith(BIGINT_MARK)
			? BigInt(value.slice(BIGINT_MARK.length))
			: value,
	);
}

const BIGINT_MARK = '\u0000int64:';
const MARKED_BIGINT = /"\\u0000int64:(-?\d+)"/g;

// A replacer is not enough: some hosts install BigInt.prototype.toJSON, which runs first.
function markBigInts(value: unknown): unknown {
	if (typeof value === 'bigint') return `${BIGINT_MARK}${value.toString()}`;
	if (Array.isArray(value)) return value.map(markBigInts);
	if (
		value &&
		typeof value === 'object' &&
		[Object.prototype, null].includes(Object.getPrototypeOf(value))
	) {
		const copy: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value)) copy[key] = markBigInts(entry);
		return copy;
	}
	return value;
}

export function stringifyExactJson(value: unknown): string {
	const json = JSON.stringify(markBigInts(value));
	return json === undefined ? '' : json.replace(MARKED_BIGINT, '$1');
}

/** Accepts an id as number, digit string or bigint and returns it as bigint (exact). */
export function toInt64(value: unknown): bigint | undefined {
	if (typeof value === 'bigint') return value;
	if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
	if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return BigInt(value.trim());
	return undefined;
}
