// 替代全省知识点: 海口's 居住证 entry (demo, sync/demo/city-entries.ts) replaces the province's for 海口's agents,
// who can still open the province's; the province's agents see the province's only; editors see the link.
import type { Page } from '@playwright/test';
import { expect, saveNewFaqDraft, signIn, test, waitUntilSynced } from './fixtures';

const PROVINCE_QUESTION = '居住证怎么办理？';
const HAIKOU_QUESTION = '海口市居住证怎么办理？';

async function searchAs(page: Page, userName: string, query: string) {
	await signIn(page, userName);
	// The offline index is built from the synced knowledge base on the first start.
	await expect(page.getByText(/暂用简单匹配/)).toHaveCount(0, { timeout: 60_000 });
	await page.getByRole('searchbox', { name: '检索知识库' }).fill(query);
	return page.getByRole('listbox', { name: '检索结果' }).getByRole('option');
}

test('海口’s agent finds 海口’s version first and can open the province’s', async ({ page }) => {
	const results = await searchAs(page, 'agent03', '居住证怎么办理');
	await expect(results.first()).toContainText(HAIKOU_QUESTION, { timeout: 60_000 });
	await expect(results.first()).toContainText('本地版本');
	// The province entry is not listed beside it: 海口's takes its place.
	await expect(results.filter({ hasText: PROVINCE_QUESTION }).filter({ hasNotText: '海口市' })).toHaveCount(
		0
	);

	await results.first().click();
	const answer = page.getByRole('region', { name: '答案' }).first();
	await expect(answer.getByRole('heading', { level: 2 })).toHaveText(HAIKOU_QUESTION);
	await expect(answer).toContainText('龙华区');
	await answer.getByRole('link', { name: '查看全省版本' }).click();
	await expect(answer.getByRole('heading', { level: 2 })).toHaveText(PROVINCE_QUESTION);
	await expect(answer.getByRole('link', { name: '查看全省版本' })).toHaveCount(0);
	// The results stay as they were.
	await expect(results.first()).toContainText(HAIKOU_QUESTION);
});

test('the province’s agent sees the province’s version only', async ({ page }) => {
	const results = await searchAs(page, 'agent01', '居住证怎么办理');
	await expect(results.first()).toContainText(PROVINCE_QUESTION, { timeout: 60_000 });
	await expect(results.filter({ hasText: HAIKOU_QUESTION })).toHaveCount(0);
	await results.first().click();
	const answer = page.getByRole('region', { name: '答案' }).first();
	await expect(answer.getByRole('heading', { level: 2 })).toHaveText(PROVINCE_QUESTION);
	await expect(answer.getByRole('link', { name: '查看全省版本' })).toHaveCount(0);
});

test('an editor marks a city entry as replacing a province entry and sees it linked', async ({ page }) => {
	await signIn(page, 'editor01');
	// The demo's: the detail links the province entry it replaces.
	await page.goto(`/kb/${encodeURIComponent('entry:haikou-residence-permit')}`);
	const replaced = page.getByRole('link', { name: PROVINCE_QUESTION, exact: true });
	await expect(page.getByText('替代全省知识点：')).toBeVisible({ timeout: 30_000 });
	await replaced.click();
	await expect(page.getByRole('heading', { level: 2, name: PROVINCE_QUESTION })).toBeVisible();

	// A new entry of 海口's, marked in the form by searching the province's questions.
	await page.goto('/kb/new');
	const replaces = page.getByRole('searchbox', { name: /替代全省知识点/ });
	await expect(replaces).toHaveCount(0);
	await page.getByLabel('适用分平台').selectOption('haikou');
	await replaces.fill('身份证丢了');
	await page
		.getByRole('list', { name: '可替代的全省知识点' })
		.getByRole('button', { name: '＋ 身份证丢了怎么补办？' })
		.click();
	await expect(page.getByText('已替代：身份证丢了怎么补办？')).toBeVisible();
	const question = `海口市身份证丢了怎么补办？（${Date.now()}）`;
	await saveNewFaqDraft(page, {
		question,
		answer: '到海口市各区政务服务中心公安窗口补领。',
		similar: ['海口身份证丢了去哪补']
	});
	// The server took it (validate_doc_update lets a city entry replace a province entry).
	await waitUntilSynced(page);
	await page.getByRole('link', { name: '身份证丢了怎么补办？', exact: true }).click();
	await expect(page.getByRole('heading', { level: 2, name: '身份证丢了怎么补办？' })).toBeVisible();
});
