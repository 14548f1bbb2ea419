'use strict';
/** API usage (shape per the Panda .NET SDK), counted from the request log. */

const R = require('../responses');

function apiUsage(ctx, detail) {
	ctx.q.date('request.date');
	const { log, credentials } = ctx.env;
	const accepted = log.filter(
		(r) => r.endpoint && r.status && r.status !== 401 && r.status !== 429,
	);
	if (!detail)
		return R.ok({
			Summaries: [{ UserName: credentials.username, Data: { Count: accepted.length } }],
		});
	const counts = new Map();
	for (const r of accepted) {
		const key = `${r.method} ${r.template}`;
		counts.set(key, (counts.get(key) || 0) + 1);
	}
	const rows = [...counts].map(([k, Count]) => {
		const [Method, Endpoint] = k.split(' ');
		return { Method, Endpoint: `/api/v1${Endpoint}`, Count };
	});
	return R.ok({ Details: [{ UserName: credentials.username, Data: rows }] });
}

const handlers = {
	'apiUsage.getSummary': (ctx) => apiUsage(ctx, false),
	'apiUsage.getDetail': (ctx) => apiUsage(ctx, true),
};

module.exports = { handlers };
