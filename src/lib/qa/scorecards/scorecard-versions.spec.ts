import { describe, expect, it } from 'vitest';
import type { Scorecard } from '$lib/db/generated/documents';
import { checkScorecard, reviseScorecard, scorecardId } from './scorecard-versions';
import { defaultScorecards } from './default-scorecards';

const current: Scorecard & { _rev: string } = {
	...defaultScorecards[0]!,
	_rev: '3-abc',
	updatedBy: 'system',
	updatedAt: '2026-11-01T00:00:00.000Z'
};
const edited: Scorecard = { ...current, name: '12345 评分表（2027 修订）' };
const context = { user: 'supervisor01', now: '2026-11-22T00:00:00.000Z' };

describe('revising a scorecard', () => {
	it('changes an unused version in place', () => {
		const revision = reviseScorecard(current, edited, { ...context, used: false });
		expect(revision.newVersion).toBe(false);
		expect(revision.documents).toHaveLength(1);
		expect(revision.documents[0]).toMatchObject({
			_id: 'scorecard:hotline-12345-v1',
			_rev: '3-abc',
			version: 1,
			name: '12345 评分表（2027 修订）',
			updatedBy: 'supervisor01'
		});
	});

	it('writes a used version’s edit as the next version and retires the old one untouched', () => {
		const revision = reviseScorecard(current, edited, { ...context, used: true });
		expect(revision.newVersion).toBe(true);
		const [old, next] = revision.documents;
		expect(old).toMatchObject({ _id: current._id, _rev: '3-abc', name: current.name, retired: true });
		expect(old!.sections).toEqual(current.sections);
		expect(next).toMatchObject({ _id: scorecardId('hotline-12345', 2), version: 2, retired: false });
		expect(next).not.toHaveProperty('_rev');
	});
});

describe('checkScorecard', () => {
	it('accepts the shipped scorecards', () => {
		for (const scorecard of defaultScorecards)
			expect(checkScorecard({ ...scorecard, updatedBy: 'x', updatedAt: context.now })).toEqual([]);
	});

	it('lists what is wrong', () => {
		const broken: Scorecard = {
			...current,
			name: ' ',
			sections: [
				{
					key: 'a',
					name: '服务',
					criteria: [
						{
							key: 'x',
							name: '语气',
							maxPoints: 5,
							redLine: false,
							allowNotApplicable: false,
							deductions: [{ points: 8, reason: '生硬' }]
						},
						{ key: 'x', name: '', maxPoints: 0, redLine: false, allowNotApplicable: false, weight: -1 }
					]
				},
				{ key: 'b', name: '空', criteria: [] }
			]
		};
		expect(checkScorecard(broken)).toEqual([
			'评分表名称不能为空',
			'“语气”的扣分项“生硬”超过了该项满分',
			'分组“服务”中有评分项没有名称',
			'评分项编号 x 重复',
			'“未命名”的满分须大于 0',
			'“未命名”的权重不能为负',
			'分组“空”至少需要一个评分项'
		]);
	});
});
