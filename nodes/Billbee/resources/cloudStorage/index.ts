import type { ResourceSpec } from '../../spec/types';

export const cloudStorageResource: ResourceSpec = {
	value: 'cloudStorage',
	name: 'Cloud Storage',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many cloud storages',
			description:
				'List the cloud storages and cloud printers connected to the Billbee account (ID, name, type, whether it prints); the ID is where documents can be sent',
			method: 'GET',
			path: '/cloudstorages',
		},
	],
};
