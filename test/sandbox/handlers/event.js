'use strict';
/** Events of orders. */

const { idMatcher, paginate, sortedView, withinDates } = require('./common');

const handlers = {
	'event.getAll': (ctx) => {
		const { q, data } = ctx;
		const minKey = q.dateKey('minDate');
		const maxKey = q.dateKey('maxDate');
		const types = q.list('typeId').map(Number);
		const orderId = q.id('orderId');
		const orderMatch = orderId === undefined ? null : idMatcher(orderId);
		const view = sortedView(ctx.env.cache, 'events', data.events, 'Created', 'Id', false);
		const out = [];
		for (const e of withinDates(view, minKey, maxKey)) {
			if (types.length && !types.includes(e.TypeId)) continue;
			if (orderMatch && !orderMatch(e.OrderId)) continue;
			out.push(e);
		}
		return paginate(out, q);
	},
};

module.exports = { handlers };
