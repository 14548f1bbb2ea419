'use strict';
/**
 * Deterministic seeded data for the Billbee sandbox.
 *
 * Every id that Billbee types as int64 is a BigInt above 2^53. All ids are ODD and each
 * collection steps by varying even amounts: a client that pushes an id through a double ends up
 * with an even number (doubles above 2^53 are spaced 2 or 4 apart), which never matches a record.
 *
 * Timestamps are written like Billbee does, 'YYYY-MM-DDTHH:mm:ss.SSS' without an offset; the
 * sandbox treats them as UTC.
 */

const DEFAULTS = {
	orders: 120,
	products: 40,
	customers: 30,
	seed: 20250101,
	// Seeded order dates are spread evenly over this window (all in the past).
	from: '2025-01-01T00:00:00.000Z',
	to: '2025-12-31T23:59:59.000Z',
};

// First id of every id sequence (all odd, all above 2^53 = 9007199254740992).
const ID_BASE = {
	order: 9007199254740993n,
	product: 9007199354740993n,
	customer: 9007199454740993n,
	customerAddress: 9007199554740993n,
	orderAddress: 9007199654740993n,
	orderItem: 9007199754740993n,
	shipment: 9007199854740993n,
	shop: 9007199954740993n,
	image: 9007200054740993n,
	event: 9007200154740993n,
	payment: 9007200254740993n,
	misc: 9007200354740993n, // stocks, categories, custom fields, layouts, cloud storages, providers, comments
};

// ---------------------------------------------------------------------------------------------
// small helpers
// ---------------------------------------------------------------------------------------------

/** mulberry32: tiny, fast, good enough for test data. */
function createRandom(seed) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick: (list) => list[Math.floor(next() * list.length)],
		chance: (p) => next() < p,
		digits: (n) => {
			let s = String(1 + Math.floor(next() * 9));
			while (s.length < n) s += Math.floor(next() * 10);
			return s;
		},
		hex: (n) => {
			let s = '';
			while (s.length < n) s += Math.floor(next() * 16).toString(16);
			return s;
		},
	};
}

/** 'YYYY-MM-DDTHH:mm:ss.SSS' (UTC, no offset), the format Billbee uses in responses. */
function formatDate(ms) {
	return new Date(ms).toISOString().slice(0, 23);
}

const round2 = (x) => Math.round(x * 100) / 100;

function eanChecksum(twelve) {
	let sum = 0;
	for (let i = 0; i < 12; i++) sum += Number(twelve[i]) * (i % 2 === 0 ? 1 : 3);
	return twelve + ((10 - (sum % 10)) % 10);
}

/** Id sequences: odd start, even steps of varying size (deterministic, independent of the PRNG). */
function createSequences() {
	const state = {};
	for (const [kind, base] of Object.entries(ID_BASE)) state[kind] = { last: base - 2n, count: 0 };
	return state;
}

function nextId(sequences, kind) {
	const seq = sequences[kind];
	seq.count++;
	// Steps 2, 16, 30, ... 96 in a scrambled cycle so neighbours differ in their last digits.
	const step = 2n * BigInt(1 + ((seq.count * 7) % 48));
	seq.last = seq.count === 1 ? ID_BASE[kind] : seq.last + step;
	return seq.last;
}

// ---------------------------------------------------------------------------------------------
// static pools (strings deliberately include quotes, backslashes and non-ASCII characters)
// ---------------------------------------------------------------------------------------------

