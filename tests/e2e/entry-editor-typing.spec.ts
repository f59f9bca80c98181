import { expect, signIn, test } from './fixtures';

test('what an editor types right after opening a new entry stays, across a reload', async ({ page }) => {
	await signIn(page, 'editor01');
	await page.goto('/kb/new');
	const question = page.getByRole('textbox', { name: /^标准问题/ });
	await question.fill('刚打开就输入的问题');
	await expect(page.getByText(/已自动保存到本机/)).toBeVisible();
	await expect(question).toHaveValue('刚打开就输入的问题');
	await page.reload();
	await expect(page.getByRole('textbox', { name: /^标准问题/ })).toHaveValue('刚打开就输入的问题');
	await expect(page.getByText(/已恢复 .* 未保存的内容/)).toBeVisible();
});
