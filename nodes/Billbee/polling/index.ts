import { newInvoice } from './invoices';
import { newOrder, orderChanged, orderStateChanged } from './orders';
import { newProduct } from './products';
import { newShipment } from './shipments';
import type { EventSource } from './types';

/** The trigger's events (parameter `event`), each with its Billbee listing and cursor. */
export const EVENT_SOURCES: Record<string, EventSource> = {
	newOrder,
	orderChanged,
	orderStateChanged,
	newShipment,
	newInvoice,
	newProduct,
};

export { callsPerMonth, describeCalls } from './calls';
export type { PollSettings } from './types';
