'use strict';
/**
 * Order activity in the sandbox, as a shop sync and merchants cause it: orders appear (ids grow
 * with creation, order dates may lie in the past), are edited (LastModifiedAt moves) and change
 * state. Times can be given to place changes in the same millisecond or second on purpose.
 *
 *   sandbox.activity.createOrders(301);
 *   sandbox.activity.createOrders(1, { OrderDate: '2025-06-01T10:00:00.000' }); // late import
 *   sandbox.activity.modify(order, { at: Date.parse('2026-12-03T10:00:00.500Z') });
 *   sandbox.activity.changeState(order, 3);
 */
const { formatDate } = require('./data');

function createOrderActivity({ data, env, createOrder }) {
	const stamp = (at) => formatDate(at ?? env.now());

	function modify(order, { at, fields = {} } = {}) {
		Object.assign(order, fields);
		order.UpdatedAt = stamp(at);
		order.LastModifiedAt = order.UpdatedAt;
		return order;
	}

	return {
		/** `count` new orders (OrderDate now unless `fields` says otherwise), created at `at`. */
		createOrders(count, fields = {}, { at } = {}) {
			const orders = [];
			for (let i = 0; i < count; i++) {
				const order = createOrder(fields);
				if (at !== undefined) {
					order.CreatedAt = stamp(at);
					if (!fields.OrderDate) order.OrderDate = order.CreatedAt;
					modify(order, { at });
				}
				orders.push(order);
			}
			return orders;
		},

		/** An edit: sets `fields` and moves LastModifiedAt to `at` (default now). */
		modify,

		/** A state change as PUT /orders/{id}/orderstate makes it. */
		changeState(order, state, { at } = {}) {
			const fields = { State: state };
			if (state === 3 && !order.PayedAt) fields.PayedAt = stamp(at);
			if (state === 4 && !order.ShippedAt) fields.ShippedAt = stamp(at);
			return modify(order, { at, fields });
		},

		/** The live order with this id (digits). */
		order(id) {
			return data.orders.find((o) => String(o.BillBeeOrderId) === String(id));
		},
	};
}

module.exports = { createOrderActivity };
