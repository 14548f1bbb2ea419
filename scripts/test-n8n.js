'use strict';
// End-to-end tests in a real n8n 2.x (see scripts/e2e/): installs n8n into .cache/, packs this
// package and runs each scenario against its own n8n instance and Billbee sandbox. Pass scenario
// names to run only those: `npm run test:n8n -- webhook-trigger`.
const { ensureN8n, logTails, packPackage, step, stopAll } = require('./e2e/n8n.js');

const SCENARIOS = [
	require('./e2e/webhook-trigger.js'),
	require('./e2e/polling-trigger.js'),
	require('./e2e/ai-tools.js'),
	require('./e2e/credential-env.js'),
	require('./e2e/queue-mode.js'),
];

async function main() {
	const wanted = process.argv.slice(2);
	const unknown = wanted.filter((name) => !SCENARIOS.some((s) => s.name === name));
	if (unknown.length) throw new Error(`unknown scenario(s): ${unknown.join(', ')}`);
	const chosen = wanted.length ? SCENARIOS.filter((s) => wanted.includes(s.name)) : SCENARIOS;
	step('n8n');
	const bin = ensureN8n();
	step('pack the package');
	const tarball = packPackage();
	for (const scenario of chosen) {
		console.log(`\n━━ scenario: ${scenario.name}`);
		const started = Date.now();
		await scenario.run({ bin, tarball });
		console.log(`━━ ${scenario.name}: passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	}
	console.log(`\nn8n end-to-end: all checks passed (${chosen.map((s) => s.name).join(', ')})`);
}

main().catch(async (error) => {
	console.error(`\n✖ ${error.stack ?? error}`);
	console.error(logTails());
	await stopAll();
	process.exit(1);
});
