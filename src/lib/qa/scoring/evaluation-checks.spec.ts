import { describe, expect, it } from 'vitest';
import type { Score } from './score-evaluation';
import {
	deductionPointsFor,
	hasReason,
	needsReason,
	pointsAfterDeductions,
	submissionProblems
} from './evaluation-checks';
import { line, scorecardWith } from './scorecard-fixture';

const scorecard = scorecardWith([
	{ key: 'greet', name: '开头语' },
	{ key: 'record', name: '工单记录', allowNotApplicable: true },
	{
		key: 'attitude',
		name: '服务态度',
		deductions: [
			{ points: 2, reason: '语气生硬' },
			{ points: 5, reason: '打断来电人' },
			{ points: 0.1, reason: '口头禅' },
			{ points: 0.2, reason: '背景嘈杂' }
		]
	},
	{ key: 'rude', name: '辱骂来电人', maxPoints: 0, redLine: true },
	{ key: 'policy', name: '政策答复', maxPoints: 10, redLine: true }
]);
const attitude = scorecard.sections[0]!.criteria[2]!;

/** A fully decided evaluation at full marks, with `changes` laid over it. */
function decided(changes: Record<string, Partial<Score>> = {}): Score[] {
	const base: Score[] = [
		line('greet', 10),
		line('record', 10),
		line('attitude', 10),
		line('rude', null, { redLineFailed: false }),
		line('policy', 10, { redLineFailed: false })
	];
	return base.map((score) => ({ ...score, ...changes[score.criterionKey] }));
}

describe('submissionProblems', () => {
	const cases: Array<[string, Score[], Array<[string, string]>]> = [
		['a fully decided evaluation at full marks passes', decided(), []],
		['N/A where the card allows it passes', decided({ record: { points: null, notApplicable: true } }), []],
		[
			'N/A where the card does not allow it is refused',
			decided({ greet: { points: null, notApplicable: true } }),
			[['greet', '“开头语”不允许标为不适用']]
		],
		['an item without a line is unscored', decided().slice(1), [['greet', '“开头语”尚未评分']]],
		[
			'an item with points null is unscored',
			decided({ greet: { points: null } }),
			[['greet', '“开头语”尚未评分']]
		],
		[
			'points taken off need a reason',
			decided({ greet: { points: 7 } }),
			[['greet', '“开头语”有扣分，须选择扣分原因或填写评语']]
		],
		['a comment is a reason', decided({ greet: { points: 7, comment: '漏报工号' } }), []],
		[
			'a blank comment is no reason',
			decided({ greet: { points: 7, comment: '  ' } }),
			[['greet', '“开头语”有扣分，须选择扣分原因或填写评语']]
		],
		[
			'a chosen deduction is a reason',
			decided({ attitude: { points: 8, deductionReasons: ['语气生硬'] } }),
			[]
		],
		[
			'points out of range are refused',
			decided({ attitude: { points: 12 } }),
			[['attitude', '“服务态度”的得分须在 0 到 10 之间']]
		],
		[
			'an undecided red line is refused',
			decided({ rude: { redLineFailed: undefined } }),
			[['rude', '“辱骂来电人”尚未判定是否触发一票否决']]
		],
		[
			'a failed red line needs a reason',
			decided({ rude: { redLineFailed: true } }),
			[['rude', '“辱骂来电人”触发一票否决，须写明原因']]
		],
		[
			'a failed red line with a comment passes',
			decided({ rude: { redLineFailed: true, comment: '与来电人争吵' } }),
			[]
		],
		[
			'a passed red line with points still needs its points',
			decided({ policy: { points: null } }),
			[['policy', '“政策答复”尚未评分']]
		],
		[
			'a passed red line with points taken off needs a reason',
			decided({ policy: { points: 6 } }),
			[['policy', '“政策答复”有扣分，须选择扣分原因或填写评语']]
		],
		[
			'every blocking item is listed, in scorecard order',
			[line('attitude', 12), line('greet', 7), line('rude', null, { redLineFailed: true })],
			[
				['greet', '“开头语”有扣分，须选择扣分原因或填写评语'],
				['record', '“工单记录”尚未评分'],
				['attitude', '“服务态度”的得分须在 0 到 10 之间'],
				['rude', '“辱骂来电人”触发一票否决，须写明原因'],
				['policy', '“政策答复”尚未判定是否触发一票否决']
			]
		],
		['lines for criteria not on the card do not block', [...decided(), line('gone', 3)], []]
	];

	it.each(cases)('%s', (_name, scores, expected) => {
		expect(
			submissionProblems(scorecard, scores).map((problem) => [problem.criterionKey, problem.message])
		).toEqual(expected);
	});
});

describe('reasons', () => {
	it('asks for a reason when points are taken off or a red line failed, not otherwise', () => {
		const greet = scorecard.sections[0]!.criteria[0]!;
		const rude = scorecard.sections[0]!.criteria[3]!;
		expect(needsReason(greet, line('greet', 9))).toBe(true);
		expect(needsReason(greet, line('greet', 10))).toBe(false);
		expect(needsReason(greet, undefined)).toBe(false);
		expect(needsReason(rude, line('rude', null, { redLineFailed: true }))).toBe(true);
		expect(needsReason(rude, line('rude', null, { redLineFailed: false }))).toBe(false);
	});

	it('counts a comment or a chosen deduction as a reason', () => {
		expect(hasReason(line('a', 1, { comment: '原因' }))).toBe(true);
		expect(hasReason(line('a', 1, { deductionReasons: ['语气生硬'] }))).toBe(true);
		expect(hasReason(line('a', 1, { comment: ' ', deductionReasons: [] }))).toBe(false);
		expect(hasReason(undefined)).toBe(false);
	});
});

describe('deductions', () => {
	it.each([
		[[], 0, 10],
		[['语气生硬'], 2, 8],
		[['语气生硬', '打断来电人'], 7, 3],
		[['语气生硬', '语气生硬'], 2, 8],
		[['不在表上的原因'], 0, 10],
		[['口头禅', '背景嘈杂'], 0.3, 9.7]
	])('%j takes %d points off, leaving %d', (reasons, taken, left) => {
		expect(deductionPointsFor(attitude, reasons)).toBe(taken);
		expect(pointsAfterDeductions(attitude, reasons)).toBe(left);
	});

	it('never leaves less than 0', () => {
		expect(pointsAfterDeductions({ ...attitude, maxPoints: 4 }, ['打断来电人'])).toBe(0);
	});
});
