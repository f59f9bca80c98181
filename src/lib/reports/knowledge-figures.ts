// The knowledge base's and the front line's figures of a period (报表: 知识库、一线), from grouped reads of the
// `reports` views of kb, feedback and searchlog (sync/ddocs/*/reports): pure functions of the rows, so the
// screen, the CLI and the tests compute them alike. Every definition is in KNOWLEDGE_DEFINITIONS.
import type { DateRange } from '$lib/qa/sampling/plan-periods';

export const KNOWLEDGE_DEFINITIONS = [
	'知识点现状为生成报表时的状态与条目类型，不随期间回溯。',
	'新增：知识点第一次发布（或导入即发布）的北京日期在期内；修改：此后每次再发布；下线：下线操作；失效：有效期截止日在期内。',
	'知识库更新及时率：期内收到的知识更新通知中，所涉知识点全部在收到后 24 小时内发布的占比；尚在 24 小时内未完成的通知不计入分母。',
	'一线反馈（查无信息、纠错、知识提问）按提交日期计“收到”，按关闭日期计“办结”；办结用时为提交至关闭的分钟数，取中位数。',
	'检索按北京日期计入期间；无结果率 = 无结果的检索 ÷ 检索次数；查无信息上报率 = 期内收到的查无信息 ÷ 检索次数。',
	'打开率（知识库可见的即时答复）：检索后打开了知识点的检索 ÷ 检索次数。它只说明话务员在知识库里找到了可用的答案，并不等于通话中的即时答复率（后者以工单为准）。',
	'未得到答案的检索、最常打开的知识点按自然月汇总：日报、周报的排行为所在月份的排行。',
	'期内未被打开的知识点：现行（已发布）知识点中期内检索后从未打开的，最久未复核的在前，列出前 50 条。'
];

