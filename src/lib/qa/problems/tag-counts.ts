// 共性问题、热门问题: how often each problem type was found in a period against the period before, from the
// server's grouped rows (one per day and type) or, offline, from results held here.
import type { Evaluation } from '$lib/db/generated/documents';
import type { DateRange } from '../sampling/plan-periods';

const DAY_MS = 86_400_000;

/** The stretch of the same length just before. */
export function previousRange(range: DateRange): DateRange {
	const from = Date.parse(`${range.from}T00:00:00Z`);
	const days = Math.round((Date.parse(`${range.to}T00:00:00Z`) - from) / DAY_MS) + 1;
	const day = (offset: number) => new Date(from + offset * DAY_MS).toISOString().slice(0, 10);
	return { from: day(-days), to: day(-1) };
}

/** Counts per type from rows keyed [day, type] with counts (group=true). */
export function countsFromRows(
	rows: ReadonlyArray<{ key: [string, string]; value: number }>
): Map<string, number> {
	const counts = new Map<string, number>();
	for (const { key, value } of rows) counts.set(key[1], (counts.get(key[1]) ?? 0) + value);
	return counts;
}

/** The types of a result: its own and its comments', each once. */
export function tagsOf(evaluation: Pick<Evaluation, 'problemTags' | 'comments'>): string[] {
	return [
		...new Set([
			...(evaluation.problemTags ?? []),
			...evaluation.comments.flatMap((comment) => comment.problemTags ?? [])
		])
	];
}

/** Counts per type of the submitted results held here whose Beijing submission day is in the range. */
export function countsFromEvaluations(
	evaluations: readonly Evaluation[],
	range: DateRange
): Map<string, number> {
	const counts = new Map<string, number>();
	for (const evaluation of evaluations) {
		if (evaluation.status === 'draft' || !evaluation.submittedAt) continue;
		const day = new Date(Date.parse(evaluation.submittedAt) + 8 * 3_600_000).toISOString().slice(0, 10);
		if (day < range.from || day > range.to) continue;
		for (const tag of tagsOf(evaluation)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
	}
	return counts;
}

export interface TagRow {
	key: string;
	name: string;
	count: number;
	previous: number;
}

/** Every type found in either period, most found first; a retired type still shows under its key's name. */
export function tagRows(
	current: ReadonlyMap<string, number>,
	previous: ReadonlyMap<string, number>,
	names: ReadonlyMap<string, string>
): TagRow[] {
	const keys = new Set([...current.keys(), ...previous.keys()]);
	return [...keys]
		.map((key) => ({
			key,
			name: names.get(key) ?? key,
			count: current.get(key) ?? 0,
			previous: previous.get(key) ?? 0
		}))
		.sort((a, b) => b.count - a.count || b.previous - a.previous || a.name.localeCompare(b.name, 'zh'));
}