const FIRST_NAMES = [
	'Anna',
	'Jürgen',
	'Zoë',
	'Søren',
	'Małgorzata',
	'José',
	'Chloé',
	'Ömer',
	'Li',
	'Björn',
	'Åsa',
	'Noah',
	'Fatma',
	'Renée',
	'Dmitrij',
	'Kōji',
];
const LAST_NAMES = [
	'Müller',
	"O'Brien",
	'Schmidt',
	'Nguyễn',
	'Weiß',
	'García',
	'Kowalski',
	'Şahin',
	'Dubois',
	'Meier "Mausi"',
	'Øverby',
	'Smith',
	'Straße-Huber',
	'山田',
];
const STREETS = [
	'Hauptstraße',
	'Königsallee',
	"Rue de l'Église",
	'Main Street',
	'Bahnhofstr.',
	'Ölmühlenweg',
	'Via Roma',
	'Grüner Weg',
];
const PLACES = [
	{ zip: '10115', city: 'Berlin', iso: 'DE', country: 'Deutschland' },
	{ zip: '80331', city: 'München', iso: 'DE', country: 'Deutschland' },
	{ zip: '50667', city: 'Köln', iso: 'DE', country: 'Deutschland' },
	{ zip: '1010', city: 'Wien', iso: 'AT', country: 'Österreich' },
	{ zip: '8001', city: 'Zürich', iso: 'CH', country: 'Schweiz' },
	{ zip: '75001', city: 'Paris', iso: 'FR', country: 'France' },
	{ zip: 'SW1A 1AA', city: 'London', iso: 'GB', country: 'United Kingdom' },
	{ zip: '10001', city: 'New York', iso: 'US', country: 'United States', state: 'NY' },
];
const PRODUCT_NAMES = [
	['T-Shirt „Classic“', 'T-shirt "Classic"'],
	['Kaffeebecher 0,3 l', 'Coffee mug 0.3 l'],
	['Müsli Bio 500 g', 'Organic muesli 500 g'],
	['Ledergürtel', 'Leather belt'],
	['Notizbuch A5 (kariert)', 'Notebook A5 (squared)'],
	['Schlüsselanhänger ♥', 'Key ring ♥'],
	['Trinkflasche 750 ml', 'Water bottle 750 ml'],
	['Socken 3er-Pack', 'Socks 3-pack'],
	['Kerze "Vanille"', 'Candle "Vanilla"'],
	['Rucksack Wanderlust', 'Backpack Wanderlust'],
];
const TAG_POOL = ['express', 'gift', 'wholesale', 'prio "A"', 'Rückläufer', 'b2b'];
const SELLER_COMMENTS = [
	'Bitte "vorsichtig" liefern – danke! 😀',
	'Backslash \\ und Tab\tim Text',
	'Kunde wünscht Geschenkverpackung 🎁',
	'Line one\nline two',
	'',
	null,
];

// Order states with weights: a realistic mix that still contains every interesting state.
const STATE_WEIGHTS = [
	[1, 14],
	[2, 8],
	[3, 18],
	[4, 28],
	[7, 10],
	[8, 5],
	[13, 5],
	[16, 4],
	[5, 2],
	[11, 2],
	[14, 2],
	[15, 2],
];

const SHOP_TEMPLATES = [
	{ Name: 'Amazon DE', Platform: 'Amazon', AccountType: 1 },
	{ Name: 'Shopify «Müller & Söhne»', Platform: 'Shopify', AccountType: 3 },
	{ Name: 'eBay "Outlet"', Platform: 'Ebay', AccountType: 2 },
	{ Name: 'TikTok Shop', Platform: 'TikTok', AccountType: 71 },
];

/** Values for the two dynamic enums whose real contents are unknown (sandbox inventions). */
const SANDBOX_ENUMS = {
	shopAccountType: [
		{ Id: 1, Name: 'Amazon' },
		{ Id: 2, Name: 'Ebay' },
		{ Id: 3, Name: 'Shopify' },
		{ Id: 4, Name: 'Shopware' },
		{ Id: 5, Name: 'WooCommerce' },
		{ Id: 71, Name: 'TikTok' },
		{ Id: 2147483647, Name: 'Manual' },
	],
	accountSyncState: [
		{ Id: 0, Name: 'Unknown' },
		{ Id: 1, Name: 'Running' },
		{ Id: 2, Name: 'Success' },
		{ Id: 254, Name: 'Warning' },
		{ Id: 255, Name: 'Error' },
	],
};

// ---------------------------------------------------------------------------------------------
// generator
// ---------------------------------------------------------------------------------------------

