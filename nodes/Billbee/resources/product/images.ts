import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { toProperty } from '../../spec/properties';
import { convertValue } from '../../spec/values';
import { parameterName } from '../../spec/types';
import type { FieldSpec, OperationSpec } from '../../spec/types';
import { imageIdField, productLocator } from './shared';

const IMAGE_URL: FieldSpec = {
	name: 'Url',
	label: 'URL',
	type: 'string',
	placeholder: 'e.g. https://shop.example.com/img/shirt-red.jpg',
	description: 'Public URL of the image',
};

/** URL, main-image flag and position: what every image of a product is given by. */
function imageFields(position: Pick<FieldSpec, 'default' | 'description'>): FieldSpec[] {
	return [
		{ ...IMAGE_URL, required: true },
		IMAGE_IS_DEFAULT,
		{ name: 'Position', label: 'Position', type: 'integer', ...position },
	];
}

const IMAGE_IS_DEFAULT: FieldSpec = {
	name: 'IsDefault',
	label: 'Is Default',
	type: 'boolean',
	description: 'Whether this is the main image of the product',
};

const imageIdsField: FieldSpec = {
	name: 'imageIds',
	label: 'Image IDs',
	type: 'int64List',
	required: true,
	placeholder: 'e.g. 300000000012345, 300000000012346',
	description: 'Billbee IDs of the images to delete, separated by commas',
};

/** Billbee takes the image IDs as a bare JSON array. */
async function imageIdsBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const ids = convertValue(
		this,
		imageIdsField,
		this.getNodeParameter(parameterName(imageIdsField), ''),
		'body',
	) as bigint[] | undefined;
	if (!ids?.length) {
		throw new NodeOperationError(
			this.getNode(),
			`${imageIdsField.label} (${parameterName(imageIdsField)}) is required`,
			{
				itemIndex: this.getItemIndex(),
			},
		);
	}
	options.body = ids as unknown as IDataObject;
	return options;
}

const imagesField: FieldSpec = {
	name: 'images',
	label: 'Images',
	type: 'objectList',
	required: true,
	description: 'The images to add, each given by a public URL Billbee downloads',
	fields: imageFields({ description: 'Sort position, 1 = first; 0 leaves it to Billbee' }),
};

const replaceProperty = toProperty({
	name: 'replace',
	label: 'Replace Existing Images',
	type: 'boolean',
	description:
		'Whether to delete all current images of the product first; otherwise the images are added',
});

/** Billbee takes the images as a bare JSON array; replace goes into the query. */
async function imagesBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const images = convertValue(
		this,
		imagesField,
		this.getNodeParameter(parameterName(imagesField), {}),
		'body',
	) as IDataObject[] | undefined;
	if (!images?.length) {
		throw new NodeOperationError(
			this.getNode(),
			`${imagesField.label} (${parameterName(imagesField)}): add at least one image`,
			{
				itemIndex: this.getItemIndex(),
			},
		);
	}
	images.forEach((image, index) => {
		if (!image.Url) {
			throw new NodeOperationError(
				this.getNode(),
				`${imagesField.label} (${parameterName(imagesField)}): image ${index + 1} has no URL`,
				{
					itemIndex: this.getItemIndex(),
				},
			);
		}
		if (image.Position === 0) delete image.Position;
	});
	options.body = images as unknown as IDataObject;
	options.qs = {
		...(options.qs ?? {}),
		replace: this.getNodeParameter(replaceProperty.name, false) === true,
	};
	return options;
}

export const imageOperations: OperationSpec[] = [
	{
		value: 'getImages',
		name: 'Get Images',
		action: 'Get the images of a product',
		description:
			'List the images of a product found by Billbee ID, SKU or EAN, with URL, position and image ID',
		method: 'GET',
		path: '/products/{productId}/images',
		pathParams: { productId: productLocator },
	},
	{
		value: 'putImages',
		name: 'Add or Replace Images',
		action: 'Add or replace the images of a product',
		description:
			'Add images by URL to a product found by Billbee ID, SKU or EAN, or replace all its images; returns all images of the product',
		method: 'PUT',
		path: '/products/{productId}/images',
		pathParams: { productId: productLocator },
		properties: [toProperty(imagesField), replaceProperty],
		preSend: [imagesBody],
	},
	{
		value: 'getProductImage',
		name: 'Get Product Image',
		action: 'Get an image of a product',
		description: 'Get one image of a product found by Billbee ID, SKU or EAN, by its image ID',
		method: 'GET',
		path: '/products/{productId}/images/{imageId}',
		pathParams: { productId: productLocator, imageId: imageIdField },
	},
	{
		value: 'putImage',
		name: 'Add or Update Image',
		action: 'Add or update an image of a product',
		description:
			'Add an image by URL to a product found by Billbee ID, SKU or EAN (image ID 0), or change one of its images; returns the image',
		method: 'PUT',
		path: '/products/{productId}/images/{imageId}',
		pathParams: {
			productId: productLocator,
			imageId: {
				...imageIdField,
				default: '0',
				description: 'Billbee ID of the image to change, or 0 to add a new image',
			},
		},
		body: {
			fields: imageFields({ default: 1, description: 'Sort position, 1 = first' }),
		},
	},
	{
		value: 'deleteProductImage',
		name: 'Delete Product Image',
		action: 'Delete an image of a product',
		description:
			'Delete one image, by its image ID, from a product found by Billbee ID, SKU or EAN',
		method: 'DELETE',
		path: '/products/{productId}/images/{imageId}',
		pathParams: { productId: productLocator, imageId: imageIdField },
		destructive: true,
	},
	{
		value: 'getImage',
		name: 'Get Image',
		action: 'Get an image',
		description: 'Get one product image by its image ID alone, with URL, position and product ID',
		method: 'GET',
		path: '/products/images/{imageId}',
		pathParams: { imageId: imageIdField },
	},
	{
		value: 'deleteImage',
		name: 'Delete Image',
		action: 'Delete an image',
		description: 'Delete one product image by its image ID alone',
		method: 'DELETE',
		path: '/products/images/{imageId}',
		pathParams: { imageId: imageIdField },
		destructive: true,
	},
	{
		value: 'deleteImages',
		name: 'Delete Images',
		action: 'Delete several images',
		description:
			'Delete product images by their image IDs; returns which IDs were deleted and which were not found',
		method: 'POST',
		path: '/products/images/delete',
		properties: [toProperty(imageIdsField)],
		preSend: [imageIdsBody],
		destructive: true,
	},
];
