// An agent's own QA figures (/my-qa) from the evaluations and appeals in the database only that agent reads:
// the rows the server's `reports` views (sync/ddocs/qa/reports) give for `agent:<name>`, built here from the
// same documents by the same rules, so the agent's figures are the ones their supervisor's report shows.
// tests keep the two in step (own-qa-rows.spec.ts runs the views' own code over the same documents).
import type { Appeal, Evaluation } from '$lib/db/generated/documents';
import type { DateRange } from '$lib/qa/sampling/plan-periods';
import type { QaRows, Stats, ViewRow } from './qa-figures';

const beijingDay = (at: string) => new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 10);

/** Rows grouped by key with _stats, in key order (the views' keys here are strings and numbers). */
class Grouped<K extends unknown[]> {
	readonly #groups = new Map<string, ViewRow<K>>();

	add(key: K, value: number): void {
		const id = JSON.stringify(key);
		const group = this.#groups.get(id);
		if (!group) {
			this.#groups.set(id, {
				key,
				value: { sum: value, count: 1, min: value, max: value, sumsqr: value * value }
			});
			return;
		}
		const stats: Stats = group.value;
		stats.sum += value;
		stats.count += 1;
		stats.min = Math.min(stats.min, value);
		stats.max = Math.max(stats.max, value);
		stats.sumsqr += value * value;
	}

	rows(): ViewRow<K>[] {
		return [...this.#groups.values()];
	}
}

export function ownQaRows(
	agentName: string,
	evaluations: Evaluation[],
	appeals: Appeal[],
	period: DateRange
): QaRows {
	const scope = `agent:${agentName}`;
	const within = (day: string) => day >= period.from && day <= period.to;
	const scores = new Grouped<[string, string, number | 'R']>();
	const items = new Grouped<[string, string, string, string]>();
	const tags = new Grouped<[string, string, string]>();
	for (const evaluation of evaluations) {
		if (evaluation.agentName !== agentName || evaluation.status === 'draft' || !evaluation.submittedAt)
			continue;
		const day = beijingDay(evaluation.submittedAt);
		if (!within(day) || typeof evaluation.total !== 'number') continue;
		const redLine = evaluation.scores.some((line) => line.redLineFailed);
		scores.add([scope, day, redLine ? 'R' : Math.floor(evaluation.total)], evaluation.total);
		for (const line of evaluation.scores) {
			if (line.notApplicable) continue;
			const value =
				typeof line.redLineFailed === 'boolean' && line.points == null
					? line.redLineFailed
						? 1
						: 0
					: line.points;
			if (typeof value === 'number')
				items.add([scope, day, evaluation.scorecardId, line.criterionKey], value);
		}
		const types = new Set([
			...(evaluation.problemTags ?? []),
			...evaluation.comments.flatMap((comment) => comment.problemTags ?? [])
		]);
		for (const type of types) tags.add([scope, day, type], 1);
	}
	const appealRows = new Grouped<[string, string, string]>();
	for (const appeal of appeals) {
		if (appeal.agentName !== agentName || !appeal.createdAt) continue;
		const day = beijingDay(appeal.createdAt);
		if (!within(day)) continue;
		const hours = appeal.ruledAt
			? (Date.parse(appeal.ruledAt) - Date.parse(appeal.createdAt)) / 3_600_000
			: 0;
		appealRows.add([scope, day, appeal.status], hours);
	}
	return {
		scores: scores.rows(),
		people: [],
		items: items.rows(),
		appeals: appealRows.rows(),
		tags: tags.rows(),
		coaching: [],
		typical: []
	};
}
