import { idStream } from './idStream';

/** newProduct: article ids grow with creation (minimumBillBeeArticleId). */
export const newProduct = idStream({
	path: '/products',
	minIdParam: 'minimumBillBeeArticleId',
	idField: 'Id',
	minDateParam: 'minCreatedAt',
});
