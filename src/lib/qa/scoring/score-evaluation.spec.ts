import { describe, expect, it } from 'vitest';
import type { Scorecard } from '$lib/db/generated/documents';
import { pointsAfterDeductions, submissionProblems } from './evaluation-checks';
import {
	roundScore,
	scoreEvaluation,
	ScoreOutOfRangeError,
	type Criterion,
	type Score
} from './score-evaluation';

function card(criteria: Array<Partial<Criterion> & { key: string }>): Scorecard {
	return {
		_id: 'scorecard:test-v1',
		type: 'scorecard',
		family: 'test',
		name: '测试',
		version: 1,
		sections: [
			{
				key: 's',
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
		updatedBy: 'inspector01',
		updatedAt: '2026-11-01T00:00:00.000Z'
	};
}

const pts = (criterionKey: string, points: number | null, extra: Partial<Score> = {}): Score => ({
	criterionKey,
	points,
	...extra
});

describe('scoreEvaluation', () => {
	const cases: Array<[string, Scorecard, Score[], number | null, boolean]> = [
		['plain sum of points', card([{ key: 'a' }, { key: 'b' }]), [pts('a', 10), pts('b', 5)], 75, true],
		[
			'unequal maximum points weigh by their maximum',
			card([
				{ key: 'a', maxPoints: 30 },
				{ key: 'b', maxPoints: 70 }
			]),
			[pts('a', 30), pts('b', 35)],
			65,
			true
		],
		[
			'explicit weights override maximum points',
			card([
				{ key: 'a', maxPoints: 10, weight: 1 },
				{ key: 'b', maxPoints: 10, weight: 3 }
			]),
			[pts('a', 0), pts('b', 10)],
			75,
			true
		],
		[
			'not applicable re-bases the total',
			card([{ key: 'a' }, { key: 'b', allowNotApplicable: true }]),
			[pts('a', 8), pts('b', null, { notApplicable: true })],
			80,
			true
		],
		[
			'not applicable where it is not allowed counts as unscored',
			card([{ key: 'a' }, { key: 'b' }]),
			[pts('a', 8), pts('b', null, { notApplicable: true })],
			80,
			false
		],
		[
			'everything not applicable gives no total',
			card([{ key: 'a', allowNotApplicable: true }]),
			[pts('a', null, { notApplicable: true })],
			null,
			true
		],
		[
			'a failed red line zeroes a perfect score',
			card([{ key: 'a' }, { key: 'rude', maxPoints: 0, redLine: true }]),
			[pts('a', 10), pts('rude', null, { redLineFailed: true })],
			0,
			true
		],
		[
			'a passed red line without points does not count in the sums',
			card([{ key: 'a' }, { key: 'rude', maxPoints: 0, redLine: true }]),
			[pts('a', 9), pts('rude', null, { redLineFailed: false })],
			90,
			true
		],
		[
			'a red line with points counts normally when passed',
			card([{ key: 'a' }, { key: 'policy', maxPoints: 10, redLine: true }]),
			[pts('a', 10), pts('policy', 6, { redLineFailed: false })],
			80,
			true
		],
		[
			'a red line with points zeroes the total when failed',
			card([{ key: 'a' }, { key: 'policy', maxPoints: 10, redLine: true }]),
			[pts('a', 10), pts('policy', 10, { redLineFailed: true })],
			0,
			true
		],
		['rounds half up at .x5', card([{ key: 'a', maxPoints: 200 }]), [pts('a', 172.9)], 86.5, true],
		[
			'no float drift: 0.1 + 0.2 style sums',
			card([
				{ key: 'a', maxPoints: 0.3 },
				{ key: 'b', maxPoints: 0.7 }
			]),
			[pts('a', 0.1), pts('b', 0.2)],
			30,
			true
		],
		[
			'thirds round to one decimal',
			card([{ key: 'a' }, { key: 'b' }, { key: 'c' }]),
			[pts('a', 10), pts('b', 10), pts('c', 0)],
			66.7,
			true
		],
		['unscored criteria leave it incomplete', card([{ key: 'a' }, { key: 'b' }]), [pts('a', 10)], 100, false],
		['nothing scored yet', card([{ key: 'a' }]), [], null, false],
		[
			'scores of criteria not on this version are ignored',
			card([{ key: 'a' }]),
			[pts('a', 5), pts('gone', 0)],
			50,
			true
		]
	];

	it.each(cases)('%s', (_name, scorecard, scores, total, complete) => {
		const result = scoreEvaluation(scorecard, scores);
		expect(result.total).toBe(total);
		expect(result.complete).toBe(complete);
	});

	it('names the failed red lines and the unknown keys', () => {
		const result = scoreEvaluation(card([{ key: 'a' }, { key: 'leak', maxPoints: 0, redLine: true }]), [
			pts('a', 10),
			pts('leak', null, { redLineFailed: true }),
			pts('old', 3)
		]);
		expect(result).toMatchObject({ redLineFailed: true, failedRedLines: ['leak'], unknownKeys: ['old'] });
	});

	it.each([-1, 10.5])('refuses %d points on a 10-point item', (points) => {
		expect(() => scoreEvaluation(card([{ key: 'a' }]), [pts('a', points)])).toThrow(ScoreOutOfRangeError);
	});

	it.each([
		[86.45, 86.5],
		[86.44, 86.4],
		[0.05, 0.1],
		[99.95, 100]
	])('roundScore(%d) = %d', (value, rounded) => {
		expect(roundScore(value)).toBe(rounded);
	});
});

describe('submission checks', () => {
	const scorecard = card([
		{ key: 'greet', name: '开头语' },
		{ key: 'record', name: '工单记录', allowNotApplicable: true },
		{
			key: 'attitude',
			name: '服务态度',
			deductions: [
				{ points: 2, reason: '语气生硬' },
				{ points: 5, reason: '打断来电人' }
			]
		},
		{ key: 'rude', name: '辱骂来电人', maxPoints: 0, redLine: true }
	]);

	it('accepts a fully decided evaluation with reasons for every deduction', () => {
		expect(
			submissionProblems(scorecard, [
				pts('greet', 10),
				pts('record', null, { notApplicable: true }),
				pts('attitude', 8, { deductionReasons: ['语气生硬'] }),
				pts('rude', null, { redLineFailed: false })
			])
		).toEqual([]);
	});

	it('lists every item that blocks submission, in scorecard order', () => {
		expect(
			submissionProblems(scorecard, [
				pts('greet', 7),
				pts('attitude', 12),
				pts('rude', null, { redLineFailed: true })
			])
		).toEqual([
			{ criterionKey: 'greet', message: '“开头语”有扣分，须选择扣分原因或写评语' },
			{ criterionKey: 'record', message: '“工单记录”尚未评分' },
			{ criterionKey: 'attitude', message: '“服务态度”的得分须在 0 到 10 之间' },
			{ criterionKey: 'rude', message: '“辱骂来电人”触发一票否决，须写明原因' }
		]);
	});

	it('refuses N/A where the scorecard does not allow it, and undecided red lines', () => {
		expect(
			submissionProblems(scorecard, [
				pts('greet', null, { notApplicable: true }),
				pts('record', 10),
				pts('attitude', 10)
			]).map((problem) => problem.message)
		).toEqual(['“开头语”不允许标为不适用', '“辱骂来电人”尚未判定是否触发']);
	});

	it('a comment is as good as a deduction reason', () => {
		expect(
			submissionProblems(scorecard, [
				pts('greet', 9, { comment: '开头语漏了工号' }),
				pts('record', 10),
				pts('attitude', 10),
				pts('rude', null, { redLineFailed: false })
			])
		).toEqual([]);
	});

	it('deduction options take their points off the maximum, never below zero', () => {
		const attitude = scorecard.sections[0]!.criteria[2]!;
		expect(pointsAfterDeductions(attitude, ['语气生硬'])).toBe(8);
		expect(pointsAfterDeductions(attitude, ['语气生硬', '打断来电人'])).toBe(3);
		expect(pointsAfterDeductions({ ...attitude, maxPoints: 4 }, ['打断来电人'])).toBe(0);
		expect(pointsAfterDeductions(attitude, [])).toBe(10);
	});
});
