// Agreement between inspectors who scored the same calls (质检校准): Krippendorff's alpha for points (interval)
// and decisions (nominal), with missing scores allowed; Fleiss' kappa for red-line and pass/fail decisions;
// the intraclass correlations of Shrout and Fleiss (1979) for a full table of points; and each inspector's
// deviation from the group or from a reference score. Pure functions: the calibration screen reads them.

/** Scores of one call (a unit) by each inspector in order; null where that inspector did not score it. */
export type ReliabilityData = ReadonlyArray<ReadonlyArray<number | null>>;

export type AlphaMetric = 'nominal' | 'interval';

const squaredDifference: Record<AlphaMetric, (a: number, b: number) => number> = {
	nominal: (a, b) => (a === b ? 0 : 1),
	interval: (a, b) => (a - b) ** 2
};

/**
 * Krippendorff's alpha over units × coders (Krippendorff, "Computing Krippendorff's alpha-reliability"):
 * 1 − observed / expected disagreement, from the coincidences of values within each unit. Units with fewer
 * than two values are not pairable and count for nothing. NaN when no unit is pairable or every value is
 * the same (no variation to agree on).
 */
export function krippendorffAlpha(units: ReliabilityData, metric: AlphaMetric): number {
	const delta = squaredDifference[metric];
	// Coincidences o[c][k] by value, and n_c, over pairable values.
	const coincidences = new Map<number, Map<number, number>>();
	const add = (c: number, k: number, weight: number) => {
		const row = coincidences.get(c) ?? new Map<number, number>();
		row.set(k, (row.get(k) ?? 0) + weight);
		coincidences.set(c, row);
	};
	for (const unit of units) {
		const values = unit.filter((value): value is number => value !== null && Number.isFinite(value));
		if (values.length < 2) continue;
		const weight = 1 / (values.length - 1);
		values.forEach((c, i) => values.forEach((k, j) => i !== j && add(c, k, weight)));
	}
	const totals = new Map<number, number>();
	for (const [c, row] of coincidences)
		totals.set(
			c,
			[...row.values()].reduce((sum, o) => sum + o, 0)
		);
	const n = [...totals.values()].reduce((sum, value) => sum + value, 0);
	if (n < 2) return Number.NaN;
	let observed = 0;
	for (const [c, row] of coincidences) for (const [k, o] of row) observed += o * delta(c, k);
	let expected = 0;
	for (const [c, nc] of totals) for (const [k, nk] of totals) expected += nc * nk * delta(c, k);
	observed /= n;
	expected /= n * (n - 1);
	return expected === 0 ? Number.NaN : 1 - observed / expected;
}

/**
 * Fleiss' kappa: rows are subjects (calls), columns categories, each cell how many raters put the subject
 * in the category; every row must sum to the same number of raters (two or more).
 */
export function fleissKappa(counts: ReadonlyArray<ReadonlyArray<number>>): number {
	if (counts.length === 0) return Number.NaN;
	const raters = counts[0]!.reduce((sum, count) => sum + count, 0);
	if (raters < 2) throw new Error('Fleiss 卡帕需要至少两名评分人');
	const categories = counts[0]!.length;
	const columnTotals = new Array<number>(categories).fill(0);
	let agreement = 0;
	for (const row of counts) {
		if (row.length !== categories || row.reduce((sum, count) => sum + count, 0) !== raters)
			throw new Error('Fleiss 卡帕要求每通电话的评分人数相同');
		row.forEach((count, category) => (columnTotals[category]! += count));
		agreement += (row.reduce((sum, count) => sum + count * count, 0) - raters) / (raters * (raters - 1));
	}
	const meanAgreement = agreement / counts.length;
	const chance = columnTotals.reduce((sum, total) => sum + (total / (counts.length * raters)) ** 2, 0);
	return chance === 1 ? Number.NaN : (meanAgreement - chance) / (1 - chance);
}

