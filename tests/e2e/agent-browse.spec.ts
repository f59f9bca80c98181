// An agent finds a published entry with the keyboard and reads its answer, source and category.
import {
	backOnline,
	expect,
	reloadOffline,
	saveNewFaqDraft,
	searchIndexStored,
	signIn,
	test
} from './fixtures';

test('an agent types a few words, moves with the arrows and opens the answer with Enter', async ({
	page
}) => {
	await signIn(page, 'agent01');
	const box = page.getByRole('searchbox', { name: '检索知识库' });
	await expect(box).toBeFocused();
	// The offline index is built from the synced knowledge base on the first start.
	await expect(page.getByText(/暂用简单匹配/)).toHaveCount(0, { timeout: 60_000 });
	// Colloquial, in traditional characters, with filler: the index normalizes what a plain match cannot.
	await box.fill('請問社保卡丟了咋補辦');
	const results = page.getByRole('listbox', { name: '检索结果' }).getByRole('option');
	await expect(results.first()).toContainText('社保卡丢失了怎么补办？');
	await expect(results.first()).toContainText('社会保障和就业 › 社会保障卡');
	await expect(results.first().locator('mark').first()).toBeVisible();
	await expect(results.first()).toContainText('依据：《中华人民共和国社会保险法》');

	await box.fill('社保卡');
	await expect(results.nth(2)).toContainText('社保卡');
	await box.press('ArrowDown');
	await expect(results.nth(1)).toHaveAttribute('aria-selected', 'true');
	// Focus stays in the box, which names the selected row for screen readers.
	await expect(box).toHaveAttribute('aria-activedescendant', (await results.nth(1).getAttribute('id'))!);
	await box.press('ArrowUp');
	await box.press('Enter');
	const answer = page.getByRole('region', { name: '答案' });
	await expect(answer.getByRole('heading', { level: 2 })).toContainText('社保卡');
	await expect(answer.getByRole('heading', { name: '依据出处' })).toBeVisible();
	await expect(page.getByRole('alert')).toHaveCount(0);

	// Related entries open in the answer panel; the results stay as they were.
	await box.fill('社保卡丢了怎么补办');
	await expect(results.first()).toContainText('社保卡丢失了怎么补办？');
	await box.press('Enter');
	await expect(answer.getByRole('heading', { level: 2 })).toContainText('社保卡丢失了怎么补办？');
	const related = page.getByRole('navigation', { name: '关联问题' });
	await related.getByRole('button', { name: '社保卡怎么挂失和解挂？' }).click();
	await expect(answer.getByRole('heading', { level: 2 })).toContainText('社保卡怎么挂失和解挂？');
	await expect(related.getByRole('button', { name: '社保卡丢失了怎么补办？' })).toBeVisible();
	await expect(results.first()).toContainText('社保卡丢失了怎么补办？');

	// Enter right after typing opens the first result for the new words, not a row of the last results.
	await box.fill('居住证怎么办理');
	await box.press('Enter');
	await expect(answer.getByRole('heading', { level: 2 })).toContainText('居住证');

	await box.press('Escape');
	await expect(box).toHaveValue('');
});

test('with the network down the agent still searches, ranked by words as online', async ({ page }) => {
	await signIn(page, 'agent01');
	const box = page.getByRole('searchbox', { name: '检索知识库' });
	const results = page.getByRole('listbox', { name: '检索结果' }).getByRole('option');
	const wordsMissing = page.getByText('分词组件未能加载');
	// Results come before the words have loaded; the words then join the ranking.
	const wordsState = page.locator('[data-words]');
	await expect(page.getByText(/暂用简单匹配/)).toHaveCount(0, { timeout: 60_000 });
	await expect(wordsState).toHaveAttribute('data-words', 'ready');
	// A first sign-in starts from the index the server built (npm start builds it), not from nothing.
	await expect(wordsState).toHaveAttribute('data-index-from-server', 'true');
	await expect(wordsMissing).toHaveCount(0);
	await box.fill('社保卡丢了怎么补办');
	await expect(results.first()).toContainText('社保卡丢失了怎么补办？');
	// The service worker holds the app shell, the segmenter's WebAssembly included, once it controls the page.
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

	// The index is saved to IndexedDB a few seconds after the last change: wait for it, then start from it.
	await searchIndexStored(page);
	await reloadOffline(page);
	await expect(page.getByTestId('sync-status')).toContainText('离线');
	// The index comes back from IndexedDB and the words from the service worker's cache.
	await expect(page.getByText(/暂用简单匹配/)).toHaveCount(0, { timeout: 30_000 });
	await expect(wordsState).toHaveAttribute('data-index-restored', 'true');
	await expect(wordsState).toHaveAttribute('data-words', 'ready');
	await expect(wordsMissing).toHaveCount(0);
	await box.fill('社保卡丢了怎么补办');
	await expect(results.first()).toContainText('社保卡丢失了怎么补办？');
	// The answers' full text, read just after the rest, is searched too.
	await expect(wordsState).toHaveAttribute('data-answers', 'ready');
	await box.fill('12333');
	await expect(results.first().locator('.passage mark').first()).toHaveText('12333');
	await backOnline(page);
});

