'use strict';
/** Cloud storages. */

const { staticOk } = require('./common');

const handlers = {
	'cloudStorage.getAll': staticOk((d) => d.cloudStorages),
};

module.exports = { handlers };
