// A plan's rules in a line of Chinese, for lists and summaries.
import type { Rules } from '$lib/db/generated/documents';

const STRATA = { agent: '坐席', businessType: '业务类型', subPlatform: '分平台' } as const;

export function describeSize(rules: Rules): string {
	const parts = [
		'ratio' in rules.size
			? `抽 ${Math.round(rules.size.ratio * 1000) / 10}%`
			: `每名坐席 ${rules.size.perAgent} 通`
	];
	if (rules.minimumPerAgent) parts.push(`每人至少 ${rules.minimumPerAgent} 通`);
	if (rules.stratifyBy?.length)
		parts.push(`按${rules.stratifyBy.map((stratum) => STRATA[stratum]).join('、')}分层`);
	const must = [
		rules.mustInclude?.complaints ? '投诉' : '',
		rules.mustInclude?.unsatisfied ? '回访不满意' : '',
		rules.mustInclude?.longerThanSeconds ? `超过 ${rules.mustInclude.longerThanSeconds / 60} 分钟` : ''
	].filter(Boolean);
	if (must.length) parts.push(`必抽${must.join('、')}`);
	if (rules.includeCoachingFollowUps) parts.push('含辅导跟踪');
	return parts.join('，');
}
