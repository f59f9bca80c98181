import type { Page } from '@playwright/test';
import { expect, signIn, test, waitUntilSynced } from './fixtures';

async function openQueue(page: Page, queue: string) {
	await page.goto('/kb');
	await page.getByRole('group', { name: '工作队列' }).getByRole('button', { name: queue }).click();
}

test('an editor fills a service guide from its template; a reviewer returns it, then publishes it; an agent finds it', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const question = `新生儿社保卡怎么办理-${Date.now()}`;
	const editor = await (await browser.newContext()).newPage();
	await signIn(editor, 'editor01');
	await editor.goto('/kb/new');
	await editor.getByLabel('条目类型').selectOption({ label: '办事指南' });
	await editor.getByRole('textbox', { name: /^标准问题/ }).fill(question);
	const category = editor.getByRole('combobox', { name: /业务分类/ });
	await category.fill('社会保障卡');
	await editor
		.getByRole('option', { name: /社会保障卡/ })
		.first()
		.click({ timeout: 30_000 });
	await expect(editor.getByText('已选：')).toContainText('社会保障卡');
	// The template refuses to save without its required sections.
	await editor.getByRole('button', { name: '保存草稿' }).click();
	await expect(editor.getByText('请填写：办理材料、办理流程、办理时限')).toBeVisible();
	await editor.getByLabel('办理材料').fill('1. 出生医学证明\n2. 户口簿');
	await editor.getByLabel('办理流程').fill('在社保经办窗口或线上申请');
	await editor.getByLabel('办理时限').fill('10 个工作日');
	await editor.getByRole('button', { name: '添加出处' }).click();
	await editor.getByLabel('标题').fill('社会保障卡管理办法');
	const similar = editor.getByRole('textbox', { name: '相似问题（话务员和市民的其他问法）' });
	await similar.fill('刚出生的孩子办社保卡');
	await similar.press('Enter');
	await editor.getByRole('button', { name: '保存草稿' }).click();
	await expect(editor.getByRole('heading', { level: 2, name: question })).toBeVisible();
	await expect(editor.getByRole('heading', { name: '办理材料' })).toBeVisible();
	await editor.getByRole('button', { name: '提交审核' }).click();
	await expect(editor.getByRole('status')).toContainText('已提交审核');

	const reviewer = await (await browser.newContext()).newPage();
	await signIn(reviewer, 'reviewer01');
	await openQueue(reviewer, '待审核');
	await reviewer.getByRole('link', { name: question }).click({ timeout: 30_000 });
	await reviewer.getByRole('button', { name: '退回…' }).click();
	await reviewer.getByLabel('退回意见').fill('办理时限请写明起算时间');
	await reviewer.getByRole('button', { name: '确认退回' }).click();
	await expect(reviewer.getByRole('status')).toContainText('已退回');
	await waitUntilSynced(reviewer);

	await expect(async () => {
		await openQueue(editor, '退回给我');
		await expect(editor.getByRole('link', { name: question })).toBeVisible({ timeout: 2_000 });
	}).toPass({ timeout: 30_000 });
	await editor.getByRole('link', { name: question }).click();
	await expect(editor.getByText('办理时限请写明起算时间')).toBeVisible();
	await editor.getByRole('link', { name: '编辑' }).click();
	await editor.getByLabel('办理时限').fill('自受理之日起 10 个工作日');
	await editor.getByRole('button', { name: '保存草稿' }).click();
	await editor.getByRole('button', { name: '提交审核' }).click();
	await expect(editor.getByRole('status')).toContainText('已提交审核');
	await waitUntilSynced(editor);

	await expect(async () => {
		await openQueue(reviewer, '待审核');
		await expect(reviewer.getByRole('link', { name: question })).toBeVisible({ timeout: 2_000 });
	}).toPass({ timeout: 30_000 });
	await reviewer.getByRole('link', { name: question }).click();
	await expect(reviewer.getByText('自受理之日起 10 个工作日')).toBeVisible();
	await reviewer.getByRole('button', { name: '通过并发布' }).click();
	await expect(reviewer.getByRole('status')).toContainText('已发布');
	await reviewer.getByRole('link', { name: '版本历史' }).click();
	await expect(reviewer.getByText('第 1 版', { exact: true })).toBeVisible();
	await waitUntilSynced(reviewer);

	const agent = await (await browser.newContext()).newPage();
	await signIn(agent, 'agent01');
	const box = agent.getByRole('searchbox', { name: '检索知识库' });
	await expect(async () => {
		await box.fill('');
		await box.fill(question);
		await expect(agent.getByRole('listbox', { name: '检索结果' }).getByRole('option')).not.toHaveCount(0, {
			timeout: 2_000
		});
	}).toPass({ timeout: 30_000 });
});

