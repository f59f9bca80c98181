// 质检校准 from start to the agreement table: a supervisor picks two calls and three inspectors (one of them
// the supervisor); each scores blind — another's scores cannot be read, not even by asking the server — and
// on close the server copies the scores in and the session shows every score, the spread and the agreement.
import type { Page } from '@playwright/test';
import { expect, signIn, test, waitUntilSynced } from './fixtures';

const CALLS = ['C20261118-0001', 'C20261119-0007'];

/** Hex of a user name's UTF-8, as in the personal database names. */
const hex = (name: string) => Buffer.from(name, 'utf8').toString('hex');

async function scoreCall(page: Page, callId: string, deduction?: string) {
	await page.getByRole('region', { name: '我的校准评分' }).getByRole('link', { name: callId }).click();
	await expect(page.locator('.waveform[data-ready="true"]')).toBeVisible({ timeout: 30_000 });
	const scoring = page.getByRole('region', { name: '校准评分' });
	await scoring.getByRole('button', { name: '未评项按满分' }).click();
	if (deduction) await scoring.getByLabel(deduction).check();
	await expect(scoring.getByText('草稿已保存（仅你可见）')).toBeVisible();
	page.once('dialog', (dialog) => void dialog.accept());
	await scoring.getByRole('button', { name: '提交校准评分' }).click();
	await expect(scoring.getByText(/已提交，总分 \d+/)).toBeVisible();
	await page.getByRole('link', { name: '← 返回校准' }).click();
}

async function scoreBoth(page: Page, title: string, deductions: [string | undefined, string | undefined]) {
	await page.goto('/qa/calibration');
	await page.getByRole('link', { name: title }).click({ timeout: 60_000 });
	await scoreCall(page, CALLS[0]!, deductions[0]);
	await scoreCall(page, CALLS[1]!, deductions[1]);
	await expect(page.getByRole('region', { name: '我的校准评分' })).toContainText(
		/已提交 \d+ 分.*已提交 \d+ 分/s
	);
}

test('three inspectors score blind; on close the session shows the scores and the agreement', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(240_000);
	const title = `校准演练 ${Date.now()}`;
	const supervisor = await (await browser.newContext({ baseURL })).newPage();
	await signIn(supervisor, 'supervisor01');
	await waitUntilSynced(supervisor);
	await supervisor.goto('/qa/calibration');
	await supervisor.getByRole('button', { name: '新建校准' }).click();
	const form = supervisor.getByRole('form', { name: '新建校准' });
	await form.getByLabel('名称').fill(title);
	await form.getByLabel('评分表').selectOption({ label: '12345政务服务便民热线通话质检评分表（v1）' });
	await form.getByLabel(/通话编号/).fill(`${CALLS.join('\n')}\nC-NOT-THERE`);
	await form.getByRole('button', { name: '查找通话' }).click();
	await expect(form.getByText('没有找到这些通话：C-NOT-THERE')).toBeVisible();
	await expect(form.getByRole('table', { name: '校准通话' }).getByRole('row')).toHaveCount(3);
	for (const name of ['inspector01', 'inspector03', 'supervisor01'])
		await form.getByRole('checkbox', { name: new RegExp(`（${name}）`) }).check();
	await form.getByRole('button', { name: '开始校准' }).click();
	await expect(supervisor.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(supervisor.getByRole('status').filter({ hasText: '评分中' })).toContainText('已提交 0/6');
	await scoreBoth(supervisor, title, [undefined, '未核实联系电话（-3）']);
	await waitUntilSynced(supervisor);

	const first = await (await browser.newContext({ baseURL })).newPage();
	await signIn(first, 'inspector01');
	await scoreBoth(first, title, [undefined, undefined]);
	await waitUntilSynced(first);

	const second = await (await browser.newContext({ baseURL })).newPage();
	await signIn(second, 'inspector03');
	await second.goto('/qa/calibration');
	await second.getByRole('link', { name: title }).click({ timeout: 60_000 });
	// Blind: the others' progress shows, their scores do not, and the server refuses to hand them over.
	await expect(second.getByRole('region', { name: '参加的质检员' })).toContainText('陈质检：已提交 2/2');
	await expect(second.getByText('校准结束后显示每个人的评分和一致性。')).toBeVisible();
	const peek = await second.evaluate(
		async (database) => (await fetch(`/db/${database}/_all_docs?include_docs=true`)).status,
		`calib-${hex('inspector01')}`
	);
	expect(peek).toBe(403);
	await scoreCall(second, CALLS[0]!, '未核实联系电话（-3）');
	await scoreCall(second, CALLS[1]!, '未核实联系电话（-3）');
	await waitUntilSynced(second);

	// The supervisor closes it; the server copies the six scores in and the results appear.
	await supervisor.reload();
	await expect(supervisor.getByRole('status').filter({ hasText: '评分中' })).toContainText('已提交 6/6', {
		timeout: 60_000
	});
	supervisor.once('dialog', (dialog) => void dialog.accept());
	await supervisor.getByRole('button', { name: '结束校准并汇总' }).click();
	const totals = supervisor.getByRole('table', { name: '各通电话总分' });
	await expect(totals).toBeVisible({ timeout: 60_000 });
	await expect(totals.getByRole('row')).toHaveCount(3);
	await expect(supervisor.getByRole('table', { name: '逐项评分' })).toBeVisible();
	await expect(supervisor.getByRole('region', { name: '一致性' })).toContainText('Krippendorff');
	await expect(supervisor.getByRole('table', { name: '评分人偏差' }).getByRole('row')).toHaveCount(4);
	await expect(supervisor.getByText('已提交 6 / 6 份评分')).toBeVisible();

	// The inspectors now read the same table; the session joins the trend.
	await second.reload();
	await expect(second.getByRole('table', { name: '各通电话总分' })).toBeVisible({ timeout: 60_000 });
	await second.goto('/qa/calibration');
	await expect(second.getByRole('table', { name: '校准一致性趋势' })).toContainText(title);
});