test('drafts stay out of the agents’ view', async ({ browser, baseURL }) => {
	const editorContext = await browser.newContext({ baseURL });
	const editor = await editorContext.newPage();
	await signIn(editor, 'editor01');
	const question = `仅草稿：新能源车补贴怎么领？${Date.now()}`;
	await editor.goto('/kb/new');
	await saveNewFaqDraft(editor, { question, answer: '草稿内容。', similar: ['新能源车补贴'] });
	await expect(editor.getByTestId('sync-status')).toContainText('已同步');

	const agentContext = await browser.newContext({ baseURL });
	const agent = await agentContext.newPage();
	await signIn(agent, 'agent02');
	await expect(agent.getByTestId('sync-status')).toContainText('已同步');
	await expect(agent.getByText(/暂用简单匹配/)).toHaveCount(0, { timeout: 60_000 });
	await agent.getByRole('searchbox', { name: '检索知识库' }).fill(question);
	const results = agent.getByRole('listbox', { name: '检索结果' });
	await expect(agent.getByText(/^匹配 \d+ 条/)).toBeVisible();
	await expect(results.getByText(question)).toHaveCount(0);
	await editorContext.close();
	await agentContext.close();
});

test('expired entries stay out of the results unless the agent asks for them, then show as 已失效', async ({
	page
}) => {
	await signIn(page, 'agent01');
	await expect(page.getByText(/暂用简单匹配/)).toHaveCount(0, { timeout: 60_000 });
	const box = page.getByRole('searchbox', { name: '检索知识库' });
	await box.fill('2024年度个人所得税汇算');
	const results = page.getByRole('listbox', { name: '检索结果' }).getByRole('option');
	const expired = results.filter({ hasText: '2024年度个人所得税汇算什么时间办理？' });
	// The results for this query have arrived (the entry in force is there) without the expired one.
	await expect(results.filter({ hasText: '个人所得税综合所得年度汇算怎么办理？' })).toHaveCount(1);
	await expect(expired).toHaveCount(0);
	await page.getByLabel('包括已失效的知识点（标为已失效）').check();
	await expect(expired).toHaveCount(1);
	await expect(expired).toContainText('已失效');
});

