import type { IDataObject } from 'n8n-workflow';

/** Billbee bills calls beyond this many a month per API key … */
export const FREE_CALLS_PER_MONTH = 100_000;
/** … at this price each (EUR). */
export const PRICE_PER_CALL_EUR = 0.0005;

const MINUTES_PER_MONTH = 30 * 24 * 60;

/** How many values a cron field matches (`*`, `*\/n`, `a-b`, `a-b/n`, lists). */
function fieldCount(field: string, min: number, max: number): number {
	const values = new Set<number>();
	for (const part of field.split(',')) {
		const [range, stepText] = part.split('/');
		const step = stepText === undefined ? 1 : Math.max(1, Number(stepText));
		let from = min;
		let to = max;
		if (range !== '*' && range !== '?') {
			const [a, b] = range.split('-').map(Number);
			from = a;
			to = b === undefined ? (stepText === undefined ? a : max) : b;
		}
		if (!Number.isFinite(from) || !Number.isFinite(to)) return max - min + 1;
		for (let v = from; v <= to; v += step) values.add(v);
	}
	return values.size;
}

/** Polls a month of a cron expression (5 or 6 fields), months of 30 days. */
export function cronPollsPerMonth(expression: string): number {
	const fields = expression.trim().split(/\s+/);
	const [seconds, minutes, hours, dom, , dow] =
		fields.length === 6 ? fields : ['0', ...fields.slice(0, 4), fields[4] ?? '*'];
	const perDay = fieldCount(seconds, 0, 59) * fieldCount(minutes, 0, 59) * fieldCount(hours, 0, 23);
	const anyDom = dom === '*' || dom === '?';
	const anyDow = dow === undefined || dow === '*' || dow === '?';
	let days = 30;
	if (!anyDom && anyDow) days = fieldCount(dom, 1, 31) * (30 / 31);
	else if (anyDom && !anyDow) days = (fieldCount(dow, 0, 6) * 30) / 7;
	else if (!anyDom && !anyDow)
		days = Math.min(30, fieldCount(dom, 1, 31) + (fieldCount(dow, 0, 6) * 30) / 7);
	return perDay * days;
}

/** Polls a month of one Poll Times entry, as n8n schedules it. */
export function pollsPerMonth(item: IDataObject): number {
	switch (item.mode) {
		case 'everyMinute':
			return MINUTES_PER_MONTH;
		case 'everyHour':
			return 30 * 24;
		case 'everyX': {
			const value = Math.max(1, Number(item.value) || 1);
			return item.unit === 'hours' ? 30 * Math.ceil(24 / value) : 30 * 24 * Math.ceil(60 / value);
		}
		case 'everyDay':
			return 30;
		case 'everyWeek':
			return 30 / 7;
		case 'everyMonth':
			return 1;
		case 'custom':
			return cronPollsPerMonth(String(item.cronExpression ?? ''));
		default:
			return 0;
	}
}

/** Calls a month when every poll is idle (one call each), for n8n's `pollTimes` parameter. */
export function callsPerMonth(pollTimes: IDataObject | undefined): number {
	const items = (pollTimes?.item as IDataObject[] | undefined) ?? [];
	return Math.round(items.reduce((sum, item) => sum + pollsPerMonth(item), 0));
}

/** e.g. "≈ 43,200 calls a month (idle), of 100,000 free; beyond: €0.0005 per call". */
export function describeCalls(pollTimes: IDataObject | undefined): string {
	const calls = callsPerMonth(pollTimes);
	const extra = Math.max(0, calls - FREE_CALLS_PER_MONTH);
	const cost =
		extra > 0
			? ` (≈ €${(extra * PRICE_PER_CALL_EUR).toFixed(2)} a month beyond the free calls)`
			: '';
	return `≈ ${calls.toLocaleString('en-US')} Billbee API calls a month when idle${cost}`;
}
