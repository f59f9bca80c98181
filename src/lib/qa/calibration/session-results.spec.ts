// A calibration session's results on three inspectors × three calls, against values worked out by hand.
import { describe, expect, it } from 'vitest';
import type { CalibrationScore, CalibrationSession } from '$lib/db/generated/documents';
import { line, scorecardWith } from '$lib/qa/scoring/scorecard-fixture';
import { fleissKappaOfDecisions, intraclassCorrelations, krippendorffAlpha } from './agreement';
import {
	alphaReading,
	calibrationResults,
	calibrationTrend,
	iccReading,
	kappaReading
} from './session-results';

// Two 10-point items (total = their sum × 5) and a red line without points.
const scorecard = scorecardWith([
	{ key: 'greet', name: '开场问候' },
	{ key: 'solve', name: '解决问题', allowNotApplicable: true },
	{ key: 'leak', name: '泄露隐私', redLine: true, maxPoints: 0 }
]);

const SESSION_ID = 'calibrationSession:s1';

function sessionWith(extra: Partial<CalibrationSession> = {}): CalibrationSession {
	return {
		_id: SESSION_ID,
		type: 'calibrationSession',
		title: '十一月校准',
		scorecardId: 'scorecard:test-v1',
		scorecardVersion: 1,
		calls: ['r1', 'r2', 'r3'].map((recordingId, i) => ({
			recordingId: `recording:${recordingId}`,
			callId: `C00${i + 1}`,
			agentName: `agent0${i + 1}`,
			startedAt: '2026-11-01T01:00:00.000Z',
			durationSeconds: 300
		})),
		inspectors: ['qa01', 'qa02', 'qa03'],
		passMark: 80,
		due: '2026-11-10',
		status: 'closed',
		createdBy: 'supervisor01',
		createdAt: '2026-11-01T00:00:00.000Z',
		closedAt: '2026-11-10T08:00:00.000Z',
		updatedAt: '2026-11-10T08:00:00.000Z',
		...extra
	};
}

function score(
	inspector: string,
	call: string,
	greet: number,
	solve: number | 'na',
	leak = false,
	extra: Partial<CalibrationScore> = {}
): CalibrationScore {
	return {
		_id: `calibrationScore:s1:${inspector}:${call}`,
		type: 'calibrationScore',
		sessionId: SESSION_ID,
		recordingId: `recording:${call}`,
		inspector,
		scorecardId: 'scorecard:test-v1',
		scorecardVersion: 1,
		scores: [
			line('greet', greet),
			solve === 'na' ? line('solve', null, { notApplicable: true }) : line('solve', solve),
			line('leak', null, { redLineFailed: leak })
		],
		status: 'submitted',
		updatedAt: '2026-11-05T00:00:00.000Z',
		...extra
	};
}

// Totals: r1 85 / 75 / 85, r2 100 / 100 / 95, r3 50 / 0 (red line) / 60; pass mark 80.
const scores = [
	score('qa01', 'r1', 8, 9),
	score('qa02', 'r1', 6, 9),
	score('qa03', 'r1', 8, 9),
	score('qa01', 'r2', 10, 10),
	score('qa02', 'r2', 10, 10),
	score('qa03', 'r2', 9, 10),
	score('qa01', 'r3', 5, 5),
	score('qa02', 'r3', 5, 5, true),
	score('qa03', 'r3', 6, 6)
];
const table = [
	[85, 75, 85],
	[100, 100, 95],
	[50, 0, 60]
];

const without = (inspector: string, call: string) =>
	scores.filter((s) => !(s.inspector === inspector && s.recordingId === `recording:${call}`));

