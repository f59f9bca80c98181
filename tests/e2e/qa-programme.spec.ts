// The QA programme in the browser: a supervisor plans a week and draws it, checks the draw and reassigns a
// call with a reason; an inspector opens the worklist's call straight into the player and scoring.
import { expect, signIn, test } from './fixtures';

test('a supervisor plans a week, draws it, audits it and reassigns a call with a reason', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(150_000);
	const page = await (await browser.newContext({ baseURL })).newPage();
	await signIn(page, 'supervisor01');
	await page.getByRole('link', { name: '抽检计划' }).click();
	// The demo's plan is listed with its last draw.
	await expect(page.getByRole('link', { name: '每周常规抽检' })).toBeVisible({ timeout: 60_000 });
	await page.getByRole('link', { name: '新建抽检计划' }).click();

	const form = page.getByRole('form', { name: '抽检计划' });
	await form.getByLabel('计划名称').fill('十一月第三周专项抽检');
	await form.getByLabel('周期类型').selectOption('custom');
	await form.getByLabel('从').fill('2026-11-16');
	await form.getByLabel('到').fill('2026-11-22');
	await form.getByLabel('抽样比例（%）').fill('25');
	await form.getByLabel('陈质检（质检组）').check();
	await form.getByLabel('孙质检（质检组）').check();
	await form.uncheck().catch(() => {});
	await form.getByRole('button', { name: '保存计划' }).click();

	await expect(page.getByRole('heading', { level: 1, name: '十一月第三周专项抽检' })).toBeVisible();
	await expect(page.getByText('抽 25%，每人至少 1 通')).toBeVisible();
	const period = page.getByRole('row', { name: /2026-11-16 至 2026-11-22/ });
	await period.getByRole('button', { name: '抽取' }).click();
	await expect(page.getByText(/已抽取 \d+ 通，并分给 \d+ 名质检员/)).toBeVisible({ timeout: 30_000 });

	const draw = page.getByRole('region', { name: '抽检结果 2026-11-16 至 2026-11-22' });
	await expect(draw).toContainText('本期符合范围的通话 4 通');
	// Every complaint and unsatisfied 回访 is drawn, whatever the ratio.
	await expect(draw.getByRole('link', { name: 'C20261119-0007' })).toBeVisible();
	await expect(draw.getByRole('link', { name: 'C20261120-0003' })).toBeVisible();
	const coverage = draw.getByRole('region', { name: '覆盖率' });
	await expect(coverage.getByRole('tab', { name: '按质检员' })).toHaveAttribute('aria-selected', 'true');
	await expect(coverage.locator('tfoot')).toContainText('合计');
	await coverage.getByRole('tab', { name: '按坐席' }).click();
	await expect(coverage).toContainText('刘话务');

	await draw.getByRole('button', { name: /核对抽取/ }).click();
	await expect(draw.getByText(/核对一致/)).toBeVisible({ timeout: 30_000 });

	const row = draw.getByRole('row', { name: /C20261119-0007/ });
	const before = (await row.getByRole('cell').nth(4).textContent())!.trim();
	await row.getByRole('button', { name: '改派' }).click();
	const move = draw.getByRole('form', { name: '改派' });
	await move.getByLabel('原因').fill('原质检员本周轮休');
	await move.getByRole('button', { name: '确认改派' }).click();
	await expect(draw.getByText(/从 .+ 改派给 .+：原质检员本周轮休/)).toBeVisible();
	await expect(row.getByRole('cell').nth(4)).not.toHaveText(before);
});

test('an inspector opens a worklist call straight into the player and scoring', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const page = await (await browser.newContext({ baseURL })).newPage();
	await signIn(page, 'inspector03');
	const worklist = page.getByRole('region', { name: /我的待评：每周常规抽检 2026-11-16/ });
	await expect(worklist).toBeVisible({ timeout: 60_000 });
	await expect(worklist).toContainText('截止');
	// The demo week was due on 25 November: it is overdue now.
	await expect(worklist.getByText(/逾期 \d+ 通/)).toBeVisible();
	await worklist.getByRole('link').first().click();
	await expect(page.locator('.waveform[data-ready="true"]')).toBeVisible({ timeout: 30_000 });
	await expect(page.getByRole('button', { name: '开始评分' })).toBeVisible();
});
