// 辅导前后对比 (seed 002: 对比分析前后): for each coaching task opened in the period, its agent's 得分率 on the coached
// items (points given ÷ the most they could be given; a red line passed ÷ scored) in the 60 days before the day
// it was opened and in the 60 days after, as the coaching page compares them (qa/coaching/before-after.ts, by
// the moment rather than the day) — from the same item-points view as 失分项排行, two key-range reads a task.
import type { Scorecard } from '$lib/db/generated/documents';
import type { DateRange } from '$lib/qa/sampling/plan-periods';
import { BEFORE_WINDOW_DAYS } from '$lib/qa/coaching/before-after';
import { lossOf, type ItemRow } from './qa-figures';

export const COACHING_WINDOW_DAYS = BEFORE_WINDOW_DAYS;
/** Tasks compared in one report: the most recent first; a province month has a few dozen. */
export const COACHING_TASKS_COMPARED = 100;

export interface CoachingTaskRow {
	key: [string, string];
	value: { agentName: string; scorecardId?: string; criterionKeys: string[]; status: string };
}

export interface CoachedShare {
	/** Scorings of the coached items in the window. */
	scored: number;
	/** Points given ÷ the most that could be given on them; null with nothing scored. */
	scoreShare: number | null;
}

export interface CoachingEffectRow {
	agentName: string;
	label?: string;
	openedDay: string;
	items: string[];
	status: string;
	before: CoachedShare;
	after: CoachedShare;
	/** The 60 days after have not all passed yet. */
	watching: boolean;
}

export interface CoachingEffect {
	tasks: CoachingEffectRow[];
	/** Over every task compared: the coached items' lost share before and after. */
	before: CoachedShare;
	after: CoachedShare;
	/** Tasks opened in the period beyond COACHING_TASKS_COMPARED, not compared. */
	leftOut: number;
}

const DAY_MS = 86_400_000;
const shift = (day: string, days: number) =>
	new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The windows compared for a task opened on `day`: the 60 days before it and the 60 after; the opening day's
 * results are in neither (the views count by day, and the result the task was opened from is among them).
 */
export function coachingWindows(day: string): { before: DateRange; after: DateRange } {
	return {
		before: { from: shift(day, -COACHING_WINDOW_DAYS), to: shift(day, -1) },
		after: { from: shift(day, 1), to: shift(day, COACHING_WINDOW_DAYS) }
	};
}

interface Tally {
	scored: number;
	lost: number;
	possible: number;
}

/** The coached items' scorings in the rows: of the task's scorecard, or of any when the task names none. */
function tally(
	rows: ItemRow[],
	keys: ReadonlySet<string>,
	scorecardId: string | undefined,
	scorecards: ReadonlyMap<string, Scorecard>
): Tally {
	const total: Tally = { scored: 0, lost: 0, possible: 0 };
	for (const row of rows) {
		const [, , cardId, key] = row.key;
		if (!keys.has(key) || (scorecardId && cardId !== scorecardId)) continue;
		const criterion = criteriaOf(scorecards.get(cardId)).get(key);
		if (!criterion) continue;
		const { lost, possible } = lossOf(criterion, row.value.sum, row.value.count);
		total.scored += row.value.count;
		total.lost += lost;
		total.possible += possible;
	}
	return total;
}

function criteriaOf(scorecard: Scorecard | undefined) {
	return new Map(
		(scorecard?.sections ?? [])
			.flatMap((section) => section.criteria)
			.map((criterion) => [criterion.key, criterion])
	);
}

const share = ({ scored, lost, possible }: Tally): CoachedShare => ({
	scored,
	scoreShare: possible > 0 ? 1 - lost / possible : null
});

export async function coachingEffect(
	tasks: CoachingTaskRow[],
	scorecards: ReadonlyMap<string, Scorecard>,
	today: string,
	readItems: (agentName: string, range: DateRange) => Promise<ItemRow[]>
): Promise<CoachingEffect> {
	const newestFirst = [...tasks].sort((a, b) => b.key[1].localeCompare(a.key[1]));
	const compared = newestFirst.slice(0, COACHING_TASKS_COMPARED);
	const sums = { before: { scored: 0, lost: 0, possible: 0 }, after: { scored: 0, lost: 0, possible: 0 } };
	const rows = await Promise.all(
		compared.map(async (task): Promise<CoachingEffectRow> => {
			const { agentName, scorecardId, criterionKeys, status } = task.value;
			const windows = coachingWindows(task.key[1]);
			const keys = new Set(criterionKeys);
			const [before, after] = await Promise.all([
				readItems(agentName, windows.before).then((items) => tally(items, keys, scorecardId, scorecards)),
				readItems(agentName, windows.after).then((items) => tally(items, keys, scorecardId, scorecards))
			]);
			for (const [name, part] of [
				['before', before],
				['after', after]
			] as const) {
				sums[name].scored += part.scored;
				sums[name].lost += part.lost;
				sums[name].possible += part.possible;
			}
			const named = scorecardId ? [scorecards.get(scorecardId)] : [...scorecards.values()];
			const names = new Map(
				named.flatMap((card) => [...criteriaOf(card)].map(([key, item]) => [key, item.name] as const))
			);
			return {
				agentName,
				openedDay: task.key[1],
				items: criterionKeys.map((key) => names.get(key) ?? key),
				status,
				before: share(before),
				after: share(after),
				watching: windows.after.to >= today
			};
		})
	);
	return {
		tasks: rows,
		before: share(sums.before),
		after: share(sums.after),
		leftOut: tasks.length - compared.length
	};
}
