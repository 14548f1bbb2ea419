'use strict';
/** Layout templates. */

const { staticOk } = require('./common');

const handlers = {
	'layout.getAll': staticOk((d) => d.layouts),
};

module.exports = { handlers };