/** Fleiss' kappa of decisions (合格/不合格, a red line touched or not): rows are calls, one decision per rater. */
export function fleissKappaOfDecisions(decisions: ReadonlyArray<ReadonlyArray<string>>): number {
	const categories = [...new Set(decisions.flat())].sort();
	return fleissKappa(
		decisions.map((row) => categories.map((category) => row.filter((d) => d === category).length))
	);
}

export interface IntraclassCorrelations {
	/** One-way random: each call scored by its own set of raters. */
	icc1: number;
	/** Two-way random, absolute agreement: these inspectors stand for any inspector of the centre. */
	icc2: number;
	/** Two-way mixed, consistency: these inspectors only; a shared bias does not count. */
	icc3: number;
	/** The same three for the mean of the k raters' scores. */
	icc1k: number;
	icc2k: number;
	icc3k: number;
}

/** Shrout and Fleiss' intraclass correlations of a full table: rows are calls, columns raters. */
export function intraclassCorrelations(scores: ReadonlyArray<ReadonlyArray<number>>): IntraclassCorrelations {
	const n = scores.length;
	const k = scores[0]?.length ?? 0;
	if (n < 2 || k < 2 || scores.some((row) => row.length !== k))
		throw new Error('组内相关系数需要至少两通电话、两名评分人，且每通电话都有每人的评分');
	const grand = scores.flat().reduce((sum, value) => sum + value, 0) / (n * k);
	const rowMeans = scores.map((row) => row.reduce((sum, value) => sum + value, 0) / k);
	const columnMeans = Array.from({ length: k }, (_, j) => scores.reduce((sum, row) => sum + row[j]!, 0) / n);
	const total = scores.flat().reduce((sum, value) => sum + (value - grand) ** 2, 0);
	const betweenRows = k * rowMeans.reduce((sum, mean) => sum + (mean - grand) ** 2, 0);
	const betweenColumns = n * columnMeans.reduce((sum, mean) => sum + (mean - grand) ** 2, 0);
	const msr = betweenRows / (n - 1);
	const msc = betweenColumns / (k - 1);
	const mse = (total - betweenRows - betweenColumns) / ((n - 1) * (k - 1));
	const msw = (total - betweenRows) / (n * (k - 1));
	return {
		icc1: (msr - msw) / (msr + (k - 1) * msw),
		icc2: (msr - mse) / (msr + (k - 1) * mse + (k * (msc - mse)) / n),
		icc3: (msr - mse) / (msr + (k - 1) * mse),
		icc1k: (msr - msw) / msr,
		icc2k: (msr - mse) / (msr + (msc - mse) / n),
		icc3k: (msr - mse) / msr
	};
}

export interface RaterDeviation {
	/** Mean of (this rater's score − the reference), over the calls the rater scored: + is lenient. */
	bias: number;
	/** Mean absolute difference from the reference. */
	meanAbsolute: number;
	scored: number;
}

/**
 * Each rater's deviation from a reference per call: the supervisor's reference score where given, else the
 * mean of the other raters' scores of that call (a rater is not compared with themself).
 */
export function raterDeviations(
	units: ReliabilityData,
	reference?: ReadonlyArray<number | null>
): RaterDeviation[] {
	const raters = Math.max(0, ...units.map((unit) => unit.length));
	return Array.from({ length: raters }, (_, rater) => {
		let sum = 0;
		let absolute = 0;
		let scored = 0;
		units.forEach((unit, call) => {
			const own = unit[rater];
			if (own === null || own === undefined) return;
			const others = unit.filter((value, other): value is number => other !== rater && value !== null);
			const target =
				reference?.[call] ??
				(others.length ? others.reduce((total, value) => total + value, 0) / others.length : null);
			if (target === null || target === undefined) return;
			sum += own - target;
			absolute += Math.abs(own - target);
			scored++;
		});
		return scored
			? { bias: sum / scored, meanAbsolute: absolute / scored, scored }
			: { bias: Number.NaN, meanAbsolute: Number.NaN, scored: 0 };
	});
}
