// A QA report as an Excel workbook: one sheet per table (workbook-parts.ts).
import type { Workbook } from 'exceljs';
import type { CountAndAverage, QaFigures, QaReport } from './report-types';
import {
	COUNT,
	DAY,
	fileNameFor,
	newWorkbook,
	overviewSheet,
	PERCENT,
	SCORE,
	tableSheet,
	workbookBytes,
	type Cell,
	type Column
} from './workbook-parts';

function qaOverview(workbook: Workbook, report: QaReport, issued?: { by: string; at: string }): void {
	const { current: now, before } = report;
	overviewSheet(
		workbook,
		{ ...report, title: '热线质检报表' },
		[
			['质检量', now.evaluations, before.evaluations, COUNT],
			['平均分', now.averageScore, before.averageScore, SCORE],
			['合格线', now.passMark, before.passMark, COUNT],
			['合格率', now.passRate, before.passRate, PERCENT],
			['红线', now.redLineFailures, before.redLineFailures, COUNT],
			['申诉数', now.appeals.received, before.appeals.received, COUNT],
			['申诉成立', now.appeals.upheld, before.appeals.upheld, COUNT],
			['申诉驳回', now.appeals.rejected, before.appeals.rejected, COUNT],
			['逾期关闭', now.appeals.expired, before.appeals.expired, COUNT],
			['平均裁决时长(小时)', now.appeals.meanHoursToRule, before.appeals.meanHoursToRule, SCORE],
			['辅导任务', now.coaching.opened, before.coaching.opened, COUNT],
			['辅导已完成', now.coaching.closed, before.coaching.closed, COUNT],
			['典型案例', now.typicalCases.length, before.typicalCases.length, COUNT]
		],
		issued
	);
}

function countAndAverageRows(rows: CountAndAverage[]): Cell[][] {
	return rows.map((row) => [
		row.label ? `${row.label}（${row.name}）` : row.name,
		row.evaluations,
		row.average
	]);
}

function countAndAverageColumns(name: string, width: number): Column[] {
	return [
		{ header: name, width },
		{ header: '质检量', width: 10, format: COUNT },
		{ header: '平均分', width: 10, format: SCORE }
	];
}

/** 红线 first, then by the band's lowest score, whichever period a band came from. */
function bandRank(band: string): number {
	return band === '红线' ? -1 : Number.parseFloat(band) || 0;
}

function distributionRows(current: QaFigures, before: QaFigures): Cell[][] {
	const bands = [...current.distribution, ...before.distribution]
		.map((entry) => entry.band)
		.filter((band, index, all) => all.indexOf(band) === index)
		.sort((a, b) => bandRank(a) - bandRank(b));
	const count = (figures: QaFigures, band: string) =>
		figures.distribution.find((entry) => entry.band === band)?.count ?? 0;
	return bands.map((band) => [band, count(current, band), count(before, band)]);
}

