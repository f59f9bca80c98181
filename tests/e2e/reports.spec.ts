// 统计报表: a supervisor reads October's QA report for the province (the demo's three months of results),
// narrows it to a sub-platform, prints it on A4 and exports it to Excel with one sheet per table.
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { expect, signIn, test, waitUntilSynced } from './fixtures';

test('a supervisor reads, narrows, prints and exports a monthly QA report', async ({ browser, baseURL }) => {
	test.setTimeout(120_000);
	const page = await (await browser.newContext({ baseURL, acceptDownloads: true })).newPage();
	await signIn(page, 'supervisor01');
	await waitUntilSynced(page);
	await page.getByRole('navigation', { name: '工作区' }).getByRole('link', { name: '统计报表' }).click();
	const controls = page.getByRole('form', { name: '报表条件' });
	await controls.getByLabel('类型').selectOption('month');
	await controls.getByLabel('月份').fill('2026-10');
	await controls.getByLabel('范围').selectOption({ label: '全省' });
	await controls.getByRole('button', { name: '生成报表' }).click();

	const report = page.getByRole('article', { name: '质检报表' });
	await expect(report.getByRole('heading', { name: '质检报表 · 全省 · 2026年10月' })).toBeVisible({
		timeout: 30_000
	});
	await expect(page).toHaveURL(/period=2026-10&scope=province/);
	const headline = report.getByRole('region', { name: '主要指标' });
	const evaluations = Number(
		(await headline.locator('.figure').first().locator('.value').textContent())!.trim()
	);
	expect(evaluations).toBeGreaterThan(20);
	// Against September, the period before.
	await expect(report).toContainText('对比 2026年9月（2026-09-01 至 2026-09-30）');
	await expect(headline).toContainText(/较上期 [↑↓]|与上期持平/);
	await expect(report.locator('[data-charts-ready="true"]')).toBeVisible({ timeout: 30_000 });
	await expect(report.getByRole('table', { name: '按质检员' })).toContainText('陈质检（inspector01）');
	await expect(report.getByRole('table', { name: '失分项排行' }).getByRole('row')).not.toHaveCount(1);
	// The problem types of the month's results, and the calibration closed in it (the province's programme).
	await expect(report.getByRole('table', { name: '问题类型' })).not.toContainText('本期没有标注');
	await expect(report.getByRole('table', { name: '辅导与校准' })).toContainText('校准：2026年10月质检校准');

	// A sub-platform's report counts its calls only.
	await controls.getByLabel('范围').selectOption({ label: '分平台：海口市' });
	await controls.getByRole('button', { name: '生成报表' }).click();
	await expect(report.getByRole('heading', { name: /分平台：海口市/ })).toBeVisible({ timeout: 30_000 });
	const haikou = Number((await headline.locator('.figure').first().locator('.value').textContent())!.trim());
	expect(haikou).toBeGreaterThan(0);
	expect(haikou).toBeLessThan(evaluations);

	// Printed: the report with its header, not the app's navigation or the form.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: '工作区' })).toBeHidden();
	await expect(controls).toBeHidden();
	await expect(report.getByRole('heading', { name: /质检报表/ })).toBeVisible();
	await page.emulateMedia({ media: 'screen' });

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: '导出 Excel' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe('质检报表-分平台：海口市-2026-10.xlsx');
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load((await readFile((await file.path())!)) as unknown as ArrayBuffer);
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
		'校准',
		'抽检覆盖',
		'辅导前后'
	]);
	const overview = workbook.getWorksheet('概览')!;
	const row = overview.getColumn(1).values.findIndex((value) => value === '质检量');
	expect(overview.getRow(row).getCell(2).value).toBe(haikou);

	// Issued: frozen with who and when, listed against its deadline (October's was 11 November: late).
	page.once('dialog', (dialog) => void dialog.accept());
	await page.getByRole('button', { name: '签发' }).click();
	await expect(page.getByText(/已签发：截止 2026-11-11/)).toBeVisible();
	const list = page.getByRole('region', { name: '已签发的报表' });
	await expect(list.getByRole('row', { name: /2026-10.*分平台：海口市.*supervisor01.*逾期/ })).toBeVisible();
	await expect(page.getByRole('region', { name: '分析报告及时率' })).toContainText('月报');
	await list.getByRole('link', { name: '2026-10' }).click();
	const frozen = page.getByRole('article', { name: '质检报表' });
	await expect(frozen).toContainText(/supervisor01 于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 签发/);
	await expect(frozen.getByRole('region', { name: '主要指标' })).toContainText(String(haikou));
});
