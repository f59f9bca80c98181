// 改分记录 as the server checks it: the items whose decision changed, the totals, appended never rewritten.
import { describe, expect, it } from 'vitest';
import { rescored, submittedEvaluation } from '../../../../tests/fixtures/scored-evaluation';
import { scoreChanges, withScoreHistory } from './score-history';

describe('score history', () => {
	const submitted = submittedEvaluation();

	it('lists the items whose points, N/A or red line changed, not a changed comment', () => {
		const next = rescored(rescored(submitted, 'contact', { points: 5, deductionReasons: [] }), 'listening', {
			comment: '已复核'
		});
		expect(scoreChanges(submitted.scores, next.scores)).toEqual([
			{ criterionKey: 'contact', before: { points: 2 }, after: { points: 5 } }
		]);
		const failed = rescored(submitted, 'abuse', { redLineFailed: true });
		expect(scoreChanges(submitted.scores, failed.scores)).toEqual([
			{ criterionKey: 'abuse', before: { points: null }, after: { points: null, redLineFailed: true } }
		]);
	});

	it('appends one entry with the totals before and after, keeping the earlier ones', () => {
		const first = withScoreHistory(
			submitted,
			rescored(submitted, 'contact', { points: 5 }),
			'supervisor01',
			' 申诉成立 ',
			'2026-11-24T02:00:00.000Z',
			'appeal:C20261120-0001.inspector01'
		);
		expect(first.scoreHistory).toEqual([
			{
				at: '2026-11-24T02:00:00.000Z',
				by: 'supervisor01',
				reason: '申诉成立',
				appealId: 'appeal:C20261120-0001.inspector01',
				totalBefore: 94,
				totalAfter: 97,
				changes: [{ criterionKey: 'contact', before: { points: 2 }, after: { points: 5 } }]
			}
		]);
		const second = withScoreHistory(
			first,
			rescored(first, 'listening', { points: 7 }),
			'admin01',
			'复核',
			'2026-11-25T02:00:00.000Z'
		);
		expect(second.scoreHistory).toHaveLength(2);
		expect(second.scoreHistory![0]).toEqual(first.scoreHistory![0]);
		expect(second.scoreHistory![1]).toMatchObject({ by: 'admin01', totalBefore: 97, totalAfter: 100 });
	});
});
