// What a closed calibration session shows (质检校准结果): each inspector's totals and item points side by side,
// how far they agree (agreement.ts) and who scores wider or stricter than the reference. Pure: the results
// screen and the trend over sessions read it; totals are recomputed from the score lines, never trusted.
import type { CalibrationScore, CalibrationSession, Scorecard } from '$lib/db/generated/documents';
import {
	fleissKappaOfDecisions,
	intraclassCorrelations,
	krippendorffAlpha,
	raterDeviations,
	type RaterDeviation
} from './agreement';
import {
	criteriaOf,
	outcomeOf,
	scoreEvaluation,
	scoresByKey,
	withoutFloatNoise,
	type EvaluationResult
} from '$lib/qa/scoring/score-evaluation';

export interface CalibrationResults {
	/** Session order: every column below follows it. */
	inspectors: string[];
	referenceInspector: string | null;
	calls: { recordingId: string; callId: string; agentName: string }[];
	/** Only submitted scores count; one per (call, inspector); a score for another session/recording/inspector not in the session is ignored. */
	totals: {
		recordingId: string;
		byInspector: (number | null)[];
		passByInspector: (boolean | null)[];
		/** Whether the inspector failed a red line on this call (then the total is 0); null when not scored. */
		redLineByInspector: (boolean | null)[];
		/** Max − min of the totals given; null with fewer than two. */
		spread: number | null;
		mean: number | null;
	}[];
	items: {
		key: string;
		name: string;
		maxPoints: number;
		redLine: boolean;
		/** Points; for red-line items 1 = failed, 0 = passed; null when not scored or not applicable. */
		perCall: { recordingId: string; byInspector: (number | null)[]; spread: number | null }[];
		/** Interval alpha over calls for point items, nominal for red-line items; NaN when undefined. */
		alpha: number;
		maxSpread: number | null;
	}[];
	agreement: {
		/** Krippendorff interval alpha over the totals. */
		totalsAlpha: number;
		/** Only when ≥2 calls and every inspector of the session scored every call with a total. */
		totalsIcc: { icc2: number; icc3: number } | null;
		/** Fleiss over (call × red-line criterion) decided by every complete inspector; NaN when all agree on one. */
		redLineKappa: number | null;
		/** Fleiss over calls, 合格/不合格 by the complete inspectors. */
		passFailKappa: number | null;
		/** Inspectors who submitted every call, in session order. */
		complete: string[];
	};
	/** Totals against the reference inspector's when set (the reference's own row: against the others' mean), else against the others' mean. */
	deviations: { inspector: string; bias: number; meanAbsolute: number; scored: number }[];
	submittedCount: number;
	expectedCount: number;
}

export interface CalibrationTrendPoint {
	sessionId: string;
	title: string;
	closedAt: string;
	inspectors: number;
	calls: number;
	totalsAlpha: number;
	passFailKappa: number | null;
	/** Mean over inspectors with scored > 0; NaN when none. */
	meanAbsoluteDeviation: number;
}

type Cells = (number | null)[];

const present = (values: Cells): number[] => values.filter((value): value is number => value !== null);

/** Max − min; null with fewer than two values, where there is nothing to disagree. */
function spreadOf(values: Cells): number | null {
	const given = present(values);
	return given.length < 2 ? null : withoutFloatNoise(Math.max(...given) - Math.min(...given));
}

function meanOf(values: Cells): number | null {
	const given = present(values);
	return given.length ? withoutFloatNoise(given.reduce((sum, value) => sum + value, 0) / given.length) : null;
}

/** A failed red line fails the call whatever the total; no total and no red line: undecided. */
function passOf({ redLineFailed, total }: EvaluationResult, passMark: number): boolean | null {
	return redLineFailed ? false : total === null ? null : total >= passMark;
}

/** The score documents that count, keyed "recordingId inspector"; a duplicate keeps the last saved. */
function countedScores(session: CalibrationSession, scores: readonly CalibrationScore[]) {
	const recordings = new Set(session.calls.map((call) => call.recordingId));
	const inspectors = new Set(session.inspectors);
	const counted = new Map<string, CalibrationScore>();
	const savedAt = (score: CalibrationScore) => score.submittedAt ?? score.updatedAt;
	for (const score of scores) {
		// A score on another scorecard version cannot be compared item by item with the rest.
		if (
			score.status !== 'submitted' ||
			score.sessionId !== session._id ||
			!recordings.has(score.recordingId) ||
			!inspectors.has(score.inspector) ||
			score.scorecardId !== session.scorecardId ||
			score.scorecardVersion !== session.scorecardVersion
		)
			continue;
		const key = `${score.recordingId} ${score.inspector}`;
		const earlier = counted.get(key);
		if (!earlier || savedAt(score) >= savedAt(earlier)) counted.set(key, score);
	}
	return counted;
}

