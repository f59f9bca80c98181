// The inspector's flow on the shipped demo calls: filter, open, play and seek, comment on a moment, score
// and submit; the agent reads and acknowledges the result; another agent can read nothing of it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { pcmWav } from '../fixtures/wav-file';
import { backOnline, expect, reloadOffline, signIn, test, waitUntilSynced } from './fixtures';

const DEMO = path.resolve(import.meta.dirname, '../../sync/demo/recordings');
const NOISE_CALL = 'C20261119-0007';
/** The recording list (the worklists above it link the same calls). */
const callList = (page: Page) => page.locator('table.recordings');

test('an inspector filters, plays, comments, scores and submits; the agent acknowledges', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(180_000);
	const inspector = await (await browser.newContext({ baseURL })).newPage();
	await signIn(inspector, 'inspector01');
	await expect(inspector).toHaveURL(/\/qa$/);
	await expect(callList(inspector).getByRole('link', { name: NOISE_CALL })).toBeVisible({ timeout: 60_000 });

	await inspector.getByLabel('业务类型').selectOption('环境保护');
	const rows = inspector.locator('table.recordings tbody tr');
	await expect(rows).toHaveCount(1);
	// Inspectors see caller numbers masked.
	await expect(rows.first()).toContainText('139****1234');
	await expect(rows.first()).not.toContainText('13956781234');
	await callList(inspector).getByRole('link', { name: NOISE_CALL }).click();

	await expect(inspector.locator('.waveform[data-ready="true"]')).toBeVisible({ timeout: 30_000 });
	await expect(inspector.getByText('0:00 / 0:46')).toBeVisible();
	await inspector.keyboard.press('ArrowRight');
	await inspector.keyboard.press('ArrowRight');
	await expect(inspector.getByText('0:10 / 0:46')).toBeVisible();
	// The transcript follows: the agent's "这个我们管不了" is being played around 0:10–0:20.
	await inspector.getByRole('button', { name: /这个我们管不了/ }).click();
	await expect(inspector.locator('li.current')).toContainText('这个我们管不了');

	await inspector.getByRole('button', { name: '开始评分' }).click();
	await inspector.getByRole('button', { name: '未评项按满分' }).click();
	await expect(inspector.getByText('100', { exact: true })).toBeVisible();
	await inspector.getByLabel('打断来电人陈述（-3）').check();
	await inspector.getByLabel('未核实联系电话（-3）').check();

	await inspector.keyboard.press('Escape');
	await inspector.locator('body').click({ position: { x: 5, y: 5 } });
	await inspector.keyboard.press('c');
	const note = inspector.getByRole('textbox', { name: '评论内容' });
	await expect(note).toBeFocused();
	await note.fill('来电人还没说完就打断，并推给城管');
	await inspector
		.getByRole('group', { name: '新评论' })
		.getByLabel('关联评分项')
		.selectOption({ label: '耐心倾听，不打断来电人' });
	await note.press('Control+Enter');
	const comments = inspector.getByRole('region', { name: '录音批注' });
	await expect(comments).toContainText('来电人还没说完就打断，并推给城管');
	await expect(comments).toContainText('耐心倾听，不打断来电人');
	await expect(inspector.getByText('草稿已保存')).toBeVisible();
	// The comment points at its item beside the player; 评分 puts the cursor in it.
	const listening = inspector.locator('[data-criterion="listening"]');
	await expect(listening).toHaveClass(/highlighted/);
	await comments.getByRole('button', { name: '评分：耐心倾听，不打断来电人' }).click();
	await expect(listening.locator(':focus')).toHaveCount(1);

	inspector.once('dialog', (dialog) => void dialog.accept());
	await inspector.getByRole('button', { name: '提交质检单' }).click();
	await expect(inspector.getByText(/已提交，总分 94/)).toBeVisible();

	const agent = await (await browser.newContext({ baseURL })).newPage();
	await signIn(agent, 'agent01');
	await agent.getByRole('link', { name: '我的质检' }).click();
	const result = agent.getByRole('button', { name: new RegExp(`94 分.*${NOISE_CALL}`) });
	await expect(result).toBeVisible({ timeout: 60_000 });
	await result.click();
	await expect(agent.getByText('来电人还没说完就打断，并推给城管')).toBeVisible();
	await expect(agent.getByText('打断来电人陈述')).toBeVisible();
	await agent.getByRole('button', { name: '确认已阅' }).click();
	await expect(agent.getByText('已确认，质检员会看到你的确认')).toBeVisible();

	// The acknowledgement travels agent → server → qa → the inspector's browser.
	await expect(inspector.getByText(/坐席已于 .* 确认/)).toBeVisible({ timeout: 60_000 });

	// Another agent sees none of it, and the server refuses them agent01's database outright.
	const other = await (await browser.newContext({ baseURL })).newPage();
	await signIn(other, 'agent02');
	await other.getByRole('link', { name: '我的质检' }).click();
	await expect(other.getByText('还没有已提交的质检单。')).toBeVisible({ timeout: 30_000 });
	const statuses = await other.evaluate(async () => {
		const agent01Db =
			'qa-agent-' +
			[...new TextEncoder().encode('agent01')].map((b) => b.toString(16).padStart(2, '0')).join('');
		const paths = [
			`/db/${agent01Db}/_all_docs?include_docs=true`,
			`/db/${agent01Db}/_changes`,
			'/db/qa/_all_docs',
			'/db/qa-audio/_all_docs'
		];
		return Promise.all(paths.map(async (p) => (await fetch(p, { credentials: 'include' })).status));
	});
	expect(statuses).toEqual([403, 403, 403, 403]);
});

