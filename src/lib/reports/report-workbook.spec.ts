import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from './report-periods';
import type { QaFigures, QaReport } from './report-types';
import { reportWorkbook, workbookFileName } from './report-workbook';

function figures(overrides: Partial<QaFigures>): QaFigures {
	return {
		evaluations: 0,
		averageScore: null,
		passMark: 80,
		passRate: null,
		redLineFailures: 0,
		distribution: [],
		byDay: [],
		byInspector: [],
		byAgent: [],
		byBusinessType: [],
		itemsLost: [],
		appeals: { received: 0, open: 0, upheld: 0, rejected: 0, expired: 0, meanHoursToRule: null },
		problemTags: [],
		typicalCases: [],
		coaching: { opened: 0, closed: 0 },
		...overrides
	};
}

const report: QaReport = {
	period: parsePeriod('2026-11')!,
	previous: parsePeriod('2026-10')!,
	scope: { kind: 'province' },
	scopeLabel: '全省',
	computedAt: '2026-12-01T01:30:00.000Z',
	calibrations: [],
	current: figures({
		evaluations: 4,
		averageScore: 86.25,
		passRate: 0.75,
		redLineFailures: 1,
		distribution: [
			{ band: '红线', count: 1 },
			{ band: '90–100', count: 3 }
		],
		byDay: [
			{ day: '2026-11-02', evaluations: 3, average: 88 },
			{ day: '2026-11-03', evaluations: 1, average: null }
		],
		byInspector: [{ name: '王质检', evaluations: 4, average: 86.25 }],
		byAgent: [{ name: '1001 张三', evaluations: 4, average: 86.25 }],
		byBusinessType: [{ name: '社保', evaluations: 4, average: 86.25 }],
		itemsLost: [
			{
				scorecardId: 'scorecard-general',
				key: 'polite',
				name: '服务用语规范',
				redLine: false,
				scored: 4,
				lost: 6,
				lostShare: 0.15
			},
			{
				scorecardId: 'scorecard-general',
				key: 'leak',
				name: '泄露市民个人信息',
				redLine: true,
				scored: 4,
				lost: 1,
				lostShare: 0.25
			}
		],
		appeals: { received: 2, open: 0, upheld: 1, rejected: 1, expired: 0, meanHoursToRule: 12.5 }
	}),
	before: figures({
		evaluations: 2,
		averageScore: 90,
		passRate: 1,
		distribution: [
			{ band: '80–89', count: 1 },
			{ band: '90–100', count: 2 }
		]
	})
};

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
	return workbook;
}

