import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
	PostReceiveAction,
} from 'n8n-workflow';

import { pdfFileName } from '../../helpers/documents';

/** Where Billbee puts the base64 PDFs of a shipment: label and export documents. */
const LABEL_FIELDS = ['LabelDataPdf', 'LabelData'];
const EXPORT_DOCS_FIELD = 'ExportDocsPdf';
/** Binary property of the export documents (customs papers), when Billbee returns any. */
export const EXPORT_DOCS_PROPERTY = 'exportDocuments';

/** "Label as File": the shipping label PDF becomes an n8n binary property. */
export const labelProperties: INodeProperties[] = [
	{
		displayName: 'Label as File',
		name: 'labelAsFile',
		type: 'boolean',
		default: true,
		description:
			'Whether to return the label PDF (and any export documents) as binary files, ready for a print, e-mail or storage node, instead of base64 text in the JSON',
	},
	{
		displayName: 'Put Label in Field',
		name: 'labelBinaryProperty',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show: { labelAsFile: [true] } },
		description: `The name of the binary property that receives the label PDF. Export documents, if any, go to "${EXPORT_DOCS_PROPERTY}".`,
	},
];

/**
 * Moves the base64 label (and export documents) of Billbee's answer into binary properties.
 * A missing label is not an error: Billbee may have sent it to a cloud printer instead.
 */
export const labelToBinary: PostReceiveAction = async function (
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	if (this.getNodeParameter('labelAsFile', true) !== true) return items;
	const property = this.getNodeParameter('labelBinaryProperty', 'data') as string;
	for (const item of items) {
		const json = item.json as IDataObject;
		const reference = json.ShippingId ?? json.OrderReference;
		for (const field of LABEL_FIELDS) {
			if (typeof json[field] !== 'string' || json[field] === '') continue;
			const pdf = Buffer.from(json[field] as string, 'base64');
			item.binary = {
				...(item.binary ?? {}),
				[property]: await this.helpers.prepareBinaryData(
					pdf,
					pdfFileName('label', reference),
					'application/pdf',
				),
			};
			delete json[field];
		}
		if (typeof json[EXPORT_DOCS_FIELD] === 'string' && json[EXPORT_DOCS_FIELD] !== '') {
			const pdf = Buffer.from(json[EXPORT_DOCS_FIELD] as string, 'base64');
			item.binary = {
				...(item.binary ?? {}),
				[EXPORT_DOCS_PROPERTY]: await this.helpers.prepareBinaryData(
					pdf,
					pdfFileName('export-documents', reference),
					'application/pdf',
				),
			};
			delete json[EXPORT_DOCS_FIELD];
		}
	}
	return items;
};
