import type { IDataObject } from 'n8n-workflow';

import { changeStream } from './changeStream';
import { OVERLAP_MS, toQueryDate } from './cursor';

const DAY = 86_400_000;

/**
 * newInvoice: invoices and credit notes by invoice date (type and number identify one). The
 * transport keeps Billbee's extra limit (one call per page and start date per minute).
 */
export const newInvoice = changeStream({
	path: '/orders/invoices',
	minParam: 'minInvoiceDate',
	maxParam: 'maxInvoiceDate',
	pairOf(record: IDataObject) {
		const number = record.InvoiceNumber;
		const at = record.InvoiceDate;
		if (number === undefined || number === null || typeof at !== 'string') return undefined;
		return [`${String(record.Type ?? '')}:${String(number)}`, at];
	},
	overlapMs: OVERLAP_MS,
	sampleQs: (settings) => ({ minInvoiceDate: toQueryDate(settings.now - 30 * DAY) }),
});
