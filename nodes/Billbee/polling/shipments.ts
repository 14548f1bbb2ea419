import { idStream } from './idStream';

/** newShipment: shipment ids grow over time (catalog: minimumShipmentId). */
export const newShipment = idStream({
	path: '/shipment/shipments',
	minIdParam: 'minimumShipmentId',
	idField: 'BillbeeId',
	minDateParam: 'createdAtMin',
});
