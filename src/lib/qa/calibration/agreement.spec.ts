// The agreement statistics against published worked examples.
import { describe, expect, it } from 'vitest';
import {
	fleissKappa,
	fleissKappaOfDecisions,
	intraclassCorrelations,
	krippendorffAlpha,
	raterDeviations
} from './agreement';

describe('Fleiss’ kappa', () => {
	it('gives 0.210 on the textbook example (10 subjects, 14 raters, 5 categories)', () => {
		const counts = [
			[0, 0, 0, 0, 14],
			[0, 2, 6, 4, 2],
			[0, 0, 3, 5, 6],
			[0, 3, 9, 2, 0],
			[2, 2, 8, 1, 1],
			[7, 7, 0, 0, 0],
			[3, 2, 6, 3, 0],
			[2, 5, 3, 2, 2],
			[6, 5, 2, 1, 0],
			[0, 2, 2, 3, 7]
		];
		expect(fleissKappa(counts)).toBeCloseTo(0.21, 3);
	});

	it('is 1 for unanimous decisions that differ between calls, and refuses uneven raters', () => {
		expect(
			fleissKappaOfDecisions([
				['合格', '合格', '合格'],
				['不合格', '不合格', '不合格']
			])
		).toBe(1);
		expect(() =>
			fleissKappa([
				[2, 1],
				[1, 1]
			])
		).toThrow(/评分人数相同/);
	});
});

describe('Krippendorff’s alpha', () => {
	// Krippendorff's worked example: 4 observers, 12 units, missing values; rows here are the units.
	const byObserver = [
		[1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
		[1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
		[null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
		[1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null]
	];
	const units = byObserver[0]!.map((_, unit) => byObserver.map((observer) => observer[unit]!));

	it('gives 0.743 nominal and 0.849 interval on the worked example', () => {
		expect(krippendorffAlpha(units, 'nominal')).toBeCloseTo(0.743, 3);
		expect(krippendorffAlpha(units, 'interval')).toBeCloseTo(0.849, 3);
	});

	it('is 1 for perfect agreement and NaN when nothing varies or nothing pairs', () => {
		expect(
			krippendorffAlpha(
				[
					[80, 80],
					[90, 90, 90],
					[70, null]
				],
				'interval'
			)
		).toBe(1);
		expect(
			krippendorffAlpha(
				[
					[80, 80],
					[80, 80]
				],
				'interval'
			)
		).toBeNaN();
		expect(
			krippendorffAlpha(
				[
					[80, null],
					[null, 90]
				],
				'interval'
			)
		).toBeNaN();
	});
});

describe('intraclass correlations', () => {
	it('give Shrout and Fleiss’ (1979) values on their 6 targets × 4 judges', () => {
		const icc = intraclassCorrelations([
			[9, 2, 5, 8],
			[6, 1, 3, 2],
			[8, 4, 6, 8],
			[7, 1, 2, 6],
			[10, 5, 6, 9],
			[6, 2, 4, 7]
		]);
		expect(icc.icc1).toBeCloseTo(0.17, 2);
		expect(icc.icc2).toBeCloseTo(0.29, 2);
		expect(icc.icc3).toBeCloseTo(0.71, 2);
		expect(icc.icc1k).toBeCloseTo(0.44, 2);
		expect(icc.icc2k).toBeCloseTo(0.62, 2);
		expect(icc.icc3k).toBeCloseTo(0.91, 2);
	});
});

describe('each rater’s deviation', () => {
	const units = [
		[90, 80, 85],
		[70, 60, null],
		[100, 90, 95]
	];
	it('from the others’ mean: a lenient rater shows a positive bias', () => {
		const [first, second, third] = raterDeviations(units);
		expect(first).toEqual({ bias: (7.5 + 10 + 7.5) / 3, meanAbsolute: (7.5 + 10 + 7.5) / 3, scored: 3 });
		expect(second!.bias).toBeCloseTo((-7.5 - 10 - 7.5) / 3);
		expect(third).toEqual({ bias: 0, meanAbsolute: 0, scored: 2 });
	});

	it('from the supervisor’s reference score where one is set', () => {
		const [first] = raterDeviations(units, [85, null, 100]);
		expect(first!.bias).toBeCloseTo((5 + 10 + 0) / 3);
		expect(first!.scored).toBe(3);
	});
});