function generateData(options = {}) {
	const opts = { ...DEFAULTS };
	for (const k of Object.keys(DEFAULTS))
		if (options[k] !== undefined && options[k] !== null) opts[k] = options[k];
	const rnd = createRandom(Number(opts.seed) || 1);
	const seq = createSequences();
	const id = (kind) => nextId(seq, kind);
	const fromMs = Date.parse(opts.from);
	const toMs = Date.parse(opts.to);

	// --- static account data ---------------------------------------------------------------
	const shops = SHOP_TEMPLATES.map((s, i) => ({
		Id: id('shop'),
		AccountType: s.AccountType,
		Name: s.Name,
		LastSyncDate: formatDate(toMs - i * 3600_000),
		LastSyncState: i === 2 ? 254 : 2,
	}));
	const shopPlatform = new Map(shops.map((s, i) => [s.Id, SHOP_TEMPLATES[i].Platform]));

	const stocks = [
		{ Id: id('misc'), Name: 'Hauptlager', Description: 'Default stock', IsDefault: true },
		{
			Id: id('misc'),
			Name: 'Außenlager "Nord"',
			Description: 'Overflow warehouse',
			IsDefault: false,
		},
	];
	const categories = ['Bekleidung', 'Küche & Haushalt', 'Lebensmittel', 'Büro'].map((Name) => ({
		Id: id('misc'),
		Name,
	}));
	const customFields = [
		{ Id: id('misc'), Name: 'Material', Configuration: {}, Type: 0, IsNullable: true },
		{ Id: id('misc'), Name: 'Pflegehinweis', Configuration: {}, Type: 1, IsNullable: true },
		{
			Id: id('misc'),
			Name: 'Größe',
			Configuration: { Choices: ['S', 'M', 'L', 'XL'] },
			Type: 3,
			IsNullable: false,
		},
	];
	const layouts = [
		{ Id: id('misc'), Name: 'Rechnung Standard', Type: 0 },
		{ Id: id('misc'), Name: 'Versandlabel', Type: 1 },
		{ Id: id('misc'), Name: 'Lieferschein "kompakt"', Type: 2 },
		{ Id: id('misc'), Name: 'Auftragsbestätigung', Type: 3 },
	];
	const cloudStorages = [
		{ Id: id('misc'), Name: 'Dropbox Rechnungen', Type: 'Dropbox', UsedAsPrinter: false },
		{ Id: id('misc'), Name: 'Lager-Drucker', Type: 'GoogleCloudPrint', UsedAsPrinter: true },
	];
	const shippingProviders = [
		{
			id: id('misc'),
			name: 'DHL',
			products: [
				{ id: id('misc'), displayName: 'DHL Paket', productName: 'V01PAK' },
				{ id: id('misc'), displayName: 'DHL Warenpost', productName: 'V62WP' },
			],
		},
		{
			id: id('misc'),
			name: 'DPD',
			products: [{ id: id('misc'), displayName: 'DPD Classic', productName: 'CL' }],
		},
		{
			id: id('misc'),
			name: 'Deutsche Post',
			products: [{ id: id('misc'), displayName: 'Brief Kompakt', productName: 'BK' }],
		},
		{
			id: id('misc'),
			name: 'UPS',
			products: [{ id: id('misc'), displayName: 'UPS Standard', productName: '11' }],
		},
	];
	const providerCarrier = [2, 4, 7, 5]; // ShippingCarrier enum value per provider above

	// --- products ------------------------------------------------------------------------------
	const products = [];
	const productCreatedAt = new Map(); // id string -> creation date (ArticleApiModel has no such field)
	for (let i = 0; i < opts.products; i++) {
		const pid = id('product');
		const [de, en] = PRODUCT_NAMES[i % PRODUCT_NAMES.length];
		const variant = Math.floor(i / PRODUCT_NAMES.length);
		const price = round2(rnd.int(299, 8999) / 100);
		const mainStock = rnd.int(0, 250);
		const sku = `SKU-${String(1001 + i)}`;
		const images = [];
		for (let k = 0, n = i % 3; k < n; k++) {
			const imgId = id('image');
			images.push({
				Url: `https://images.example.com/${sku}/${k + 1}.jpg`,
				Id: imgId,
				ThumbPathExt: `.thumb.jpg`,
				ThumbUrl: `https://images.example.com/${sku}/${k + 1}.thumb.jpg`,
				Position: k + 1,
				IsDefault: k === 0,
				ArticleId: pid,
			});
		}
		const category = categories[i % categories.length];
		products.push({
			InvoiceText: [{ Text: de, LanguageCode: 'DE' }],
			Manufacturer: i % 4 === 0 ? 'Acme "Best" GmbH' : 'Billbee Sandbox Manufaktur',
			Id: pid,
			Title: [
				{ Text: variant ? `${de} V${variant + 1}` : de, LanguageCode: 'DE' },
				{ Text: variant ? `${en} V${variant + 1}` : en, LanguageCode: 'EN' },
			],
			Description: [
				{ Text: `<p>${de}: Beschreibung mit Ümläuten & "Zitaten".</p>`, LanguageCode: 'DE' },
			],
			ShortDescription: [{ Text: de, LanguageCode: 'DE' }],
			BasicAttributes: [],
			Images: images,
			VatIndex: i % 5 === 2 ? 2 : 1,
			Price: price,
			CostPrice: round2(price * 0.45),
			Vat1Rate: 19,
			Vat2Rate: 7,
			StockDesired: 100,
			StockCurrent: mainStock,
			StockWarning: 10,
			SKU: sku,
			EAN: eanChecksum(`40${String(12345000 + i * 37).padStart(10, '0')}`),
			Materials: [],
			Tags: i % 6 === 0 ? [{ Text: 'bestseller', LanguageCode: 'DE' }] : [],
			Sources: [
				{
					Id: 1000 + i,
					Source: 'Shopify',
					SourceId: rnd.digits(13),
					ApiAccountName: shops[1].Name,
					ApiAccountId: shops[1].Id,
					ExportFactor: 1,
					StockSyncInactive: false,
					StockSyncMin: null,
					StockSyncMax: null,
					UnitsPerItem: null,
					Custom: {},
				},
			],
			Weight: rnd.int(50, 2500),
			WeightNet: null,
			LowStock: mainStock < 10,
			StockCode: `R${1 + (i % 9)}-F${1 + (i % 4)}`,
			StockReduceItemsPerSale: 1,
			Stocks: [
				{
					Name: stocks[0].Name,
					StockId: stocks[0].Id,
					StockCurrent: mainStock,
					StockCurrentIsCalculated: false,
					StockWarning: 10,
					StockCode: `R${1 + (i % 9)}-F${1 + (i % 4)}`,
					UnfulfilledAmount: 0,
					StockDesired: 100,
				},
				{
					Name: stocks[1].Name,
					StockId: stocks[1].Id,
					StockCurrent: rnd.int(0, 40),
					StockCurrentIsCalculated: false,
					StockWarning: 0,
					StockCode: null,
					UnfulfilledAmount: 0,
					StockDesired: 0,
				},
			],
			Category1: { Name: category.Name, Id: category.Id },
			Category2: null,
			Category3: null,
			Type: 1,
			Unit: 1,
			UnitsPerItem: 1,
			SoldAmount: 0,
			SoldSumGross: 0,
			SoldSumNet: 0,
			SoldSumNetLast30Days: 0,
			SoldSumGrossLast30Days: 0,
			SoldAmountLast30Days: 0,
			ShippingProductId: null,
			IsDigital: false,
			IsCustomizable: false,
			DeliveryTime: 1,
			Recipient: null,
			Occasion: null,
			CountryOfOrigin: 'DE',
			ExportDescription: null,
			ExportDescriptionMultiLanguage: [],
			TaricNumber: '61091000',
			Condition: 1,
			WidthCm: 20,
			LengthCm: 30,
			HeightCm: 5,
			BillOfMaterial: [],
			CustomFields:
				i % 2 === 0
					? [
							{
								Id: id('misc'),
								DefinitionId: customFields[0].Id,
								Definition: customFields[0],
								ArticleId: pid,
								Value: i % 4 === 0 ? 'Baumwolle' : 'Polyester',
							},
						]
					: [],
			IsDeactivated: false,
		});
		productCreatedAt.set(String(pid), formatDate(fromMs - (opts.products - i) * 86400_000));
	}

	// --- customers and their addresses ---------------------------------------------------------
	const customers = [];
	const customerAddresses = [];
	for (let i = 0; i < opts.customers; i++) {
		const cid = id('customer');
		const first = FIRST_NAMES[i % FIRST_NAMES.length];
		const last = LAST_NAMES[(i * 5) % LAST_NAMES.length];
		const email = `kunde${i + 1}@example.org`;
		const metaMail = { Id: id('misc'), TypeId: 1, TypeName: 'EMail', SubType: null, Value: email };
		const company = i % 4 === 0 ? `${last} & Partner GmbH` : null;
		customers.push({
			Id: cid,
			Name: company || `${first} ${last}`,
			Email: email,
			Tel1: `+49 30 ${rnd.digits(7)}`,
			Tel2: null,
			Number: 10000 + i,
			PriceGroupId: null,
			LanguageId: i % 3 === 0 ? 2 : 1,
			DefaultMailAddress: metaMail,
			DefaultCommercialMailAddress: null,
			DefaultStatusUpdatesMailAddress: null,
			DefaultPhone1: null,
			DefaultPhone2: null,
			DefaultFax: null,
			VatId: company ? `DE${rnd.digits(9)}` : null,
			Type: company ? 1 : 0,
			MetaData: [metaMail],
			ArchivedAt: null,
			RestoredAt: null,
		});
		const addressCount = 1 + (i % 2);
		for (let k = 0; k < addressCount; k++) {
			const place = PLACES[(i + k) % PLACES.length];
			customerAddresses.push({
				Id: id('customerAddress'),
				AddressType: k === 0 ? 1 : 2,
				CustomerId: cid,
				Company: company,
				FirstName: first,
				LastName: last,
				Name2: null,
				Street: STREETS[(i + k) % STREETS.length],
				Housenumber: String(1 + ((i * 7 + k) % 120)) + (i % 5 === 0 ? 'a' : ''),
				Zip: place.zip,
				City: place.city,
				State: place.state || null,
				CountryCode: place.iso,
				Email: email,
				Tel1: null,
				Tel2: null,
				Fax: null,
				AddressAddition: k === 1 ? 'c/o Packstation 123' : null,
				ArchivedAt: null,
				RestoredAt: null,
			});
		}
	}
	const addressesByCustomer = new Map();
	for (const a of customerAddresses) {
		const list = addressesByCustomer.get(a.CustomerId) || [];
		list.push(a);
		addressesByCustomer.set(a.CustomerId, list);
	}

	// --- orders, shipments, invoices, events -----------------------------------------------------
	const orders = [];
	const shipments = [];
	const invoices = [];
	const events = [];
	const stateTotal = STATE_WEIGHTS.reduce((s, [, w]) => s + w, 0);
	const pickState = () => {
		let r = rnd.next() * stateTotal;
		for (const [state, w] of STATE_WEIGHTS) if ((r -= w) < 0) return state;
		return 1;
	};
	const span = Math.max(1, toMs - fromMs);
	let invoiceNumber = 1000;
	let previousDate = fromMs;

	for (let i = 0; i < opts.orders; i++) {
		const oid = id('order');
		// Every 25th order shares the exact timestamp of its predecessor (tests the id tie-break).
		const orderMs =
			i > 0 && i % 25 === 0
				? previousDate
				: Math.floor(fromMs + ((i + rnd.next() * 0.8) * span) / opts.orders);
		previousDate = orderMs;

		const shop = shops[i % shops.length];
		const platform = shopPlatform.get(shop.Id);
		const customer = customers[(i * 7) % customers.length];
		const addrs = addressesByCustomer.get(customer.Id);
		const state = pickState();
		const currency = i % 11 === 5 ? 'CHF' : i % 13 === 7 ? 'GBP' : 'EUR';

		let externalId;
		let orderNumber;
		if (platform === 'Amazon') {
			externalId = `${rnd.digits(3)}-${rnd.digits(7)}-${rnd.digits(7)}`;
			orderNumber = externalId;
		} else if (platform === 'Shopify') {
			externalId = rnd.digits(13);
			orderNumber = `#${5000 + i}`;
		} else if (platform === 'Ebay') {
			externalId = `${rnd.digits(2)}-${rnd.digits(5)}-${rnd.digits(5)}`;
			orderNumber = externalId;
		} else {
			// TikTok order ids are 18-19 digit numbers, delivered as strings: must stay untouched.
			externalId = rnd.digits(19);
			orderNumber = externalId;
		}

		const items = [];
		let itemsTotal = 0;
		for (let k = 0, n = 1 + (i % 3); k < n; k++) {
			const p = products[(i * 3 + k * 11) % products.length];
			const qty = 1 + ((i + k) % 3);
			const total = round2(p.Price * qty);
			const tax = round2(total - total / (p.VatIndex === 2 ? 1.07 : 1.19));
			itemsTotal += total;
			items.push({
				BillbeeId: id('orderItem'),
				TransactionId: platform === 'Ebay' ? rnd.digits(12) : null,
				Product: {
					OldId: null,
					Id: p.Sources[0].SourceId,
					Title: p.Title[0].Text,
					Weight: p.Weight,
					SKU: p.SKU,
					SkuOrId: p.SKU,
					IsDigital: false,
					Images: [],
					EAN: p.EAN,
					PlatformData: null,
					TARICCode: p.TaricNumber,
					CountryOfOrigin: 'DE',
					BillbeeId: p.Id,
					Type: 1,
				},
				Quantity: qty,
				TotalPrice: total,
				TaxAmount: tax,
				TaxIndex: p.VatIndex,
				Discount: 0,
				Attributes:
					k === 0 && i % 4 === 1
						? [{ Id: rnd.digits(6), Name: 'Größe', Value: 'M', Price: 0 }]
						: [],
				GetPriceFromArticleIfAny: false,
				IsCoupon: false,
				ShippingProfileId: null,
				DontAdjustStock: false,
				UnrebatedTotalPrice: total,
				SerialNumber: null,
				InvoiceSKU: p.SKU,
			});
		}
		const shippingCost = itemsTotal >= 50 ? 0 : 4.9;
		const totalCost = round2(itemsTotal + shippingCost);

		const createdMs = orderMs + rnd.int(5, 600) * 1000;
		const paid = [3, 4, 7, 13, 16, 5].includes(state);
		const shipped = [4, 7, 5].includes(state);
		const confirmedMs = state !== 1 && state !== 14 ? createdMs + 1800_000 : null;
		const paidMs = paid ? createdMs + rnd.int(1, 48) * 3600_000 : null;
		const shippedMs = shipped ? (paidMs || createdMs) + rnd.int(4, 72) * 3600_000 : null;
		const updatedMs =
			Math.max(createdMs, confirmedMs || 0, paidMs || 0, shippedMs || 0) + rnd.int(0, 3600) * 1000;

		const orderAddress = (a) => ({
			BillbeeId: id('orderAddress'),
			FirstName: a.FirstName,
			LastName: a.LastName,
			Company: a.Company,
			NameAddition: null,
			Street: a.Street,
			HouseNumber: a.Housenumber,
			Zip: a.Zip,
			City: a.City,
			CountryISO2: a.CountryCode,
			Country: PLACES.find((p) => p.iso === a.CountryCode).country,
			Line2: a.AddressAddition,
			Email: a.Email,
			State: a.State,
			Phone: null,
		});

		const tags = [];
		if (rnd.chance(0.2)) tags.push('vip');
		if (rnd.chance(0.25)) tags.push(rnd.pick(TAG_POOL));
		if (i % 9 === 4 && !tags.includes('gift')) tags.push('gift');

		let sellerComment = SELLER_COMMENTS[i % SELLER_COMMENTS.length];
		if (platform === 'TikTok') sellerComment = `TikTokOrderID:${rnd.digits(21)}`;

		const provider = shippingProviders[i % shippingProviders.length];
		const orderShipments = [];
		if (shipped) {
			const shippingId = `00340434${rnd.digits(12)}`;
			const shipment = {
				BillbeeId: id('shipment'),
				ShippingId: shippingId,
				Shipper: provider.name,
				Created: formatDate(shippedMs),
				TrackingUrl: `https://tracking.example.com/${encodeURIComponent(provider.name)}/${shippingId}`,
				ShippingProviderId: provider.id,
				ShippingProviderProductId: provider.products[0].id,
				ShippingCarrier: providerCarrier[i % shippingProviders.length],
				ShipmentType: 0,
			};
			orderShipments.push(shipment);
			shipments.push({ ...shipment, OrderId: oid });
		}

		const hasInvoice = paid && i % 6 !== 0;
		const invoiceMs = hasInvoice ? paidMs + 600_000 : null;
		const number = hasInvoice ? ++invoiceNumber : null;

		const history = [
			{
				Created: formatDate(createdMs),
				EventTypeName: 'Auftrag importiert',
				Text: `Import von ${shop.Name}`,
				EmployeeName: null,
				TypeId: 0,
			},
		];
		events.push({
			Id: id('event'),
			Created: formatDate(createdMs),
			TypeId: 0,
			TypeText: 'Auftrag importiert',
			EmployeeId: null,
			EmployeeName: null,
			OrderId: oid,
		});
		if (paidMs) {
			history.push({
				Created: formatDate(paidMs),
				EventTypeName: 'Zahlung erhalten',
				Text: `${totalCost} ${currency}`,
				EmployeeName: null,
				TypeId: 13,
			});
			events.push({
				Id: id('event'),
				Created: formatDate(paidMs),
				TypeId: 13,
				TypeText: 'Zahlung erhalten',
				EmployeeId: null,
				EmployeeName: null,
				OrderId: oid,
			});
		}
		if (shippedMs) {
			history.push({
				Created: formatDate(shippedMs),
				EventTypeName: 'Versendet',
				Text: provider.name,
				EmployeeName: 'Lager',
				TypeId: 12,
			});
			events.push({
				Id: id('event'),
				Created: formatDate(shippedMs),
				TypeId: 12,
				TypeText: 'Versendet',
				EmployeeId: 1,
				EmployeeName: 'Lager',
				OrderId: oid,
			});
		}

		const order = {
			RebateDifference: 0,
			ShippingIds: orderShipments,
			AcceptLossOfReturnRight: false,
			Id: externalId,
			OrderNumber: orderNumber,
			State: state,
			VatMode: 0,
			OrderDate: formatDate(orderMs),
			CreatedAt: formatDate(createdMs),
			ShippedAt: shippedMs ? formatDate(shippedMs) : null,
			ConfirmedAt: confirmedMs ? formatDate(confirmedMs) : null,
			PayedAt: paidMs ? formatDate(paidMs) : null,
			SellerComment: sellerComment,
			Comments:
				i % 10 === 3
					? [
							{
								Id: id('misc'),
								FromCustomer: true,
								Text: 'Können Sie "schnell" liefern?',
								Name: customer.Name,
								Created: formatDate(createdMs),
							},
						]
					: [],
			InvoiceNumberPrefix: hasInvoice ? 'RE-' : null,
			InvoiceNumberPostfix: null,
			InvoiceNumber: number,
			InvoiceDate: invoiceMs ? formatDate(invoiceMs) : null,
			InvoiceAddress: orderAddress(addrs[0]),
			ShippingAddress: orderAddress(addrs[addrs.length - 1]),
			PaymentMethod: [1, 3, 19, 22][i % 4],
			ShippingCost: shippingCost,
			TotalCost: totalCost,
			AdjustmentCost: 0,
			AdjustmentReason: null,
			OrderItems: items,
			Currency: currency,
			Seller: {
				Platform: platform,
				BillbeeShopName: shop.Name,
				BillbeeShopId: shop.Id,
				Id: null,
				Nick: null,
				FirstName: null,
				LastName: null,
				FullName: null,
				Email: null,
			},
			Buyer: {
				Platform: platform,
				BillbeeShopName: shop.Name,
				BillbeeShopId: shop.Id,
				Id: rnd.digits(8),
				Nick: `${addrs[0].FirstName.toLowerCase()}_${i}`,
				FirstName: addrs[0].FirstName,
				LastName: addrs[0].LastName,
				FullName: `${addrs[0].FirstName} ${addrs[0].LastName}`,
				Email: customer.Email,
			},
			UpdatedAt: formatDate(updatedMs),
			TaxRate1: 19,
			TaxRate2: 7,
			BillBeeOrderId: oid,
			BillBeeParentOrderId: null,
			VatId: customer.VatId,
			Tags: tags,
			ShipWeightKg: round2(items.reduce((s, it) => s + it.Product.Weight * it.Quantity, 0) / 1000),
			LanguageCode: customer.LanguageId === 2 ? 'en' : 'de',
			PaidAmount: paid ? totalCost : 0,
			ShippingProfileId: null,
			ShippingProviderId: provider.id,
			ShippingProviderProductId: provider.products[0].id,
			ShippingProviderName: provider.name,
			ShippingProviderProductName: provider.products[0].displayName,
			ShippingProfileName: null,
			PaymentInstruction: null,
			IsCancelationFor: null,
			PaymentTransactionId: paid ? `TX-${rnd.hex(12).toUpperCase()}` : null,
			DistributionCenter: null,
			DeliverySourceCountryCode: 'DE',
			CustomInvoiceNote: null,
			CustomerNumber: String(customer.Number),
			PaymentReference: `Bestellung ${orderNumber}`,
			ShippingServices: [],
			Customer: customer,
			History: history,
			Payments: paid
				? [
						{
							BillbeeId: id('payment'),
							TransactionId: `TX-${rnd.hex(10)}`,
							PayDate: formatDate(paidMs),
							PaymentType: [1, 3, 19, 22][i % 4],
							SourceTechnology: 'api',
							SourceText: platform,
							PayValue: totalCost,
							Purpose: orderNumber,
							Name: customer.Name,
						},
					]
				: [],
			LastModifiedAt: formatDate(updatedMs),
			ArchivedAt: null,
			RestoredAt: null,
			ApiAccountId: shop.Id,
			ApiAccountName: shop.Name,
			MerchantVatId: 'DE123456789',
			CustomerVatId: customer.VatId,
			IsFromBillbeeApi: false,
			WebUrl: `https://app.billbee.io/app_v2/order/${oid}`,
		};
		orders.push(order);
		if (hasInvoice) invoices.push(buildInvoice(order, shop.Name));
	}

	return {
		shops,
		orders,
		products,
		productCreatedAt,
		customers,
		customerAddresses,
		shipments,
		invoices,
		events,
		stocks,
		categories,
		customFields,
		layouts,
		cloudStorages,
		shippingProviders,
		webhooks: [],
		deliveryNotes: [],
		messages: [],
		accounts: [],
		enums: SANDBOX_ENUMS,
		sequences: seq,
	};
}

