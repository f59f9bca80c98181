// A script in an answer never runs, on any page that shows answers. The server now refuses such answers, so
// the hostile documents reach the browser as a compromised or older server would send them: replication's
// _bulk_get responses are rewritten on the way in. One demo entry gets a hostile published answer, a hostile
// revision waiting for review, a hostile conflicting revision and a hostile published version.
import type { BrowserContext, Page } from '@playwright/test';
import { ENTRY_CONTENT_FIELDS } from '../../src/lib/knowledge/entry-content';
import { expect, signIn, test } from './fixtures';

const ENTRY_ID = 'entry:shebao-card-activate';
const QUESTION = '新领的社保卡怎么激活？';
const ENTRY_PATH = `/kb/${encodeURIComponent(ENTRY_ID)}`;
const VERSION_ID = 'entryVersion:shebao-card-activate:1';
// Where agents' screens read published content from, once it is kept apart from the entry.
const PUBLISHED_ID = 'publishedEntry:shebao-card-activate';
// The highest revision id of its generation: this branch wins, the rewritten server revision is the conflict.
const WINNING_REVISION_ID = 'f'.repeat(32);

/** Every way of running script that the answer allowlist must stop, each reporting where it came from. */
function hostileAnswer(marker: string, key: string): string {
	// void(): a javascript: link whose script gives a string would replace the page with that string.
	const ran = (how: string) => `void(window.__xss='${key} ${how}')`;
	return (
		`<p>${marker}：携带<strong>身份证</strong><img src=x onerror="${ran('img')}"></p>` +
		`<p onclick="${ran('onclick')}"><a href="javascript:${ran('link')}">点此办理</a>` +
		`<a href="java&#115;cript:${ran('encoded link')}">点此预约</a>` +
		`<a href=" javascript:${ran('spaced link')}">点此咨询</a></p>` +
		`<svg onload="${ran('svg')}"></svg><details open ontoggle="${ran('details')}"><summary>详情</summary></details>` +
		`<iframe src="javascript:void(parent.__xss='${key} iframe')"></iframe><script>${ran('script')}</script>` +
		`<p/onmouseover="${ran('slash')}">悬停</p>`
	);
}

type Doc = Record<string, unknown> & { _rev: string; _revisions: { start: number; ids: string[] } };
type BulkGetResponse = { results: Array<{ id: string; docs: Array<{ ok?: Doc; error?: unknown }> }> };

const contentOf = (doc: Doc) =>
	Object.fromEntries(ENTRY_CONTENT_FIELDS.map((field) => [field, doc[field] ?? null]));

/** The entry as the server sent it becomes the conflict; a winning branch, a revision and a version join it. */
function hostileKnowledge(served: Doc): BulkGetResponse['results'] {
	const conflicting: Doc = {
		...served,
		answerHtml: hostileAnswer('冲突版答案', 'conflict'),
		answerText: '冲突版答案：携带身份证'
	};
	const { start, ids } = served._revisions;
	const winning: Doc = {
		...served,
		_rev: `${start}-${WINNING_REVISION_ID}`,
		_revisions: { start, ids: [WINNING_REVISION_ID, ...ids.slice(1)] },
		answerHtml: hostileAnswer('发布版答案', 'published'),
		revision: {
			...contentOf(served),
			answerHtml: hostileAnswer('修订稿答案', 'revision'),
			answerText: '修订稿答案：携带身份证',
			status: 'inReview',
			baseVersion: served.version,
			createdBy: 'editor01',
			createdAt: served.updatedAt,
			updatedBy: 'editor01',
			updatedAt: served.updatedAt
		}
	};
	const version: Doc = {
		_id: VERSION_ID,
		_rev: `1-${'a'.repeat(32)}`,
		_revisions: { start: 1, ids: ['a'.repeat(32)] },
		type: 'entryVersion',
		entryId: ENTRY_ID,
		version: 1,
		publishedBy: 'reviewer01',
		publishedAt: served.publishedAt,
		...contentOf(served),
		answerHtml: hostileAnswer('第一版答案', 'version'),
		answerText: '第一版答案：携带身份证'
	};
	return [
		{ id: ENTRY_ID, docs: [{ ok: conflicting }, { ok: winning }] },
		{ id: VERSION_ID, docs: [{ ok: version }] }
	];
}

/** PouchDB 9 pulls the small demo kb (editors) and pub (agents) by _changes then _bulk_get?revs=true: the entry
 * is rewritten there, and its published copy for agents. */
async function serveHostileKnowledge(context: BrowserContext) {
	await context.route(/\/db\/(kb|pub)\/_bulk_get/, async (route) => {
		const response = await route.fetch();
		const body = (await response.json()) as BulkGetResponse;
		const served = body.results.find((result) => result.id === ENTRY_ID)?.docs.find((doc) => doc.ok)?.ok;
		if (served)
			body.results = [
				...body.results.filter((result) => result.id !== ENTRY_ID),
				...hostileKnowledge(served)
			];
		for (const doc of body.results.find((result) => result.id === PUBLISHED_ID)?.docs ?? [])
			if (doc.ok) doc.ok.answerHtml = hostileAnswer('发布版答案', 'published');
		await route.fulfill({ response, json: body });
	});
}

