// Signing in with the CouchDB session, and the areas each role sees.
import { expect, signIn, test } from './fixtures';

test('a wrong password is refused with a message in Chinese', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('用户名').fill('agent01');
	await page.getByLabel('密码').fill('wrong-password');
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确');
});

test('guessing a password is stopped after a few tries, and the screen says how long to wait', async ({
	page
}) => {
	await page.goto('/login');
	await page.getByLabel('用户名').fill('guesser');
	const alert = page.getByRole('alert');
	for (let attempt = 0; attempt < 6; attempt++) {
		await page.getByLabel('密码').fill(`guess-${attempt}`);
		await page.getByRole('button', { name: '登录' }).click();
		await expect(alert).toHaveText('用户名或密码不正确');
		await page.getByLabel('密码').clear();
	}
	await page.getByLabel('密码').fill('guess-6');
	await page.getByRole('button', { name: '登录' }).click();
	await expect(alert).toHaveText(/^登录失败次数过多，请 \d+ 秒后再试$/);
});

test('an agent sees the search area and is kept out of the editors’ area', async ({ page }) => {
	await signIn(page, 'agent01');
	const nav = page.getByRole('navigation', { name: '工作区' });
	await expect(nav.getByRole('link', { name: '知识检索' })).toBeVisible();
	await expect(nav.getByRole('link', { name: '知识库管理' })).toHaveCount(0);
	await page.goto('/kb/new');
	await expect(page).toHaveURL(/\/search$/);
});

test('a reviewer who is also an editor sees both areas', async ({ page }) => {
	await signIn(page, 'reviewer01');
	const nav = page.getByRole('navigation', { name: '工作区' });
	await expect(nav.getByRole('link', { name: '知识检索' })).toBeVisible();
	await expect(nav.getByRole('link', { name: '知识库管理' })).toBeVisible();
});

test('the app opens offline for the remembered user after one visit', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	await signIn(page, 'agent02');
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
	await context.setOffline(true);
	await page.goto('/');
	await expect(page.getByRole('searchbox', { name: '检索知识库' })).toBeVisible();
	await expect(page.getByText('agent02（话务员）')).toBeVisible();
	await context.close();
});
