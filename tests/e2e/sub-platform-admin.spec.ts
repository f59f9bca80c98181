// 分平台名单: an admin adds, renames, reorders and retires sub-platforms, the edits reach the server, and
// entries are shown with their sub-platform's name; an editor neither sees the screen nor gets a write in.
import { DEMO_PASSWORD, expect, signIn, test, waitUntilSynced } from './fixtures';

const basic = (userName: string) => ({
	authorization: `Basic ${Buffer.from(`${userName}:${DEMO_PASSWORD}`).toString('base64')}`
});

test('an admin keeps the sub-platform list, and entries show its names', async ({ page }) => {
	await signIn(page, 'admin01');
	await waitUntilSynced(page);
	await page.getByRole('navigation', { name: '工作区' }).getByRole('link', { name: '系统管理' }).click();
	await expect(page).toHaveURL(/\/admin\/sub-platforms$/);
	await expect(page.getByRole('heading', { level: 1, name: '分平台名单' })).toBeVisible();
	await expect(page.getByText('为它建立第一个账号时，或服务器下次启动、运行 npm run setup')).toBeVisible();
	const list = page.getByRole('table', { name: '分平台名单' });
	const row = (text: string) => list.getByRole('row').filter({ hasText: text });
	await expect(list.getByRole('row')).toHaveCount(20);
	await expect(row('haikou')).toContainText('海口市');
	await expect(row('haikou')).toContainText('在用');

	// A code outside the pattern, then one taken: the message says why and the typing stays.
	const code = page.getByRole('textbox', { name: '代码', exact: true });
	const name = page.getByRole('textbox', { name: '名称', exact: true });
	await code.fill('Yangpu');
	await name.fill('洋浦');
	await page.getByRole('button', { name: '新增分平台' }).click();
	await expect(page.getByRole('alert')).toContainText('代码「Yangpu」格式不对');
	await expect(code).toHaveValue('Yangpu');
	await expect(name).toHaveValue('洋浦');
	await code.fill('sanya');
	await page.getByRole('button', { name: '新增分平台' }).click();
	await expect(page.getByRole('alert')).toHaveText('代码「sanya」已被「三亚市」使用');
	await code.fill('yangpu');
	await page.getByRole('button', { name: '新增分平台' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已新增「洋浦」' })).toBeVisible();
	await expect(code).toHaveValue('');
	await expect(list.getByRole('row').last()).toContainText('yangpu');

	// Renamed from the keyboard: Enter saves, and focus goes back to the row.
	await page.getByRole('button', { name: '改名 洋浦' }).click();
	const newName = page.getByRole('textbox', { name: '新名称' });
	await expect(newName).toBeFocused();
	await newName.fill('洋浦经济开发区');
	await newName.press('Enter');
	await expect(row('yangpu')).toContainText('洋浦经济开发区');
	await expect(page.getByRole('button', { name: '改名 洋浦经济开发区' })).toBeFocused();

	// Moved up from the keyboard: the row goes one place up and keeps the focus.
	const up = page.getByRole('button', { name: '上移 洋浦经济开发区' });
	await up.focus();
	await page.keyboard.press('Enter');
	await expect(list.getByRole('row').nth(19)).toContainText('yangpu');
	await expect(list.getByRole('row').nth(20)).toContainText('qiongzhong');
	await expect(up).toBeFocused();

	// Retired, never deleted.
	await page.getByRole('button', { name: '停用 三沙市' }).click();
	await expect(row('sansha')).toContainText('已停用');
	await expect(page.getByRole('button', { name: '启用 三沙市' })).toBeVisible();

	// The edits reach the server as the admin's.
	await waitUntilSynced(page);
	const onServer = async (id: string) =>
		(await (
			await page.request.get(`/db/kb/${encodeURIComponent(id)}`, { headers: basic('admin01') })
		).json()) as {
			name: string;
			order: number;
			retired?: boolean;
			updatedBy: string;
		};
	await expect
		.poll(async () => onServer('subPlatform:yangpu'))
		.toMatchObject({ name: '洋浦经济开发区', order: 18, updatedBy: 'admin01' });
	await expect.poll(async () => (await onServer('subPlatform:sansha')).retired).toBe(true);

	// Entries are shown with the sub-platform's name, never its code.
	await page.goto('/kb/entry%3Ahaikou-ebike-plate');
	await expect(page.getByText('分平台：海口市')).toBeVisible();
	await page.goto('/kb');
	await page.getByRole('searchbox', { name: '按标准问题筛选' }).fill('海口市电动自行车');
	const entryRow = page
		.getByRole('table', { name: '知识点列表' })
		.getByRole('row')
		.filter({ hasText: '海口市电动自行车' });
	await expect(entryRow.getByRole('cell', { name: '海口市', exact: true })).toBeVisible();
});

test('an editor has no sub-platform screen, and the server refuses their writes to the list', async ({
	page
}) => {
	await signIn(page, 'editor01');
	await expect(
		page.getByRole('navigation', { name: '工作区' }).getByRole('link', { name: '知识库管理' })
	).toBeVisible();
	await expect(page.getByRole('link', { name: '系统管理' })).toHaveCount(0);
	await page.goto('/admin/sub-platforms');
	await expect(page).toHaveURL(/\/search$/);
	await expect(page.getByRole('heading', { name: '分平台名单' })).toHaveCount(0);

	// Straight to the sync server with the editor's own session cookie, by PUT and as a replicated write.
	const statuses = await page.evaluate(async () => {
		const doc = {
			_id: 'subPlatform:forged',
			type: 'subPlatform',
			code: 'forged',
			name: '伪造分平台',
			order: 30,
			updatedBy: 'editor01',
			updatedAt: new Date().toISOString()
		};
		const init = (body: unknown, method = 'POST') => ({
			method,
			credentials: 'include' as const,
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body)
		});
		const put = await fetch('/db/kb/subPlatform%3Aforged', init(doc, 'PUT'));
		// Editors read kb, so they can send a rename over the current revision: the validator still says no.
		const haikou = (await (
			await fetch('/db/kb/subPlatform%3Ahaikou', { credentials: 'include' })
		).json()) as object;
		const renamed = await fetch(
			'/db/kb/subPlatform%3Ahaikou',
			init({ ...haikou, name: '改过的海口' }, 'PUT')
		);
		const replicated = await fetch(
			'/db/kb/_bulk_docs',
			init({ new_edits: false, docs: [{ ...doc, _rev: '1-0f0f0f0f' }] })
		);
		return {
			put: put.status,
			renamed: renamed.status,
			replicated: replicated.ok
				? ((await replicated.json()) as Array<{ error?: string }>).map((row) => row.error ?? 'saved')
				: replicated.status
		};
	});
	expect(statuses.put).toBe(403);
	expect(statuses.renamed).toBe(403);
	expect(
		statuses.replicated === 403 || (statuses.replicated as string[]).every((error) => error === 'forbidden')
	).toBe(true);
	const forged = await page.request.get('/db/kb/subPlatform%3Aforged', { headers: basic('admin01') });
	expect(forged.status()).toBe(404);
	const haikou = await page.request.get('/db/kb/subPlatform%3Ahaikou', { headers: basic('admin01') });
	expect((await haikou.json()).name).toBe('海口市');
});
