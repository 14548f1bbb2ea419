'use strict';
// A scripted OpenAI-compatible chat model (POST /v1/chat/completions) on 127.0.0.1 for n8n's
// OpenAI Chat Model node. Instead of thinking it replays tool calls: `script(turn)` gets the
// conversation so far and answers with tool calls or a final text. Every request is recorded, so
// a test can assert what the model was shown (tools, tool results).
const http = require('http');

/**
 * What the script sees of one request: the user's prompt, the tools offered (by name) and the
 * results of the tools called so far, in order, parsed as JSON where they are JSON.
 */
function turnOf(body) {
	const messages = body.messages ?? [];
	const user = messages.find((m) => m.role === 'user');
	const calls = new Map();
	for (const message of messages)
		for (const call of message.tool_calls ?? []) calls.set(call.id, call.function);
	const results = messages
		.filter((m) => m.role === 'tool')
		.map((m) => {
			const content = typeof m.content === 'string' ? m.content : JSON.stringify(m.content);
			let parsed;
			try {
				parsed = JSON.parse(content);
			} catch {
				parsed = content;
			}
			const call = calls.get(m.tool_call_id) ?? {};
			return { name: call.name, arguments: call.arguments, content, json: parsed };
		});
	const tools = (body.tools ?? []).map((t) => t.function?.name ?? t.name);
	return { prompt: textOf(user?.content), tools, results, body };
}

function textOf(content) {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part) => part.text ?? '').join('');
	return '';
}

let callCounter = 0;

function completion(model, answer) {
	const message = answer.toolCalls
		? {
				role: 'assistant',
				content: null,
				tool_calls: answer.toolCalls.map((call) => ({
					id: `call_${++callCounter}`,
					type: 'function',
					function: { name: call.name, arguments: JSON.stringify(call.arguments ?? {}) },
				})),
			}
		: { role: 'assistant', content: answer.content };
	return {
		id: `chatcmpl-${callCounter}-${Date.now()}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model,
		choices: [{ index: 0, message, finish_reason: answer.toolCalls ? 'tool_calls' : 'stop' }],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}

/** The same answer as server-sent chunks, for clients that ask for `stream: true`. */
function streamChunks(full) {
	const { message, finish_reason } = full.choices[0];
	const delta = message.tool_calls
		? {
				role: 'assistant',
				tool_calls: message.tool_calls.map((call, index) => ({ index, ...call })),
			}
		: { role: 'assistant', content: message.content };
	const base = {
		id: full.id,
		object: 'chat.completion.chunk',
		created: full.created,
		model: full.model,
	};
	return [
		{ ...base, choices: [{ index: 0, delta, finish_reason: null }] },
		{ ...base, choices: [{ index: 0, delta: {}, finish_reason }], usage: full.usage },
	];
}

/**
 * Starts the mock. `script(turn)` returns `{ toolCalls: [{ name, arguments }] }` or
 * `{ content }`. Returns { baseUrl, requests, turns, close }.
 */
async function startMockModel(script) {
	const requests = [];
	const turns = [];
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			const reply = (status, json) => {
				res.writeHead(status, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify(json));
			};
			requests.push({ method: req.method, url: req.url, headers: req.headers, body: raw });
			if (req.method === 'GET' && req.url.endsWith('/models'))
				return reply(200, { object: 'list', data: [{ id: 'mock-model', object: 'model' }] });
			if (req.method !== 'POST' || !req.url.endsWith('/chat/completions'))
				return reply(404, { error: { message: `mock model: no route ${req.method} ${req.url}` } });
			let body;
			let answer;
			try {
				body = JSON.parse(raw);
				const turn = turnOf(body);
				turns.push(turn);
				answer = script(turn);
			} catch (error) {
				return reply(500, { error: { message: `mock model: ${error.stack}` } });
			}
			const full = completion(body.model, answer);
			if (!body.stream) return reply(200, full);
			res.writeHead(200, { 'Content-Type': 'text/event-stream' });
			for (const chunk of streamChunks(full)) res.write(`data: ${JSON.stringify(chunk)}\n\n`);
			res.end('data: [DONE]\n\n');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		baseUrl: `http://127.0.0.1:${port}/v1`,
		requests,
		turns,
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}

module.exports = { startMockModel };
