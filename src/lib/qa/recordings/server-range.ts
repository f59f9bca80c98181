// Which rows of the server's recording views a filter reads: a key range, newest first. 坐席 has its own view
// so one agent's calls are read without scanning everyone's; every other filter is applied to the rows read.
import { BEIJING_OFFSET_MS } from '$lib/time';
import type { RecordingFilter } from './recording-filters';

export interface ViewRange {
	view: 'app/recordings-by-start' | 'app/recordings-by-agent';
	/** The newest end (the view is read descending); keys end with the document id, unique. */
	startkey: string[];
	endkey: string[];
}

/** UTC ISO instant of a Beijing date's start, or of the next day's start with `after`. */
function beijingDayStart(date: string, after = false): string {
	const [year, month, day] = date.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(year, month - 1, day + (after ? 1 : 0)) - BEIJING_OFFSET_MS).toISOString();
}

export function serverRange(filter: RecordingFilter): ViewRange {
	// startedAt is stored as a UTC ISO string, so string order is time order.
	const newest = filter.to ? beijingDayStart(filter.to, true) : '\ufff0';
	const oldest = filter.from ? beijingDayStart(filter.from) : '';
	if (filter.agentName)
		return {
			view: 'app/recordings-by-agent',
			startkey: [filter.agentName, newest],
			endkey: [filter.agentName, oldest]
		};
	return { view: 'app/recordings-by-start', startkey: [newest], endkey: [oldest] };
}
