'use strict';
// package.json names one GitHub repository everywhere (n8n's scanner checks that the repository
// matches the provenance of the publish), and the publish workflow publishes with provenance.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const pkg = require('../package.json');
const workflow = (name) => fs.readFileSync(path.join(root, '.github', 'workflows', name), 'utf8');

test('repository, homepage, bugs and author point at the same GitHub repository', () => {
	const repository = /^git\+https:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\.git$/.exec(
		pkg.repository.url,
	);
	assert.ok(repository, `repository.url ${pkg.repository.url} is a GitHub git+https URL`);
	const [, owner, name] = repository;
	assert.equal(pkg.repository.type, 'git');
	assert.equal(name, pkg.name, 'the repository is named like the package');
	const web = `https://github.com/${owner}/${name}`;
	assert.equal(pkg.homepage, `${web}#readme`);
	assert.equal(pkg.bugs.url, `${web}/issues`);
	assert.equal(pkg.author.url, `https://github.com/${owner}`);
	assert.equal(pkg.author.name, owner);
	assert.match(pkg.author.email, /^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'the scanner requires an e-mail');
});

test('publish.yml publishes on a version tag with provenance and an OIDC token', () => {
	const publish = workflow('publish.yml');
	assert.match(publish, /^on:\n\s+push:\n\s+tags:\n\s+- '\*\.\*\.\*'\n\s+- 'v\*'/m);
	assert.match(publish, /permissions:\n(\s+#.*\n)*\s+id-token: write\n\s+contents: read/);
	assert.match(publish, /registry-url: https:\/\/registry\.npmjs\.org/);
	const steps = ['npm ci', 'npm test', 'npm run scan', 'npm publish --provenance --access public'];
	const positions = steps.map((step) => publish.indexOf(step));
	for (const [i, step] of steps.entries()) assert.ok(positions[i] > 0, `${step} is a step`);
	assert.deepEqual(
		[...positions].sort((a, b) => a - b),
		positions,
		'in this order',
	);
	assert.match(
		publish,
		/NPM_TOKEN: \$\{\{ secrets\.NPM_TOKEN \}\}/,
		'the token of the first publish',
	);
});

test('CI runs .ci/run, and .ci/run scans after the tests', () => {
	assert.match(workflow('ci.yml'), /run: bash \.ci\/run/);
	const steps = fs.readFileSync(path.join(root, '.ci', 'run'), 'utf8').split('\n');
	assert.equal(steps.indexOf('npm run scan'), steps.indexOf('npm test') + 1);
});
