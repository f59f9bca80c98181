// The QA figures of a period (报表: 质检), from grouped reads of the server's `reports` views (one key range per
// period and scope): pure functions of the rows, so the screen, the CLI and the tests compute them alike.
// Definitions, once: an evaluation counts on the Beijing day it was submitted; its total is the stored total
// (0 when a red line failed); 合格 is a total at or above the pass mark with no red line; an appeal counts on
// the day it was received, and its time to rule runs from then to the ruling.
import type { Scorecard } from '$lib/db/generated/documents';
import type { CountAndAverage, ItemLoss, QaFigures, TypicalCaseRow } from './report-types';

/** The definitions a QA report's figures are computed by: shown under the report and frozen with an issue. */
export const QA_DEFINITIONS = [
	'质检单按提交时的北京日期计入期间；草稿不计。',
	'平均分：质检单总分的平均，触红线的按 0 分计。',
	'合格率：总分不低于合格线且未触红线的质检单占比。',
	'红线：触发一票否决项的质检单数。',
	'失分 = 评分次数 × 该项满分 − 得分之和（不适用不计）；红线项按触发次数计。',
	'申诉按收到日期计入期间；裁决用时从收到至终审，按已裁决的平均。',
	'范围为班组时按其坐席合计；为分平台时只计该分平台的通话，“省本级”为省平台自己的通话。',
	'问题类型：期间内提交的质检单中标注该类型（质检单或其评语）的份数，一份只计一次。',
	'典型案例按标记日期计入期间；辅导任务按开出日期计入，已完成为现在的状态。',
	'抽检覆盖率：期间与本报表期间有重叠的各次抽检中，范围内的抽中通话已有提交质检单的占比；到期未评为逾期。',
	'辅导前后：期内开出的辅导任务，比较其坐席在所辅导评分项上开出日之前 60 天与之后 60 天的得分率（得分 ÷ 满分，红线项为未触发的占比），开出当天不计；之后 60 天未满的标“观察中”；最多比较最近开出的 100 个。',
	'校准：期间内结束的校准，α 为各通电话总分的 Krippendorff α（区间尺度），κ 为合格判定的 Fleiss κ。'
];

export interface Stats {
	sum: number;
	count: number;
	min: number;
	max: number;
	sumsqr: number;
}

export interface ViewRow<K> {
	key: K;
	value: Stats;
}

/** evaluation-scores: [scope, day, band] where band is the whole points of the total or 'R' for a red line. */
export type ScoreRow = ViewRow<[string, string, number | 'R']>;
/** evaluation-people: [scope, 'inspector' | 'agent' | 'business', day, name]. */
export type PeopleRow = ViewRow<[string, string, string, string]>;
/** item-points: [scope, day, scorecard id, item key]. */
export type ItemRow = ViewRow<[string, string, string, string]>;
/** appeals: [scope, day, status]. */
export type AppealRow = ViewRow<[string, string, string]>;

/** problem-tags: [scope, day, problem type]. */
export type TagRow = ViewRow<[string, string, string]>;
/** coaching: [scope, day opened, status]. */
export type CoachingRow = ViewRow<[string, string, string]>;
/** typical-cases (map only): [scope, day marked] → the case. */
export interface TypicalRow {
	key: [string, string];
	value: Omit<TypicalCaseRow, 'day'>;
}

export interface QaRows {
	scores: ScoreRow[];
	people: PeopleRow[];
	items: ItemRow[];
	appeals: AppealRow[];
	tags: TagRow[];
	coaching: CoachingRow[];
	typical: TypicalRow[];
}

const BANDS: Array<{ band: string; from: number; to: number }> = [
	{ band: '0–59', from: 0, to: 59 },
	{ band: '60–69', from: 60, to: 69 },
	{ band: '70–79', from: 70, to: 79 },
	{ band: '80–89', from: 80, to: 89 },
	{ band: '90–100', from: 90, to: 100 }
];

const mean = (sum: number, count: number) => (count > 0 ? sum / count : null);

/** Adds up stats by a key of the row (the same name over many days). */
function totalsBy<K>(
	rows: ViewRow<K>[],
	keyOf: (key: K) => string
): Map<string, { sum: number; count: number }> {
	const totals = new Map<string, { sum: number; count: number }>();
	for (const row of rows) {
		const name = keyOf(row.key);
		const total = totals.get(name) ?? { sum: 0, count: 0 };
		total.sum += row.value.sum;
		total.count += row.value.count;
		totals.set(name, total);
	}
	return totals;
}

function ranked(totals: Map<string, { sum: number; count: number }>): CountAndAverage[] {
	return [...totals]
		.map(([name, { sum, count }]) => ({ name, evaluations: count, average: mean(sum, count) }))
		.sort((a, b) => b.evaluations - a.evaluations || a.name.localeCompare(b.name));
}

/**
 * Points an item lost over `count` scorings whose points add up to `sum`, and the most it could have lost: a
 * red line (no points) counts its failures out of its scorings.
 */
export function lossOf(
	criterion: { redLine?: boolean; maxPoints: number },
	sum: number,
	count: number
): { lost: number; possible: number } {
	const redLine = Boolean(criterion.redLine) && criterion.maxPoints === 0;
	return {
		lost: redLine ? sum : count * criterion.maxPoints - sum,
		possible: redLine ? count : count * criterion.maxPoints
	};
}

