'use strict';
/** Shop accounts. */

const { paginate } = require('./common');

const handlers = {
	'shopAccount.getAll': (ctx) => paginate(ctx.data.shops, ctx.q),
};

module.exports = { handlers };