export async function reportWorkbook(
	report: QaReport,
	issued?: { by: string; at: string }
): Promise<Uint8Array> {
	const workbook = await newWorkbook();
	workbook.creator = '热线知识与质检工作台';
	workbook.created = new Date(report.computedAt);
	const { current } = report;

	qaOverview(workbook, report, issued);
	tableSheet(
		workbook,
		'每日',
		[
			{ header: '日期', width: 12, format: DAY },
			{ header: '质检量', width: 10, format: COUNT },
			{ header: '平均分', width: 10, format: SCORE }
		],
		// A real date (Excel keeps dates without a zone, exceljs writes them as UTC) so the column filters by date.
		current.byDay.map((day) => [new Date(`${day.day}T00:00:00Z`), day.evaluations, day.average])
	);
	tableSheet(
		workbook,
		'成绩分布',
		[
			{ header: '分段', width: 10 },
			{ header: '本期', width: 10, format: COUNT },
			{ header: '上期', width: 10, format: COUNT }
		],
		distributionRows(current, report.before)
	);
	tableSheet(
		workbook,
		'质检员',
		countAndAverageColumns('质检员', 16),
		countAndAverageRows(current.byInspector)
	);
	tableSheet(workbook, '坐席', countAndAverageColumns('坐席', 16), countAndAverageRows(current.byAgent));
	tableSheet(
		workbook,
		'业务类型',
		countAndAverageColumns('业务类型', 24),
		countAndAverageRows(current.byBusinessType)
	);
	tableSheet(
		workbook,
		'失分项',
		[
			{ header: '评分表', width: 18 },
			{ header: '评分项', width: 36 },
			{ header: '红线', width: 6 },
			{ header: '评分次数', width: 10, format: COUNT },
			{ header: '失分', width: 10 },
			{ header: '失分率', width: 10, format: PERCENT }
		],
		current.itemsLost.map((item) => [
			item.scorecardId,
			item.name,
			item.redLine ? '是' : '否',
			item.scored,
			item.lost,
			item.lostShare
		])
	);
	const before = new Map(report.before.problemTags.map((tag) => [tag.key, tag.count]));
	tableSheet(
		workbook,
		'问题类型',
		[
			{ header: '问题类型', width: 24 },
			{ header: '本期', width: 10, format: COUNT },
			{ header: '上期', width: 10, format: COUNT }
		],
		current.problemTags.map((tag) => [tag.name, tag.count, before.get(tag.key) ?? 0])
	);
	tableSheet(
		workbook,
		'典型案例',
		[
			{ header: '标记日期', width: 12, format: DAY },
			{ header: '类型', width: 8 },
			{ header: '通话', width: 18 },
			{ header: '坐席', width: 12 },
			{ header: '质检员', width: 12 },
			{ header: '理由', width: 48 }
		],
		current.typicalCases.map((row) => [
			new Date(`${row.day}T00:00:00Z`),
			row.kind === 'good' ? '正面' : '反面',
			row.callId,
			row.agentName,
			row.inspector,
			row.reason
		])
	);
	const finite = (value: number | null) => (value !== null && Number.isFinite(value) ? value : null);
	tableSheet(
		workbook,
		'校准',
		[
			{ header: '校准', width: 28 },
			{ header: '结束日期', width: 12, format: DAY },
			{ header: '质检员', width: 8, format: COUNT },
			{ header: '通话', width: 8, format: COUNT },
			{ header: 'α（总分）', width: 10, format: '0.00' },
			{ header: '合格 κ', width: 10, format: '0.00' },
			{ header: '平均绝对偏差', width: 12, format: SCORE }
		],
		report.calibrations.map((row) => [
			row.title,
			new Date(row.closedAt),
			row.inspectors,
			row.calls,
			finite(row.totalsAlpha),
			finite(row.passFailKappa),
			finite(row.meanAbsoluteDeviation)
		])
	);

	if (report.coverage)
		tableSheet(
			workbook,
			'抽检覆盖',
			[
				{ header: '质检员', width: 16 },
				{ header: '应评', width: 8, format: COUNT },
				{ header: '已评', width: 8, format: COUNT },
				{ header: '逾期未评', width: 10, format: COUNT },
				{ header: '覆盖率', width: 10, format: PERCENT }
			],
			[...report.coverage.byInspector, { ...report.coverage.total, key: '合计' }].map((row) => [
				row.key,
				row.expected,
				row.done,
				row.overdue,
				row.expected ? row.share : null
			])
		);
	const effect = report.coachingEffect;
	if (effect)
		tableSheet(
			workbook,
			'辅导前后',
			[
				{ header: '坐席', width: 16 },
				{ header: '辅导项', width: 28 },
				{ header: '开出日期', width: 12, format: DAY },
				{ header: '前60天评分次数', width: 14, format: COUNT },
				{ header: '前60天得分率', width: 12, format: PERCENT },
				{ header: '后60天评分次数', width: 14, format: COUNT },
				{ header: '后60天得分率', width: 12, format: PERCENT },
				{ header: '观察中', width: 8 }
			],
			effect.tasks.map((task) => [
				task.label ? `${task.label}（${task.agentName}）` : task.agentName,
				task.items.join('、'),
				new Date(`${task.openedDay}T00:00:00Z`),
				task.before.scored,
				task.before.scoreShare,
				task.after.scored,
				task.after.scoreShare,
				task.watching ? '是' : '否'
			])
		);
	return workbookBytes(workbook);
}

/** 质检报表-全省-2026-11.xlsx. */
export function workbookFileName(report: QaReport): string {
	return fileNameFor('质检报表', report.scopeLabel, report.period.code);
}
