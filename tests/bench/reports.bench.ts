// npm run bench:reports — both reports at a province's volume on the embedded server (the data: reports-data.ts):
// a year of calls in qa and of search logs in searchlog, November 2026 in full and eleven months at a tenth,
// and 10⁵ entries in kb; every reports view built from scratch; then, in Chromium as the data analyst (a
// browser open since before the data arrived, so its own small copy is current), from pressing 生成报表 until
// the charts are drawn, for the month and for the year of each report; and again after 10 000 new documents.
//   BENCH_MONTH_CALLS (250000), BENCH_MONTH_EVALUATIONS (8000), BENCH_MONTH_SEARCHES (750000),
//   BENCH_ENTRIES (100000), BENCH_RUNS (5)
import os from 'node:os';
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from '@playwright/test';
import nano from 'nano';
import { KNOWLEDGE_DB, QA_DB, SEARCH_LOG_DB } from '../../src/lib/db/catalog';
import { adminUrl } from '../../sync/config';
import { demoUsers, DEMO_PASSWORD } from '../../sync/demo/users';
import { ensureUser, runSetup } from '../../sync/setup/setup';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { startBenchServer } from './bench-app';
import { knowledgeBatches } from './province-data';
import {
	ENTRIES,
	MONTH_CALLS,
	MONTH_EVALUATIONS,
	monthDocuments,
	MONTHS,
	monthSearchLogs,
	RUNS
} from './reports-data';

type Kind = 'qa' | 'knowledge';
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const KIND_LABELS: Record<Kind, string> = { qa: '质检报表', knowledge: '知识库与一线报表' };

/**
 * Opens the report screen as the analyst does, by the app's own links (a reload would restart the browser's
 * sync, and its first pulls would share the server with the report being timed), and times one report.
 */
async function reportTime(page: Page, kind: Kind, period: 'month' | 'year'): Promise<number> {
	const navigation = page.getByRole('navigation', { name: '工作区' });
	if (new URL(page.url()).pathname.startsWith('/reports')) {
		await navigation.getByRole('link', { name: '同步与存储' }).click();
		await page.waitForURL(/\/sync/);
	}
	await navigation.getByRole('link', { name: '统计报表' }).click();
	await page.waitForURL(/\/reports/);
	const controls = page.getByRole('form', { name: '报表条件' });
	await controls.getByLabel('报表').selectOption(kind);
	await controls.getByLabel('类型').selectOption(period);
	if (period === 'month') await controls.getByLabel('月份').fill('2026-11');
	else await controls.getByLabel('年份').fill('2026');
	await controls.getByLabel('范围').selectOption({ label: '全省' });
	const button = controls.getByRole('button', { name: '生成报表' });
	await button.waitFor();
	await page.waitForFunction(
		() => !document.querySelector('form[aria-label="报表条件"] button[type=submit]:disabled')
	);
	const started = performance.now();
	await button.click();
	try {
		await page.locator('article [data-charts-ready="true"]').waitFor({ timeout: 300_000 });
	} catch (error) {
		const said = await page.getByRole('alert').allInnerTexts();
		throw new Error(`${KIND_LABELS[kind]}（${period}）未画完图表；页面提示：${said.join(' / ') || '无'}`, {
			cause: error
		});
	}
	return performance.now() - started;
}

async function load(db: nano.DocumentScope<unknown>, batches: Iterable<object[]>): Promise<number> {
	let written = 0;
	for (const docs of batches) {
		const results = await db.bulk({ docs });
		const failed = results.find((result) => result.error);
		if (failed) throw new Error(`写入失败: ${failed.id} ${failed.reason}`);
		written += docs.length;
	}
	return written;
}

/**
 * A view read that waits out a long first build: the client gives up on an answer after 300 s (undici's header
 * timeout) while the server goes on building, so the read is sent again until it is answered.
 */
async function readBuilt(db: nano.DocumentScope<unknown>, view: string, params: nano.DocumentViewParams) {
	for (;;) {
		try {
			return await db.view('reports', view, params);
		} catch (error) {
			if (!/Headers Timeout/i.test((error as Error).message)) throw error;
		}
	}
}

/** Reads every view of a design once, in turn: each is built on its first read. */
async function buildViews(
	db: nano.DocumentScope<unknown>,
	reduced: string[],
	mapOnly: Array<[string, unknown[]]>
) {
	const each: string[] = [];
	const started = performance.now();
	for (const view of reduced) {
		const at = performance.now();
		await readBuilt(db, view, { group_level: 1 });
		each.push(`${view} ${seconds(performance.now() - at)}`);
	}
	for (const [view, startkey] of mapOnly) {
		const at = performance.now();
		await readBuilt(db, view, { startkey, endkey: [...startkey, {}], limit: 1 });
		each.push(`${view} ${seconds(performance.now() - at)}`);
	}
	return `${seconds(performance.now() - started)}（${each.join('，')}）`;
}

