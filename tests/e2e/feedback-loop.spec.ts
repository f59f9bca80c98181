// The loop back to editors: an agent reports a query that found nothing, an editor takes it, answers it
// with the entry that covers it, and the agent reads the answer; queries that found nothing are listed.
import { expect, signIn, test, waitUntilSynced } from './fixtures';

test('查无信息 reaches the editors and their answer comes back to the agent', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(150_000);
	const agent = await (await browser.newContext({ baseURL })).newPage();
	await signIn(agent, 'agent01');
	const box = agent.getByRole('searchbox', { name: '检索知识库' });
	// Rare characters only: the index matches single characters and bigrams, so any common word could find
	// something in what earlier tests wrote. Unique per run, so earlier runs' reports do not interfere.
	const RARE = '龘靐齉爩鱻麤灪齾驫鸜';
	const query = [...String(Date.now() % 100000)].map((digit) => RARE[Number(digit)]).join('') + '鬯';
	await box.fill(query);
	await expect(agent.getByText('匹配 0 条')).toBeVisible({ timeout: 30_000 });
	await agent.getByRole('button', { name: '查无信息' }).click();
	const dialog = agent.getByRole('dialog', { name: '查无信息' });
	await expect(dialog).toContainText(`检索词：${query}`);
	await dialog.getByRole('textbox').fill('来电人问无人机航拍需要去哪里备案');
	await dialog.getByRole('textbox').press('Control+Enter');
	await expect(agent.getByText('已提交，采编会尽快处理')).toBeVisible();
	await waitUntilSynced(agent);

	const editor = await (await browser.newContext({ baseURL })).newPage();
	await signIn(editor, 'editor01');
	await editor.goto('/kb');
	await editor.getByRole('link', { name: '一线反馈' }).click();
	const item = editor.getByRole('listitem', { name: query });
	await expect(item).toBeVisible({ timeout: 60_000 });
	await expect(item).toContainText('来电人问无人机航拍需要去哪里备案');
	await item.getByRole('button', { name: '指派给我' }).click();
	await expect(item).toContainText('处理人 editor01');
	await item.getByRole('button', { name: '答复并关闭' }).click();
	await item.getByRole('textbox', { name: '处理结果' }).fill('已补充：民用无人机实名登记在民航局平台办理');
	await item.getByRole('searchbox', { name: '解决它的知识点' }).fill('社保卡');
	await item.getByRole('list', { name: '候选知识点' }).getByRole('button').first().click();
	await expect(item).toContainText('已选：');
	await item.getByRole('button', { name: '关闭此反馈' }).click();
	await editor.getByRole('radio', { name: '已关闭' }).check();
	await expect(editor.getByRole('listitem', { name: query })).toContainText('处理结果：已补充');

	await editor.getByRole('tab', { name: '无结果检索' }).click();
	// The figures are the server's view over every agent's logs: asked again until the log has arrived there.
	await expect(async () => {
		await editor.getByRole('button', { name: '刷新统计' }).click();
		await expect(editor.getByRole('cell', { name: query })).toBeVisible({ timeout: 2_000 });
	}).toPass({ timeout: 30_000 });
	await expect(editor.getByText(/本月检索 \d+ 次，无结果 [1-9]\d* 次/)).toBeVisible();
	// Offline, the figures last read stay on screen, saying so.
	await editor.context().setOffline(true);
	await editor.getByRole('button', { name: '刷新统计' }).click();
	await expect(editor.getByText(/离线：显示本机保存的统计/)).toBeVisible();
	await expect(editor.getByRole('cell', { name: query })).toBeVisible();
	await editor.context().setOffline(false);
	await waitUntilSynced(editor);

	await agent.getByRole('link', { name: '我的反馈' }).click();
	const mine = agent.getByRole('listitem').filter({ hasText: query });
	await expect(mine).toContainText('已关闭', { timeout: 60_000 });
	await expect(mine).toContainText('采编回复（editor01）：已补充：民用无人机实名登记在民航局平台办理');
	await mine.getByRole('link').first().click();
	await expect(agent.getByRole('region', { name: '答案' }).getByRole('heading', { level: 2 })).toContainText(
		'社保卡'
	);
});

test('相似问建议 offers the wording agents opened an entry with, and 采纳 adds it to that entry', async ({
	browser,
	baseURL
}) => {
	const editor = await (await browser.newContext({ baseURL })).newPage();
	await signIn(editor, 'editor01');
	await editor.goto('/kb');
	await editor.getByRole('link', { name: '一线反馈' }).click();
	await editor.getByRole('tab', { name: '相似问建议' }).click();
	// The demo month's searches (sync/setup/demo-activity.ts) reach searchlog through the server's jobs.
	const suggestion = editor.getByRole('listitem').filter({ hasText: '社保卡不见了怎么重新办' });
	await expect(async () => {
		await editor.getByRole('button', { name: '刷新统计' }).click();
		await expect(suggestion).toBeVisible({ timeout: 2_000 });
	}).toPass({ timeout: 30_000 });
	await expect(suggestion).toContainText('社保卡丢失了怎么补办');
	await expect(suggestion).toContainText(/（[3-9]\d* 次）/);
	await suggestion.getByRole('button', { name: '采纳' }).click();
	await expect(editor).toHaveURL(/\/kb\/.+\/edit\?similar=/);
	await expect(editor.getByRole('status').filter({ hasText: '已把' })).toContainText(
		'已把「社保卡不见了怎么重新办」加到相似问题'
	);
	await expect(
		editor.getByRole('list', { name: '相似问题（话务员和市民的其他问法）' }).getByRole('listitem')
	).toContainText(['社保卡不见了怎么重新办']);
});
