'use strict';
/** Provisioning: account creation and terms. */

const crypto = require('node:crypto');
const R = require('../responses');
const { formatDate } = require('../data');
const { field, requireObjectBody } = require('./common');

function hexId() {
	return crypto.randomBytes(16).toString('hex');
}

function createAccount(ctx) {
	const body = requireObjectBody(ctx);
	const email = field(body, 'EMail');
	if (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
		return R.fail(13, 'Invalid e-mail address');
	if (field(body, 'AcceptTerms') !== true) return R.fail(15, 'The terms must be accepted');
	const taken = [ctx.env.credentials.username, ...ctx.data.accounts.map((a) => a.EMail)].some(
		(e) => e.toLowerCase() === email.toLowerCase(),
	);
	if (taken) return R.fail(12, 'A user with this e-mail address already exists');
	const password = field(body, 'Password') || crypto.randomBytes(9).toString('base64url');
	const userId = crypto.randomUUID();
	ctx.data.accounts.push({ EMail: email, UserId: userId, Created: formatDate(ctx.env.now()) });
	return R.ok({
		Password: password,
		UserId: userId,
		OneTimeLoginUrl: `https://app.billbee.io/login/onetime/${hexId()}`,
	});
}

const handlers = {
	'provisioning.createAccount': createAccount,
	'provisioning.getTermsInfo': () =>
		R.ok({
			LinkToTermsWebPage: 'https://www.billbee.io/agb/',
			LinkToPrivacyWebPage: 'https://www.billbee.io/datenschutz/',
			LinkToTermsHtmlContent: 'https://www.billbee.io/agb/content.html',
			LinkToPrivacyHtmlContent: 'https://www.billbee.io/datenschutz/content.html',
		}),
};

module.exports = { handlers };
