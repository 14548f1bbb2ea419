'use strict';
// `npm run scan` (scripts/scan.js): n8n's community package scanner passes the real tree and fails
// a copy with a violation seeded into the source or into the built file of the tarball.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFile } = require('child_process');

const root = path.join(__dirname, '..');
const SHIPPED = ['package.json', 'README.md', 'LICENSE', 'nodes', 'credentials', 'dist'];

function scan(dir) {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			[path.join(root, 'scripts', 'scan.js'), '--dir', dir],
			{ encoding: 'utf8' },
			(error, stdout, stderr) => resolve({ code: error ? error.code : 0, output: stdout + stderr }),
		);
	});
}

/** A copy of the package's source and build, with `line` appended to one of its files. */
function copyWith(relativeFile, line) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billbee-scan-test-'));
	for (const entry of SHIPPED)
		fs.cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
	fs.appendFileSync(path.join(dir, relativeFile), `\n${line}\n`);
	return dir;
}

test('the real tree passes both legs of the scan and says what cannot run here', async () => {
	const { code, output } = await scan(root);
	assert.equal(code, 0, output);
	assert.match(output, /source \(package\.json, \{nodes,credentials\}.*\): [1-9]\d* files, passed/);
	assert.match(
		output,
		/tarball n8n-nodes-billbee-[\d.]+\.tgz \(\*\*\/\*\.js, package\.json\): [1-9]\d* files, passed/,
	);
	assert.match(output, /not run here: the provenance check/);
	assert.match(output, /^scan passed$/m);
});

test('a violation in the source or in the tarball fails the scan and is named', async () => {
	const inSource = copyWith('nodes/Billbee/Billbee.node.ts', 'setTimeout(() => undefined, 1);');
	const inTarball = copyWith(
		'dist/nodes/Billbee/Billbee.node.js',
		'exports.home = process.env.HOME;',
	);
	try {
		const [source, tarball] = await Promise.all([scan(inSource), scan(inTarball)]);

		assert.equal(source.code, 1, source.output);
		assert.match(source.output, /source .*: \d+ files, FAILED: ESLint violations found/);
		assert.match(source.output, /Billbee\.node\.ts[\s\S]*restricted global 'setTimeout'/);
		assert.match(source.output, /tarball .*: \d+ files, passed/, 'the .ts file is not shipped');
		assert.match(source.output, /^scan FAILED$/m);

		assert.equal(tarball.code, 1, tarball.output);
		assert.match(tarball.output, /source .*: \d+ files, passed/);
		assert.match(tarball.output, /tarball .*: \d+ files, FAILED: ESLint violations found/);
		assert.match(tarball.output, /Billbee\.node\.js[\s\S]*restricted global 'process'/);
	} finally {
		for (const dir of [inSource, inTarball]) fs.rmSync(dir, { recursive: true, force: true });
	}
});