test('an inspector imports a batch: problems are listed first, then it commits whole', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, 'inspector01');
	// Agents are recognised by the 工号 in their profiles, which arrive with the knowledge base.
	await waitUntilSynced(page);
	await page.goto('/qa/import');
	const header =
		'通话编号,坐席工号,坐席姓名,开始时间,时长(秒),呼叫类型,业务类型,处理结果,工单号,来电号码,录音文件';
	const callId = `E2E-${Date.now()}`;
	const wavCallId = `${callId}-WAV`;
	const row = (id: string, agentNumber: string, direction: string, extension = 'ogg') =>
		`${id},${agentNumber},刘话务,2026-11-21 10:00:00,38.6,${direction},回访,回访完成,GD9,13700001111,${id}.${extension}`;
	const audio = readFileSync(path.join(DEMO, 'C20261120-0003.ogg'));
	const srt = readFileSync(path.join(DEMO, 'C20261120-0003.srt'));
	const wav = pcmWav({
		seconds: 12,
		channels: 2,
		// A tone on the agent's channel, silence on the caller's.
		sample: (frame, channel) => (channel === 0 ? Math.round(Math.sin(frame / 3) * 12000) : 0)
	});
	const files = (csv: string) => [
		{ name: 'batch.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) },
		{ name: `${callId}.ogg`, mimeType: 'audio/ogg', buffer: audio },
		{ name: `${callId}.srt`, mimeType: 'text/plain', buffer: srt },
		// Read by the analysis worker slice by slice rather than decoded whole.
		{ name: `${wavCallId}.wav`, mimeType: 'audio/wav', buffer: wav }
	];
	const input = page.getByLabel('选择录音信息表、录音文件和转写文件');

	await input.setInputFiles(files(`${header}\n${row(callId, '9999', '转接')}\n`));
	const problems = page.getByRole('alert');
	await expect(problems).toContainText('坐席工号 9999 不是本系统的话务员账号');
	await expect(problems).toContainText('呼叫类型须为 呼入/呼出/回访，而不是“转接”');
	await expect(page.getByRole('button', { name: /导入 0 条录音/ })).toBeDisabled();

	await input.setInputFiles(
		files(`${header}\n${row(callId, '1001', '回访')}\n${row(wavCallId, '1001', '呼入', 'wav')}\n`)
	);
	await expect(page.getByRole('region', { name: '检查结果' })).toContainText('可导入 2 条');
	await expect(page.getByRole('cell', { name: '7 段' })).toBeVisible();
	await page.getByRole('button', { name: '导入 2 条录音' }).click();
	await expect(page.getByText('已导入 2 条录音')).toBeVisible({ timeout: 60_000 });
	// The WAV's own length, read from its header and samples, against the sheet's 38.6 s.
	await expect(page.getByText(`${wavCallId}：表格时长 38.6 秒，录音实际 12 秒`)).toBeVisible();

	await page.goto('/qa');
	await page.getByRole('link', { name: wavCallId, exact: true }).click();
	await expect(page.locator('.waveform[data-ready="true"]')).toBeVisible({ timeout: 30_000 });
	await page.goto('/qa');
	await page.getByRole('link', { name: callId, exact: true }).click();
	await expect(page.locator('.waveform[data-ready="true"]')).toBeVisible({ timeout: 30_000 });
	await expect(page.getByRole('region', { name: '通话转写' })).toContainText('路灯不亮');
	// The audio reaches the server in the background: then another browser can play it too. Its id carries
	// the MD5 the browser computed while it read the file, the same as Node's.
	await expect(page.getByText(/等待联网上传|正在上传录音/)).toHaveCount(0, { timeout: 60_000 });
	for (const [id, bytes] of [
		[callId, audio],
		[wavCallId, wav]
	] as const) {
		const url = `/db/qa-audio/${encodeURIComponent(`audio:${id}:${createHash('md5').update(new Uint8Array(bytes)).digest('base64url')}`)}/audio`;
		await expect
			.poll(() => page.evaluate(async (at) => (await fetch(at, { credentials: 'include' })).status, url), {
				timeout: 60_000
			})
			.toBe(200);
	}
});

