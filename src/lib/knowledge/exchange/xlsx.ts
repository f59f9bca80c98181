// Excel workbooks in and out. exceljs is large, so it is imported only when a workbook is actually read or
// written; in the browser bundle it resolves to its prebuilt browser file (package.json "browser").
import type { CellValue, Workbook } from 'exceljs';

export type SheetCell = string | number | null;

export interface SheetColumn {
	header: string;
	/** In characters, as Excel measures column width. */
	width?: number;
}

export interface SheetData {
	name: string;
	columns: SheetColumn[];
	rows: SheetCell[][];
}

async function newWorkbook(): Promise<Workbook> {
	const loaded = await import('exceljs');
	// CommonJS in Node and a UMD bundle in the browser: the classes sit on the module or on its default export.
	const exceljs = (loaded as unknown as { default?: typeof loaded }).default ?? loaded;
	return new exceljs.Workbook();
}

function twoDigits(value: number): string {
	return String(value).padStart(2, '0');
}

/** Excel stores dates as days without a zone; exceljs hands them over as UTC, so UTC fields are the cell's. */
function dateText(date: Date): string {
	const day = `${date.getUTCFullYear()}-${twoDigits(date.getUTCMonth() + 1)}-${twoDigits(date.getUTCDate())}`;
	const hasTime = date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds() > 0;
	return hasTime ? `${day} ${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())}` : day;
}

function numberText(value: number): string {
	// Excel keeps 15 significant digits; this drops binary noise such as 0.30000000000000004.
	return String(Number(value.toPrecision(15)));
}

/** What Excel shows in the cell, as plain text. */
export function cellText(value: CellValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return numberText(value);
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : dateText(value);
	if ('richText' in value) return value.richText.map((run) => run.text).join('');
	if ('hyperlink' in value) return cellText(value.text as CellValue);
	if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as CellValue);
	if ('error' in value) return value.error;
	return '';
}

/** The first worksheet as rows of display strings; trailing empty rows and cells are dropped. */
export async function readFirstSheet(bytes: Uint8Array): Promise<string[][]> {
	const workbook = await newWorkbook();
	await workbook.xlsx.load(bytes as unknown as Parameters<Workbook['xlsx']['load']>[0]);
	const sheet = workbook.worksheets[0];
	if (!sheet) return [];
	const rows: string[][] = [];
	for (let rowNumber = 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
		const row = sheet.getRow(rowNumber);
		const cells: string[] = [];
		for (let column = 1; column <= row.cellCount; column += 1)
			cells.push(cellText(row.getCell(column).value));
		// Formatted but empty cells at the end of a row are invisible in Excel: drop them too.
		while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
		rows.push(cells);
	}
	while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell.trim() === '')) rows.pop();
	return rows;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ] (Excel refuses the file otherwise). */
function safeSheetName(name: string, index: number): string {
	return (
		name
			.replace(/[:\\/?*[\]]/g, ' ')
			.trim()
			.slice(0, 31) || `Sheet${index + 1}`
	);
}

export async function writeWorkbook(sheets: SheetData[]): Promise<Uint8Array> {
	const workbook = await newWorkbook();
	sheets.forEach((data, index) => {
		const sheet = workbook.addWorksheet(safeSheetName(data.name, index), {
			views: [{ state: 'frozen', ySplit: 1 }]
		});
		sheet.columns = data.columns.map((column) => ({
			header: column.header,
			width: column.width ?? 16,
			style: { alignment: { vertical: 'top', wrapText: true } }
		}));
		sheet.getRow(1).font = { bold: true };
		for (const row of data.rows) sheet.addRow(row);
	});
	const buffer = await workbook.xlsx.writeBuffer();
	return new Uint8Array(buffer as unknown as ArrayBuffer);
}
