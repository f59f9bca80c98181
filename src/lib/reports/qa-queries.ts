// The grouped key-range reads one QA report needs of the `reports` views (sync/ddocs/qa/reports), for one scope
// key and period: the browser, the CLI and the tests send the same queries, whatever reads them.
import type { DateRange } from '$lib/qa/sampling/plan-periods';
import type {
	AppealRow,
	CoachingRow,
	ItemRow,
	PeopleRow,
	QaRows,
	ScoreRow,
	TagRow,
	TypicalRow,
	ViewRow
} from './qa-figures';
import { mergeScopes } from './qa-figures';
import type { ReportScope } from './report-types';
import type { CoachingTaskRow } from './coaching-effect';
import type { ReportViewRead } from './report-view-read';

export interface RangeRead extends ReportViewRead {
	/** Where the rows go: a part of QaRows, or the coaching tasks compared before and after. */
	rows: keyof QaRows | 'coachingTasks';
}

/** The scope keys the views emit under: a team is its agents' keys, summed. */
export function scopeKeys(scope: ReportScope): string[] {
	if (scope.kind === 'province') return ['all'];
	if (scope.kind === 'sub') return [`sub:${scope.code}`];
	if (scope.kind === 'agent') return [`agent:${scope.name}`];
	return scope.agents.map((agent) => `agent:${agent}`);
}

export function qaReads(scopeKey: string, period: DateRange): RangeRead[] {
	const range = (view: RangeRead['view'], rows: keyof QaRows, prefix: unknown[], group_level: number) => ({
		rows,
		view,
		startkey: [...prefix, period.from],
		endkey: [...prefix, period.to, {}],
		group_level
	});
	const reads: RangeRead[] = [
		range('reports/evaluation-scores', 'scores', [scopeKey], 3),
		range('reports/item-points', 'items', [scopeKey], 4),
		range('reports/appeals', 'appeals', [scopeKey], 3),
		range('reports/problem-tags', 'tags', [scopeKey], 3),
		range('reports/coaching', 'coaching', [scopeKey], 3),
		range('reports/typical-cases', 'typical', [scopeKey], 0)
	];
	// The people view has every kind for the province and its sub-platforms, and an agent's inspectors and
	// business types; a team's are its agents' summed, and its by-agent rows are each agent's scores.
	const kinds = scopeKey.startsWith('agent:')
		? ['inspector', 'business']
		: ['inspector', 'agent', 'business'];
	for (const kind of kinds) reads.push(range('reports/evaluation-people', 'people', [scopeKey, kind], 4));
	return reads;
}

/** Runs every read of every scope key and puts the rows together (a team's agents summed key by key). */
export async function readQaRows(
	scope: ReportScope,
	period: DateRange,
	read: (query: RangeRead) => Promise<ViewRow<unknown[]>[]>
): Promise<QaRows> {
	const keys = scopeKeys(scope);
	const rows: Record<keyof QaRows, ViewRow<unknown[]>[]> = {
		scores: [],
		people: [],
		items: [],
		appeals: [],
		tags: [],
		coaching: [],
		typical: []
	};
	const reads = keys.flatMap((key) => qaReads(key, period));
	const answers = await Promise.all(reads.map((query) => read(query)));
	// One row at a time, not push(...rows): a year's rows can be more than the arguments a call may take.
	reads.forEach((query, index) => {
		const target = rows[query.rows as keyof QaRows] as ViewRow<unknown[]>[];
		for (const row of answers[index]!) target.push(row);
	});
	const together = <K extends unknown[]>(list: ViewRow<unknown[]>[]) =>
		(keys.length > 1 ? mergeScopes(list) : list) as unknown as ViewRow<K>[];
	const people = together<PeopleRow['key']>(rows.people) as PeopleRow[];
	// A team has no people rows of its own: each agent's scores are its by-agent figures.
	if (scope.kind === 'team')
		for (const [index, key] of keys.entries())
			for (const row of answers
				.filter((_, i) => reads[i]!.rows === 'scores' && reads[i]!.startkey[0] === key)
				.flat())
				people.push({
					key: [key, 'agent', (row.key as string[])[1]!, scope.agents[index]!],
					value: row.value
				} as PeopleRow);
	return {
		scores: together<ScoreRow['key']>(rows.scores) as ScoreRow[],
		people,
		items: together<ItemRow['key']>(rows.items) as ItemRow[],
		appeals: together<AppealRow['key']>(rows.appeals) as AppealRow[],
		tags: together<TagRow['key']>(rows.tags) as TagRow[],
		coaching: together<CoachingRow['key']>(rows.coaching) as CoachingRow[],
		// Each case is a row of its own: a team's agents' cases are listed, not summed.
		typical: rows.typical as unknown as TypicalRow[]
	};
}

/** The coaching tasks of the scope opened in the period (map-only rows; a team's agents' listed together). */
export async function readCoachingTasks(
	scope: ReportScope,
	period: DateRange,
	read: (query: RangeRead) => Promise<ViewRow<unknown[]>[]>
): Promise<CoachingTaskRow[]> {
	const answers = await Promise.all(
		scopeKeys(scope).map((key) =>
			read({
				rows: 'coachingTasks',
				view: 'reports/coaching-tasks',
				startkey: [key, period.from],
				endkey: [key, period.to, {}],
				group_level: 0
			})
		)
	);
	return answers.flat() as unknown as CoachingTaskRow[];
}

/** One agent's item points over a range: what a coaching task's before and after are counted from. */
export async function readAgentItems(
	agentName: string,
	range: DateRange,
	read: (query: RangeRead) => Promise<ViewRow<unknown[]>[]>
): Promise<ItemRow[]> {
	const key = `agent:${agentName}`;
	return (await read({
		rows: 'items',
		view: 'reports/item-points',
		startkey: [key, range.from],
		endkey: [key, range.to, {}],
		group_level: 4
	})) as ItemRow[];
}