test('an inspector scores a call with the network down, and the draft syncs when it returns', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	await signIn(page, 'inspector01');
	await callList(page).getByRole('link', { name: 'C20261120-0003' }).click({ timeout: 60_000 });
	// Opened once online: the audio is now kept in this browser.
	await expect(page.locator('.waveform[data-ready="true"]')).toBeVisible({ timeout: 30_000 });
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

	await reloadOffline(page);
	await expect(page.getByTestId('sync-status')).toContainText('离线');
	await expect(page.locator('.waveform[data-ready="true"]')).toBeVisible({ timeout: 30_000 });
	await page.getByRole('button', { name: '开始评分' }).click();
	await page.getByRole('button', { name: '未评项按满分' }).click();
	await expect(page.getByText('草稿已保存')).toBeVisible();
	await reloadOffline(page);
	await expect(page.getByText(/草稿 · 当前总分 100/)).toBeVisible({ timeout: 30_000 });
	await expect(page.getByTestId('unpushed-count')).toBeVisible();

	await backOnline(page);
	await waitUntilSynced(page);
	const onServer = await page.evaluate(async () => {
		const response = await fetch('/db/qa/evaluation:C20261120-0003.inspector01', { credentials: 'include' });
		return response.ok ? ((await response.json()) as { status: string; total: number }) : null;
	});
	expect(onServer).toMatchObject({ status: 'draft', total: 100 });
});

/** A supervisor at /qa/scorecards with the shipped 12345 scorecard open in the builder. */
async function openDemoScorecard(supervisor: Page) {
	await signIn(supervisor, 'supervisor01');
	await waitUntilSynced(supervisor);
	await supervisor.goto('/qa/scorecards');
	await supervisor
		.getByRole('button', { name: /12345政务服务便民热线通话质检评分表/ })
		.first()
		.click();
}

test('the scorecard builder says each problem once and keeps the cursor on the option the keys act on', async ({
	browser,
	baseURL
}) => {
	const supervisor = await (await browser.newContext({ baseURL })).newPage();
	const errors: string[] = [];
	supervisor.on('pageerror', (error) => errors.push(error.message));
	await openDemoScorecard(supervisor);
	const name = supervisor.getByRole('textbox', { name: '评分表名称' });
	const item = supervisor.locator('li[data-criterion]').first();
	const options = item.locator('.deduction');
	await expect(options).toHaveCount(2);
	await item.getByRole('button', { name: /^添加扣分项/ }).click();
	await item.getByRole('button', { name: /^添加扣分项/ }).click();
	await expect(options).toHaveCount(4);

	// Two options without a reason and no name; Shift makes the shortcut's key "S".
	await name.fill('');
	await supervisor.keyboard.press('Control+Shift+S');
	await expect(name).toHaveAttribute('aria-invalid', 'true');
	await expect(item.getByText('有扣分项没有写原因')).toHaveCount(1);

	// Removing one puts the cursor in the option now in its place, not on the next one's 删除.
	await item.getByRole('button', { name: '删除扣分项 第 3 个' }).click();
	await expect(options).toHaveCount(3);
	await expect(options.nth(2).getByRole('textbox', { name: '扣分原因' })).toBeFocused();
	// Moving one up: the cursor goes with it.
	await options.nth(2).getByRole('button', { name: '上移扣分项 第 3 个' }).click();
	await expect(options.nth(1).getByRole('button', { name: '上移扣分项 第 2 个' })).toBeFocused();
	await expect(options.nth(1).getByRole('textbox', { name: '扣分原因' })).toHaveValue('');

	// 放弃修改 asks first, then restores the saved card.
	supervisor.once('dialog', (dialog) => void dialog.accept());
	await supervisor.getByRole('button', { name: '放弃修改' }).click();
	await expect(options).toHaveCount(2);
	await expect(name).toHaveValue(/12345政务服务便民热线通话质检评分表/);
	await expect(name).toHaveAttribute('aria-invalid', 'false');
	expect(errors).toEqual([]);
});

