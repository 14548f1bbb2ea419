import type { ResourceSpec } from '../../helpers/operation';

export const cloudStorageResource: ResourceSpec = {
	value: 'cloudStorage',
	name: 'Cloud Storage',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many cloud storages',
			description: 'List connected cloud storage / cloud printer devices',
			method: 'GET',
			path: '/cloudstorages',
		},
	],
};