const { server, dataDir, admin } = await startBenchServer('hotline-bench-reports-');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
	const couch = await runSetup({ url: adminUrl(server.syncUrl, admin) });
	for (const user of demoUsers) await ensureUser(couch, user, () => {});
	const scope = nano({ url: adminUrl(server.syncUrl, admin), parseUrl: false } as Parameters<typeof nano>[0]);
	const [qa, searchlog, kb] = [scope.use(QA_DB), scope.use(SEARCH_LOG_DB), scope.use(KNOWLEDGE_DB)];

	// The analyst's browser is open before the data arrives: its copy (pub, the QA settings, the issued
	// reports) is current, as an analyst's is on any working day; the reports read the server's views.
	const page = await (await browser.newContext({ baseURL: server.appUrl })).newPage();
	page.on('console', (message) => {
		if (message.type() === 'error') console.log(`浏览器报错：${message.text().slice(0, 300)}`);
	});
	await page.goto('/login');
	await page.getByLabel('用户名').fill('analyst01');
	await page.getByLabel('密码').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: '登录' }).click();
	await page.getByTestId('sync-status').filter({ hasText: '已同步' }).waitFor({ timeout: 600_000 });

	const loadStarted = performance.now();
	let calls = 0;
	let written = 0;
	for (const month of MONTHS) {
		const count = Math.round(MONTH_CALLS * month.share);
		written += await load(
			qa,
			monthDocuments(month, calls, count, Math.round(MONTH_EVALUATIONS * month.share))
		);
		calls += count;
	}
	let logs = 0;
	for (const month of MONTHS) logs += await load(searchlog, monthSearchLogs(month));
	const entries = await load(kb, knowledgeBatches(ENTRIES, 0, 1000));
	const loadMs = performance.now() - loadStarted;
	console.log(
		`数据：qa ${written} 份，searchlog ${logs} 份，kb ${entries} 份（${ENTRIES} 个知识点及其版本、发布），用时 ${seconds(loadMs)}（${Math.round((written + logs + entries) / (loadMs / 1000))} 份/秒）`
	);

	console.log(
		`qa 的 reports 视图首次建立：${await buildViews(
			qa,
			['evaluation-scores', 'evaluation-people', 'item-points', 'appeals', 'problem-tags', 'coaching'],
			[
				['typical-cases', ['all', '2026-11-01']],
				['coaching-tasks', ['all', '2026-11-01']]
			]
		)}`
	);
	console.log(
		`searchlog 的 reports 视图首次建立：${await buildViews(searchlog, ['searches', 'unanswered-queries', 'opened-entries'], [])}`
	);
	console.log(
		`kb 的 reports 视图首次建立：${await buildViews(
			kb,
			['entry-status', 'entry-changes'],
			[
				['notices', ['2026-11-01']],
				['published-by-review', ['all']]
			]
		)}`
	);

	const measure = async (kind: Kind, period: 'month' | 'year') => {
		const runs: number[] = [];
		try {
			for (let run = 0; run < RUNS; run++) runs.push(await reportTime(page, kind, period));
		} catch (error) {
			// One report that fails is a finding to print; the rest of the bench still runs.
			console.log(`${KIND_LABELS[kind]}（${period}）失败：${(error as Error).message.split('\n')[0]}`);
			return;
		}
		console.log(
			`${KIND_LABELS[kind]}${period === 'month' ? '月报（2026-11' : '年报（2026'}，全省，含上期对比）：中位数 ${seconds(median(runs))}，各次 ${runs.map(seconds).join(' / ')}`
		);
	};
	for (const kind of ['qa', 'knowledge'] as const) {
		await measure(kind, 'month');
		await measure(kind, 'year');
	}

	// 10 000 new documents of November in each database, twice: after the first, the views' own catch-up, read
	// straight from the server as its admin (what an incremental update costs); after the second, the month's
	// report pressed at once (the catch-up inside it, with the server's jobs still carrying the new results).
	const qaCatchUp = async () => {
		const started = performance.now();
		await Promise.all([
			qa.view('reports', 'evaluation-scores', { group_level: 1 }),
			qa.view('reports', 'typical-cases', { startkey: ['all', '2026-11-01'], endkey: ['all', {}], limit: 1 })
		]);
		return performance.now() - started;
	};
	let extra = await load(qa, monthDocuments(MONTHS[11]!, 10_000_000, 9_600, 400));
	console.log(`qa 新增 ${extra} 份后，视图增量更新（qa 的全部报表视图）：${seconds(await qaCatchUp())}`);
	extra = await load(qa, monthDocuments(MONTHS[11]!, 11_000_000, 9_600, 400));
	console.log(
		`qa 再新增 ${extra} 份后立即生成质检月报（含增量更新）：${seconds(await reportTime(page, 'qa', 'month'))}`
	);
	// The same generator's first 10 000 of November again, under ids of their own.
	const renamed = function* (suffix: string) {
		for (const batch of monthSearchLogs(MONTHS[11]!, 10_000))
			yield batch.map((log) => ({ ...log, _id: `${log._id}-${suffix}` }));
	};
	extra = await load(searchlog, renamed('x'));
	const logsStarted = performance.now();
	await searchlog.view('reports', 'searches', { group_level: 1 });
	console.log(
		`searchlog 新增 ${extra} 份后，视图增量更新（searchlog 的全部报表视图）：${seconds(performance.now() - logsStarted)}`
	);
	extra = await load(searchlog, renamed('y'));
	console.log(
		`searchlog 再新增 ${extra} 份后立即生成知识库与一线月报（含增量更新）：${seconds(await reportTime(page, 'knowledge', 'month'))}`
	);
	console.log(
		`测量方式：嵌入式服务器（LevelDB），Debian Chromium 无界面，数据分析员的浏览器；从点击“生成报表”到图表绘制完成；${RUNS} 次取中位数；机器 ${os.cpus().length} 核 ${os.cpus()[0]?.model ?? ''}，内存 ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`
	);
} finally {
	await browser.close();
	await server.close();
	rmSync(dataDir, { recursive: true, force: true });
}
