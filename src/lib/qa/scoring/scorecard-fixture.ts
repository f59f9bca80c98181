// Small scorecards for the scoring specs: one section, 10-point items unless a case says otherwise.
import type { Scorecard } from '$lib/db/generated/documents';
import type { Criterion, Score } from './score-evaluation';

export function scorecardWith(criteria: Array<Partial<Criterion> & { key: string }>): Scorecard {
	return {
		_id: 'scorecard:test-v1',
		type: 'scorecard',
		family: 'test',
		name: '测试评分表',
		version: 1,
		sections: [
			{
				key: 'section-1',
				name: '分组',
				criteria: criteria.map((criterion) => ({
					name: criterion.key,
					maxPoints: 10,
					redLine: false,
					allowNotApplicable: false,
					...criterion
				}))
			}
		],
		updatedBy: 'supervisor01',
		updatedAt: '2026-11-01T00:00:00.000Z'
	};
}

export function line(criterionKey: string, points: number | null, extra: Partial<Score> = {}): Score {
	return { criterionKey, points, ...extra };
}
