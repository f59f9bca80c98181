// Playwright fixtures: the base URL of the server started by global-setup, and signing in as a demo user.
import { test as base, expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo1234';

export const test = base.extend({
	// eslint-disable-next-line no-empty-pattern
	baseURL: async ({}, use) => {
		await use(process.env.E2E_BASE_URL);
	}
});

export { expect };

export async function signIn(page: Page, userName: string, password = DEMO_PASSWORD) {
	await page.goto('/login');
	await page.getByLabel('用户名').fill(userName);
	await page.getByLabel('密码').fill(password);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page.getByRole('navigation', { name: '工作区' })).toBeVisible();
}

export async function waitUntilSynced(page: Page) {
	await expect(page.getByTestId('sync-status')).toContainText('已同步', { timeout: 30_000 });
	await expect(page.getByTestId('unpushed-count')).toHaveCount(0);
}

/** Fills the 常见问题 form on /kb/new (opened or being opened) and saves the draft. */
export async function saveNewFaqDraft(
	page: Page,
	entry: { question: string; answer: string; similar: string[] }
) {
	// The list page's filter is labelled 按标准问题筛选: wait for the form before typing into 标准问题.
	await expect(page.getByRole('heading', { level: 1, name: '新建知识点' })).toBeVisible();
	await page.getByRole('textbox', { name: /^标准问题/ }).fill(entry.question);
	const category = page.getByRole('combobox', { name: /业务分类/ });
	await category.fill('社会保障卡');
	await page
		.getByRole('option', { name: /社会保障卡/ })
		.first()
		.click({ timeout: 30_000 });
	await page.getByRole('textbox', { name: '答案 *' }).fill(entry.answer);
	const similar = page.getByRole('textbox', { name: '相似问题（话务员和市民的其他问法）' });
	for (const question of entry.similar) {
		await similar.fill(question);
		await similar.press('Enter');
	}
	await page.getByRole('button', { name: '保存草稿' }).click();
	await expect(page.getByRole('heading', { level: 2, name: entry.question })).toBeVisible();
}

/**
 * A reload with the network down. Chromium 150 drops Playwright's offline emulation when a page reloads
 * (navigator.onLine turns true and requests go out again), so the network is also refused by route, and the
 * emulation is applied again once the page is back.
 */
export async function reloadOffline(page: Page) {
	const context = page.context();
	await context.route('**/*', (route) => route.abort('internetdisconnected'));
	await context.setOffline(true);
	await page.reload();
	await context.setOffline(false);
	await context.setOffline(true);
}

export async function backOnline(page: Page) {
	await page.context().unroute('**/*');
	await page.context().setOffline(false);
}

/** Waits until the search worker has saved the index to IndexedDB (a few seconds after the last change). */
export async function searchIndexStored(page: Page) {
	await expect
		.poll(
			() =>
				page.evaluate(
					() =>
						new Promise<boolean>((resolve) => {
							const opening = indexedDB.open('hotline-search-index');
							opening.onsuccess = () => {
								const store = opening.result.transaction('indexes').objectStore('indexes');
								const count = store.count();
								count.onsuccess = () => resolve(count.result > 0);
								count.onerror = () => resolve(false);
							};
							opening.onerror = () => resolve(false);
						})
				),
			{ timeout: 30_000 }
		)
		.toBe(true);
}
