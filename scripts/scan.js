'use strict';
// The static analysis of n8n's community package scanner (@n8n/scan-community-package), run
// locally: its own ESLint set-up and file patterns on the source tree and on the tarball that
// `npm pack` builds. Exits 1 on any violation.
//
//   node scripts/scan.js [--dir <package folder>]      (npm run scan builds dist first)
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const SCANNER = '@n8n/scan-community-package';
// analyzePackageByName() in the scanner lints the published tarball with these patterns.
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

function packageDir() {
	const at = process.argv.indexOf('--dir');
	return path.resolve(at > 0 ? process.argv[at + 1] : path.join(__dirname, '..'));
}

/** `npm pack` of `dir`, unpacked into a temp folder; returns the folder and the tarball's name. */
function packAndUnpack(dir, temp) {
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', dir, '--json', '--ignore-scripts', '--pack-destination', temp], {
			cwd: temp,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		}),
	);
	const unpacked = path.join(temp, 'package');
	execFileSync('tar', ['-xzf', packed.filename, '-C', temp], { cwd: temp });
	return { unpacked, tarball: packed.filename, files: packed.files.length };
}

function countFiles(glob, dir, patterns) {
	return glob.sync(patterns, {
		cwd: dir,
		ignore: ['node_modules/**', '**/package-lock.json'],
	}).length;
}

async function main() {
	const dir = packageDir();
	const { version } = require(`${SCANNER}/package.json`);
	const scanner = await import(`${SCANNER}/scanner/scanner.mjs`);
	const glob = require(
		require.resolve('fast-glob', { paths: [require.resolve(`${SCANNER}/package.json`)] }),
	);
	const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'billbee-scan-'));
	try {
		const legs = [{ name: 'source', dir, patterns: scanner.SOURCE_FILE_PATTERNS }];
		const pack = packAndUnpack(dir, temp);
		legs.push({
			name: `tarball ${pack.tarball}`,
			dir: pack.unpacked,
			patterns: TARBALL_FILE_PATTERNS,
		});

		console.log(`${SCANNER} ${version}: its ESLint rules, run locally`);
		let passed = true;
		for (const leg of legs) {
			const files = countFiles(glob, leg.dir, leg.patterns);
			const result = await scanner.analyzePackage(leg.dir, leg.patterns);
			passed &&= result.passed;
			const verdict = result.passed ? 'passed' : `FAILED: ${result.message}`;
			console.log(`  ${leg.name} (${leg.patterns.join(', ')}): ${files} files, ${verdict}`);
			if (result.details) console.log(result.details);
		}
		console.log(
			'  not run here: the provenance check and the scan of the attested source, which need the ' +
				'version published on npm with provenance (after publishing: ' +
				`npx ${SCANNER} ${require(path.join(dir, 'package.json')).name})`,
		);
		console.log(passed ? 'scan passed' : 'scan FAILED');
		return passed;
	} finally {
		fs.rmSync(temp, { recursive: true, force: true });
	}
}

main().then(
	(passed) => process.exit(passed ? 0 : 1),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
