import { describe, expect, it } from 'vitest';
import {
	hotlineScorecard,
	rescored,
	submittedEvaluation
} from '../../../../tests/fixtures/scored-evaluation';
import { compareItems } from './before-after';

const at = (evaluation: ReturnType<typeof submittedEvaluation>, submittedAt: string, id: string) => ({
	...evaluation,
	_id: id,
	submittedAt
});

describe('compareItems', () => {
	it('compares the coached items’ share of points before the task and since', () => {
		const base = submittedEvaluation();
		const evaluations = [
			at(rescored(base, 'contact', { points: 1 }), '2026-11-01T02:00:00.000Z', 'evaluation:a'),
			at(rescored(base, 'contact', { points: 2 }), '2026-11-10T02:00:00.000Z', 'evaluation:b'),
			at(rescored(base, 'contact', { points: 5 }), '2026-11-25T02:00:00.000Z', 'evaluation:c'),
			// Another agent's and a draft are not counted.
			{
				...at(rescored(base, 'contact', { points: 0 }), '2026-11-26T02:00:00.000Z', 'evaluation:d'),
				agentName: 'agent02'
			},
			{
				...at(rescored(base, 'contact', { points: 0 }), '2026-11-27T02:00:00.000Z', 'evaluation:e'),
				status: 'draft' as const
			}
		];
		const [contact] = compareItems(
			evaluations,
			new Map([[hotlineScorecard._id, hotlineScorecard]]),
			'agent01',
			['contact'],
			'2026-11-20T00:00:00.000Z'
		);
		expect(contact).toEqual({
			criterionKey: 'contact',
			name: '地址、联系方式核实',
			before: 0.3,
			after: 1,
			beforeCount: 2,
			afterCount: 1
		});
	});

	it('counts a failed red line as nothing and has no figure without results', () => {
		const failed = at(
			rescored(submittedEvaluation(), 'abuse', { redLineFailed: true }),
			'2026-11-25T02:00:00.000Z',
			'evaluation:f'
		);
		const [abuse] = compareItems(
			[failed],
			new Map([[hotlineScorecard._id, hotlineScorecard]]),
			'agent01',
			['abuse'],
			'2026-11-20T00:00:00.000Z'
		);
		expect(abuse).toMatchObject({ before: null, after: 0, afterCount: 1 });
	});
});
