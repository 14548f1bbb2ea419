'use strict';
/** Events of orders. */

const { formatDate } = require('../data');
const { idMatcher, paginate, sortedView } = require('./common');

const handlers = {
	'event.getAll': (ctx) => {
		const { q, data } = ctx;
		const min = q.date('minDate');
		const max = q.date('maxDate');
		const types = q.list('typeId').map(Number);
		const orderId = q.id('orderId');
		const orderMatch = orderId === undefined ? null : idMatcher(orderId);
		const minKey = min === undefined ? null : formatDate(min);
		const maxKey = max === undefined ? null : formatDate(max);
		const view = sortedView(ctx.env.cache, 'events', data.events, 'Created', 'Id', false);
		const out = [];
		for (let i = 0; i < view.items.length; i++) {
			const e = view.items[i];
			if (minKey !== null && view.keys[i] < minKey) continue;
			if (maxKey !== null && view.keys[i] > maxKey) continue;
			if (types.length && !types.includes(e.TypeId)) continue;
			if (orderMatch && !orderMatch(e.OrderId)) continue;
			out.push(e);
		}
		return paginate(out, q);
	},
};

module.exports = { handlers };
