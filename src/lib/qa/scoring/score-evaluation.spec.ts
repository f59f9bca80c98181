import { describe, expect, it } from 'vitest';
import type { Scorecard } from '$lib/db/generated/documents';
import { roundScore, scoreEvaluation, type EvaluationResult, type Score } from './score-evaluation';
import { line, scorecardWith } from './scorecard-fixture';

const redLine = (key: string, maxPoints = 0) => ({ key, maxPoints, redLine: true });

describe('scoreEvaluation', () => {
	const cases: Array<[string, Scorecard, Score[], Partial<EvaluationResult>]> = [
		[
			'an unweighted card is a plain sum of points',
			scorecardWith([{ key: 'a' }, { key: 'b' }]),
			[line('a', 10), line('b', 5)],
			{ total: 75, earned: 15, possible: 20, complete: true, unscored: [] }
		],
		[
			'unequal maximum points weigh by their maximum',
			scorecardWith([
				{ key: 'a', maxPoints: 30 },
				{ key: 'b', maxPoints: 70 }
			]),
			[line('a', 30), line('b', 35)],
			{ total: 65, earned: 65, possible: 100 }
		],
		[
			'explicit weights replace the maximum points',
			scorecardWith([
				{ key: 'a', weight: 1 },
				{ key: 'b', weight: 3 }
			]),
			[line('a', 0), line('b', 10)],
			{ total: 75, earned: 3, possible: 4 }
		],
		[
			'weighted and unweighted items mix',
			scorecardWith([
				{ key: 'a', maxPoints: 10, weight: 50 },
				{ key: 'b', maxPoints: 50 }
			]),
			[line('a', 5), line('b', 50)],
			{ total: 75, earned: 75, possible: 100 }
		],
		[
			'an item weighted 0 does not move the total',
			scorecardWith([{ key: 'a', weight: 0 }, { key: 'b' }]),
			[line('a', 0), line('b', 10)],
			{ total: 100, complete: true }
		],
		[
			'not applicable re-bases the total',
			scorecardWith([{ key: 'a' }, { key: 'b', allowNotApplicable: true }]),
			[line('a', 8), line('b', null, { notApplicable: true })],
			{ total: 80, possible: 10, complete: true }
		],
		[
			'not applicable where the card does not allow it leaves the item unscored',
			scorecardWith([{ key: 'a' }, { key: 'b' }]),
			[line('a', 8), line('b', null, { notApplicable: true })],
			{ total: 80, complete: false, unscored: ['b'] }
		],
		[
			'everything not applicable gives no total',
			scorecardWith([{ key: 'a', allowNotApplicable: true }]),
			[line('a', null, { notApplicable: true })],
			{ total: null, complete: true }
		],
		[
			'a failed red line zeroes a perfect score',
			scorecardWith([{ key: 'a' }, redLine('rude')]),
			[line('a', 10), line('rude', null, { redLineFailed: true })],
			{ total: 0, redLineFailed: true, failedRedLines: ['rude'], complete: true }
		],
		[
			'a passed red line without points does not count in the sums',
			scorecardWith([{ key: 'a' }, redLine('rude')]),
			[line('a', 9), line('rude', null, { redLineFailed: false })],
			{ total: 90, possible: 10, redLineFailed: false, complete: true }
		],
		[
			'a passed red line with points counts like any item',
			scorecardWith([{ key: 'a' }, redLine('policy', 10)]),
			[line('a', 10), line('policy', 6, { redLineFailed: false })],
			{ total: 80, possible: 20, complete: true }
		],
		[
			'a failed red line with points zeroes the total whatever its points',
			scorecardWith([{ key: 'a' }, redLine('policy', 10)]),
			[line('a', 10), line('policy', 10, { redLineFailed: true })],
			{ total: 0, failedRedLines: ['policy'], complete: true }
		],
		[
			'a red line not yet decided is unscored, even with points',
			scorecardWith([{ key: 'a' }, redLine('policy', 10)]),
			[line('a', 10), line('policy', 5)],
			{ total: 100, complete: false, unscored: ['policy'] }
		],
		[
			'a failed red line wins over points out of range',
			scorecardWith([{ key: 'a' }, redLine('rude')]),
			[line('a', 11), line('rude', null, { redLineFailed: true })],
			{ total: 0, outOfRange: ['a'], complete: false }
		],
		[
			'rounds half up at .x5',
			scorecardWith([{ key: 'a', maxPoints: 200 }]),
			[line('a', 172.9)],
			{ total: 86.5 }
		],
		[
			'float trap: 34.58 / 40 × 100 is 86.44999… in binary, still 86.5',
			scorecardWith([{ key: 'a', maxPoints: 40 }]),
			[line('a', 34.58)],
			{ total: 86.5 }
		],
		[
			'float trap: weighted 8.645 of 10',
			scorecardWith([{ key: 'a', maxPoints: 10, weight: 100 }]),
			[line('a', 8.645)],
			{ total: 86.5 }
		],
		[
			'float trap: 0.1 + 0.2 in the sums',
			scorecardWith([
				{ key: 'a', maxPoints: 0.3 },
				{ key: 'b', maxPoints: 0.7 }
			]),
			[line('a', 0.1), line('b', 0.2)],
			{ total: 30, earned: 0.3, possible: 1 }
		],
		[
			'thirds are rounded once, at the end',
			scorecardWith([{ key: 'a' }, { key: 'b' }, { key: 'c' }]),
			[line('a', 10), line('b', 10), line('c', 0)],
			{ total: 66.7 }
		],
		[
			'0.05 rounds up to 0.1',
			scorecardWith([{ key: 'a', maxPoints: 1000 }]),
			[line('a', 0.5)],
			{ total: 0.1 }
		],
		[
			'99.95 rounds up to 100',
			scorecardWith([{ key: 'a', maxPoints: 2000 }]),
			[line('a', 1999)],
			{ total: 100 }
		],
		[
			'points above the maximum are reported and give no total',
			scorecardWith([{ key: 'a' }, { key: 'b' }]),
			[line('a', 10.5), line('b', 10)],
			{ total: null, outOfRange: ['a'], complete: false, unscored: [] }
		],
		[
			'negative points are reported',
			scorecardWith([{ key: 'a' }]),
			[line('a', -1)],
			{ total: null, outOfRange: ['a'], complete: false }
		],
		[
			'NaN points are reported',
			scorecardWith([{ key: 'a' }]),
			[line('a', Number.NaN)],
			{ total: null, outOfRange: ['a'] }
		],
		[
			'score lines for criteria not on this version are ignored and reported',
			scorecardWith([{ key: 'a' }]),
			[line('a', 5), line('gone', 0), line('gone', 3)],
			{ total: 50, complete: true, unknownKeys: ['gone'] }
		],
		[
			'unscored criteria leave it incomplete; the total covers the scored ones',
			scorecardWith([{ key: 'a' }, { key: 'b' }]),
			[line('a', 10)],
			{ total: 100, complete: false, unscored: ['b'] }
		],
		[
			'a line with points null is unscored',
			scorecardWith([{ key: 'a' }]),
			[line('a', null)],
			{ total: null, complete: false, unscored: ['a'] }
		],
		['nothing scored yet', scorecardWith([{ key: 'a' }]), [], { total: null, earned: 0, possible: 0 }],
		[
			'the last line for a key wins',
			scorecardWith([{ key: 'a' }]),
			[line('a', 2), line('a', 7)],
			{ total: 70 }
		],
		[
			'points on a passed 0-point red line are ignored',
			scorecardWith([{ key: 'a' }, redLine('leak')]),
			[line('a', 10), line('leak', 7, { redLineFailed: false })],
			{ total: 100, outOfRange: [], complete: true }
		]
	];

	it.each(cases)('%s', (_name, scorecard, scores, expected) => {
		expect(scoreEvaluation(scorecard, scores)).toMatchObject({ maxTotal: 100, ...expected });
	});

	it('lists failed red lines and unscored items in scorecard order', () => {
		const scorecard = scorecardWith([redLine('leak'), { key: 'a' }, redLine('rude'), { key: 'b' }]);
		const result = scoreEvaluation(scorecard, [
			line('rude', null, { redLineFailed: true }),
			line('leak', null, { redLineFailed: true })
		]);
		expect(result.failedRedLines).toEqual(['leak', 'rude']);
		expect(result.unscored).toEqual(['a', 'b']);
	});
});

describe('roundScore', () => {
	it.each([
		[86.45, 86.5],
		[86.44, 86.4],
		[86.44999999999999, 86.5],
		[0.05, 0.1],
		[1.25, 1.3],
		[99.95, 100],
		[100, 100],
		[0, 0]
	])('roundScore(%d) = %d', (value, rounded) => {
		expect(roundScore(value)).toBe(rounded);
	});
});
