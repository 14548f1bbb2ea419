'use strict';
// Runs the whole test suite against the libraries of n8n 1.x (the lowest supported line starts at
// n8n 1.85; these are the libraries of the newest 1.x, n8n 1.123): installs n8n-workflow and
// n8n-core 1.x into .cache/n8n1 and redirects every require of them there (test/n8n1/redirect.js).
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');

const ROOT = path.join(__dirname, '..');
const LIBS = path.join(ROOT, '.cache', 'n8n1');
const VERSIONS = { 'n8n-workflow': '1.120.31', 'n8n-core': '1.122.48' };

const installed = Object.entries(VERSIONS).every(([name, version]) => {
	const manifest = path.join(LIBS, 'node_modules', name, 'package.json');
	return (
		fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).version === version
	);
});
if (!installed) {
	fs.mkdirSync(LIBS, { recursive: true });
	fs.writeFileSync(
		path.join(LIBS, 'package.json'),
		JSON.stringify({ name: 'n8n1-libs', private: true, dependencies: VERSIONS }, null, 2),
	);
	execFileSync(
		process.platform === 'win32' ? 'npm.cmd' : 'npm',
		['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
		{
			cwd: LIBS,
			stdio: 'inherit',
		},
	);
}

const probe = execFileSync(
	process.execPath,
	[
		'--require',
		'./test/n8n1/redirect.js',
		'-e',
		'console.log(require("n8n-workflow/package.json").version, require("n8n-core/package.json").version)',
	],
	{ cwd: ROOT },
)
	.toString()
	.trim();
if (probe !== `${VERSIONS['n8n-workflow']} ${VERSIONS['n8n-core']}`)
	throw new Error(`the tests would not use the 1.x libraries (${probe})`);
console.log(
	`running the tests with n8n-workflow ${VERSIONS['n8n-workflow']} and n8n-core ${VERSIONS['n8n-core']} (n8n 1.x)`,
);

const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n1-billbee-test-'));
const result = spawnSync(
	process.execPath,
	// n8n-core 1.x starts an interval it never clears, hence --test-force-exit.
	[
		'--require',
		'./test/n8n1/redirect.js',
		'--test',
		'--test-force-exit',
		'--test-concurrency=1',
		'test/**/*.test.js',
	],
	{ cwd: ROOT, stdio: 'inherit', env: { ...process.env, N8N_USER_FOLDER: userFolder } },
);
process.exit(result.status ?? 1);
