// The reads one knowledge and front-line report needs of the `reports` views of kb, feedback and searchlog, for
// one scope and period: the browser and the CLI send the same queries, whatever answers them.
import type { Entry } from '$lib/db/generated/documents';
import { timelinessRate } from '$lib/knowledge/rules/notice-timeliness';
import { rangeInstants, type DateRange } from '$lib/qa/sampling/plan-periods';
import {
	knowledgeFigures,
	mergeCountScopes,
	monthsOf,
	RANKING_LENGTH,
	rankedCounts,
	STALE_LIST_LENGTH,
	type CountRow,
	type KnowledgeFigures,
	type KnowledgeRows,
	type StaleEntry
} from './knowledge-figures';
import { scopeKeys } from './qa-queries';
import { datesOf } from './report-periods';
import type { ReportScope } from './report-types';
import type { ReportViewRead } from './report-view-read';

export type KnowledgeDatabase = 'kb' | 'feedback' | 'searchlog';

export interface KnowledgeRead extends ReportViewRead {
	database: KnowledgeDatabase;
}

export interface KnowledgeSources {
	read: (query: KnowledgeRead) => Promise<Array<{ key: unknown; value: unknown }>>;
	/** Documents of kb by id; missing ones are left out. */
	entries: (ids: string[]) => Promise<Entry[]>;
	now: string;
}

/** Whose knowledge-base figures a scope has: the province's and a sub-platform's; a team or agent has none. */
export function hasKnowledgeScope(scope: ReportScope): boolean {
	return scope.kind === 'province' || scope.kind === 'sub';
}

type Rows = Record<keyof KnowledgeRows, CountRow<unknown[]>[]>;

function reads(scopeKey: string, period: DateRange, withKnowledge: boolean) {
	const range = (
		rows: keyof KnowledgeRows,
		database: KnowledgeDatabase,
		view: KnowledgeRead['view'],
		prefix: unknown[],
		from: string,
		to: string,
		group_level: number
	) => ({
		rows,
		query: { database, view, startkey: [...prefix, from], endkey: [...prefix, to, {}], group_level }
	});
	const months = monthsOf(period);
	const list = [
		range('feedback', 'feedback', 'reports/items', [scopeKey, 'received'], period.from, period.to, 4),
		range('feedback', 'feedback', 'reports/items', [scopeKey, 'handled'], period.from, period.to, 5),
		range('searches', 'searchlog', 'reports/searches', [scopeKey], period.from, period.to, 3)
	];
	if (withKnowledge)
		list.push(
			{
				rows: 'status',
				query: {
					database: 'kb',
					view: 'reports/entry-status',
					startkey: [scopeKey],
					endkey: [scopeKey, {}],
					group_level: 3
				}
			},
			range('changes', 'kb', 'reports/entry-changes', [scopeKey], period.from, period.to, 3),
			range(
				'unanswered',
				'searchlog',
				'reports/unanswered-queries',
				[scopeKey],
				months[0]!,
				months.at(-1)!,
				3
			),
			range('opened', 'searchlog', 'reports/opened-entries', [scopeKey], months[0]!, months.at(-1)!, 3)
		);
	return list;
}

async function readRows(
	scope: ReportScope,
	period: DateRange,
	sources: KnowledgeSources
): Promise<KnowledgeRows> {
	const keys = scopeKeys(scope);
	const rows: Rows = { status: [], changes: [], feedback: [], searches: [], unanswered: [], opened: [] };
	const all = keys.flatMap((key) => reads(key, period, hasKnowledgeScope(scope)));
	const answers = await Promise.all(all.map(({ query }) => sources.read(query)));
	// concat, not push(...rows): a year's opened entries are 200 000 rows, past the arguments a call may take.
	all.forEach(({ rows: name }, index) => {
		rows[name] = rows[name].concat(answers[index] as CountRow<unknown[]>[]);
	});
	if (keys.length > 1)
		for (const name of Object.keys(rows) as Array<keyof Rows>) rows[name] = mergeCountScopes(rows[name]);
	return rows as unknown as KnowledgeRows;
}

/** 知识库更新及时率 of the notices received in the period, from their entries' publications. */
async function noticeTimeliness(period: DateRange, sources: KnowledgeSources) {
	const notices = (await sources.read({
		database: 'kb',
		view: 'reports/notices',
		startkey: [period.from],
		endkey: [period.to, {}],
		group_level: 0
	})) as Array<{ value: { receivedAt: string; affectedEntries: string[] } }>;
	const ids = [...new Set(notices.flatMap((row) => row.value.affectedEntries))];
	const entries = ids.length > 0 ? await sources.entries(ids) : [];
	const { start, end } = rangeInstants(period);
	return timelinessRate(
		notices.map((row) => row.value),
		new Map(entries.map((entry) => [entry._id, entry])),
		start,
		end,
		new Date(sources.now)
	);
}

const STALE_PAGE = 500;
/** Pages of published entries looked through for unopened ones: the list stops after 10 000 entries. */
const STALE_PAGES = 20;

/** Published entries of the scope nobody opened, the longest unreviewed first (at most STALE_LIST_LENGTH). */
async function staleUnopened(
	scopeKey: string,
	opened: ReadonlySet<string>,
	sources: KnowledgeSources
): Promise<StaleEntry[]> {
	const stale: StaleEntry[] = [];
	for (let page = 0; page < STALE_PAGES && stale.length < STALE_LIST_LENGTH; page++) {
		const rows = (await sources.read({
			database: 'kb',
			view: 'reports/published-by-review',
			startkey: [scopeKey],
			endkey: [scopeKey, {}],
			group_level: 0,
			limit: STALE_PAGE,
			skip: page * STALE_PAGE
		})) as Array<{ id?: string; key: [string, string]; value: string }>;
		for (const row of rows)
			if (row.id && !opened.has(row.id) && stale.length < STALE_LIST_LENGTH)
				stale.push({ entryId: row.id, question: row.value, reviewedAt: row.key[1] });
		if (rows.length < STALE_PAGE) break;
	}
	return stale;
}

/**
 * The knowledge and front-line figures of one period and scope, every figure read from the views. Without
 * `detail` (the period before, for the comparison) the entries' names and the stale list are not read.
 */
export async function readKnowledgeFigures(
	scope: ReportScope,
	period: DateRange,
	sources: KnowledgeSources,
	detail = true
): Promise<KnowledgeFigures> {
	const withKnowledge = hasKnowledgeScope(scope);
	const months = withKnowledge ? monthsOf(period) : [];
	const [rows, timeliness] = await Promise.all([
		readRows(scope, period, sources),
		withKnowledge ? noticeTimeliness(period, sources) : { onTime: 0, total: 0, rate: null }
	]);
	let questions = new Map<string, string>();
	let stale: StaleEntry[] = [];
	if (withKnowledge && detail) {
		const opened = rankedCounts(rows.opened);
		const topIds = opened.slice(0, RANKING_LENGTH).map(([id]) => id);
		const [named, unopened] = await Promise.all([
			topIds.length > 0 ? sources.entries(topIds) : Promise.resolve([]),
			staleUnopened(scopeKeys(scope)[0]!, new Set(opened.map(([id]) => id)), sources)
		]);
		questions = new Map(named.map((entry) => [entry._id, entry.standardQuestion]));
		stale = unopened;
	}
	return knowledgeFigures(rows, datesOf(period), months, { timeliness, questions, staleUnopened: stale });
}