function itemLosses(rows: ItemRow[], scorecards: ReadonlyMap<string, Scorecard>): ItemLoss[] {
	const totals = totalsBy(rows, (key) => `${key[2]}\u0000${key[3]}`);
	const losses: ItemLoss[] = [];
	for (const [joined, { sum, count }] of totals) {
		const [scorecardId, key] = joined.split('\u0000') as [string, string];
		const criterion = scorecards
			.get(scorecardId)
			?.sections.flatMap((section) => section.criteria)
			.find((candidate) => candidate.key === key);
		// An item of a scorecard this reader does not hold cannot be weighed: it is left out, not guessed.
		if (!criterion) continue;
		const { lost, possible } = lossOf(criterion, sum, count);
		losses.push({
			scorecardId,
			key,
			name: criterion.name,
			redLine: criterion.redLine,
			scored: count,
			lost,
			lostShare: possible > 0 ? lost / possible : 0
		});
	}
	return losses.sort((a, b) => b.lost - a.lost || b.lostShare - a.lostShare || a.name.localeCompare(b.name));
}

/** Every figure of one period and scope; `days` lists the period's dates, so a day without work shows as 0. */
export function qaFigures(
	rows: QaRows,
	passMark: number,
	days: string[],
	scorecards: ReadonlyMap<string, Scorecard>,
	/** Problem type key → its name (a retired or unknown type shows its key). */
	tagNames: ReadonlyMap<string, string> = new Map()
): QaFigures {
	let evaluations = 0;
	let sum = 0;
	let passed = 0;
	let redLineFailures = 0;
	const bandCounts = new Map(BANDS.map((band) => [band.band, 0]));
	const daily = new Map(days.map((day) => [day, { sum: 0, count: 0 }]));
	for (const { key, value } of rows.scores) {
		const band = key[2];
		evaluations += value.count;
		sum += value.sum;
		const day = daily.get(key[1]);
		if (day) {
			day.sum += value.sum;
			day.count += value.count;
		}
		if (band === 'R') {
			redLineFailures += value.count;
			continue;
		}
		if (band >= passMark) passed += value.count;
		const named = BANDS.find((candidate) => band >= candidate.from && band <= candidate.to);
		if (named) bandCounts.set(named.band, bandCounts.get(named.band)! + value.count);
	}
	const people = (kind: string) =>
		ranked(
			totalsBy(
				rows.people.filter((row) => row.key[1] === kind),
				(key) => key[3]
			)
		);
	const appeals = {
		received: 0,
		open: 0,
		upheld: 0,
		rejected: 0,
		expired: 0,
		meanHoursToRule: null as number | null
	};
	let ruledHours = 0;
	let ruled = 0;
	for (const { key, value } of rows.appeals) {
		const status = key[2];
		appeals.received += value.count;
		if (status === 'open' || status === 'upheld' || status === 'rejected' || status === 'expired')
			appeals[status] += value.count;
		if (status !== 'open') {
			ruledHours += value.sum;
			ruled += value.count;
		}
	}
	appeals.meanHoursToRule = mean(ruledHours, ruled);
	return {
		evaluations,
		averageScore: mean(sum, evaluations),
		passMark,
		passRate: evaluations > 0 ? passed / evaluations : null,
		redLineFailures,
		distribution: [
			{ band: '红线', count: redLineFailures },
			...BANDS.map((band) => ({ band: band.band, count: bandCounts.get(band.band)! }))
		],
		byDay: [...daily].map(([day, total]) => ({
			day,
			evaluations: total.count,
			average: mean(total.sum, total.count)
		})),
		byInspector: people('inspector'),
		byAgent: people('agent'),
		byBusinessType: people('business'),
		itemsLost: itemLosses(rows.items, scorecards),
		appeals,
		problemTags: [...totalsBy(rows.tags, (key) => key[2])]
			.map(([key, { count }]) => ({ key, name: tagNames.get(key) ?? key, count }))
			.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
		typicalCases: rows.typical
			.map((row) => ({ day: row.key[1], ...row.value }))
			.sort((a, b) => a.day.localeCompare(b.day) || a.callId.localeCompare(b.callId)),
		coaching: {
			opened: rows.coaching.reduce((sum, row) => sum + row.value.count, 0),
			closed: rows.coaching
				.filter((row) => row.key[2] === 'closed')
				.reduce((sum, row) => sum + row.value.count, 0)
		}
	};
}

/** Rows of several scopes (a team's agents) as one: the views' keys start with the scope, the rest is summed. */
export function mergeScopes<K extends unknown[]>(rows: ViewRow<K>[]): ViewRow<K>[] {
	const merged = new Map<string, ViewRow<K>>();
	for (const row of rows) {
		const rest = JSON.stringify(row.key.slice(1));
		const current = merged.get(rest);
		if (!current) {
			merged.set(rest, { key: ['merged', ...row.key.slice(1)] as K, value: { ...row.value } });
			continue;
		}
		current.value = {
			sum: current.value.sum + row.value.sum,
			count: current.value.count + row.value.count,
			min: Math.min(current.value.min, row.value.min),
			max: Math.max(current.value.max, row.value.max),
			sumsqr: current.value.sumsqr + row.value.sumsqr
		};
	}
	return [...merged.values()];
}