describe('calibrationResults', () => {
	const results = calibrationResults(sessionWith(), scorecard, scores);

	it('tables the recomputed totals, spreads, means and pass decisions', () => {
		expect(results.totals.map((row) => row.byInspector)).toEqual(table);
		expect(results.totals.map((row) => row.spread)).toEqual([10, 5, 60]);
		expect(results.totals.map((row) => row.mean)).toEqual([
			expect.closeTo(81.667, 3),
			expect.closeTo(98.333, 3),
			expect.closeTo(36.667, 3)
		]);
		expect(results.totals.map((row) => row.passByInspector)).toEqual([
			[true, false, true],
			[true, true, true],
			[false, false, false]
		]);
		expect(results.totals[2]!.redLineByInspector).toEqual([false, true, false]);
		expect(results.calls.map((call) => call.callId)).toEqual(['C001', 'C002', 'C003']);
		expect([results.submittedCount, results.expectedCount]).toEqual([9, 9]);
	});

	it('recomputes the total rather than trusting the stored one', () => {
		const stored = scores.map((s) => ({ ...s, total: 42 }));
		expect(calibrationResults(sessionWith(), scorecard, stored).totals[0]!.byInspector).toEqual([85, 75, 85]);
	});

	it('lists each item per call, red lines as 1 failed / 0 passed, with alpha of the same units', () => {
		const [greet, solve, leak] = results.items;
		expect(greet!.perCall.map((cell) => cell.byInspector)).toEqual([
			[8, 6, 8],
			[10, 10, 9],
			[5, 5, 6]
		]);
		expect(greet!.perCall.map((cell) => cell.spread)).toEqual([2, 1, 1]);
		expect(greet!.maxSpread).toBe(2);
		expect(greet!.alpha).toBe(
			krippendorffAlpha(
				greet!.perCall.map((cell) => cell.byInspector),
				'interval'
			)
		);
		expect(solve!.perCall.map((cell) => cell.spread)).toEqual([0, 0, 1]);
		expect(leak).toMatchObject({ key: 'leak', name: '泄露隐私', redLine: true, maxSpread: 1 });
		expect(leak!.perCall.map((cell) => cell.byInspector)).toEqual([
			[0, 0, 0],
			[0, 0, 0],
			[0, 1, 0]
		]);
		expect(leak!.alpha).toBe(
			krippendorffAlpha(
				leak!.perCall.map((cell) => cell.byInspector),
				'nominal'
			)
		);
	});

	it('gives null points for a criterion not applicable, and the total re-bases', () => {
		const na = [...without('qa03', 'r1'), score('qa03', 'r1', 8, 'na')];
		const withNa = calibrationResults(sessionWith(), scorecard, na);
		expect(withNa.items[1]!.perCall[0]!.byInspector).toEqual([9, 9, null]);
		expect(withNa.totals[0]!.byInspector).toEqual([85, 75, 80]);
	});

	it('computes the agreement figures on the totals and decisions', () => {
		expect(results.agreement.complete).toEqual(['qa01', 'qa02', 'qa03']);
		expect(results.agreement.totalsAlpha).toBe(krippendorffAlpha(table, 'interval'));
		const { icc2, icc3 } = intraclassCorrelations(table);
		expect(results.agreement.totalsIcc).toEqual({ icc2, icc3 });
		// Pass/fail: P̄ = 7/9, Pe = (5/9)² + (4/9)² = 41/81 → κ = 22/40.
		expect(results.agreement.passFailKappa).toBeCloseTo(0.55, 10);
		// Red line: P̄ = 7/9, Pe = (1/9)² + (8/9)² = 65/81 → κ = −2/16.
		expect(results.agreement.redLineKappa).toBeCloseTo(-0.125, 10);
	});

	it('gives alpha 1 when everyone agrees on calls that differ, and NaN kappas when every decision is the same', () => {
		const same = ['qa01', 'qa02', 'qa03'].flatMap((inspector) => [
			score(inspector, 'r1', 8, 9),
			score(inspector, 'r2', 10, 10),
			score(inspector, 'r3', 9, 9)
		]);
		const agreed = calibrationResults(sessionWith(), scorecard, same);
		expect(agreed.agreement.totalsAlpha).toBe(1);
		expect(agreed.items[0]!.alpha).toBe(1);
		expect(agreed.totals.map((row) => row.spread)).toEqual([0, 0, 0]);
		expect(agreed.agreement.passFailKappa).toBeNaN();
		expect(agreed.agreement.redLineKappa).toBeNaN();
		expect(agreed.deviations.map((d) => [d.bias, d.meanAbsolute])).toEqual([
			[0, 0],
			[0, 0],
			[0, 0]
		]);
	});

	it('leaves ICC out when someone missed a call and takes the kappas over the complete inspectors', () => {
		const missed = calibrationResults(sessionWith(), scorecard, without('qa01', 'r2'));
		expect(missed.agreement.complete).toEqual(['qa02', 'qa03']);
		expect(missed.agreement.totalsIcc).toBeNull();
		expect(missed.totals[1]!.byInspector).toEqual([null, 100, 95]);
		expect(missed.totals[1]!.passByInspector).toEqual([null, true, true]);
		expect(missed.submittedCount).toBe(8);
		// qa02 and qa03: r1 不合格/合格, r2 合格/合格, r3 不合格/不合格 → P̄ = 2/3, Pe = 1/2 → κ = 1/3.
		expect(missed.agreement.passFailKappa).toBeCloseTo(1 / 3, 10);
		expect(missed.agreement.passFailKappa).toBe(
			fleissKappaOfDecisions([
				['不合格', '合格'],
				['合格', '合格'],
				['不合格', '不合格']
			])
		);
		expect(missed.agreement.totalsAlpha).toBe(
			krippendorffAlpha(
				missed.totals.map((row) => row.byInspector),
				'interval'
			)
		);
	});

	it('gives no kappas with fewer than two complete inspectors, nor a red-line kappa without red lines', () => {
		const twoMissed = calibrationResults(
			sessionWith(),
			scorecard,
			without('qa01', 'r1').filter((s) => !(s.inspector === 'qa02' && s.recordingId === 'recording:r3'))
		);
		expect(twoMissed.agreement.complete).toEqual(['qa03']);
		expect(twoMissed.agreement.redLineKappa).toBeNull();
		expect(twoMissed.agreement.passFailKappa).toBeNull();
		const noRedLines = scorecardWith([{ key: 'greet' }, { key: 'solve' }]);
		const plain = calibrationResults(sessionWith(), noRedLines, scores);
		expect(plain.agreement.redLineKappa).toBeNull();
		expect(plain.agreement.passFailKappa).not.toBeNull();
	});

	it('measures deviations from the others’ mean without a reference inspector', () => {
		// qa01: +5, +2.5, +20; qa02: −10, +2.5, −55; qa03: +5, −5, +35.
		expect(results.referenceInspector).toBeNull();
		expect(results.deviations).toEqual([
			{
				inspector: 'qa01',
				bias: expect.closeTo(27.5 / 3, 10),
				meanAbsolute: expect.closeTo(27.5 / 3, 10),
				scored: 3
			},
			{ inspector: 'qa02', bias: expect.closeTo(-62.5 / 3, 10), meanAbsolute: 22.5, scored: 3 },
			{ inspector: 'qa03', bias: expect.closeTo(35 / 3, 10), meanAbsolute: 15, scored: 3 }
		]);
	});

	it('measures deviations from the reference inspector, and the reference from the others’ mean', () => {
		const referenced = calibrationResults(sessionWith({ referenceInspector: 'qa01' }), scorecard, scores);
		expect(referenced.referenceInspector).toBe('qa01');
		// qa02 − qa01: −10, 0, −50; qa03 − qa01: 0, −5, +10.
		expect(referenced.deviations).toEqual([
			{
				inspector: 'qa01',
				bias: expect.closeTo(27.5 / 3, 10),
				meanAbsolute: expect.closeTo(27.5 / 3, 10),
				scored: 3
			},
			{ inspector: 'qa02', bias: -20, meanAbsolute: 20, scored: 3 },
			{ inspector: 'qa03', bias: expect.closeTo(5 / 3, 10), meanAbsolute: 5, scored: 3 }
		]);
		// Where the reference did not score, the call is not compared (no fallback to the group mean).
		const gap = calibrationResults(
			sessionWith({ referenceInspector: 'qa01' }),
			scorecard,
			without('qa01', 'r2')
		);
		expect(gap.deviations[1]).toEqual({ inspector: 'qa02', bias: -30, meanAbsolute: 30, scored: 2 });
		// A reference who is not an inspector of the session is no reference.
		expect(
			calibrationResults(sessionWith({ referenceInspector: 'boss' }), scorecard, scores).referenceInspector
		).toBeNull();
	});

	it('ignores drafts and documents of other sessions, recordings, inspectors and scorecard versions', () => {
		const later = { updatedAt: '2026-11-09T00:00:00.000Z' };
		const noise = [
			score('qa01', 'r1', 0, 0, true, { status: 'draft', ...later }),
			score('qa01', 'r1', 0, 0, false, { sessionId: 'calibrationSession:s2', ...later }),
			score('qa01', 'r9', 0, 0),
			score('qa09', 'r1', 0, 0),
			score('qa02', 'r1', 0, 0, false, { scorecardVersion: 2, ...later })
		];
		const noisy = calibrationResults(sessionWith(), scorecard, [...noise, ...scores]);
		expect(noisy.totals.map((row) => row.byInspector)).toEqual(table);
		expect(noisy.inspectors).toEqual(['qa01', 'qa02', 'qa03']);
		expect(noisy.submittedCount).toBe(9);
		expect(noisy.agreement).toEqual(results.agreement);
	});
});