test('a supervisor’s edit of a used scorecard becomes version 2; inspectors only read scorecards', async ({
	browser,
	baseURL
}) => {
	const supervisor = await (await browser.newContext({ baseURL })).newPage();
	await openDemoScorecard(supervisor);
	// The demo evaluation of agent01 was scored on version 1.
	await expect(supervisor.getByText(/此评分表已被使用，保存将生成新版本 v2/)).toBeVisible();
	await supervisor.getByRole('textbox', { name: '评分表名称' }).fill('12345通话质检评分表（2027 修订）');
	await supervisor.getByRole('button', { name: '保存为新版本 v2' }).click();
	await expect(supervisor.getByText('已保存为第 2 版，旧版本已停用；新的质检单将使用新版本。')).toBeVisible();
	await expect(supervisor.getByRole('button', { name: /2027 修订.*v2/ })).toBeVisible();
	await supervisor.getByLabel('显示已停用的旧版本').check();
	await expect(supervisor.getByRole('button', { name: /v1（已停用）/ }).first()).toBeVisible();

	const inspector = await (await browser.newContext({ baseURL })).newPage();
	await signIn(inspector, 'inspector01');
	await inspector.goto('/qa/scorecards');
	await expect(inspector.getByText('评分表由班长维护；质检员可查看。')).toBeVisible();
	await expect(inspector.getByRole('button', { name: /保存/ })).toHaveCount(0);
});

test('an agent appeals an evaluation and a supervisor’s ruling comes back to them', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const agent = await (await browser.newContext({ baseURL })).newPage();
	await signIn(agent, 'agent01');
	await agent.getByRole('link', { name: '我的质检' }).click();
	// The demo evaluation of 社保卡补办 (C20261118-0001) that inspector01 submitted.
	const result = agent.getByRole('button', { name: /C20261118-0001/ });
	await result.click({ timeout: 60_000 });
	await agent.getByRole('button', { name: '申诉' }).click();
	await agent.getByRole('textbox', { name: /申诉理由/ }).fill('通话末尾已询问是否还有其他问题');
	await agent.getByRole('button', { name: '提交申诉' }).click();
	await expect(agent.getByText('申诉已提交，由班长终审')).toBeVisible();
	await waitUntilSynced(agent);

	const supervisor = await (await browser.newContext({ baseURL })).newPage();
	await signIn(supervisor, 'supervisor01');
	await callList(supervisor).getByRole('link', { name: 'C20261118-0001' }).click({ timeout: 60_000 });
	const appeal = supervisor.getByRole('region', { name: '坐席申诉' });
	await expect(appeal).toContainText('通话末尾已询问是否还有其他问题', { timeout: 60_000 });
	await appeal.getByRole('button', { name: '驳回申诉' }).click();
	await expect(appeal.getByRole('status')).toHaveText('请写明终审意见');
	await appeal.getByRole('textbox', { name: '终审意见' }).fill('录音 0:52 处坐席未询问，维持原评分');
	await appeal.getByRole('button', { name: '驳回申诉' }).click();
	await expect(appeal).toContainText('申诉驳回');
	await waitUntilSynced(supervisor);

	await expect(agent.getByText('终审意见：录音 0:52 处坐席未询问，维持原评分')).toBeVisible({
		timeout: 60_000
	});
	await expect(agent.getByText('申诉驳回')).toBeVisible();
});

test('the list reads the server; calls kept for offline scoring open without the network', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const page = await (await browser.newContext({ baseURL })).newPage();
	await signIn(page, 'inspector01');
	// No call is replicated to the browser: the list is the server's, and only what is kept stays here.
	await expect(callList(page).getByRole('link', { name: 'Y20261120-0002' })).toBeVisible({ timeout: 60_000 });
	await expect(page.getByText(/从服务器读取 \d+ 通/)).toBeVisible();
	await page.getByRole('searchbox', { name: /通话\/工单号/ }).fill('Y20261120-0002');
	await expect(page.locator('table.recordings tbody tr')).toHaveCount(1);
	await page.getByRole('button', { name: '下载列出的未评录音供离线评分' }).click();
	await expect(page.getByText(/已下载列出的 1 通未评录音/)).toBeVisible({ timeout: 30_000 });
	await page.getByRole('searchbox', { name: /通话\/工单号/ }).fill('');

	await reloadOffline(page);
	await expect(page.getByText(/离线（.*）：只列出本机保存的通话/)).toBeVisible({ timeout: 30_000 });
	await expect(callList(page).getByRole('link', { name: 'Y20261120-0002' })).toBeVisible();
	await expect(callList(page).getByRole('link', { name: 'C20261119-0007' })).toHaveCount(0);
	await callList(page).getByRole('link', { name: 'Y20261120-0002' }).click();
	await expect(page.locator('.waveform[data-ready="true"]')).toBeVisible({ timeout: 30_000 });
	await backOnline(page);
});
