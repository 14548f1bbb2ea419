'use strict';
/**
 * Exact JSON for the sandbox.
 *
 * parse(text)             like JSON.parse, but integer literals outside the safe range
 *                         (|n| > 2^53 - 1) become BigInt. Digits inside strings are never touched.
 * stringify(value, indent) like JSON.stringify, but BigInt values are written as bare digits.
 *
 * Independent of the node's own code on purpose: the sandbox must not share a bug with the client.
 */

const MAX_SAFE = '9007199254740991';

// ---------------------------------------------------------------------------------------------
// parse
// ---------------------------------------------------------------------------------------------

/** True when the integer literal (optional minus, digits only) does not fit a double exactly. */
function isUnsafeIntegerLiteral(token) {
	const digits = token[0] === '-' ? token.slice(1) : token;
	if (digits.length !== MAX_SAFE.length) return digits.length > MAX_SAFE.length;
	return digits > MAX_SAFE;
}

/**
 * Quick check whether the text could contain an unsafe integer outside string literals.
 * A digit run of 16+ characters anywhere is the only way; most payloads have none.
 */
function mayContainUnsafeInteger(text) {
	return /\d{16,}/.test(text);
}

const NUMBER_RE = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

class Parser {
	constructor(text) {
		this.text = text;
		this.pos = 0;
	}

	fail(message) {
		throw new SyntaxError(`${message} in JSON at position ${this.pos}`);
	}

	skipWhitespace() {
		const t = this.text;
		let p = this.pos;
		for (;;) {
			const c = t.charCodeAt(p);
			if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) p++;
			else break;
		}
		this.pos = p;
	}

	parseDocument() {
		this.skipWhitespace();
		const value = this.parseValue();
		this.skipWhitespace();
		if (this.pos !== this.text.length) this.fail('Unexpected non-whitespace character after JSON');
		return value;
	}

	parseValue() {
		const c = this.text[this.pos];
		switch (c) {
			case '{':
				return this.parseObject();
			case '[':
				return this.parseArray();
			case '"':
				return this.parseString();
			case 't':
				return this.parseLiteral('true', true);
			case 'f':
				return this.parseLiteral('false', false);
			case 'n':
				return this.parseLiteral('null', null);
			default:
				if (c === '-' || (c >= '0' && c <= '9')) return this.parseNumber();
				return this.fail(
					c === undefined ? 'Unexpected end of JSON input' : `Unexpected token '${c}'`,
				);
		}
	}

	parseLiteral(word, value) {
		if (this.text.startsWith(word, this.pos)) {
			this.pos += word.length;
			return value;
		}
		return this.fail(`Unexpected token '${this.text[this.pos]}'`);
	}

	parseNumber() {
		NUMBER_RE.lastIndex = this.pos;
		const m = NUMBER_RE.exec(this.text);
		if (!m) return this.fail('Invalid number');
		const token = m[0];
		this.pos += token.length;
		const isInteger = m[1] === undefined && m[2] === undefined;
		if (isInteger && isUnsafeIntegerLiteral(token)) return BigInt(token);
		return Number(token);
	}

	parseString() {
		const t = this.text;
		const start = this.pos;
		let p = start + 1;
		for (;;) {
			const c = t.charCodeAt(p);
			if (Number.isNaN(c)) {
				this.pos = p;
				return this.fail('Unterminated string');
			}
			if (c === 0x22) break; // closing quote
			if (c === 0x5c)
				p += 2; // backslash: skip the escaped character
			else p++;
		}
		this.pos = p + 1;
		// The native parser decodes escapes and rejects control characters for us.
		return JSON.parse(t.slice(start, p + 1));
	}

	parseArray() {
		const out = [];
		this.pos++; // [
		this.skipWhitespace();
		if (this.text[this.pos] === ']') {
			this.pos++;
			return out;
		}
		for (;;) {
			this.skipWhitespace();
			out.push(this.parseValue());
			this.skipWhitespace();
			const c = this.text[this.pos++];
			if (c === ']') return out;
			if (c !== ',') {
				this.pos--;
				this.fail("Expected ',' or ']'");
			}
		}
	}

	parseObject() {
		const out = {};
		this.pos++; // {
		this.skipWhitespace();
		if (this.text[this.pos] === '}') {
			this.pos++;
			return out;
		}
		for (;;) {
			this.skipWhitespace();
			if (this.text[this.pos] !== '"') this.fail('Expected property name');
			const key = this.parseString();
			this.skipWhitespace();
			if (this.text[this.pos++] !== ':') {
				this.pos--;
				this.fail("Expected ':'");
			}
			this.skipWhitespace();
			const value = this.parseValue();
			if (key === '__proto__') {
				// Same result as JSON.parse: an own property, not a prototype change.
				Object.defineProperty(out, key, {
					value,
					enumerable: true,
					writable: true,
					configurable: true,
				});
			} else {
				out[key] = value;
			}
			this.skipWhitespace();
			const c = this.text[this.pos++];
			if (c === '}') return out;
			if (c !== ',') {
				this.pos--;
				this.fail("Expected ',' or '}'");
			}
		}
	}
}

