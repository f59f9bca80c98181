// 我的质检统计: an agent's own figures of October, computed in their browser from their own results, are the
// figures their supervisor's report gives for them; the scorecard's 合格线 is the one both count by.
import { expect, signIn, test, waitUntilSynced } from './fixtures';

test('an agent’s own figures are what the supervisor’s report says of them', async ({ browser, baseURL }) => {
	test.setTimeout(120_000);
	const supervisor = await (await browser.newContext({ baseURL })).newPage();
	await signIn(supervisor, 'supervisor01');
	await waitUntilSynced(supervisor);
	await supervisor.goto('/reports?kind=qa&period=2026-10&scope=agent:agent05');
	const report = supervisor.getByRole('article', { name: '质检报表' });
	await expect(report.getByRole('heading', { name: /质检报表 · 坐席：赵话务/ })).toBeVisible({
		timeout: 30_000
	});
	const served = report.getByRole('region', { name: '主要指标' }).locator('.figure .value');
	const [evaluations, average] = [await served.nth(0).textContent(), await served.nth(1).textContent()];
	expect(Number(evaluations)).toBeGreaterThan(5);
	await expect(report.getByRole('region', { name: '主要指标' })).toContainText('合格率（合格线 80）');

	const agent = await (await browser.newContext({ baseURL })).newPage();
	await signIn(agent, 'agent05');
	await waitUntilSynced(agent);
	await agent.getByRole('navigation', { name: '工作区' }).getByRole('link', { name: '我的质检' }).click();
	const own = agent.getByRole('region', { name: '我的质检统计' });
	await own.getByLabel('月份').fill('2026-10');
	await expect(own).toContainText('2026年10月，对比 2026年9月');
	const mine = own.getByRole('region', { name: '主要指标' }).locator('.figure .value');
	await expect(mine.nth(0)).toHaveText(evaluations!.trim());
	await expect(mine.nth(1)).toHaveText(average!.trim());
	await expect(own.getByRole('table', { name: '我的失分项' })).toBeVisible();
});
