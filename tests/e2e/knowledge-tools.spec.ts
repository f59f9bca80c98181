// The editors' tools around the entry form: the duplicate guard, template administration and bulk import.
import path from 'node:path';
import { expect, signIn, test, waitUntilSynced } from './fixtures';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/import');

test('typing a question that exists offers to extend the existing entry instead', async ({ page }) => {
	await signIn(page, 'editor02');
	await waitUntilSynced(page);
	await page.goto('/kb/new');
	await expect(page.getByRole('heading', { level: 1, name: '新建知识点' })).toBeVisible();
	const typed = '社保卡弄丢了咋补办';
	await page.getByRole('textbox', { name: /^标准问题/ }).fill(typed);
	const guard = page.getByRole('complementary', { name: '可能重复的知识点' });
	// The offline index is built from the synced knowledge base on the first start.
	await expect(guard.getByRole('link', { name: '社保卡丢失了怎么补办？' })).toBeVisible({ timeout: 60_000 });
	await expect(guard).not.toContainText('公积金');

	await guard.getByRole('link', { name: '加为它的相似问题' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: '修订已发布的知识点' })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: typed })).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: typed })).toBeVisible();
	// The sample answer predates the template's fields: its headed sections fill them, so it saves as is.
	await expect(page.getByRole('textbox', { name: '办理材料' })).toHaveValue(/身份证/);
	await page.getByRole('button', { name: '保存草稿' }).click();
	const revision = page.getByRole('region', { name: '修订稿' });
	await expect(revision).toBeVisible();
	await expect(revision.getByText(typed)).toBeVisible();
});

test('an admin adds a required field to a template and the entry form asks for it; editors only read', async ({
	browser,
	baseURL
}) => {
	const adminContext = await browser.newContext({ baseURL });
	const admin = await adminContext.newPage();
	await signIn(admin, 'admin01');
	await waitUntilSynced(admin);
	await admin.goto('/kb/templates');
	await admin.getByRole('tab', { name: '案例' }).click();
	await admin.getByRole('button', { name: '添加字段' }).click();
	await admin.getByRole('button', { name: '保存模板' }).click();
	await expect(admin.getByText('请填写字段名称')).toBeVisible();
	const field = `案情经过${Date.now() % 1000}`;
	await admin
		.getByRole('textbox', { name: /个字段名称$/ })
		.last()
		.fill(field);
	await admin
		.getByRole('listitem')
		.filter({ has: admin.getByRole('textbox', { name: /个字段名称$/ }) })
		.last()
		.getByLabel('必填')
		.check();
	await admin.keyboard.press('Control+s');
	await expect(admin.getByRole('status')).toContainText('已保存「案例」模板');
	await waitUntilSynced(admin);

	const editorContext = await browser.newContext({ baseURL });
	const editor = await editorContext.newPage();
	await signIn(editor, 'editor01');
	await waitUntilSynced(editor);
	await editor.goto('/kb/templates');
	await editor.getByRole('tab', { name: '案例' }).click();
	await expect(editor.getByRole('textbox', { name: /个字段名称$/ }).last()).toHaveValue(field);
	await expect(editor.getByRole('textbox', { name: /个字段名称$/ }).last()).toBeDisabled();
	await expect(editor.getByRole('button', { name: '保存模板' })).toHaveCount(0);

	await editor.goto('/kb/new');
	await editor.getByRole('combobox', { name: '条目类型' }).selectOption({ label: '案例' });
	await expect(editor.getByRole('group', { name: '案例字段' })).toContainText(field);
	await editorContext.close();
	await adminContext.close();
});

test('an import shows every bad row and writes nothing until the file is right', async ({ page }) => {
	await signIn(page, 'editor01');
	await waitUntilSynced(page);
	await page.goto('/kb/import');
	const fileInput = page.locator('input[type=file]');
	await fileInput.setInputFiles(path.join(fixtures, 'bad-rows.csv'));
	await expect(page.getByText(/^有问题 [1-9]\d* 行$/)).toBeVisible();
	await expect(page.getByRole('button', { name: /^导入 \d+ 条$/ })).toBeDisabled();

	const stamp = Date.now();
	const rows = [
		'标准问题,业务分类,答案,相似问题',
		`导入测试：社保卡密码忘了怎么办？${stamp},社会保障卡,携带身份证到银行网点重置。,社保卡密码忘记`,
		`导入测试：社保卡能在外地用吗？${stamp},社会保障卡,可在全国联网的定点医院使用。,社保卡异地使用`
	];
	await fileInput.setInputFiles({
		name: '导入测试.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(rows.join('\r\n'), 'utf8')
	});
	await expect(page.getByText('有问题 0 行')).toBeVisible();
	await page.getByRole('button', { name: '导入 2 条' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已导入 2 条知识点（草稿）' })).toBeVisible();
	await waitUntilSynced(page);

	await page.goto('/kb');
	await page.getByRole('searchbox', { name: '按标准问题筛选' }).fill(`${stamp}`);
	await expect(page.getByRole('link', { name: new RegExp(`社保卡密码忘了怎么办？${stamp}`) })).toBeVisible();
	await expect(page.getByRole('link', { name: new RegExp(`社保卡能在外地用吗？${stamp}`) })).toBeVisible();
});

test('an editor adds a synonym group, and a broken one is refused with the reason', async ({ page }) => {
	await signIn(page, 'editor01');
	await page.goto('/kb');
	await page.getByRole('link', { name: '同义词' }).click();
	const input = page.getByRole('textbox', { name: '新的同义词组' });
	await input.fill('惠民卡');
	await input.press('Enter');
	await expect(page.getByRole('alert')).toHaveText('同义词组至少要有两个词，用“=”隔开，如：医保 = 医疗保险');
	const group = `惠民卡${Date.now() % 10000} = 社会保障卡`;
	await input.fill(group);
	await input.press('Enter');
	await expect(page.getByRole('status')).toContainText(`已添加：${group}`);
	await expect(page.getByRole('listitem').filter({ hasText: group })).toBeVisible();
	await expect(page.getByRole('textbox', { name: '新的同义词组' })).toHaveValue('');
});
