// 海口's editor works on 海口's desk (citykb-haikou) and reads the province's publications from pub, never
// 三亚's entries or the province's drafts; a draft written there reaches the province's editors.
import { expect, saveNewFaqDraft, signIn, test, waitUntilSynced } from './fixtures';

test('a city editor works on the city’s entries only, and a draft reaches the province', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const cityContext = await browser.newContext();
	const city = await cityContext.newPage();
	await signIn(city, 'editor03');
	await waitUntilSynced(city);
	await city.goto('/kb');
	const list = city.getByRole('main');
	await expect(list.getByText('海口市电动自行车怎么上牌？')).toBeVisible({ timeout: 30_000 });
	// 三亚's entries and the province's drafts never reach 海口's browser, nor its server database.
	await expect(list.getByText('三亚市海滩公共停车场怎么收费？')).toHaveCount(0);
	await expect(list.getByText('电动自行车上牌需要带什么材料？')).toHaveCount(0);
	const refused = await city.evaluate(async () => (await fetch('/db/kb/_all_docs')).status);
	expect(refused).toBe(403);
	// The province's publications come from pub, beside the desk: 海口's editor finds them like an agent.
	await city.goto('/search');
	await city.getByRole('searchbox', { name: '检索知识库' }).fill('社保卡丢了怎么补办');
	await expect(city.getByRole('listbox', { name: '检索结果' }).getByRole('option').first()).toContainText(
		'社保卡丢失了怎么补办？',
		{ timeout: 60_000 }
	);

	const question = `海口市公交卡怎么退卡-${Date.now()}`;
	await city.goto('/kb/new');
	// A city editor's entries are their city's: the choice is fixed to 海口.
	await expect(city.getByRole('combobox', { name: /适用分平台/ })).toBeDisabled();
	await saveNewFaqDraft(city, {
		question,
		answer: '持卡到海口公交集团客服网点办理退卡，退还卡内余额和押金。',
		similar: ['海口公交卡不要了怎么退']
	});
	await waitUntilSynced(city);

	const provinceContext = await browser.newContext();
	const province = await provinceContext.newPage();
	await signIn(province, 'editor01');
	await expect(async () => {
		await province.goto('/kb');
		await expect(province.getByRole('main').getByText(question)).toBeVisible({ timeout: 2_000 });
	}).toPass({ timeout: 60_000 });
	await cityContext.close();
	await provinceContext.close();
});
