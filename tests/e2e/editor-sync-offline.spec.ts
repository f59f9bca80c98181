// An editor's entry reaches a colleague's browser through the sync server, also when it was written offline.
import type { Page } from '@playwright/test';
import {
	backOnline,
	DEMO_PASSWORD,
	expect,
	reloadOffline,
	saveNewFaqDraft,
	signIn,
	test,
	waitUntilSynced
} from './fixtures';

async function createEntry(page: Page, question: string, answer: string) {
	await page.getByRole('navigation', { name: '工作区' }).getByRole('link', { name: '知识库管理' }).click();
	await page.getByRole('link', { name: '新建知识点' }).click();
	await saveNewFaqDraft(page, { question, answer, similar: ['电动车咋上牌', '电瓶车挂牌去哪'] });
}

test('an entry created by an editor is seen by a second browser, online and after working offline', async ({
	browser,
	baseURL
}) => {
	const editorContext = await browser.newContext({ baseURL });
	const editor = await editorContext.newPage();
	await signIn(editor, 'editor01');
	await waitUntilSynced(editor);

	const onlineQuestion = `电动自行车如何上牌？（在线 ${Date.now()}）`;
	await createEntry(editor, onlineQuestion, '携带购车发票、合格证和身份证到车管所办理。');
	await waitUntilSynced(editor);

	const reviewerContext = await browser.newContext({ baseURL });
	const reviewer = await reviewerContext.newPage();
	await signIn(reviewer, 'reviewer01');
	await reviewer
		.getByRole('navigation', { name: '工作区' })
		.getByRole('link', { name: '知识库管理' })
		.click();
	await expect(reviewer.getByRole('link', { name: onlineQuestion })).toBeVisible({ timeout: 30_000 });

	// The app shell comes from the service worker once it controls the page.
	await editor.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await expect.poll(() => editor.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

	await reloadOffline(editor);
	await expect(editor.getByTestId('sync-status')).toContainText('离线');
	await editor.getByRole('navigation', { name: '工作区' }).getByRole('link', { name: '知识库管理' }).click();
	await expect(editor.getByRole('link', { name: onlineQuestion })).toBeVisible();

	const offlineQuestion = `电动自行车如何上牌？（离线 ${Date.now()}）`;
	await createEntry(editor, offlineQuestion, '断网时写下的答案，联网后自动上传。');
	await expect(editor.getByTestId('unpushed-count')).toHaveText('未上传 1');
	await expect(reviewer.getByRole('link', { name: offlineQuestion })).toHaveCount(0);

	await backOnline(editor);
	await waitUntilSynced(editor);
	await expect(reviewer.getByRole('link', { name: offlineQuestion })).toBeVisible({ timeout: 30_000 });

	await editorContext.close();
	await reviewerContext.close();
});

test('an offline reload keeps what the editor saved and still counts it as not yet uploaded', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	await signIn(page, 'editor02');
	await waitUntilSynced(page);
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

	await context.setOffline(true);
	const question = `居住证到期了怎么续签？（${Date.now()}）`;
	await createEntry(page, question, '在居住证有效期满前三十日内，到居住地公安派出所办理签注。');
	await reloadOffline(page);
	await expect(page.getByRole('heading', { level: 2, name: question })).toBeVisible();
	await expect(page.getByTestId('unpushed-count')).toHaveText('未上传 1');

	await backOnline(page);
	await waitUntilSynced(page);
	await context.close();
});

test('a session that runs out keeps the edit; signing in again from the header sends it', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	await signIn(page, 'editor01');
	await waitUntilSynced(page);

	// The server forgets the browser's session (the cookie is gone): the next request is refused with 401.
	await context.clearCookies();
	const question = `新生儿医保怎么参保？（${Date.now()}）`;
	await createEntry(page, question, '出生后三个月内由监护人持出生医学证明到社区办理参保登记。');
	const entryPath = new URL(page.url()).pathname;
	await expect(page.getByTestId('sync-status')).toContainText('需重新登录', { timeout: 30_000 });
	await expect(page.getByTestId('unpushed-count')).toHaveText('未上传 1');

	await page.getByRole('link', { name: '登录已过期，重新登录' }).click();
	await page.getByLabel('密码').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: '登录' }).click();
	// Back on the entry, and the edit made while signed out reaches the server.
	await expect(page).toHaveURL((url) => url.pathname === entryPath);
	await expect(page.getByRole('heading', { level: 2, name: question })).toBeVisible();
	await waitUntilSynced(page);
	const entryId = decodeURIComponent(entryPath.split('/').pop()!);
	const onServer = await page.request.get(`/db/kb/${encodeURIComponent(entryId)}`, {
		headers: { authorization: `Basic ${Buffer.from(`editor01:${DEMO_PASSWORD}`).toString('base64')}` }
	});
	expect(onServer.status()).toBe(200);
	expect((await onServer.json()).standardQuestion).toBe(question);
	await context.close();
});

test('a new browser says 已同步 only after its first pull has arrived', async ({ page }) => {
	// The knowledge base's changes are held back for a moment: the push, with nothing to send, idles at once.
	let releasedAt = 0;
	await page.route(/\/db\/kb\/_changes/, async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 3000));
		releasedAt ||= Date.now();
		await route.continue();
	});
	// A string: tsx would wrap a function's helpers in __name(), unknown in the page.
	await page.addInitScript(`new MutationObserver(() => {
		const status = document.querySelector('[data-testid="sync-status"]');
		if (!window.firstSyncedAt && status?.textContent?.includes('已同步')) window.firstSyncedAt = Date.now();
	}).observe(document, { subtree: true, childList: true, characterData: true });`);
	await signIn(page, 'editor01');
	await waitUntilSynced(page);
	const firstSyncedAt = (await page.evaluate('window.firstSyncedAt')) as number;
	expect(releasedAt).toBeGreaterThan(0);
	expect(firstSyncedAt).toBeGreaterThan(releasedAt);
	await page.goto('/kb');
	await expect(page.getByRole('link', { name: '社保卡丢失了怎么补办？' })).toBeVisible();
});