describe('calibrationTrend', () => {
	const entry = (id: string, closedAt: string | undefined, status: 'open' | 'closed' = 'closed') => {
		const session = sessionWith({ _id: `calibrationSession:${id}`, title: id, closedAt, status });
		const own = scores.map((s) => ({ ...s, sessionId: session._id }));
		return { session, results: calibrationResults(session, scorecard, own) };
	};

	it('lists closed sessions oldest first with their agreement figures', () => {
		const points = calibrationTrend([
			entry('b', '2026-10-01T00:00:00.000Z'),
			entry('open', undefined, 'open'),
			entry('a', '2026-09-01T00:00:00.000Z'),
			entry('c', '2026-11-01T00:00:00.000Z')
		]);
		expect(points.map((point) => point.title)).toEqual(['a', 'b', 'c']);
		expect(points[0]).toEqual({
			sessionId: 'calibrationSession:a',
			title: 'a',
			closedAt: '2026-09-01T00:00:00.000Z',
			inspectors: 3,
			calls: 3,
			totalsAlpha: krippendorffAlpha(table, 'interval'),
			passFailKappa: expect.closeTo(0.55, 10),
			// (27.5/3 + 22.5 + 15) / 3
			meanAbsoluteDeviation: expect.closeTo((27.5 / 3 + 37.5) / 3, 10)
		});
	});
});

describe('readings', () => {
	it('words kappa after Landis & Koch, alpha after Krippendorff and ICC after Koo & Li', () => {
		expect([-0.1, 0.1, 0.3, 0.5, 0.7, 0.9].map(kappaReading)).toEqual([
			'差',
			'轻微',
			'一般',
			'中等',
			'较强',
			'几乎完全一致'
		]);
		expect([kappaReading(null), kappaReading(Number.NaN)]).toEqual(['无法计算', '无法计算']);
		expect([0.8, 0.7, 0.5, Number.NaN].map(alphaReading)).toEqual(['可靠', '可暂用', '不足', '无法计算']);
		expect([0.4, 0.6, 0.8, 0.95, null].map(iccReading)).toEqual(['差', '中等', '良好', '优秀', '无法计算']);
	});
});