function parse(text) {
	if (Buffer.isBuffer(text)) text = text.toString('utf8');
	text = String(text);
	if (!mayContainUnsafeInteger(text)) return JSON.parse(text);
	return new Parser(text).parseDocument();
}

// ---------------------------------------------------------------------------------------------
// stringify
// ---------------------------------------------------------------------------------------------

// Fast path: let the native serializer run with BigInts replaced by a marker string, then swap
// the quoted markers for bare digits. The marker starts with U+0000, which JSON.stringify always
// writes as the escape \u0000. Afterwards we count the escapes in the output: if there are more
// than markers, some real string or key contained U+0000 (or the text "\u0000"), and we fall
// back to the slow serializer, so a marker can never be confused with user data.
const MARK = '\u0000BigInt:';
const MARK_RE = /"\\u0000BigInt:(-?\d+)"/g;

function countOccurrences(text, needle) {
	let count = 0;
	for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) count++;
	return count;
}

function stringify(value, indent) {
	let bigInts = 0;
	// A global BigInt.prototype.toJSON (some libraries install one) runs before the replacer and
	// would turn BigInts into quoted strings; in that case read the raw value from the holder.
	const patched = typeof BigInt.prototype.toJSON === 'function';
	const replacer = patched
		? function (key, v) {
				const raw = this[key];
				if (typeof raw === 'bigint') {
					bigInts++;
					return MARK + raw.toString();
				}
				return v;
			}
		: function (key, v) {
				if (typeof v === 'bigint') {
					bigInts++;
					return MARK + v.toString();
				}
				return v;
			};
	const fast = JSON.stringify(value, replacer, indent);
	if (fast === undefined) return fast;
	if (countOccurrences(fast, '\\u0000') !== bigInts) return slowStringify(value, indent);
	return bigInts === 0 ? fast : fast.replace(MARK_RE, '$1');
}

function normaliseIndent(indent) {
	if (typeof indent === 'number') return ' '.repeat(Math.max(0, Math.min(10, Math.floor(indent))));
	if (typeof indent === 'string') return indent.slice(0, 10);
	return '';
}

/** Hand-written serializer with JSON.stringify's rules; used only for strings containing U+0000. */
function slowStringify(value, indent) {
	const gap = normaliseIndent(indent);
	const stack = [];

	function write(holder, key, current) {
		let v = holder[key];
		if (v !== null && typeof v === 'object' && typeof v.toJSON === 'function') {
			v = v.toJSON(key);
		}
		if (v instanceof Number) v = Number(v);
		else if (v instanceof String) v = String(v);
		else if (v instanceof Boolean) v = v.valueOf();

		switch (typeof v) {
			case 'bigint':
				return v.toString();
			case 'number':
				return Number.isFinite(v) ? String(v) : 'null';
			case 'boolean':
				return v ? 'true' : 'false';
			case 'string':
				return JSON.stringify(v);
			case 'object':
				break;
			default:
				return undefined; // undefined, function, symbol
		}
		if (v === null) return 'null';
		if (stack.includes(v)) throw new TypeError('Converting circular structure to JSON');
		stack.push(v);
		const inner = current + gap;
		const parts = [];
		let out;
		if (Array.isArray(v)) {
			for (let i = 0; i < v.length; i++) {
				const s = write(v, String(i), inner);
				parts.push(s === undefined ? 'null' : s);
			}
			if (parts.length === 0) out = '[]';
			else if (gap) out = `[\n${inner}${parts.join(`,\n${inner}`)}\n${current}]`;
			else out = `[${parts.join(',')}]`;
		} else {
			for (const k of Object.keys(v)) {
				const s = write(v, k, inner);
				if (s !== undefined) parts.push(JSON.stringify(k) + (gap ? ': ' : ':') + s);
			}
			if (parts.length === 0) out = '{}';
			else if (gap) out = `{\n${inner}${parts.join(`,\n${inner}`)}\n${current}}`;
			else out = `{${parts.join(',')}}`;
		}
		stack.pop();
		return out;
	}

	return write({ '': value }, '', '');
}

module.exports = { parse, stringify, isUnsafeIntegerLiteral };