/** Waits until a broken image loaded now has failed: the answer's broken images failed before it. */
async function settle(page: Page) {
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const image = new Image();
				image.onerror = () => resolve();
				image.onload = () => resolve();
				image.src = `x?control=${Date.now()}`;
			})
	);
	await page.waitForTimeout(300);
}

/** No hostile script ran or is left in the page to run later, not even once its links are clicked. */
async function expectNoScript(page: Page) {
	const ran = () => page.evaluate(() => (window as { __xss?: string }).__xss);
	await settle(page);
	expect(await ran()).toBeUndefined();
	const unsafe = await page.evaluate(() =>
		Array.from(document.querySelectorAll('*')).flatMap((element) =>
			Array.from(element.attributes)
				.filter(
					(attribute) =>
						/^on/i.test(attribute.name) ||
						(['href', 'src', 'action'].includes(attribute.name) &&
							/^\s*(?:javascript|data|vbscript):/i.test(attribute.value))
				)
				.map((attribute) => `<${element.tagName.toLowerCase()} ${attribute.name}="${attribute.value}">`)
		)
	);
	expect(unsafe).toEqual([]);
	await expect(page.locator('main').locator('img, svg, iframe, details, script')).toHaveCount(0);

	for (const text of ['点此办理', '点此预约', '点此咨询']) {
		for (const link of await page.getByText(text).all()) await link.click();
	}
	for (const paragraph of await page.getByText('悬停').all()) await paragraph.hover();
	await settle(page);
	expect(await ran()).toBeUndefined();
}

// The app's service worker would fetch replication requests itself, out of page.route's reach.
test.use({ serviceWorkers: 'block' });

test.beforeEach(async ({ context }) => {
	await serveHostileKnowledge(context);
});

test('the agent’s search shows the hostile answer as harmless text', async ({ page }) => {
	await signIn(page, 'agent01');
	const box = page.getByRole('searchbox', { name: '检索知识库' });
	await box.fill('社保卡怎么激活');
	const results = page.getByRole('listbox', { name: '检索结果' }).getByRole('option');
	await expect(results.first()).toContainText(QUESTION, { timeout: 60_000 });
	await box.press('Enter');
	// The panel's region holds the entry's own 答案 section.
	const answer = page.getByRole('region', { name: '答案' }).first();
	await expect(answer.getByRole('heading', { level: 2 })).toContainText(QUESTION);
	await expect(answer).toContainText('发布版答案：携带身份证');
	await expect(answer.locator('strong', { hasText: '身份证' })).toBeVisible();
	await expectNoScript(page);
});

test('the entry view, its versions, the conflict and the compilation show no script to an editor', async ({
	page
}) => {
	await signIn(page, 'editor01');
	await page.goto(ENTRY_PATH);
	await expect(page.getByRole('heading', { level: 2, name: QUESTION }).first()).toBeVisible({
		timeout: 60_000
	});
	await expect(page.getByRole('region', { name: '修订稿' })).toContainText('修订稿答案：携带身份证');
	await expect(page.getByText('发布版答案：携带身份证')).toBeVisible();
	await expect(page.getByRole('alert').filter({ hasText: '存在冲突版本' })).toBeVisible();
	await expectNoScript(page);

	await page.goto(`${ENTRY_PATH}/versions`);
	await expect(page.getByText('第 1 版', { exact: true })).toBeVisible();
	await expect(page.getByText(/第一版答案/).first()).toBeVisible();
	await expectNoScript(page);

	await page.goto(`${ENTRY_PATH}/conflict`);
	await expect(page.getByRole('heading', { level: 1, name: '合并冲突版本' })).toBeVisible();
	await expect(page.getByText(/冲突版答案/).first()).toBeVisible();
	await expectNoScript(page);

	await page.goto('/kb/compilation');
	await page.getByLabel('日期').fill('2026-01-05');
	const entry = page.locator('.entry').filter({ hasText: QUESTION });
	await expect(entry).toContainText('发布版答案：携带身份证');
	await expectNoScript(page);
	// The compilation's own styles still reach the sanitized answer, on paper as on screen.
	await page.emulateMedia({ media: 'print' });
	const paragraph = entry.locator('.answer p').first();
	const rem = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
	await expect(paragraph).toHaveCSS('margin-top', '0px');
	await expect(paragraph).toHaveCSS('margin-bottom', `${0.4 * rem}px`);
});

test('a reviewer reviewing the hostile revision runs no script', async ({ page }) => {
	await signIn(page, 'reviewer01');
	await page.goto(ENTRY_PATH);
	await expect(page.getByRole('button', { name: '通过并发布' })).toBeVisible({ timeout: 60_000 });
	await expect(page.getByRole('region', { name: '修订稿' })).toContainText('修订稿答案：携带身份证');
	await expectNoScript(page);
});
