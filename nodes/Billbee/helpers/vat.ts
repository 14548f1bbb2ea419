import type { INodePropertyOptions } from 'n8n-workflow';

/** Billbee's VatMode enum: how VAT is handled on an invoice. */
export const VAT_MODE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Normal, VAT Shown', value: 0, description: 'DisplayVat: regular invoice with VAT' },
	{
		name: 'Small Business, No VAT',
		value: 1,
		description: 'NoVatKleinunternehmer: small business exemption',
	},
	{
		name: 'EU Intra-Community Delivery, No VAT',
		value: 2,
		description: 'NoVatInnergemeinschaftlicheLieferung',
	},
	{ name: 'Export to Third Country, No VAT', value: 3, description: 'NoVatAusfuhrDrittland' },
	{ name: 'Margin Scheme', value: 4, description: 'NoVatDifferenzbesteuerung' },
];

/** Which of the two VAT rates applies (VatIndex, TaxIndex). */
export const VAT_INDEX_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Normal Rate (VAT 1)',
		value: 1,
		description: 'The normal VAT rate (Vat1Rate) applies',
	},
	{
		name: 'Reduced Rate (VAT 2)',
		value: 2,
		description: 'The reduced VAT rate (Vat2Rate) applies',
	},
];
