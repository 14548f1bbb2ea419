'use strict';
// What the n8n editor shows before any request: the node creator's search aliases (codex) and
// the trigger's notice.
const test = require('node:test');
const assert = require('node:assert/strict');
const { Billbee } = require('../dist/nodes/Billbee/Billbee.node.js');
const { BillbeeTrigger } = require('../dist/nodes/Billbee/BillbeeTrigger.node.js');

// n8n reads a node's codex from the .json file beside its .js file.
const codex = {
	billbee: require('../dist/nodes/Billbee/Billbee.node.json'),
	billbeeTrigger: require('../dist/nodes/Billbee/BillbeeTrigger.node.json'),
};
const descriptions = {
	billbee: new Billbee().description,
	billbeeTrigger: new BillbeeTrigger().description,
};

/**
 * The node creator matches the whole query, case-insensitively, as a subsequence of one string at
 * a time: the display name or one alias. "Billbee stock" has to fit into one of them.
 */
function found(query, displayName, aliases) {
	const fits = (text) => {
		let i = 0;
		for (const char of text.toLowerCase()) if (char === query[i]?.toLowerCase()) i++;
		return i === query.length;
	};
	return [displayName, ...aliases].some(fits);
}

const SEARCHES = {
	billbee: [
		'stock',
		'inventory',
		'invoice',
		'label',
		'tracking',
		'shipment',
		'order',
		'product',
		'customer',
		'webhook',
		'ecommerce',
		'e-commerce',
		'warehouse',
		'fulfillment',
	],
	billbeeTrigger: ['webhook', 'new order', 'order state', 'event', 'ecommerce'],
};

for (const [name, words] of Object.entries(SEARCHES)) {
	test(`${name}: the codex aliases hold the words, alone and after "Billbee"`, () => {
		assert.equal(codex[name].node, `n8n-nodes-billbee.${descriptions[name].name}`);
		const aliases = codex[name].alias;
		const lower = aliases.map((alias) => alias.toLowerCase());
		assert.equal(new Set(lower).size, lower.length, 'no alias twice');
		for (const word of words) {
			assert.ok(lower.includes(word), `alias "${word}"`);
			const query = `Billbee ${word}`;
			assert.ok(found(query, descriptions[name].displayName, aliases), `the search "${query}"`);
		}
		assert.ok(!found('Billbee zzz', 'Billbee', aliases), 'the search check can fail');
	});
}

test('the trigger’s notice: a public URL for activation and for "Listen for test event"', () => {
	const notice = new BillbeeTrigger().description.properties.find((p) => p.type === 'notice');
	assert.match(notice.displayName, /public URL/);
	assert.match(notice.displayName, /Listen for test event/);
	assert.match(notice.displayName, /test URL/);
	assert.match(notice.displayName, /activated/);
});
