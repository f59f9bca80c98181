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
