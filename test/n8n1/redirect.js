'use strict';
// Preloaded with `node --require` to run the same compiled package and tests against the
// libraries of n8n 1.x (n8n-workflow 1.120.31, n8n-core 1.122.48, installed into .cache/n8n1):
// every require of n8n-workflow / n8n-core resolves there instead of to the 2.x dev packages.
const Module = require('module');
const path = require('path');

const libraries = path.join(__dirname, '..', '..', '.cache', 'n8n1', 'node_modules');
const redirected = new Set(['n8n-workflow', 'n8n-core']);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
	const name = request.split('/')[0];
	if (redirected.has(name) && !parent?.filename?.startsWith(libraries)) {
		return resolve.call(
			this,
			request,
			{ ...parent, paths: [libraries], filename: path.join(libraries, 'x.js') },
			...rest,
		);
	}
	return resolve.call(this, request, parent, ...rest);
};