export function calibrationResults(
	session: CalibrationSession,
	scorecard: Scorecard,
	scores: readonly CalibrationScore[]
): CalibrationResults {
	const { inspectors, calls } = session;
	const reference =
		session.referenceInspector && inspectors.includes(session.referenceInspector)
			? session.referenceInspector
			: null;
	const counted = countedScores(session, scores);
	// grid[call][inspector]: the score document, if one counts.
	const grid = calls.map((call) =>
		inspectors.map((inspector) => counted.get(`${call.recordingId} ${inspector}`))
	);

	const totals = calls.map((call, c) => {
		const results = grid[c]!.map((score) => (score ? scoreEvaluation(scorecard, score.scores) : null));
		const byInspector = results.map((result) => result?.total ?? null);
		return {
			recordingId: call.recordingId,
			byInspector,
			passByInspector: results.map((result) => (result ? passOf(result, session.passMark) : null)),
			redLineByInspector: results.map((result) => (result ? result.redLineFailed : null)),
			spread: spreadOf(byInspector),
			mean: meanOf(byInspector)
		};
	});

	const lines = grid.map((row) => row.map((score) => (score ? scoresByKey(score.scores) : null)));
	const items = criteriaOf(scorecard).map((criterion) => {
		const perCall = calls.map((call, c) => {
			const byInspector = lines[c]!.map((byKey): number | null => {
				if (!byKey) return null;
				const outcome = outcomeOf(criterion, byKey.get(criterion.key));
				if (criterion.redLine)
					return outcome.kind === 'redLineFailed' ? 1 : outcome.kind === 'scored' ? 0 : null;
				return outcome.kind === 'scored' ? outcome.points : null;
			});
			return { recordingId: call.recordingId, byInspector, spread: spreadOf(byInspector) };
		});
		const spreads = present(perCall.map((cell) => cell.spread));
		return {
			key: criterion.key,
			name: criterion.name,
			maxPoints: criterion.maxPoints,
			redLine: criterion.redLine,
			perCall,
			alpha: krippendorffAlpha(
				perCall.map((cell) => cell.byInspector),
				criterion.redLine ? 'nominal' : 'interval'
			),
			maxSpread: spreads.length ? Math.max(...spreads) : null
		};
	});

	const completeIndexes = inspectors.flatMap((_, i) => (grid.every((row) => row[i]) ? [i] : []));
	const complete = completeIndexes.map((i) => inspectors[i]!);
	const enoughRaters = completeIndexes.length >= 2;
	const totalUnits = totals.map((row) => row.byInspector);

	// ICC needs a full table: anyone missing a call (or a call with no total) leaves it undefined.
	let totalsIcc: CalibrationResults['agreement']['totalsIcc'] = null;
	const fullTable = complete.length === inspectors.length && totalUnits.every((row) => !row.includes(null));
	if (enoughRaters && calls.length >= 2 && fullTable) {
		const { icc2, icc3 } = intraclassCorrelations(totalUnits as number[][]);
		totalsIcc = { icc2, icc3 };
	}

	// Fleiss needs the same raters on every unit: the complete inspectors, on units all of them decided.
	const decisionsOf = <T>(row: readonly (T | null)[]) => completeIndexes.map((i) => row[i] ?? null);
	const fullRows = <T>(rows: (T | null)[][]) => rows.filter((row): row is T[] => !row.includes(null));
	const redLineItems = items.filter((item) => item.redLine);
	const redLineKappa =
		enoughRaters && redLineItems.length
			? fleissKappaOfDecisions(
					fullRows(
						redLineItems.flatMap((item) => item.perCall.map((cell) => decisionsOf(cell.byInspector)))
					).map((row) => row.map((failed) => (failed ? '触碰' : '未触碰')))
				)
			: null;
	const passFailKappa = enoughRaters
		? fleissKappaOfDecisions(
				fullRows(totals.map((row) => decisionsOf(row.passByInspector))).map((row) =>
					row.map((pass) => (pass ? '合格' : '不合格'))
				)
			)
		: null;

	return {
		inspectors: [...inspectors],
		referenceInspector: reference,
		calls: calls.map(({ recordingId, callId, agentName }) => ({ recordingId, callId, agentName })),
		totals,
		items,
		agreement: {
			totalsAlpha: krippendorffAlpha(totalUnits, 'interval'),
			totalsIcc,
			redLineKappa,
			passFailKappa,
			complete
		},
		deviations: deviationsOf(inspectors, totalUnits, reference),
		submittedCount: counted.size,
		expectedCount: calls.length * inspectors.length
	};
}

