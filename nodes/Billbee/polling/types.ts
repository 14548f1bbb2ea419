import type { IDataObject, IPollFunctions } from 'n8n-workflow';

/** What a poll knows besides the saved cursor. */
export interface PollSettings {
	/** n8n's clock at the start of the poll; only used for upper bounds and first windows. */
	now: number;
	/** Stop fetching further pages after this time (n8n's poll budget). */
	deadline: number;
	/** Start from this date instead of "now" on first activation (ISO). */
	startFrom?: string;
	/** orderStateChanged: the chosen states. */
	states: number[];
}

export interface PollResult {
	records: IDataObject[];
	/** The cursor after this poll; saved only when the poll succeeds. */
	cursor: IDataObject;
}

/** One event of the trigger: how it starts, polls and samples its Billbee listing. */
export interface EventSource {
	/** The cursor at first activation ("start now", or the chosen start date). */
	start(ctx: IPollFunctions, settings: PollSettings): Promise<IDataObject>;
	poll(ctx: IPollFunctions, cursor: IDataObject, settings: PollSettings): Promise<PollResult>;
	/** Manual mode: a few of the most recent matching records, cursor untouched. */
	sample(ctx: IPollFunctions, settings: PollSettings): Promise<IDataObject[]>;
}

/** Records shown by "Fetch Test Event". */
export const SAMPLE_SIZE = 3;
