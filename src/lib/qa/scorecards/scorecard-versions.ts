// A scorecard that has been used is never changed in place: evaluations keep the version they were scored
// on, so an edit becomes the next version and the old one retires.
import type { Scorecard } from '$lib/db/generated/documents';

export function scorecardId(family: string, version: number): string {
	return `scorecard:${family}-v${version}`;
}

export interface ScorecardRevision {
	/** What to write, in order: the retired old version (if any), then the current one. */
	documents: Scorecard[];
	newVersion: boolean;
}

export function reviseScorecard(
	current: Scorecard & { _rev?: string },
	edited: Scorecard,
	context: { used: boolean; user: string; now: string }
): ScorecardRevision {
	const stamp = { updatedBy: context.user, updatedAt: context.now };
	if (!context.used) {
		return {
			documents: [{ ...edited, _id: current._id, _rev: current._rev, version: current.version, ...stamp }],
			newVersion: false
		} as ScorecardRevision;
	}
	const version = current.version + 1;
	const { _rev: _editedRev, ...content } = edited as Scorecard & { _rev?: string };
	return {
		documents: [
			{ ...current, retired: true, ...stamp },
			{ ...content, _id: scorecardId(current.family, version), version, retired: false, ...stamp }
		],
		newVersion: true
	};
}

/** Problems that stop a scorecard from being saved, in Chinese. */
export function checkScorecard(scorecard: Scorecard): string[] {
	const problems: string[] = [];
	if (!scorecard.name.trim()) problems.push('评分表名称不能为空');
	if (scorecard.sections.length === 0) problems.push('至少需要一个分组');
	const keys = new Set<string>();
	for (const section of scorecard.sections) {
		if (!section.name.trim()) problems.push('分组名称不能为空');
		if (section.criteria.length === 0) problems.push(`分组“${section.name}”至少需要一个评分项`);
		for (const criterion of section.criteria) {
			const label = `“${criterion.name || '未命名'}”`;
			if (!criterion.name.trim()) problems.push(`分组“${section.name}”中有评分项没有名称`);
			if (keys.has(criterion.key)) problems.push(`评分项编号 ${criterion.key} 重复`);
			keys.add(criterion.key);
			if (!criterion.redLine && !(criterion.maxPoints > 0)) problems.push(`${label}的满分须大于 0`);
			if (criterion.weight !== undefined && criterion.weight < 0) problems.push(`${label}的权重不能为负`);
			for (const deduction of criterion.deductions ?? []) {
				if (!deduction.reason.trim()) problems.push(`${label}有扣分项没有写原因`);
				if (deduction.points > criterion.maxPoints)
					problems.push(`${label}的扣分项“${deduction.reason}”超过了该项满分`);
			}
		}
	}
	return problems;
}
