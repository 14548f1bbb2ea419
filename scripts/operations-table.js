'use strict';
// Writes the README's operations table from the node description (between the markers), or
// with --check exits 1 when the README is out of date. The test suite runs the check.
const fs = require('fs');
const path = require('path');
const { Billbee } = require('../dist/nodes/Billbee/Billbee.node.js');

const START = '<!-- operations:start -->';
const END = '<!-- operations:end -->';
const readmePath = path.join(__dirname, '..', 'README.md');

function operationsTable() {
	const { properties } = new Billbee().description;
	const resources = properties.find((p) => p.name === 'resource').options;
	const rows = [
		'| Resource | Operation | `resource` / `operation` | What it does |',
		'| --- | --- | --- | --- |',
	];
	for (const resource of resources) {
		const operations = properties.find(
			(p) => p.name === 'operation' && p.displayOptions.show.resource.includes(resource.value),
		).options;
		for (const operation of operations) {
			const { method, url } = operation.routing.request;
			rows.push(
				`| ${resource.name} | ${operation.name} | \`${resource.value}\` / \`${operation.value}\` | ${operation.description} (\`${method} ${url}\`) |`,
			);
		}
	}
	return rows.join('\n');
}

function render(readme) {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start < 0 || end < 0) throw new Error('README.md lacks the operations markers');
	return `${readme.slice(0, start + START.length)}\n${operationsTable()}\n${readme.slice(end)}`;
}

const readme = fs.readFileSync(readmePath, 'utf8');
const updated = render(readme);
if (process.argv.includes('--check')) {
	if (updated !== readme) {
		console.error(
			'README.md operations table is out of date: run `node scripts/operations-table.js`',
		);
		process.exit(1);
	}
} else {
	fs.writeFileSync(readmePath, updated);
}
module.exports = { operationsTable };
