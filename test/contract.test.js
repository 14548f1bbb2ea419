'use strict';
// The node's parameter contract: names saved workflows, expressions and $fromAI keys depend on.
// It is frozen after the first publish (CHANGELOG.md); every change has to be reviewed here.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const {
	currentContract,
	differences,
	SNAPSHOT,
	UPDATE_COMMAND,
} = require('../scripts/contract-snapshot');
const { Billbee } = require('../dist/nodes/Billbee/Billbee.node.js');

const description = new Billbee().description;
const contract = currentContract();
const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/;
/** The collections of optional fields and query parameters. */
const OPTIONAL = new Set(['additionalFields', 'filters', 'options']);
/** Every parameter name of the node, nested ones too, once per place it is defined. */
const allNames = Object.values(contract).flatMap((entries) =>
	entries.map(([path]) => path.split('.').pop()),
);

test('the parameters of every operation equal the reviewed snapshot', () => {
	const saved = JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8'));
	const changes = differences(saved, contract);
	assert.deepEqual(
		changes,
		[],
		`The node's parameters differ from test/contract.snapshot.json ("-" saved, "+" now):\n` +
			`${changes.join('\n')}\n` +
			`Renaming or removing a parameter breaks saved workflows. If the change is intended, ` +
			`record it in CHANGELOG.md and run: ${UPDATE_COMMAND}`,
	);
});

test('the snapshot check sees a renamed, a retyped and a removed parameter', () => {
	const saved = { 'order.get': [['orderId', 'resourceLocator', true]], 'order.x': [] };
	const current = { 'order.get': [['OrderId', 'string', true]] };
	assert.deepEqual(differences(saved, current), [
		'- order.get: ["orderId","resourceLocator",true]',
		'+ order.get: ["OrderId","string",true]',
		'- order.x (operation removed)',
	]);
});

test('every parameter name is camelCase, top-level and inside collections', () => {
	assert.ok(allNames.length > 400, `${allNames.length} names`);
	const wrong = [...new Set(allNames.filter((name) => !CAMEL_CASE.test(name)))];
	assert.deepEqual(wrong, [], 'Billbee’s spelling belongs in the field spec’s name / bodyPath');
});

test('no two parameter names differ only in case', () => {
	const spellings = new Map();
	for (const name of allNames) {
		const key = name.toLowerCase();
		spellings.set(key, new Set([...(spellings.get(key) ?? []), name]));
	}
	const clashes = [...spellings.values()].filter((set) => set.size > 1).map((set) => [...set]);
	assert.deepEqual(clashes, []);
});

test('within one operation an optional field never repeats a top-level name', () => {
	const shadowed = [];
	for (const [operation, entries] of Object.entries(contract)) {
		const top = new Set(entries.filter(([p]) => !p.includes('.')).map(([p]) => p));
		// "additionalFields.orderId" beside "orderId" would be a trap; "address.email" beside "email" is not.
		for (const [path] of entries) {
			const [collection, name, deeper] = path.split('.');
			if (OPTIONAL.has(collection) && !deeper && top.has(name))
				shadowed.push(`${operation}: ${path}`);
		}
	}
	assert.deepEqual(shadowed, []);
});

test('every action label is unique, so the node creator and AI agents can tell them apart', () => {
	const actions = description.properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) => p.options.map((o) => o.action));
	assert.ok(actions.length > 80);
	const seen = new Map();
	for (const action of actions)
		seen.set(action.toLowerCase(), (seen.get(action.toLowerCase()) ?? 0) + 1);
	assert.deepEqual(
		[...seen].filter(([, count]) => count > 1).map(([action]) => action),
		[],
	);
});

test('Read-Only Mode shows for the operations that write and for no read', () => {
	const { operationRegistry } = require('../dist/nodes/Billbee/spec/registry.js');
	const readOnly = description.properties.find((p) => p.name === 'readOnlyMode');
	const shownFor = new Set(readOnly.displayOptions.show.operation);
	assert.deepEqual(readOnly.displayOptions.hide, { '@tool': [true] }, 'the tool has Allow Changes');
	for (const [key, spec] of operationRegistry()) {
		const writes = spec.method !== 'GET' && !spec.readsOnly;
		assert.equal(shownFor.has(spec.value), writes, `${key} (${spec.method})`);
	}
});
