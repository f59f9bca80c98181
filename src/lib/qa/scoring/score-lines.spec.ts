import { describe, expect, it } from 'vitest';
import { scoreEvaluation } from './score-evaluation';
import { line, scorecardWith } from './scorecard-fixture';
import {
	scoreLinesFor,
	withComment,
	withDeduction,
	withNotApplicable,
	withPoints,
	withRedLineDecision,
	withUndecidedAtFullPoints
} from './score-lines';

const scorecard = scorecardWith([
	{ key: 'greet' },
	{
		key: 'listen',
		deductions: [
			{ points: 3, reason: '打断来电人陈述' },
			{ points: 2, reason: '未确认诉求' }
		]
	},
	{ key: 'emotion', allowNotApplicable: true },
	{ key: 'rude', maxPoints: 0, redLine: true },
	{ key: 'policy', maxPoints: 10, redLine: true }
]);
const listen = scorecard.sections[0]!.criteria[1]!;
const lineOf = (scores: ReturnType<typeof scoreLinesFor>, key: string) =>
	scores.find((score) => score.criterionKey === key);

describe('score lines', () => {
	it('keeps one line per criterion in scorecard order, and unknown lines at the end', () => {
		const lines = scoreLinesFor(scorecard, [line('gone', 1), line('policy', 5), line('greet', 9)]);
		expect(lines.map((score) => [score.criterionKey, score.points])).toEqual([
			['greet', 9],
			['listen', null],
			['emotion', null],
			['rude', null],
			['policy', 5],
			['gone', 1]
		]);
	});

	it('takes typed points, and empty or unreadable input as not scored', () => {
		expect(lineOf(withPoints(scorecard, [], 'greet', 7.5), 'greet')?.points).toBe(7.5);
		expect(lineOf(withPoints(scorecard, [line('greet', 7)], 'greet', null), 'greet')?.points).toBeNull();
		expect(lineOf(withPoints(scorecard, [], 'greet', Number.NaN), 'greet')?.points).toBeNull();
	});

	it('sets points from the chosen deductions and forgets an unchosen one', () => {
		let scores = withDeduction(scorecard, [], listen, '打断来电人陈述', true);
		scores = withDeduction(scorecard, scores, listen, '未确认诉求', true);
		expect(lineOf(scores, 'listen')).toMatchObject({
			points: 5,
			deductionReasons: ['打断来电人陈述', '未确认诉求']
		});
		scores = withDeduction(scorecard, scores, listen, '打断来电人陈述', false);
		expect(lineOf(scores, 'listen')).toMatchObject({ points: 8, deductionReasons: ['未确认诉求'] });
	});

	it('clears points and deductions when an item becomes N/A', () => {
		const scores = withNotApplicable(
			scorecard,
			[line('emotion', 6, { deductionReasons: ['x'] })],
			'emotion',
			true
		);
		expect(lineOf(scores, 'emotion')).toEqual({
			criterionKey: 'emotion',
			points: null,
			notApplicable: true,
			deductionReasons: []
		});
		expect(lineOf(withNotApplicable(scorecard, scores, 'emotion', false), 'emotion')?.notApplicable).toBe(
			false
		);
	});

	it('records red-line decisions and comments', () => {
		let scores = withRedLineDecision(scorecard, [], 'rude', true);
		scores = withComment(scorecard, scores, 'rude', '与来电人争吵');
		expect(lineOf(scores, 'rude')).toMatchObject({ redLineFailed: true, comment: '与来电人争吵' });
	});

	it('fills undecided items with full points and passed red lines, leaving decided ones alone', () => {
		const scores = withUndecidedAtFullPoints(scorecard, [
			line('greet', 6, { comment: '漏报工号' }),
			line('emotion', null, { notApplicable: true }),
			line('policy', 4, { redLineFailed: true })
		]);
		expect(scores).toEqual([
			line('greet', 6, { comment: '漏报工号' }),
			line('listen', 10),
			line('emotion', null, { notApplicable: true }),
			line('rude', null, { redLineFailed: false }),
			line('policy', 4, { redLineFailed: true })
		]);
		expect(scoreEvaluation(scorecard, withUndecidedAtFullPoints(scorecard, []))).toMatchObject({
			total: 100,
			complete: true
		});
	});
});