/** The row of the 概览 sheet whose first cell is a label. */
function rowLabelled(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Row {
	for (let number = 1; number <= sheet.rowCount; number += 1)
		if (sheet.getRow(number).getCell(1).value === label) return sheet.getRow(number);
	throw new Error(`no row ${label}`);
}

describe('reportWorkbook', () => {
	it('writes one sheet per table, named in Chinese', async () => {
		const workbook = await readBack(await reportWorkbook(report));
		expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
			'概览',
			'每日',
			'成绩分布',
			'质检员',
			'坐席',
			'业务类型',
			'失分项',
			'问题类型',
			'典型案例',
			'校准'
		]);
	});

	it('adds 辅导前后 when the report compares coached items, shares as numbers', async () => {
		const task = {
			agentName: 'agent02',
			label: '张话务',
			openedDay: '2026-11-11',
			items: ['服务用语'],
			status: 'closed',
			before: { scored: 2, scoreShare: 0.95 },
			after: { scored: 3, scoreShare: 1 },
			watching: false
		};
		const coached = {
			...report,
			coachingEffect: { tasks: [task], before: task.before, after: task.after, leftOut: 0 }
		};
		const sheet = (await readBack(await reportWorkbook(coached))).getWorksheet('辅导前后')!;
		expect(sheet.getRow(2).values).toEqual([
			undefined,
			'张话务（agent02）',
			'服务用语',
			new Date('2026-11-11T00:00:00Z'),
			2,
			0.95,
			3,
			1,
			'否'
		]);
	});

	it('opens 概览 with the header block: scope, periods, data time in Beijing time, issuer', async () => {
		const workbook = await readBack(
			await reportWorkbook(report, { by: '李科长', at: '2026-12-02T02:00:00.000Z' })
		);
		const sheet = workbook.getWorksheet('概览')!;
		expect(rowLabelled(sheet, '范围').getCell(2).value).toBe('全省');
		expect(rowLabelled(sheet, '期间').getCell(2).value).toBe('2026年11月（2026-11-01 至 2026-11-30）');
		expect(rowLabelled(sheet, '对比期间').getCell(2).value).toBe('2026年10月（2026-10-01 至 2026-10-31）');
		expect(rowLabelled(sheet, '数据时间').getCell(2).value).toBe('2026-12-01 09:30（北京时间）');
		expect(rowLabelled(sheet, '签发').getCell(2).value).toBe('李科长 2026-12-02 10:00（北京时间）');
	});

	it('leaves the 签发 line out of a report not issued', async () => {
		const sheet = (await readBack(await reportWorkbook(report))).getWorksheet('概览')!;
		expect(() => rowLabelled(sheet, '签发')).toThrow('no row 签发');
	});

	it('stores the overview figures as numbers, the pass rate as a fraction shown in percent', async () => {
		const sheet = (await readBack(await reportWorkbook(report))).getWorksheet('概览')!;
		const head = rowLabelled(sheet, '指标');
		expect([1, 2, 3, 4].map((column) => head.getCell(column).value)).toEqual([
			'指标',
			'本期',
			'上期',
			'变化'
		]);
		expect(head.getCell(1).font?.bold).toBe(true);
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: head.number });

		const average = rowLabelled(sheet, '平均分');
		expect(average.getCell(2).value).toBe(86.25);
		expect(average.getCell(3).value).toBe(90);
		expect(average.getCell(4).value).toBe(-3.75);

		const passRate = rowLabelled(sheet, '合格率');
		expect(passRate.getCell(2).value).toBe(0.75);
		expect(passRate.getCell(2).numFmt).toBe('0.0%');
		expect(passRate.getCell(4).value).toBe(-0.25);

		const hours = rowLabelled(sheet, '平均裁决时长(小时)');
		expect(hours.getCell(2).value).toBe(12.5);
		// No appeal ruled before: an empty cell, and no change to compute.
		expect(hours.getCell(3).value).toBeNull();
		expect(hours.getCell(4).value).toBeNull();
		expect(rowLabelled(sheet, '申诉成立').getCell(2).value).toBe(1);
	});

	it('writes the daily rows as dates and numbers under a bold, frozen header', async () => {
		const sheet = (await readBack(await reportWorkbook(report))).getWorksheet('每日')!;
		expect(sheet.getRow(1).values).toEqual([undefined, '日期', '质检量', '平均分']);
		expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(sheet.getCell('A2').value).toEqual(new Date('2026-11-02T00:00:00Z'));
		expect(sheet.getCell('B2').value).toBe(3);
		expect(sheet.getCell('C2').value).toBe(88);
		expect(sheet.getCell('C3').value).toBeNull();
	});

	it('puts both periods side by side in 成绩分布, in band order, a band one period lacks counting 0', async () => {
		const sheet = (await readBack(await reportWorkbook(report))).getWorksheet('成绩分布')!;
		expect(sheet.getRow(2).values).toEqual([undefined, '红线', 1, 0]);
		expect(sheet.getRow(3).values).toEqual([undefined, '80–89', 0, 1]);
		expect(sheet.getRow(4).values).toEqual([undefined, '90–100', 3, 2]);
	});

	it('lists the lost items in the report order, the red line as 是 and the share in percent', async () => {
		const sheet = (await readBack(await reportWorkbook(report))).getWorksheet('失分项')!;
		expect(sheet.getRow(1).values).toEqual([
			undefined,
			'评分表',
			'评分项',
			'红线',
			'评分次数',
			'失分',
			'失分率'
		]);
		expect(sheet.getRow(2).values).toEqual([
			undefined,
			'scorecard-general',
			'服务用语规范',
			'否',
			4,
			6,
			0.15
		]);
		expect(sheet.getRow(3).values).toEqual([
			undefined,
			'scorecard-general',
			'泄露市民个人信息',
			'是',
			4,
			1,
			0.25
		]);
		expect(sheet.getCell('F2').numFmt).toBe('0.0%');
		expect(sheet.getColumn(2).width).toBe(36);
	});
});

describe('workbookFileName', () => {
	it('names the file by scope and period code', () => {
		expect(workbookFileName(report)).toBe('质检报表-全省-2026-11.xlsx');
	});

	it('replaces characters a file name cannot hold', () => {
		expect(workbookFileName({ ...report, scopeLabel: '班组: A/B 组*' })).toBe(
			'质检报表-班组_ A_B 组_-2026-11.xlsx'
		);
	});
});
