import { documentProperties, pdfToBinary, requestPdf } from '../../helpers/documents';
import type { FieldSpec, OperationSpec } from '../../spec/types';
import { orderLocator } from './fields';

const sendToCloud: FieldSpec = {
	name: 'sendToCloudId',
	label: 'Send to Cloud Storage Name or ID',
	type: 'int64',
	loadOptionsMethod: 'getCloudStorages',
	default: '',
	description: 'Also send the PDF to this cloud storage or cloud printer connected in Billbee.',
};

export const createInvoice: OperationSpec = {
	value: 'createInvoice',
	name: 'Create Invoice',
	action: 'Create an invoice for an order',
	description:
		'Create the invoice of an order; optionally download it as a PDF file, print it with another layout or send it to a cloud storage. Billbee allows one call per order every 5 minutes.',
	method: 'POST',
	path: '/orders/CreateInvoice/{id}',
	pathParams: { id: orderLocator() },
	query: [
		{
			name: 'templateId',
			label: 'Layout Name or ID',
			type: 'int64',
			loadOptionsMethod: 'getLayouts',
			default: '',
			description: 'Invoice layout to use instead of the default one.',
		},
		sendToCloud,
	],
	properties: documentProperties('invoice'),
	preSend: [requestPdf('includeInvoicePdf')],
	postReceive: [pdfToBinary('InvoiceNumber', 'invoice')],
};

export const createDeliveryNote: OperationSpec = {
	value: 'createDeliveryNote',
	name: 'Create Delivery Note',
	action: 'Create a delivery note for an order',
	description:
		'Create the delivery note of an order; optionally download it as a PDF file or send it to a cloud storage. Billbee allows one call per order every 5 minutes.',
	method: 'POST',
	path: '/orders/CreateDeliveryNote/{id}',
	pathParams: { id: orderLocator() },
	query: [sendToCloud],
	properties: documentProperties('delivery note'),
	preSend: [requestPdf('includePdf')],
	postReceive: [pdfToBinary('DeliveryNoteNumber', 'delivery-note')],
};
