import { NodeApiError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

/** "Download PDF" for invoices and delivery notes: Billbee's base64 PDF becomes an n8n binary property. */
export function documentProperties(documentName: string): INodeProperties[] {
	return [
		{
			displayName: 'Download PDF',
			name: 'downloadPdf',
			type: 'boolean',
			default: false,
			description: `Whether to return the ${documentName} PDF as a binary file, ready for an e-mail or storage node`,
		},
		{
			displayName: 'Put PDF in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			displayOptions: { show: { downloadPdf: [true] } },
			description: 'The name of the binary property that receives the PDF',
		},
	];
}

/** Asks Billbee for the PDF (query flag `flag`) when "Download PDF" is on. */
export function requestPdf(flag: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options) {
		if (this.getNodeParameter('downloadPdf', false) === true)
			options.qs = { ...(options.qs ?? {}), [flag]: true };
		return options;
	};
}

/** A safe PDF file name: the prefix plus the document number or reference, if any. */
export function pdfFileName(prefix: string, number: unknown): string {
	const safe = String(number ?? '').replace(/[^\w.-]+/g, '_');
	return `${prefix}${safe ? `-${safe}` : ''}.pdf`;
}

/** Moves Data.PDFData into a binary property named after the document number. */
export function pdfToBinary(numberField: string, prefix: string): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
		if (this.getNodeParameter('downloadPdf', false) !== true) return items;
		const property = this.getNodeParameter('binaryPropertyName', 'data') as string;
		for (const item of items) {
			const json = item.json as IDataObject;
			if (typeof json.PDFData !== 'string' || json.PDFData === '') {
				throw new NodeApiError(this.getNode(), json as JsonObject, {
					message:
						`Billbee returned no PDF for ${prefix} ${String(json[numberField] ?? '')}`.trim(),
					description:
						'The document was created, but its PDF was not in the answer. Try the PdfDownloadUrl, if present.',
				});
			}
			const pdf = Buffer.from(json.PDFData, 'base64');
			item.binary = {
				[property]: await this.helpers.prepareBinaryData(
					pdf,
					pdfFileName(prefix, json[numberField]),
					'application/pdf',
				),
			};
			delete json.PDFData;
		}
		return items;
	};
}