test('filters narrow the results by entry type and the answer copies as plain text', async ({
	page,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await signIn(page, 'agent01');
	await expect(page.getByText(/暂用简单匹配/)).toHaveCount(0, { timeout: 60_000 });
	const box = page.getByRole('searchbox', { name: '检索知识库' });
	await box.fill('社保卡');
	const results = page.getByRole('listbox', { name: '检索结果' }).getByRole('option');
	const guide = results.filter({ hasText: '社保卡丢失了怎么补办？' });
	await expect(guide).toHaveCount(1);
	await expect(guide).toContainText('办事指南');

	await page.getByRole('combobox', { name: '条目类型' }).selectOption({ label: '常见问题' });
	await expect(guide).toHaveCount(0);
	await expect(results.first()).toBeVisible();
	for (const text of await results.allTextContents()) expect(text).toContain('常见问题');

	await page.getByRole('combobox', { name: '条目类型' }).selectOption({ label: '全部类型' });
	await guide.click();
	await page.getByRole('button', { name: '复制答案文本' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已复制' })).toBeVisible();
	const clipboard = await page.evaluate(() => navigator.clipboard.readText());
	expect(clipboard).toContain('办理材料');
	expect(clipboard).not.toContain('<');
});

test('a sub-platform’s agents find their city’s entries beside the province’s, never another city’s', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const search = async (user: string, query: string) => {
		const page = await (await browser.newContext({ baseURL })).newPage();
		await signIn(page, user);
		await expect(page.getByText(/暂用简单匹配/)).toHaveCount(0, { timeout: 60_000 });
		await page.getByRole('searchbox', { name: '检索知识库' }).fill(query);
		return page.getByRole('listbox', { name: '检索结果' }).getByRole('option');
	};
	// 海口's agent: the city's own entry, and the province's.
	const haikou = await search('agent03', '海口电动自行车怎么上牌');
	await expect(haikou.first()).toContainText('海口市电动自行车怎么上牌？', { timeout: 60_000 });
	await expect(await search('agent03', '社保卡丢了怎么补办').then((rows) => rows.first())).toContainText(
		'社保卡丢失了怎么补办？',
		{ timeout: 60_000 }
	);
	// 三亚's agent, and the province's: 海口's entry is not in their browser at all.
	for (const user of ['agent04', 'agent01']) {
		const rows = await search(user, '海口电动自行车怎么上牌');
		await expect(rows.first()).toBeVisible({ timeout: 60_000 });
		await expect(rows.filter({ hasText: '海口市电动自行车怎么上牌？' })).toHaveCount(0);
	}
	const sanya = await search('agent04', '三亚海滩停车收费');
	await expect(sanya.first()).toContainText('三亚市海滩公共停车场怎么收费？', { timeout: 60_000 });
});

test('a weak best match says 匹配度低 and offers 查无信息 first; a homophone slip is read as corrected', async ({
	page
}) => {
	await signIn(page, 'agent01');
	await expect(page.getByText(/暂用简单匹配/)).toHaveCount(0, { timeout: 60_000 });
	const box = page.getByRole('searchbox', { name: '检索知识库' });
	const results = page.getByRole('listbox', { name: '检索结果' }).getByRole('option');
	const missButton = page.getByRole('button', { name: '查无信息' });

	await box.fill('我孩子考试压力大睡不着');
	await expect(page.getByText('匹配度低')).toBeVisible();
	await expect(results.first()).toBeVisible();
	await expect(missButton).toHaveClass(/primary/);

	await box.fill('设保卡补办');
	await expect(page.getByText('按“社保卡补办”搜索')).toBeVisible();
	await expect(results.first()).toContainText('社保卡丢失了怎么补办？');
	await expect(page.getByText('匹配度低')).toHaveCount(0);
	await expect(missButton).not.toHaveClass(/primary/);
});

test('a detail only the answer states finds its entry, shows the passage and opens scrolled to it', async ({
	page
}) => {
	await signIn(page, 'agent01');
	await expect(page.getByText(/暂用简单匹配/)).toHaveCount(0, { timeout: 60_000 });
	const box = page.getByRole('searchbox', { name: '检索知识库' });
	const results = page.getByRole('listbox', { name: '检索结果' }).getByRole('option');
	const answer = page.getByRole('region', { name: '答案' });

	// 工本费 stands in the 收费标准 of eight demo answers; with 社保卡 it is the reissue entry's.
	await box.fill('社保卡工本费');
	await expect(results.first()).toContainText('社保卡丢失了怎么补办？');
	const passage = results.first().locator('.passage');
	await expect(passage).toContainText('工本费');
	await expect(passage.locator('mark').filter({ hasText: '工本' }).first()).toBeVisible();
	await box.press('Enter');
	await expect(answer.getByRole('heading', { level: 2 })).toContainText('社保卡丢失了怎么补办？');
	const answerText = answer.locator('.answer');
	await expect(answerText).toHaveAttribute('data-focused-passage', /工本/);
	// Scrolled to: the passage's paragraph is in view of the window.
	await expect(answerText.getByText(/收取工本费/)).toBeInViewport();

	// A number is a whole: 12333 finds the answers that give the hotline, and the passage marks it.
	await box.fill('12333');
	await expect(results.first().locator('.passage mark').first()).toHaveText('12333');
	await expect(page.getByText('匹配度低')).toHaveCount(0);

	// In quotes, only entries where the words stand as typed: 职工本人 holds 工本, not 工本费.
	await box.fill('“工本费”');
	// Read once the list answers the quoted words (the last query's rows stay until then).
	await expect
		.poll(async () => {
			const shown = await results.allInnerTexts();
			return shown.length > 3 && shown.every((text) => text.includes('工本费'));
		})
		.toBe(true);
	await expect(results.filter({ hasText: '租房怎么提取住房公积金？' })).toHaveCount(0);
	await box.fill('工本费');
	await expect(results.filter({ hasText: '租房怎么提取住房公积金？' })).toHaveCount(1);
});
