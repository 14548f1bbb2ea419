import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { splitList } from '../../spec/values';
import type { OperationSpec } from '../../spec/types';
import { orderLocator } from './fields';

const DEFAULT_LANGUAGE = 'de';

/**
 * Billbee wants Subject and Body as lists of texts per language (MultiLanguageString[]).
 * The form asks for one text each and a language; lists given in the JSON stay as they are.
 */
async function toMultiLanguage(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (options.body ?? {}) as IDataObject;
	const language =
		typeof body.LanguageCode === 'string' && body.LanguageCode.trim()
			? body.LanguageCode.trim()
			: DEFAULT_LANGUAGE;
	delete body.LanguageCode;
	for (const key of ['Subject', 'Body']) {
		if (typeof body[key] === 'string') body[key] = [{ Text: body[key], LanguageCode: language }];
	}
	if (body.SendMode === 4 && !body.AlternativeMail) {
		throw new NodeOperationError(
			this.getNode(),
			'Alternative Email (alternativeMail) is required when Send Via is "Alternative Email Address"',
			{ itemIndex: this.getItemIndex() },
		);
	}
	options.body = body;
	return options;
}

export const sendMessage: OperationSpec = {
	value: 'sendMessage',
	name: 'Send Message',
	action: 'Send a message to the buyer of an order',
	description:
		'Send a message about an order to its buyer by email and/or through the marketplace; needs a subject and a text, which may contain Billbee placeholders',
	method: 'POST',
	path: '/orders/{id}/send-message',
	pathParams: { id: orderLocator() },
	body: {
		fields: [
			{
				name: 'SendMode',
				label: 'Send Via',
				type: 'options',
				required: true,
				default: 1,
				description: 'How Billbee delivers the message',
				options: [
					{ name: 'Email', value: 1, description: "To the buyer's email address" },
					{
						name: 'Marketplace Message',
						value: 2,
						description: "Through the marketplace's messaging (API)",
					},
					{ name: 'Email, Then Marketplace', value: 3, description: "Billbee's EmailThenApi mode" },
					{
						name: 'Alternative Email Address',
						value: 4,
						description: 'To the address given in Alternative Email',
					},
				],
			},
			{
				name: 'Subject',
				label: 'Subject',
				type: 'string',
				required: true,
				description: 'Subject of the message',
			},
			{
				name: 'Body',
				label: 'Message',
				type: 'string',
				required: true,
				typeOptions: { rows: 5 },
				description: 'Text of the message',
			},
			{
				name: 'LanguageCode',
				label: 'Language Code',
				type: 'string',
				default: DEFAULT_LANGUAGE,
				placeholder: 'e.g. en',
				description:
					'Two-letter language of subject and message (de when not set). For texts in several languages, set Subject and Body as lists in Additional Fields (JSON).',
			},
			{
				name: 'AlternativeMail',
				label: 'Alternative Email',
				type: 'string',
				placeholder: 'name@email.com',
				description: 'Recipient when Send Via is "Alternative Email Address"',
			},
		],
	},
	preSend: [toMultiLanguage],
};

/** PUT /orders/{id}/tags with an empty list removes every tag, so the list may be empty here. */
async function tagsBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	options.body = { Tags: splitList(this.getNodeParameter('tags', '') ?? '') };
	return options;
}

export const setTags: OperationSpec = {
	value: 'setTags',
	name: 'Set Tags',
	action: 'Replace the tags of an order',
	description: 'Replace all tags of an order with the given list; an empty list removes every tag',
	method: 'PUT',
	path: '/orders/{id}/tags',
	pathParams: { id: orderLocator() },
	properties: [
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			hint: 'Comma-separated list',
			placeholder: 'e.g. vip, gift',
			description: 'The complete new list of tags; leave empty to remove all tags',
		},
	],
	preSend: [tagsBody],
};
