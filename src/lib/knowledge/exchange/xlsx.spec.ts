import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, readFirstSheet, writeWorkbook } from './xlsx';

describe('writeWorkbook and readFirstSheet', () => {
	it('read back what was written: Chinese text, numbers, empty cells and line breaks', async () => {
		const bytes = await writeWorkbook([
			{
				name: '知识点',
				columns: [{ header: '标准问题', width: 30 }, { header: '版本' }, { header: '答案' }],
				rows: [
					['社保卡丢失了怎么补办？', 3, '第一步：挂失；\n第二步：补办。'],
					['公积金怎么提取？', 0.1 + 0.2, null]
				]
			},
			{ name: '第二页', columns: [{ header: '不读' }], rows: [['x']] }
		]);
		expect(await readFirstSheet(bytes)).toEqual([
			['标准问题', '版本', '答案'],
			['社保卡丢失了怎么补办？', '3', '第一步：挂失；\n第二步：补办。'],
			['公积金怎么提取？', '0.3']
		]);
	});

	it('writes a bold, frozen header row and the column widths', async () => {
		const bytes = await writeWorkbook([
			{ name: '汇编: 2026/第47周?', columns: [{ header: '标准问题', width: 40 }], rows: [] }
		]);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
		const sheet = workbook.worksheets[0]!;
		expect(sheet.name).toBe('汇编  2026 第47周');
		expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(sheet.getColumn(1).width).toBe(40);
	});

	it('reads dates, formulas, rich text and links as Excel shows them', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Sheet1');
		sheet.addRow(['生效日期', '合计', '说明', '链接', '时间']);
		sheet.addRow([
			new Date(Date.UTC(2026, 0, 31)),
			{ formula: 'SUM(1,2)', result: 3 },
			{ richText: [{ text: '加粗', font: { bold: true } }, { text: '普通' }] },
			{ text: '国家医保局', hyperlink: 'https://www.nhsa.gov.cn/' },
			new Date(Date.UTC(2026, 1, 1, 9, 30))
		]);
		sheet.addRow([]);
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		expect(await readFirstSheet(bytes)).toEqual([
			['生效日期', '合计', '说明', '链接', '时间'],
			['2026-01-31', '3', '加粗普通', '国家医保局', '2026-02-01 09:30']
		]);
	});
});

describe('cellText', () => {
	it.each([
		[null, ''],
		[undefined, ''],
		[true, 'TRUE'],
		[12345678, '12345678'],
		[{ error: '#N/A' as const }, '#N/A'],
		[{ sharedFormula: 'A1', result: '共享' }, '共享'],
		[{ formula: 'A1' }, '']
	])('%j → %j', (value, text) => {
		expect(cellText(value)).toBe(text);
	});
});
