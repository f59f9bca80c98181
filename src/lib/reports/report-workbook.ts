// A QA report as an Excel workbook: one sheet per table, numbers stored as numbers with a display format, so
// a supervisor can sort, sum and chart them again. exceljs is large: imported only when a workbook is made.
import type { Workbook, Worksheet } from 'exceljs';
import { beijingDateTime } from '$lib/knowledge/exchange/china-time';
import type { ReportPeriod } from './report-periods';
import type { CountAndAverage, QaFigures, QaReport } from './report-types';

type Cell = string | number | Date | null;

interface Column {
	header: string;
	/** In characters, as Excel measures it (a Chinese character takes about two). */
	width: number;
	/** Excel number format of the column's data cells. */
	format?: string;
}

const COUNT = '0';
const SCORE = '0.0';
const PERCENT = '0.0%';
const DAY = 'yyyy-mm-dd';

async function newWorkbook(): Promise<Workbook> {
	const loaded = await import('exceljs');
	// CommonJS in Node and a UMD bundle in the browser: the classes sit on the module or on its default export.
	const exceljs = (loaded as unknown as { default?: typeof loaded }).default ?? loaded;
	return new exceljs.Workbook();
}

function periodText(period: ReportPeriod): string {
	return period.from === period.to ? period.label : `${period.label}（${period.from} 至 ${period.to}）`;
}

/** Issued-at is a timestamp; anything else (already formatted text) is shown as given. */
function issuedText(issued: { by: string; at: string }): string {
	const at = Number.isNaN(Date.parse(issued.at)) ? issued.at : `${beijingDateTime(issued.at)}（北京时间）`;
	return `${issued.by} ${at}`;
}

function difference(current: number | null, before: number | null): number | null {
	return current === null || before === null ? null : current - before;
}

/** A sheet whose first row holds the column headers: bold, frozen, filtered, widths and formats set. */
function tableSheet(workbook: Workbook, name: string, columns: Column[], rows: Cell[][]): Worksheet {
	const sheet = workbook.addWorksheet(name, {
		views: [{ state: 'frozen', ySplit: 1 }],
		pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
	});
	sheet.columns = columns.map((column) => ({
		header: column.header,
		width: column.width,
		style: column.format ? { numFmt: column.format } : {}
	}));
	sheet.getRow(1).font = { bold: true };
	sheet.addRows(rows);
	if (rows.length > 0)
		sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
	return sheet;
}

function overviewSheet(workbook: Workbook, report: QaReport, issued?: { by: string; at: string }): void {
	const header: Array<[string, string]> = [
		['报表', '热线质检报表'],
		['范围', report.scopeLabel],
		['期间', periodText(report.period)],
		['对比期间', periodText(report.previous)],
		['数据时间', `${beijingDateTime(report.computedAt)}（北京时间）`]
	];
	if (issued) header.push(['签发', issuedText(issued)]);
	// The table starts after the header block and a blank row; freezing there keeps both in view.
	const tableRow = header.length + 2;
	const sheet = workbook.addWorksheet('概览', {
		views: [{ state: 'frozen', ySplit: tableRow }],
		pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
	});
	sheet.columns = [{ width: 22 }, { width: 14 }, { width: 14 }, { width: 14 }];
	header.forEach(([label, value], index) => {
		const row = sheet.getRow(index + 1);
		row.values = [label, value];
		row.getCell(1).font = { bold: true };
	});

	const { current: now, before } = report;
	const lines: Array<[string, number | null, number | null, string]> = [
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
	];
	const head = sheet.getRow(tableRow);
	head.values = ['指标', '本期', '上期', '变化'];
	head.font = { bold: true };
	lines.forEach(([label, current, previous, format], index) => {
		const row = sheet.getRow(tableRow + 1 + index);
		row.values = [label, current, previous, difference(current, previous)];
		for (const column of [2, 3]) row.getCell(column).numFmt = format;
		// A change is signed so a rise and a fall read apart at a glance.
		row.getCell(4).numFmt = format === PERCENT ? '+0.0%;-0.0%;0.0%' : `+${format};-${format};0`;
	});
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

	overviewSheet(workbook, report, issued);
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

	const buffer = await workbook.xlsx.writeBuffer();
	return new Uint8Array(buffer as unknown as ArrayBuffer);
}

/** 质检报表-全省-2026-11.xlsx: the scope's characters that Windows or macOS refuse in a name become _. */
export function workbookFileName(report: QaReport): string {
	// eslint-disable-next-line no-control-regex
	const scope = report.scopeLabel.trim().replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_') || '报表';
	return `质检报表-${scope}-${report.period.code}.xlsx`;
}
