// 知识库与一线报表: a supervisor reads November's report for the province (the demo's three months of searches
// and reports), issues it; the data analyst finds the issued report and exports it to Excel, and has no 签发 of
// their own. A reviewer reads the knowledge report and is offered no QA report.
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { expect, signIn, test, waitUntilSynced } from './fixtures';

test('a supervisor issues the monthly knowledge report and an analyst exports it', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const supervisor = await (await browser.newContext({ baseURL })).newPage();
	await signIn(supervisor, 'supervisor01');
	await waitUntilSynced(supervisor);
	await supervisor.goto('/reports?kind=knowledge&period=2026-11&scope=province');
	const report = supervisor.getByRole('article', { name: '知识库与一线报表' });
	await expect(report.getByRole('heading', { name: '知识库与一线报表 · 全省 · 2026年11月' })).toBeVisible({
		timeout: 30_000
	});
	const headline = report.getByRole('region', { name: '主要指标' });
	const searches = Number(
		(await headline
			.locator('.figure')
			.filter({ hasText: /^检索次数/ })
			.locator('.value')
			.textContent())!.trim()
	);
	expect(searches).toBeGreaterThan(300);
	await expect(headline).toContainText(/较上期 [↑↓]|与上期持平/);
	await expect(report).toContainText('对比 2026年10月');
	await expect(report.locator('[data-charts-ready="true"]')).toBeVisible({ timeout: 30_000 });
	await expect(report.getByRole('table', { name: '未得到答案的检索' })).toContainText('电动车上牌');
	await expect(report.getByRole('table', { name: '最常打开的知识点' }).getByRole('row')).not.toHaveCount(2);
	await expect(report.getByRole('table', { name: '一线反馈' })).toContainText('查无信息');

	supervisor.once('dialog', (dialog) => void dialog.accept());
	await supervisor.getByRole('button', { name: '签发' }).click();
	await expect(supervisor.getByText(/已签发：截止 2026-12-10/)).toBeVisible();
	await waitUntilSynced(supervisor);

	const context = await browser.newContext({ baseURL, acceptDownloads: true });
	const analyst = await context.newPage();
	await signIn(analyst, 'analyst01');
	await expect(analyst).toHaveURL(/\/reports/);
	await waitUntilSynced(analyst);
	const nav = analyst.getByRole('navigation', { name: '工作区' });
	await expect(nav.getByRole('link', { name: '知识检索' })).toHaveCount(0);
	const list = analyst.getByRole('region', { name: '已签发的报表' });
	await expect(list.getByRole('row', { name: /2026-11.*知识库与一线.*全省.*supervisor01/ })).toBeVisible({
		timeout: 30_000
	});
	await list
		.getByRole('row', { name: /2026-11.*知识库与一线/ })
		.getByRole('link')
		.click();
	const frozen = analyst.getByRole('article', { name: '知识库与一线报表' });
	await expect(frozen).toContainText(/supervisor01 于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 签发/);
	await expect(frozen.getByRole('region', { name: '主要指标' })).toContainText(String(searches));

	const download = analyst.waitForEvent('download');
	await analyst.getByRole('button', { name: '导出 Excel' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe('知识库与一线报表-全省-2026-11.xlsx');
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load((await readFile((await file.path())!)) as unknown as ArrayBuffer);
	const overview = workbook.getWorksheet('概览')!;
	const row = overview.getColumn(1).values.findIndex((value) => value === '检索次数');
	expect(overview.getRow(row).getCell(2).value).toBe(searches);
	const signed = overview.getColumn(1).values.findIndex((value) => value === '签发');
	expect(String(overview.getRow(signed).getCell(2).value)).toMatch(/^supervisor01 \d{4}-\d{2}-\d{2}/);

	// The analyst reads the QA report too, but issues nothing.
	await analyst.goto('/reports?kind=qa&period=2026-10&scope=province');
	await expect(analyst.getByRole('heading', { name: '质检报表 · 全省 · 2026年10月' })).toBeVisible({
		timeout: 30_000
	});
	await expect(analyst.getByRole('button', { name: '签发' })).toHaveCount(0);
});

test('a reviewer reads the knowledge report and is offered no QA report', async ({ browser, baseURL }) => {
	const page = await (await browser.newContext({ baseURL })).newPage();
	await signIn(page, 'reviewer01');
	await page.getByRole('navigation', { name: '工作区' }).getByRole('link', { name: '统计报表' }).click();
	const kinds = page.getByRole('form', { name: '报表条件' }).getByLabel('报表');
	await expect(kinds.getByRole('option')).toHaveText(['知识库与一线报表']);
	await page.getByRole('form', { name: '报表条件' }).getByLabel('月份').fill('2026-11');
	await page.getByRole('button', { name: '生成报表' }).click();
	await expect(page.getByRole('heading', { name: '知识库与一线报表 · 全省 · 2026年11月' })).toBeVisible({
		timeout: 30_000
	});
	await expect(page.getByRole('region', { name: '已签发的报表' })).toHaveCount(0);
});