test('two editors change the same draft while offline; the conflict is shown and merged field by field', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const question = `居住证签注-${Date.now()}`;
	const firstContext = await browser.newContext();
	const first = await firstContext.newPage();
	await signIn(first, 'editor01');
	await first.goto('/kb/new');
	await first.getByRole('textbox', { name: /^标准问题/ }).fill(question);
	const category = first.getByRole('combobox', { name: /业务分类/ });
	await category.fill('居住证');
	await first
		.getByRole('option', { name: /居住证/ })
		.first()
		.click({ timeout: 30_000 });
	await expect(first.getByText('已选：')).toContainText('居住证');
	await first.getByRole('textbox', { name: '答案 *' }).fill('到社区服务中心签注。');
	await first.getByRole('textbox', { name: '相似问题（话务员和市民的其他问法）' }).fill('居住证到期了去哪续');
	await first.getByRole('textbox', { name: '相似问题（话务员和市民的其他问法）' }).press('Enter');
	await first.getByRole('button', { name: '保存草稿' }).click();
	await expect(first.getByRole('heading', { level: 2, name: question })).toBeVisible();
	await waitUntilSynced(first);
	const entryUrl = first.url();

	const secondContext = await browser.newContext();
	const second = await secondContext.newPage();
	await signIn(second, 'editor02');
	await expect(async () => {
		await second.goto(entryUrl);
		await expect(second.getByRole('heading', { level: 2, name: question })).toBeVisible({ timeout: 2_000 });
	}).toPass({ timeout: 30_000 });

	await firstContext.setOffline(true);
	await secondContext.setOffline(true);
	for (const [page, region] of [
		[first, '城区'],
		[second, '开发区']
	] as const) {
		await page.getByRole('link', { name: '编辑' }).click();
		await page.getByLabel('适用地区').fill(region);
		await page.getByRole('button', { name: '保存草稿' }).click();
		await expect(page.getByRole('heading', { level: 2, name: question })).toBeVisible();
	}
	await firstContext.setOffline(false);
	await waitUntilSynced(first);
	await secondContext.setOffline(false);
	await waitUntilSynced(second);

	await expect(async () => {
		await first.reload();
		await expect(first.getByRole('link', { name: '查看并合并' })).toBeVisible({ timeout: 2_000 });
	}).toPass({ timeout: 30_000 });
	await first.getByRole('link', { name: '查看并合并' }).click();
	const regionChoice = first.getByRole('group', { name: '适用地区' });
	await expect(regionChoice).toContainText('城区');
	await expect(regionChoice).toContainText('开发区');
	const theirs = (await regionChoice.locator('.side').nth(1).textContent()) ?? '';
	const chosenRegion = theirs.includes('开发区') ? '开发区' : '城区';
	await regionChoice.getByRole('radio', { name: /冲突版本/ }).check();
	await first.getByRole('button', { name: '保存合并结果' }).click();
	await expect(first.getByRole('heading', { level: 2, name: question })).toBeVisible();
	await expect(first.getByRole('link', { name: '查看并合并' })).toHaveCount(0);
	await expect(first.getByText(`适用地区：${chosenRegion}`)).toBeVisible();
	await waitUntilSynced(first);
});
