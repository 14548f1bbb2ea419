'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('child_process');
const path = require('path');

test('the README operations table matches the node description', () => {
	assert.doesNotThrow(() =>
		execFileSync(
			process.execPath,
			[path.join(__dirname, '..', 'scripts', 'operations-table.js'), '--check'],
			{
				stdio: 'pipe',
			},
		),
	);
});
