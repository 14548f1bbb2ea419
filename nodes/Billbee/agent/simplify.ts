import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
	PostReceiveAction,
} from 'n8n-workflow';

import { resolveOrderState } from '../methods/orderStates';

/**
 * "Simplify": a small, documented shape of the records an AI model (or a person) usually
 * needs, instead of Billbee's full models (an order is about 5 KB of JSON). Ids are strings
 * with every digit. On by default in the tool variant, off in the regular node.
 */
export const SIMPLIFY_PARAMETER = 'simplify';

type Json = IDataObject | null | undefined;
type Shape = (record: IDataObject) => IDataObject;

const text = (value: unknown): string | null =>
	value === undefined || value === null || value === '' ? null : String(value);
const id = text;
const number = (value: unknown): number | null =>
	typeof value === 'number' ? value : value === undefined || value === null ? null : Number(value);
const object = (value: unknown): IDataObject =>
	(value && typeof value === 'object' ? value : {}) as IDataObject;
const list = (value: unknown): IDataObject[] =>
	Array.isArray(value) ? (value as IDataObject[]) : [];

/** The text of a multi-language field (Billbee's TranslatableText list), first language first. */
function translated(value: unknown): string | null {
	if (!Array.isArray(value)) return text(value);
	const first = (value as IDataObject[]).find((entry) => text(entry?.Text));
	return first ? text(first.Text) : null;
}

function fullName(person: Json): string | null {
	if (!person) return null;
	const parts = [person.FirstName, person.LastName].filter((p) => text(p));
	return (
		text(person.FullName) ?? (parts.length ? parts.join(' ') : text(person.Name ?? person.Company))
	);
}

export function compactOrder(order: IDataObject): IDataObject {
	const seller = object(order.Seller);
	const buyer = object(order.Buyer);
	const invoiceAddress = object(order.InvoiceAddress);
	const customer = object(order.Customer);
	const state = number(order.State);
	return {
		id: id(order.BillBeeOrderId ?? order.Id),
		orderNumber: text(order.OrderNumber),
		state: state === null ? null : (resolveOrderState(state)?.name.toLowerCase() ?? String(state)),
		stateId: state,
		shop: text(seller.BillbeeShopName ?? order.ApiAccountName),
		shopId: id(seller.BillbeeShopId ?? order.ApiAccountId),
		orderedAt: text(order.OrderDate ?? order.CreatedAt),
		paidAt: text(order.PayedAt),
		shippedAt: text(order.ShippedAt),
		total: number(order.TotalCost),
		currency: text(order.Currency),
		buyer: {
			name: fullName(buyer) ?? fullName(invoiceAddress) ?? text(customer.Name),
			email: text(buyer.Email ?? invoiceAddress.Email ?? customer.Email),
		},
		items: list(order.OrderItems).map((item) => {
			const product = object(item.Product);
			return {
				sku: text(product.SKU),
				title: text(product.Title),
				quantity: number(item.Quantity),
			};
		}),
	};
}

export function compactProduct(product: IDataObject): IDataObject {
	return {
		id: id(product.Id),
		sku: text(product.SKU),
		ean: text(product.EAN),
		title: translated(product.Title),
		price: number(product.Price),
		stock: number(product.StockCurrent),
		category: text(object(product.Category1).Name),
	};
}

export function compactCustomer(customer: IDataObject): IDataObject {
	return {
		id: id(customer.Id),
		number: text(customer.Number),
		name: text(customer.Name),
		email: text(customer.Email),
		phone: text(customer.Tel1 ?? customer.Tel2),
	};
}

export function compactShipment(shipment: IDataObject): IDataObject {
	return {
		id: id(shipment.BillbeeId ?? shipment.Id),
		orderId: id(shipment.OrderId),
		trackingNumber: text(shipment.ShippingId),
		shipper: text(shipment.Shipper),
		createdAt: text(shipment.Created),
		trackingUrl: text(shipment.TrackingUrl),
	};
}

export function compactInvoice(invoice: IDataObject): IDataObject {
	return {
		// Not "id": an order's invoice and credit note share the order's id.
		orderId: id(invoice.BillbeeId),
		invoiceNumber: text(invoice.InvoiceNumber),
		type: text(invoice.Type),
		invoiceDate: text(invoice.InvoiceDate),
		paidAt: text(invoice.PayDate),
		orderNumber: text(invoice.OrderNumber),
		shop: text(invoice.ShopName),
		customer: {
			name: fullName(invoice) ?? text(invoice.Company),
			email: text(invoice.Email),
		},
		totalGross: number(invoice.TotalGross),
		totalNet: number(invoice.TotalNet),
		currency: text(invoice.Currency),
		items: list(invoice.Positions).map((position) => ({
			sku: text(position.Sku),
			title: text(position.Title),
			quantity: number(position.Amount),
		})),
	};
}

/** Fields without a value are left out (an unpaid order has no paidAt). */
function withoutEmpty(record: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null));
}

/** The reading operations that offer Simplify, by "resource.operation". */
const SHAPES: Record<string, Shape> = {
	'order.getAll': compactOrder,
	'order.get': compactOrder,
	'order.getByExternalReference': compactOrder,
	'order.findByPartner': compactOrder,
	'order.getInvoices': compactInvoice,
	'customer.getAll': compactCustomer,
	'customer.get': compactCustomer,
	'customer.getOrders': compactOrder,
	'product.getAll': compactProduct,
	'product.get': compactProduct,
	'shipment.getAll': compactShipment,
};

const SIMPLIFY_DESCRIPTION =
	"Whether to return a small summary of each record (ids as text, number, state, shop, dates, totals, buyer, item lines) instead of all of Billbee's fields";

/** The Simplify switch of an operation: off in the regular node, on in the tool variant. */
export function simplifyProperties(resource: string, operation: string): INodeProperties[] {
	if (!SHAPES[`${resource}.${operation}`]) return [];
	const property: INodeProperties = {
		displayName: 'Simplify',
		name: SIMPLIFY_PARAMETER,
		type: 'boolean',
		default: false,
		description: SIMPLIFY_DESCRIPTION,
	};
	return [
		{ ...property, displayOptions: { hide: { '@tool': [true] } } },
		{ ...property, default: true, displayOptions: { show: { '@tool': [true] } } },
	];
}

/** Reshapes the items of a reading operation when Simplify is on. */
export function simplifyPostReceive(resource: string, operation: string): PostReceiveAction[] {
	const shape = SHAPES[`${resource}.${operation}`];
	if (!shape) return [];
	return [
		async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
			if (this.getNodeParameter(SIMPLIFY_PARAMETER, false) !== true) return items;
			return items.map((item) => ({ ...item, json: withoutEmpty(shape(item.json)) }));
		},
	];
}