export const FEEDBACK_KINDS = ['searchMiss', 'correction', 'knowledgeQuestion'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const FEEDBACK_LABELS: Record<FeedbackKind, string> = {
	searchMiss: '查无信息',
	correction: '纠错',
	knowledgeQuestion: '知识提问'
};

export interface CountRow<K> {
	key: K;
	value: number;
}

/** entry-status: [scope, status, entry type]. */
export type EntryStatusRow = CountRow<[string, string, string]>;
/** entry-changes: [scope, day, added | changed | pruned | expired]. */
export type EntryChangeRow = CountRow<[string, string, string]>;
/** feedback items: [scope, 'received', day, type] or [scope, 'handled', day, type, minutes]. */
export type FeedbackRow = CountRow<[string, 'received' | 'handled', string, string, number?]>;
/** searches: [scope, day, zero | opened | other]. */
export type SearchRow = CountRow<[string, string, string]>;
/** unanswered-queries and opened-entries: [scope, month, query or entry id]. */
export type MonthlyRow = CountRow<[string, string, string]>;

export interface KnowledgeRows {
	status: EntryStatusRow[];
	changes: EntryChangeRow[];
	feedback: FeedbackRow[];
	searches: SearchRow[];
	unanswered: MonthlyRow[];
	opened: MonthlyRow[];
}

export interface StaleEntry {
	entryId: string;
	question: string;
	/** When someone last confirmed it correct (or published it). */
	reviewedAt: string;
}

export interface KnowledgeFigures {
	/** Now, not at the period's end: the views hold each entry's present status. */
	entriesByStatus: Array<{ status: string; template: string; count: number }>;
	publishedEntries: number;
	changes: { added: number; changed: number; pruned: number; expired: number };
	changesByDay: Array<{ day: string; added: number; changed: number; pruned: number; expired: number }>;
	/** 知识库更新及时率 (null rate when no notice counts). */
	timeliness: { onTime: number; total: number; rate: number | null };
	feedback: Array<{
		kind: FeedbackKind;
		label: string;
		received: number;
		handled: number;
		/** Median minutes from arrival to closing of those closed in the period. */
		medianMinutes: number | null;
	}>;
	searches: {
		total: number;
		zero: number;
		opened: number;
		zeroRate: number | null;
		openedRate: number | null;
		/** 查无信息 received ÷ searches. */
		missRate: number | null;
	};
	searchesByDay: Array<{ day: string; total: number; zero: number; opened: number }>;
	/** The months the rankings add up (the views count by month). */
	rankingMonths: string[];
	unansweredQueries: Array<{ query: string; count: number }>;
	mostOpened: Array<{ entryId: string; question: string; count: number }>;
	/** Distinct entries opened in the ranking months. */
	distinctOpened: number;
	staleUnopened: StaleEntry[];
}

export const RANKING_LENGTH = 20;
export const STALE_LIST_LENGTH = 50;

/** The calendar months a period touches (2026-11, …): the rankings' views are keyed by month. */
export function monthsOf(period: DateRange): string[] {
	const months: string[] = [];
	let [year, month] = period.from.slice(0, 7).split('-').map(Number) as [number, number];
	const last = period.to.slice(0, 7);
	for (;;) {
		const code = `${year}-${String(month).padStart(2, '0')}`;
		months.push(code);
		if (code >= last) return months;
		month += 1;
		if (month > 12) [year, month] = [year + 1, 1];
	}
}

/** The median of a distribution given as value → count (the mean of the two middle values for an even count). */
export function medianOf(counts: ReadonlyMap<number, number>): number | null {
	const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
	if (total === 0) return null;
	const sorted = [...counts].sort(([a], [b]) => a - b);
	const lower = Math.ceil(total / 2);
	const upper = total % 2 === 0 ? lower + 1 : lower;
	let seen = 0;
	let lowerValue: number | null = null;
	for (const [value, count] of sorted) {
		seen += count;
		if (lowerValue === null && seen >= lower) lowerValue = value;
		if (seen >= upper) return (lowerValue! + value) / 2;
	}
	return lowerValue;
}

/** The third key part (a query, an entry id) with its count over the months, most first. */
export function rankedCounts(rows: MonthlyRow[]): Array<[string, number]> {
	const totals = new Map<string, number>();
	for (const row of rows) totals.set(row.key[2], (totals.get(row.key[2]) ?? 0) + row.value);
	return [...totals].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export interface KnowledgeExtras {
	timeliness: KnowledgeFigures['timeliness'];
	/** Standard questions of the most opened entries (an entry no longer in kb shows its id). */
	questions: ReadonlyMap<string, string>;
	staleUnopened: StaleEntry[];
}

/** Every knowledge and front-line figure of one period and scope; `days` lists the period's dates. */
export function knowledgeFigures(
	rows: KnowledgeRows,
	days: string[],
	months: string[],
	extras: KnowledgeExtras
): KnowledgeFigures {
	const entriesByStatus = rows.status
		.map((row) => ({ status: row.key[1], template: row.key[2], count: row.value }))
		.sort((a, b) => a.status.localeCompare(b.status) || a.template.localeCompare(b.template));
	const byDay = new Map(days.map((day) => [day, { added: 0, changed: 0, pruned: 0, expired: 0 }]));
	const changes = { added: 0, changed: 0, pruned: 0, expired: 0 };
	for (const { key, value } of rows.changes) {
		const kind = key[2] as keyof typeof changes;
		if (!(kind in changes)) continue;
		changes[kind] += value;
		const day = byDay.get(key[1]);
		if (day) day[kind] += value;
	}
	const feedback = FEEDBACK_KINDS.map((kind) => {
		let received = 0;
		let handled = 0;
		const minutes = new Map<number, number>();
		for (const { key, value } of rows.feedback) {
			if (key[3] !== kind) continue;
			if (key[1] === 'received') received += value;
			else {
				handled += value;
				const taken = Number(key[4]);
				minutes.set(taken, (minutes.get(taken) ?? 0) + value);
			}
		}
		return { kind, label: FEEDBACK_LABELS[kind], received, handled, medianMinutes: medianOf(minutes) };
	});
	const searchDays = new Map(days.map((day) => [day, { total: 0, zero: 0, opened: 0 }]));
	const searches = { total: 0, zero: 0, opened: 0 };
	for (const { key, value } of rows.searches) {
		searches.total += value;
		const day = searchDays.get(key[1]);
		if (day) day.total += value;
		if (key[2] === 'zero' || key[2] === 'opened') {
			searches[key[2]] += value;
			if (day) day[key[2]] += value;
		}
	}
	const misses = feedback.find((row) => row.kind === 'searchMiss')!.received;
	const opened = rankedCounts(rows.opened);
	return {
		entriesByStatus,
		publishedEntries: entriesByStatus
			.filter((row) => row.status === 'published')
			.reduce((sum, row) => sum + row.count, 0),
		changes,
		changesByDay: [...byDay].map(([day, counts]) => ({ day, ...counts })),
		timeliness: extras.timeliness,
		feedback,
		searches: {
			...searches,
			zeroRate: rate(searches.zero, searches.total),
			openedRate: rate(searches.opened, searches.total),
			missRate: rate(misses, searches.total)
		},
		searchesByDay: [...searchDays].map(([day, counts]) => ({ day, ...counts })),
		rankingMonths: months,
		unansweredQueries: rankedCounts(rows.unanswered)
			.slice(0, RANKING_LENGTH)
			.map(([query, count]) => ({ query, count })),
		mostOpened: opened.slice(0, RANKING_LENGTH).map(([entryId, count]) => ({
			entryId,
			question: extras.questions.get(entryId) ?? entryId,
			count
		})),
		distinctOpened: opened.length,
		staleUnopened: extras.staleUnopened
	};
}

/** Count rows of several scopes (a team's agents) as one: the keys start with the scope, the rest is summed. */
export function mergeCountScopes<K extends unknown[]>(rows: CountRow<K>[]): CountRow<K>[] {
	const merged = new Map<string, CountRow<K>>();
	for (const row of rows) {
		const rest = JSON.stringify(row.key.slice(1));
		const current = merged.get(rest);
		if (current) current.value += row.value;
		else merged.set(rest, { key: ['merged', ...row.key.slice(1)] as K, value: row.value });
	}
	return [...merged.values()];
}
