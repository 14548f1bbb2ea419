import type { ResourceSpec } from '../spec/types';
import { apiUsageResource } from './apiUsage';
import { cloudStorageResource } from './cloudStorage';
import { customerResource } from './customer';
import { customerAddressResource } from './customerAddress';
import { enumResource } from './enum';
import { eventResource } from './event';
import { layoutResource } from './layout';
import { orderResource } from './order';
import { productResource } from './product';
import { provisioningResource } from './provisioning';
import { searchResource } from './search';
import { shipmentResource } from './shipment';
import { shopAccountResource } from './shopAccount';
import { webhookResource } from './webhook';

/** Every Billbee resource, in the order the node lists them. */
export const resources: ResourceSpec[] = [
	orderResource,
	productResource,
	customerResource,
	customerAddressResource,
	shipmentResource,
	searchResource,
	eventResource,
	webhookResource,
	shopAccountResource,
	enumResource,
	layoutResource,
	cloudStorageResource,
	apiUsageResource,
	provisioningResource,
];
