'use strict';
// Provisioning resource: the CreateAccountContainer body with the nested invoice address.
const test = require('node:test');
const assert = require('node:assert/strict');
const { useSandbox } = require('../helpers');

const { run, ofEndpoint } = useSandbox({ throttle: false });

test('createAccount: e-mail, accepted terms, address object and VAT settings', async () => {
	const Address = {
		Company: 'Neuer Shop UG',
		Name: 'Nina Neu',
		Address1: 'Marktplatz 1',
		Zip: '04109',
		City: 'Leipzig',
		Country: 'DE',
	};
	const { items, error } = await run({
		resource: 'provisioning',
		operation: 'createAccount',
		email: 'new-shop@example.com',
		acceptTerms: true,
		additionalFields: {
			defaultCurrency: 'EUR',
			defaultVatMode: 1,
			defaultVatIndex: 1,
			vat1Rate: 19,
			vat2Rate: 7,
			address: {
				company: 'Neuer Shop UG',
				name: 'Nina Neu',
				address1: 'Marktplatz 1',
				zip: '04109',
				city: 'Leipzig',
				country: 'DE',
			},
		},
	});
	assert.equal(error, undefined, error?.message);
	const [request] = ofEndpoint('provisioning.createAccount');
	assert.deepEqual(request.body, {
		EMail: 'new-shop@example.com',
		AcceptTerms: true,
		Address,
		DefaultCurrency: 'EUR',
		DefaultVatMode: 1,
		DefaultVatIndex: 1,
		Vat1Rate: 19,
		Vat2Rate: 7,
	});
	assert.match(items[0].json.UserId, /^[0-9a-f-]{36}$/);
	assert.ok(items[0].json.OneTimeLoginUrl);
});

test('createAccount without accepted terms: Billbee refuses, and the error says why', async () => {
	const { error } = await run({
		resource: 'provisioning',
		operation: 'createAccount',
		email: 'other@example.com',
		acceptTerms: false,
	});
	assert.ok(error);
	assert.match(`${error.message} ${error.description ?? ''}`, /terms/i);
});
