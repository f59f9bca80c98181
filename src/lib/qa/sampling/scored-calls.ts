// Which drawn calls are scored, read as key ranges of the server's view sampling/evaluations-by-call-start:
// one read per period (a draw's calls all started in it) instead of one lookup per call.
import { rangeInstants, type DateRange } from './plan-periods';

export type ScoredRow = { key: [string, string]; value: number };
/** Reads the view's rows between two instants (UTC ISO, the end excluded). */
export type ScoredRangeReader = (start: string, end: string) => Promise<ScoredRow[]>;

/** The periods merged where they touch or overlap, so no call is read twice. */
function merged(periods: readonly DateRange[]): DateRange[] {
	const sorted = [...periods].sort((a, b) => a.from.localeCompare(b.from));
	const result: DateRange[] = [];
	for (const period of sorted) {
		const last = result.at(-1);
		const dayAfterLast = last ? rangeInstants(last).end : '';
		if (last && rangeInstants(period).start <= dayAfterLast) {
			if (period.to > last.to) last.to = period.to;
		} else result.push({ ...period });
	}
	return result;
}

/** The calls of these periods with a submitted evaluation. */
export async function scoredCallsIn(
	periods: readonly DateRange[],
	read: ScoredRangeReader
): Promise<Set<string>> {
	const scored = new Set<string>();
	for (const period of merged(periods)) {
		const { start, end } = rangeInstants(period);
		for (const row of await read(start, end)) if (row.value === 1) scored.add(row.key[1]);
	}
	return scored;
}
