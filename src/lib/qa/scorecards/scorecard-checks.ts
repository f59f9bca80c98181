// What stops a scorecard draft from being saved, in words a supervisor can act on. The schema checks the
// same limits again on every write; these say which item is wrong and why.
import type { Scorecard } from '$lib/db/generated/documents';
import { weightOf, type Criterion } from '../scoring/score-evaluation';

export interface ScorecardProblem {
	/** The section or criterion the problem is about; null for the card itself. */
	key: string | null;
	/** For the card itself: the field at fault, for the form to mark it. */
	field?: 'name' | 'description';
	message: string;
}

const KEY_PATTERN = /^[a-zA-Z0-9-]{1,40}$/;
const MAX_NAME = 80;
const MAX_SECTION_NAME = 60;
const MAX_DESCRIPTION = 500;
const MAX_POINTS = 1000;
const MAX_WEIGHT = 100;
const MAX_REASON = 200;

function criterionProblems(criterion: Criterion, position: string): string[] {
	const problems: string[] = [];
	const name = criterion.name.trim();
	const label = name ? `“${name}”` : position;
	if (!name) problems.push(`${position}没有名称`);
	else if (name.length > MAX_NAME) problems.push(`${label}的名称不超过 ${MAX_NAME} 个字`);
	if (!KEY_PATTERN.test(criterion.key))
		problems.push(`${label}的编号 ${criterion.key} 只能用字母、数字和连字符，最长 40 位`);
	if ((criterion.description?.length ?? 0) > MAX_DESCRIPTION)
		problems.push(`${label}的说明不超过 ${MAX_DESCRIPTION} 个字`);

	const max = criterion.maxPoints;
	if (!Number.isFinite(max)) problems.push(`${label}的满分须填写数字`);
	else if (max < 0) problems.push(`${label}的满分不能为负`);
	else if (max === 0 && !criterion.redLine)
		problems.push(`${label}的满分须大于 0（只有一票否决项可为 0 分）`);
	else if (max > MAX_POINTS) problems.push(`${label}的满分不超过 ${MAX_POINTS}`);

	const weight = criterion.weight;
	if (weight !== undefined) {
		if (!Number.isFinite(weight)) problems.push(`${label}的权重须填写数字，或留空表示按满分计`);
		else if (weight < 0) problems.push(`${label}的权重不能为负`);
		else if (weight > MAX_WEIGHT) problems.push(`${label}的权重不超过 ${MAX_WEIGHT}`);
	}

	const reasons = new Set<string>();
	for (const deduction of criterion.deductions ?? []) {
		const reason = deduction.reason.trim();
		if (!reason) problems.push(`${label}有扣分项没有写原因`);
		else if (reason.length > MAX_REASON) problems.push(`${label}的扣分原因不超过 ${MAX_REASON} 个字`);
		// Chosen options are stored by their reason, so two alike could not be told apart.
		else if (reasons.has(reason)) problems.push(`${label}的扣分原因“${reason}”重复`);
		reasons.add(reason);
		const what = reason ? `${label}的扣分项“${reason}”` : `${label}的扣分项`;
		if (!Number.isFinite(deduction.points) || deduction.points <= 0) problems.push(`${what}扣分须大于 0`);
		else if (Number.isFinite(max) && deduction.points > max)
			problems.push(`${what}扣 ${deduction.points} 分，超过了该项满分 ${max} 分`);
	}
	return problems;
}

/** Every problem, tied to the section or item it is about, in card order. Empty when it may be saved. */
export function scorecardProblems(scorecard: Scorecard): ScorecardProblem[] {
	const problems: ScorecardProblem[] = [];
	const add = (key: string | null, messages: string[], field?: ScorecardProblem['field']) =>
		problems.push(...messages.map((message) => ({ key, message, ...(field ? { field } : {}) })));

	const name = scorecard.name.trim();
	if (!name) add(null, ['请填写评分表名称'], 'name');
	else if (name.length > MAX_NAME) add(null, [`评分表名称不超过 ${MAX_NAME} 个字`], 'name');
	if ((scorecard.description?.length ?? 0) > MAX_DESCRIPTION)
		add(null, [`评分表说明不超过 ${MAX_DESCRIPTION} 个字`], 'description');
	if (scorecard.sections.length === 0) add(null, ['至少需要一个分组']);

	const sectionKeys = new Set<string>();
	const criterionKeys = new Set<string>();
	scorecard.sections.forEach((section, sectionIndex) => {
		const sectionName = section.name.trim();
		const sectionLabel = sectionName ? `分组“${sectionName}”` : `第 ${sectionIndex + 1} 个分组`;
		if (!sectionName) add(section.key, [`${sectionLabel}没有名称`]);
		else if (sectionName.length > MAX_SECTION_NAME)
			add(section.key, [`${sectionLabel}的名称不超过 ${MAX_SECTION_NAME} 个字`]);
		if (!KEY_PATTERN.test(section.key)) add(section.key, [`${sectionLabel}的编号 ${section.key} 格式不正确`]);
		if (sectionKeys.has(section.key)) add(section.key, [`分组编号 ${section.key} 重复`]);
		sectionKeys.add(section.key);
		if (section.criteria.length === 0) add(section.key, [`${sectionLabel}至少需要一个评分项`]);

		section.criteria.forEach((criterion, index) => {
			add(criterion.key, criterionProblems(criterion, `${sectionLabel}第 ${index + 1} 项`));
			// Scores and comments find their item by key: two items with one key would share them.
			if (criterionKeys.has(criterion.key)) add(criterion.key, [`评分项编号 ${criterion.key} 重复`]);
			criterionKeys.add(criterion.key);
		});
	});

	const scoring = scorecard.sections
		.flatMap((section) => section.criteria)
		.some((criterion) => criterion.maxPoints > 0 && weightOf(criterion) > 0);
	if (scorecard.sections.length > 0 && !scoring)
		add(null, ['至少需要一个计分的评分项（满分为 0 的一票否决项只判定是否触发）']);
	return problems;
}

/** The messages about one section or item (null: the card), each once: two blank reasons say it once. */
export function problemMessagesOf(problems: readonly ScorecardProblem[], key: string | null): string[] {
	return [...new Set(problems.filter((problem) => problem.key === key).map((problem) => problem.message))];
}

/** The problems as messages, each once. */
export function checkScorecard(scorecard: Scorecard): string[] {
	return [...new Set(scorecardProblems(scorecard).map((problem) => problem.message))];
}