/**
 * Against the reference's totals on the calls the reference scored (not the group mean where they did not:
 * one row would mix two yardsticks); the reference against the others' mean, which says how typical the
 * yardstick is (against themself it would always be 0).
 */
function deviationsOf(inspectors: string[], units: Cells[], reference: string | null) {
	const againstGroup = raterDeviations(units);
	const r = reference === null ? -1 : inspectors.indexOf(reference);
	let deviations = againstGroup;
	if (r >= 0) {
		const scoredByReference = units.filter((unit) => unit[r] !== null);
		const againstReference = raterDeviations(
			scoredByReference,
			scoredByReference.map((unit) => unit[r]!)
		);
		deviations = inspectors.map((_, i) => (i === r ? againstGroup[i] : againstReference[i])!);
	}
	const none: RaterDeviation = { bias: Number.NaN, meanAbsolute: Number.NaN, scored: 0 };
	return inspectors.map((inspector, i) => ({ inspector, ...(deviations[i] ?? none) }));
}

/** Closed sessions oldest first, each with its results: what the trend of agreement over sessions shows. */
export function calibrationTrend(
	entries: readonly { session: CalibrationSession; results: CalibrationResults }[]
): CalibrationTrendPoint[] {
	return entries
		.filter(({ session }) => session.status === 'closed' && session.closedAt)
		.map(({ session, results }) => {
			const scored = results.deviations.filter((deviation) => deviation.scored > 0);
			return {
				sessionId: session._id,
				title: session.title,
				closedAt: session.closedAt!,
				inspectors: results.inspectors.length,
				calls: results.calls.length,
				totalsAlpha: results.agreement.totalsAlpha,
				passFailKappa: results.agreement.passFailKappa,
				meanAbsoluteDeviation: scored.length
					? scored.reduce((sum, deviation) => sum + deviation.meanAbsolute, 0) / scored.length
					: Number.NaN
			};
		})
		.sort((a, b) => a.closedAt.localeCompare(b.closedAt));
}

/** Landis & Koch (1977) words for a kappa; '无法计算' for NaN/null. */
export function kappaReading(value: number | null): string {
	if (value === null || Number.isNaN(value)) return '无法计算';
	if (value < 0) return '差';
	if (value <= 0.2) return '轻微';
	if (value <= 0.4) return '一般';
	if (value <= 0.6) return '中等';
	if (value <= 0.8) return '较强';
	return '几乎完全一致';
}

/** Krippendorff's reading of alpha: ≥0.8 reliable, ≥0.667 for tentative conclusions, else not enough. */
export function alphaReading(value: number): string {
	if (Number.isNaN(value)) return '无法计算';
	return value >= 0.8 ? '可靠' : value >= 0.667 ? '可暂用' : '不足';
}

/** Koo & Li (2016) words for an intraclass correlation: <0.5 差, <0.75 中等, <0.9 良好, else 优秀. */
export function iccReading(value: number | null): string {
	if (value === null || Number.isNaN(value)) return '无法计算';
	return value < 0.5 ? '差' : value < 0.75 ? '中等' : value < 0.9 ? '良好' : '优秀';
}

/** Every revealed session whose scorecard is known, oldest close first, with its results. */
export function revealedSessionResults(
	sessions: readonly CalibrationSession[],
	scores: readonly CalibrationScore[],
	scorecards: ReadonlyMap<string, Scorecard>
): Array<{ session: CalibrationSession; results: CalibrationResults }> {
	return sessions
		.filter((session) => session.revealedAt && scorecards.has(session.scorecardId))
		.sort((a, b) => (a.closedAt ?? '').localeCompare(b.closedAt ?? ''))
		.map((session) => ({
			session,
			results: calibrationResults(
				session,
				scorecards.get(session.scorecardId)!,
				scores.filter((score) => score.sessionId === session._id)
			)
		}));
}
