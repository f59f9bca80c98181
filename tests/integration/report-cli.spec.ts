// `npm run report` against the real embedded server with the server admin's URL: the hand-worked month's
// figures in the workbook, and a clear refusal of a period it cannot read.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import nano from 'nano';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportAppeals, reportEvaluations, reportScorecard } from '../fixtures/report-evaluations';
import { storedDraw } from '../fixtures/sample-draw';
import { startTestServer, type TestServer } from '../support/test-server';

const run = promisify(execFile);
/** The first week of November drew R1 and R2 (scored, by the fixture) and RX (never scored, due 10 November). */
const novemberDraw = {
	...storedDraw(),
	_id: 'sampleDraw:weekly:2026-11-01',
	period: { from: '2026-11-01', to: '2026-11-07' },
	items: ['R1', 'R2', 'RX'].map((callId) => ({
		recordingId: `recording:${callId}`,
		agent: 'agent01',
		reason: 'random' as const,
		inspector: 'inspector01',
		due: '2026-11-10'
	}))
};
let test: TestServer;
const folder = mkdtempSync(path.join(os.tmpdir(), 'report-cli-'));

beforeAll(async () => {
	test = await startTestServer();
	const couch = nano({ url: test.adminSyncUrl, parseUrl: false } as Parameters<typeof nano>[0]);
	const results = await couch.use('qa').bulk({
		docs: [reportScorecard, ...reportEvaluations, ...reportAppeals, novemberDraw] as unknown as object[]
	});
	expect(results.filter((result) => result.error)).toEqual([]);
});
afterAll(async () => {
	await test?.stop();
	rmSync(folder, { recursive: true, force: true });
});

const cli = (...args: string[]) =>
	run(process.execPath, ['--import', 'tsx', 'sync/report-cli.ts', ...args], { cwd: process.cwd() });

describe('npm run report', () => {
	it('writes the month’s report from the server’s views', async () => {
		const out = path.join(folder, 'november.xlsx');
		const { stdout } = await cli(
			'--url',
			test.adminSyncUrl,
			'--period',
			'2026-11',
			'--scope',
			'province',
			'--out',
			out
		);
		expect(stdout).toContain('全省 2026年11月：质检 4 份，平均分 62.5');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
		const overview = workbook.getWorksheet('概览')!;
		const row = overview.getColumn(1).values.findIndex((value) => value === '平均分');
		expect(overview.getRow(row).getCell(2).value).toBe(62.5);
		expect(workbook.getWorksheet('失分项')!.getRow(2).getCell(2).value).toBe('答复准确');
		// 抽检覆盖: the week's three calls, two scored, one overdue — read from the server's views.
		expect(workbook.getWorksheet('抽检覆盖')!.getRow(2).values).toEqual([
			undefined,
			'inspector01',
			3,
			2,
			1,
			2 / 3
		]);
	});

	it('refuses a period or scope it cannot read, saying how to write one', async () => {
		const wrong = cli(
			'--url',
			test.adminSyncUrl,
			'--period',
			'2026-13',
			'--out',
			path.join(folder, 'x.xlsx')
		);
		await expect(wrong).rejects.toMatchObject({
			code: 2,
			stderr: expect.stringContaining('无法识别的期间：2026-13')
		});
		const nobody = cli(
			'--url',
			test.adminSyncUrl,
			'--period',
			'2026-11',
			'--scope',
			'team:无此班组',
			'--out',
			path.join(folder, 'y.xlsx')
		);
		await expect(nobody).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('没有这个范围') });
	});
});
