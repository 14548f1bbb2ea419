'use strict';
// The one table of order states (id ↔ English name ↔ Billbee's name) and its resolver, which the
// dropdown, the polling trigger and AI tools ("state by name") share.
const test = require('node:test');
const assert = require('node:assert/strict');
const ENUMS = require('../fixtures/billbee-api/enums.json');
const {
	ORDER_STATES,
	orderStateLabel,
	resolveOrderState,
} = require('../../dist/nodes/Billbee/methods/orderStates.js');

test('the table holds every documented state with Billbee’s enum name', () => {
	assert.deepEqual(
		ORDER_STATES.map((state) => [state.id, state.billbeeName]),
		ENUMS.orderState.values.map((value) => [value.value, value.sdkName]),
	);
	const names = ORDER_STATES.map((state) => state.name.toLowerCase());
	assert.equal(new Set(names).size, names.length, 'English names are unique');
});

test('labels: English first, Billbee’s name in brackets; unknown ids keep Billbee’s name', () => {
	assert.equal(orderStateLabel(3), 'Paid (Zahlung_erhalten)');
	assert.equal(orderStateLabel(16), 'In Fulfillment (Im_Fulfillment)');
	assert.equal(orderStateLabel(10), 'Rated');
	assert.equal(orderStateLabel(17, 'Neu'), 'Neu (state 17)');
	assert.equal(orderStateLabel(17), 'State 17');
});

test('resolver: id, English name, Billbee name or label, in any case', () => {
	for (const input of [
		3,
		'3',
		' paid ',
		'PAID',
		'Zahlung_erhalten',
		'zahlung erhalten',
		'Paid (Zahlung_erhalten)',
	]) {
		assert.equal(resolveOrderState(input)?.id, 3, String(input));
	}
	assert.equal(resolveOrderState('in fulfillment')?.id, 16);
	assert.equal(resolveOrderState('Mahnung2')?.id, 12);
	assert.equal(resolveOrderState('second dunning notice')?.id, 12);
	for (const input of ['nonsense', 17, '', null, undefined, {}, '3.5']) {
		assert.equal(resolveOrderState(input), undefined, String(input));
	}
});