/** InvoiceApiModel for an order that has InvoiceNumber/InvoiceDate set. */
function buildInvoice(order, shopName) {
	const net = round2(
		order.OrderItems.reduce((s, it) => s + it.TotalPrice - it.TaxAmount, 0) +
			order.ShippingCost / 1.19,
	);
	const inv = order.InvoiceAddress || {};
	return {
		InvoiceNumber: `${order.InvoiceNumberPrefix || ''}${order.InvoiceNumber}${order.InvoiceNumberPostfix || ''}`,
		Type: 'invoice',
		Title: null,
		Salutation: null,
		LastName: inv.LastName || null,
		FirstName: inv.FirstName || null,
		Company: inv.Company || null,
		CustomerNumber: Number(order.CustomerNumber) || null,
		DebtorNumber: null,
		InvoiceDate: order.InvoiceDate,
		TotalNet: net,
		Currency: order.Currency,
		TotalGross: order.TotalCost,
		PaymentTypeId: order.PaymentMethod,
		OrderNumber: order.OrderNumber,
		TransactionId: order.PaymentTransactionId,
		Email: inv.Email || null,
		ShopName: shopName || (order.Seller && order.Seller.BillbeeShopName) || null,
		Positions: order.OrderItems.map((it, idx) => ({
			Position: idx + 1,
			Amount: it.Quantity,
			NetValue: round2((it.TotalPrice - it.TaxAmount) / (it.Quantity || 1)),
			TotalNetValue: round2(it.TotalPrice - it.TaxAmount),
			GrossValue: round2(it.TotalPrice / (it.Quantity || 1)),
			TotalGrossValue: it.TotalPrice,
			VatRate: it.TaxIndex === 2 ? 7 : 19,
			ArticleBillbeeId: null,
			Sku: it.Product && it.Product.SKU,
			Title: it.Product && it.Product.Title,
			BillbeeId: it.BillbeeId,
			TotalVatAmount: it.TaxAmount,
			RebatePercent: 0,
		})),
		PayDate: order.PayedAt,
		VatMode: order.VatMode,
		BillbeeId: order.BillBeeOrderId,
		ShippingCountry: order.ShippingAddress ? order.ShippingAddress.CountryISO2 : null,
		AdditionalFees: order.ShippingCost
			? [
					{
						Type: 'Shipping',
						Gross: order.ShippingCost,
						Net: round2(order.ShippingCost / 1.19),
						VatAmount: round2(order.ShippingCost - order.ShippingCost / 1.19),
						VatRate: 19,
					},
				]
			: [],
		MerchantVatId: order.MerchantVatId,
		CustomerVatId: order.CustomerVatId,
		VatFlags: null,
	};
}

/**
 * A small valid one-page PDF (correct xref offsets) with a few lines of ASCII text.
 * Returned as a Buffer.
 */
function makePdf(lines) {
	const esc = (s) =>
		String(s)
			.replace(/[^\x20-\x7e]/g, '?')
			.replace(/[\\()]/g, (c) => `\\${c}`);
	const text = lines
		.map((l, i) => `BT /F1 ${i === 0 ? 18 : 11} Tf 56 ${780 - i * 22} Td (${esc(l)}) Tj ET`)
		.join('\n');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let out = '%PDF-1.4\n';
	const offsets = [];
	objects.forEach((body, i) => {
		offsets.push(Buffer.byteLength(out));
		out += `${i + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xrefAt = Buffer.byteLength(out);
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}

module.exports = {
	generateData,
	nextId,
	formatDate,
	buildInvoice,
	makePdf,
	createRandom,
	ID_BASE,
	DEFAULTS,
	round2,
};
