// The parts every report workbook is made of: one sheet per table, numbers stored as numbers with a display
// format, so a supervisor can sort, sum and chart them again. exceljs is large: imported only when needed.
import type { Workbook, Worksheet } from 'exceljs';
import { beijingDateTime } from '$lib/knowledge/exchange/china-time';
import type { ReportPeriod } from './report-periods';

export type Cell = string | number | Date | null;

export interface Column {
	header: string;
	/** In characters, as Excel measures it (a Chinese character takes about two). */
	width: number;
	/** Excel number format of the column's data cells. */
	format?: string;
}

export const COUNT = '0';
export const SCORE = '0.0';
export const PERCENT = '0.0%';
export const DAY = 'yyyy-mm-dd';

export async function newWorkbook(): Promise<Workbook> {
	const loaded = await import('exceljs');
	// CommonJS in Node and a UMD bundle in the browser: the classes sit on the module or on its default export.
	const exceljs = (loaded as unknown as { default?: typeof loaded }).default ?? loaded;
	return new exceljs.Workbook();
}

export function periodText(period: ReportPeriod): string {
	return period.from === period.to ? period.label : `${period.label}（${period.from} 至 ${period.to}）`;
}

/** Issued-at is a timestamp; anything else (already formatted text) is shown as given. */
function issuedText(issued: { by: string; at: string }): string {
	const at = Number.isNaN(Date.parse(issued.at)) ? issued.at : `${beijingDateTime(issued.at)}（北京时间）`;
	return `${issued.by} ${at}`;
}

export function difference(current: number | null, before: number | null): number | null {
	return current === null || before === null ? null : current - before;
}

/** A sheet whose first row holds the column headers: bold, frozen, filtered, widths and formats set. */
export function tableSheet(workbook: Workbook, name: string, columns: Column[], rows: Cell[][]): Worksheet {
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

export interface OverviewHeader {
	title: string;
	scopeLabel: string;
	period: ReportPeriod;
	previous: ReportPeriod;
	computedAt: string;
}

/** A figure of the overview: this period, the one before, its number format. */
export type OverviewLine = [label: string, current: number | null, before: number | null, format: string];

/** 概览: who, when and what period above; each figure with the period before and the change below. */
export function overviewSheet(
	workbook: Workbook,
	header: OverviewHeader,
	lines: OverviewLine[],
	issued?: { by: string; at: string }
): void {
	const block: Array<[string, string]> = [
		['报表', header.title],
		['范围', header.scopeLabel],
		['期间', periodText(header.period)],
		['对比期间', periodText(header.previous)],
		['数据时间', `${beijingDateTime(header.computedAt)}（北京时间）`]
	];
	if (issued) block.push(['签发', issuedText(issued)]);
	// The table starts after the header block and a blank row; freezing there keeps both in view.
	const tableRow = block.length + 2;
	const sheet = workbook.addWorksheet('概览', {
		views: [{ state: 'frozen', ySplit: tableRow }],
		pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
	});
	sheet.columns = [{ width: 24 }, { width: 14 }, { width: 14 }, { width: 14 }];
	block.forEach(([label, value], index) => {
		const row = sheet.getRow(index + 1);
		row.values = [label, value];
		row.getCell(1).font = { bold: true };
	});
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

/** The finished workbook's bytes. */
export async function workbookBytes(workbook: Workbook): Promise<Uint8Array> {
	const buffer = await workbook.xlsx.writeBuffer();
	return new Uint8Array(buffer as unknown as ArrayBuffer);
}

/** <kind>-全省-2026-11.xlsx: the scope's characters that Windows or macOS refuse in a name become _. */
export function fileNameFor(kind: string, scopeLabel: string, periodCode: string): string {
	// eslint-disable-next-line no-control-regex
	const scope = scopeLabel.trim().replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_') || '报表';
	return `${kind}-${scope}-${periodCode}.xlsx`;
}
