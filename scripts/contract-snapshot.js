'use strict';
// The node's parameter contract: for every resource.operation, each parameter it shows (nested
// ones as paths, e.g. "additionalFields.invoiceAddress.city") with its type and whether it is
// required. Saved workflows and $fromAI keys depend on these names, so test/contract.test.js
// compares the built node with the committed test/contract.snapshot.json.
//
//   npm run build && node scripts/contract-snapshot.js           prints the differences
//   npm run build && node scripts/contract-snapshot.js --update  rewrites the snapshot
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const SNAPSHOT = path.join(ROOT, 'test', 'contract.snapshot.json');
const UPDATE_COMMAND = 'npm run build && node scripts/contract-snapshot.js --update';

function shownFor(property, resource, operation) {
	const show = property.displayOptions?.show ?? {};
	return (
		(!show.resource || show.resource.includes(resource)) &&
		(!show.operation || show.operation.includes(operation))
	);
}

/** [path, type, required] of a parameter and of everything nested in it. */
function entries(property, prefix = '') {
	const name = prefix + property.name;
	const own = [[name, property.type, property.required === true]];
	for (const option of property.options ?? []) {
		if (option.values) {
			for (const value of option.values) own.push(...entries(value, `${name}.${option.name}.`));
		} else if (option.type) {
			own.push(...entries(option, `${name}.`));
		}
	}
	return own;
}

/** The contract of a node description: "resource.operation" → [[path, type, required], …]. */
function contractOf(description) {
	const properties = description.properties;
	const resources = properties.find((p) => p.name === 'resource').options.map((o) => o.value);
	const contract = {};
	for (const resource of resources) {
		const operations = properties.find(
			(p) => p.name === 'operation' && p.displayOptions.show.resource.includes(resource),
		).options;
		for (const { value: operation } of operations) {
			contract[`${resource}.${operation}`] = properties
				.filter((p) => !['resource', 'operation'].includes(p.name))
				.filter((p) => shownFor(p, resource, operation))
				.flatMap((p) => entries(p));
		}
	}
	return contract;
}

/** One line per parameter, so that a review sees exactly which names changed. */
function format(contract) {
	const keys = Object.keys(contract).sort();
	const blocks = keys.map((key) => {
		const lines = contract[key].map((entry) => `\t\t${JSON.stringify(entry)}`);
		return `\t${JSON.stringify(key)}: [\n${lines.join(',\n')}\n\t]`;
	});
	return `{\n${blocks.join(',\n')}\n}\n`;
}

/** What differs between the committed contract and the current one, as readable lines. */
function differences(saved, current) {
	const lines = [];
	const keys = new Set([...Object.keys(saved), ...Object.keys(current)]);
	for (const key of [...keys].sort()) {
		if (!(key in current)) {
			lines.push(`- ${key} (operation removed)`);
			continue;
		}
		if (!(key in saved)) {
			lines.push(`+ ${key} (new operation)`);
			continue;
		}
		const before = new Set(saved[key].map((e) => JSON.stringify(e)));
		const after = new Set(current[key].map((e) => JSON.stringify(e)));
		for (const entry of before) if (!after.has(entry)) lines.push(`- ${key}: ${entry}`);
		for (const entry of after) if (!before.has(entry)) lines.push(`+ ${key}: ${entry}`);
	}
	return lines;
}

function currentContract(root = ROOT) {
	const { Billbee } = require(path.join(root, 'dist', 'nodes', 'Billbee', 'Billbee.node.js'));
	return contractOf(new Billbee().description);
}

module.exports = { contractOf, currentContract, differences, format, SNAPSHOT, UPDATE_COMMAND };

if (require.main === module) {
	const current = currentContract();
	if (process.argv.includes('--update')) {
		fs.writeFileSync(SNAPSHOT, format(current));
		console.log(
			`wrote ${path.relative(ROOT, SNAPSHOT)}: ${Object.keys(current).length} operations`,
		);
	} else {
		const saved = fs.existsSync(SNAPSHOT) ? JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8')) : {};
		const lines = differences(saved, current);
		console.log(lines.length ? lines.join('\n') : 'the contract matches the snapshot');
	}
}
