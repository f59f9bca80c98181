// The editors' figures about agents' searches for one Beijing month, read from the server's views and kept
// in this browser with their time, so the screen still shows the last ones offline.
import { FEEDBACK_DB, SEARCH_LOG_DB } from '$lib/db/catalog';
import { cacheFigures, readCachedFigures, type Figures } from '$lib/db/figure-cache';
import { readServerView, type ViewStats } from '$lib/db/server-views';
import { syncBaseUrl } from '$lib/session/session.service';
import { nowIso } from '$lib/time';
import {
	searchCounts,
	suggestionCandidates,
	zeroResultQueries,
	type OpeningSums,
	type SearchCounts,
	type SimilarQuestionSuggestion,
	type ZeroResultQuery
} from './search-insights';

/** Each list is read when its tab is opened: 相似问建议 reads the larger view (a row per wording and entry). */
export type InsightsPart = 'zero' | 'suggestions';

export interface MonthInsights {
	month: string;
	counts: SearchCounts;
	zero: ZeroResultQuery[];
	/** Before the entries' own questions and the editors' decisions are taken out (done on screen). */
	candidates: SimilarQuestionSuggestion[];
}

export interface InsightsReading extends Figures<MonthInsights> {
	/** Set when the server could not be read and these are the figures kept from an earlier reading. */
	offlineReason?: string;
}

const monthRange = (month: string) => ({ startkey: [month], endkey: [month, {}] });

function lastDayOf(month: string): string {
	const [year, monthNumber] = month.split('-').map(Number) as [number, number];
	return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
}

async function readFromServer(month: string, part: InsightsPart): Promise<MonthInsights> {
	const base = syncBaseUrl();
	const [zeroRows, openedRows, dayRows] = await Promise.all([
		part === 'zero'
			? readServerView<[string, string, string], ViewStats>(base, SEARCH_LOG_DB, 'insights/zero-results', {
					...monthRange(month),
					group_level: 3
				})
			: [],
		part === 'suggestions'
			? readServerView<[string, string, string], OpeningSums>(
					base,
					SEARCH_LOG_DB,
					'insights/query-openings',
					{
						...monthRange(month),
						group_level: 3
					}
				)
			: [],
		readServerView<[string, string], number>(base, SEARCH_LOG_DB, 'insights/searches-by-day', {
			startkey: [`${month}-01`],
			endkey: [lastDayOf(month), {}],
			group_level: 2
		})
	]);
	return {
		month,
		counts: searchCounts(dayRows),
		zero: zeroResultQueries(zeroRows),
		candidates: suggestionCandidates(openedRows)
	};
}

/** The month's figures from the server, or the last kept ones (saying why) when it cannot be reached. */
export async function readMonthInsights(
	userName: string,
	month: string,
	part: InsightsPart
): Promise<InsightsReading> {
	const key = `search-insights:${month}:${part}`;
	try {
		const reading = { computedAt: nowIso(), figures: await readFromServer(month, part) };
		await cacheFigures(userName, FEEDBACK_DB, key, reading).catch(() => {});
		return reading;
	} catch (error) {
		const cached = await readCachedFigures<MonthInsights>(userName, FEEDBACK_DB, key);
		if (!cached) throw error;
		return { ...cached, offlineReason: (error as Error).message };
	}
}
