// npm run bench:reports — QA reports at a province's volume on the embedded server: a year of calls in qa with
// one full month (November 2026: 250 000 calls, 8 000 evaluations, one appeal in forty) and eleven months at a tenth;
// the reports views built from scratch; then, in Chromium as a supervisor, from pressing 生成报表 until the
// charts are drawn, for the month and for the year; and again after 10 000 new documents arrive.
// Search logs are not generated: the QA report reads qa only (the front-line figures are still to come).
//   BENCH_MONTH_CALLS (default 250000), BENCH_MONTH_EVALUATIONS (8000), BENCH_RUNS (5)
import os from 'node:os';
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from '@playwright/test';
import nano from 'nano';
import type { Appeal, Evaluation, Recording } from '../../src/lib/db/generated/documents';
import { QA_DB } from '../../src/lib/db/catalog';
import { adminUrl } from '../../sync/config';
import { demoUsers, DEMO_PASSWORD } from '../../sync/demo/users';
import { ensureUser, runSetup } from '../../sync/setup/setup';
import { HAINAN_SUB_PLATFORMS } from '../../sync/setup/sub-platforms';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { seededRandom } from '../../src/lib/seeded-random';
import { startBenchServer } from './bench-app';
import { evaluationOf } from './province-data';

const MONTH_CALLS = Number(process.env.BENCH_MONTH_CALLS ?? 250_000);
const MONTH_EVALUATIONS = Number(process.env.BENCH_MONTH_EVALUATIONS ?? 8_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const AGENTS = 150;
const INSPECTORS = [
	'inspector01',
	'inspector03',
	...Array.from({ length: 7 }, (_, i) => `inspector${i + 4}`)
];
const CITIES = HAINAN_SUB_PLATFORMS.map(([code]) => code);
const BATCH = 5_000;
const DAY_MS = 86_400_000;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** December 2025 to November 2026, November in full and the rest at a tenth. */
const MONTHS = Array.from({ length: 12 }, (_, index) => {
	const month = new Date(Date.UTC(2025, 11 + index, 1));
	const next = new Date(Date.UTC(2025, 12 + index, 1));
	const share = index === 11 ? 1 : 0.1;
	return { start: month.getTime(), end: next.getTime(), share };
});

function recording(index: number, at: number): Recording {
	const next = seededRandom(index + 1);
	const agent = index % AGENTS;
	const city = agent % 5 < 2 ? undefined : CITIES[agent % CITIES.length];
	const id = `B${new Date(at).toISOString().slice(0, 10).replaceAll('-', '')}-${String(index).padStart(7, '0')}`;
	const durationSeconds = Math.round((30 + next() * 420) * 100) / 100;
	return {
		_id: `recording:${id}`,
		type: 'recording',
		...(city ? { subPlatform: city } : {}),
		callId: id,
		agentName: `agent${String(agent + 1).padStart(3, '0')}`,
		startedAt: new Date(at).toISOString(),
		durationSeconds,
		direction: 'inbound',
		businessType: ['社会保障', '医疗保障', '住房公积金', '户籍管理', '交通出行', '教育'][
			Math.floor(next() * 6)
		]!,
		channels: 2,
		hotline: '12345',
		audio: {
			fileName: `${id}.ogg`,
			contentType: 'audio/ogg',
			byteLength: Math.round(durationSeconds * 8000)
		},
		importedBy: 'inspector01',
		importedAt: new Date(at + DAY_MS).toISOString()
	};
}

function appealOf(evaluation: Evaluation, index: number): Appeal {
	const createdAt = new Date(Date.parse(evaluation.submittedAt!) + DAY_MS).toISOString();
	const status = (['upheld', 'rejected', 'open'] as const)[index % 3]!;
	return {
		_id: `appeal:${evaluation._id.slice('evaluation:'.length)}`,
		type: 'appeal',
		evaluationId: evaluation._id,
		agentName: evaluation.agentName,
		...(evaluation.subPlatform ? { subPlatform: evaluation.subPlatform } : {}),
		reason: '对扣分有异议',
		status,
		createdAt,
		...(status === 'open'
			? {}
			: {
					ruling: '已复核',
					ruledBy: 'supervisor01',
					ruledAt: new Date(Date.parse(createdAt) + 20 * 3_600_000).toISOString()
				})
	};
}

/** One month's documents in batches: its calls spread over the month, every n-th evaluated, some appealed. */
function* monthDocuments(
	month: (typeof MONTHS)[number],
	firstIndex: number,
	calls: number,
	evaluations: number
) {
	const every = Math.max(1, Math.floor(calls / evaluations));
	let batch: object[] = [];
	let appeals = 0;
	const appealEvery = Math.max(1, Math.floor(evaluations / Math.max(1, Math.round(evaluations / 40))));
	for (let n = 0; n < calls; n++) {
		const at = month.start + ((n + 0.5) * (month.end - month.start)) / calls;
		const call = recording(firstIndex + n, at);
		batch.push(call);
		if (n % every === 0 && n / every < evaluations) {
			const submittedAt = new Date(Math.min(at + DAY_MS, month.end - 1)).toISOString();
			const evaluation = {
				...evaluationOf(call, INSPECTORS[n % INSPECTORS.length]!, submittedAt, false, firstIndex + n),
				...(call.subPlatform ? { subPlatform: call.subPlatform } : {})
			};
			batch.push(evaluation);
			if ((n / every) % appealEvery === 0) batch.push(appealOf(evaluation, appeals++));
		}
		if (batch.length >= BATCH) {
			yield batch;
			batch = [];
		}
	}
	if (batch.length) yield batch;
}

async function reportTime(page: Page, kind: 'month' | 'year'): Promise<number> {
	await page.goto('/reports');
	const controls = page.getByRole('form', { name: '报表条件' });
	await controls.getByLabel('类型').selectOption(kind);
	if (kind === 'month') await controls.getByLabel('月份').fill('2026-11');
	else await controls.getByLabel('年份').fill('2026');
	await controls.getByLabel('范围').selectOption({ label: '全省' });
	await page.getByRole('button', { name: '生成报表' }).waitFor();
	const started = performance.now();
	await controls.getByRole('button', { name: '生成报表' }).click();
	await page.locator('[data-charts-ready="true"]').waitFor({ timeout: 600_000 });
	return performance.now() - started;
}

const { server, dataDir, admin } = await startBenchServer('hotline-bench-reports-');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
	const couch = await runSetup({ url: adminUrl(server.syncUrl, admin) });
	for (const user of demoUsers) await ensureUser(couch, user, () => {});
	const qa = nano({ url: adminUrl(server.syncUrl, admin), parseUrl: false } as Parameters<
		typeof nano
	>[0]).use(QA_DB);

	let written = 0;
	let index = 0;
	const loadStarted = performance.now();
	for (const month of MONTHS) {
		const calls = Math.round(MONTH_CALLS * month.share);
		for (const docs of monthDocuments(month, index, calls, Math.round(MONTH_EVALUATIONS * month.share))) {
			const results = await qa.bulk({ docs });
			const failed = results.find((result) => result.error);
			if (failed) throw new Error(`写入失败: ${failed.id} ${failed.reason}`);
			written += docs.length;
		}
		index += calls;
	}
	const loadMs = performance.now() - loadStarted;
	console.log(
		`数据：${written} 份文档写入 qa，用时 ${seconds(loadMs)}（${Math.round(written / (loadMs / 1000))} 份/秒）`
	);

	// Every view of the design, built on its first read (the embedded server's in-memory indexes), one by one.
	const views = [
		'evaluation-scores',
		'evaluation-people',
		'item-points',
		'appeals',
		'problem-tags',
		'coaching'
	];
	const buildStarted = performance.now();
	const eachView: string[] = [];
	for (const view of views) {
		const started = performance.now();
		await qa.view('reports', view, { group_level: 1 });
		eachView.push(`${view} ${seconds(performance.now() - started)}`);
	}
	const typicalStarted = performance.now();
	await qa.view('reports', 'typical-cases', {
		startkey: ['all', '2026-11-01'],
		endkey: ['all', '2026-11-30', {}]
	});
	eachView.push(`typical-cases ${seconds(performance.now() - typicalStarted)}`);
	const buildMs = performance.now() - buildStarted;
	console.log(
		`视图首次建立（${views.length + 1} 个，${written} 份文档）：${seconds(buildMs)}（${eachView.join('，')}）`
	);

	const context = await browser.newContext({ baseURL: server.appUrl });
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('用户名').fill('supervisor01');
	await page.getByLabel('密码').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: '登录' }).click();
	await page.getByTestId('sync-status').filter({ hasText: '已同步' }).waitFor({ timeout: 600_000 });

	const measure = async (kind: 'month' | 'year') => {
		const runs: number[] = [];
		for (let run = 0; run < RUNS; run++) runs.push(await reportTime(page, kind));
		return runs;
	};
	const month = await measure('month');
	const year = await measure('year');
	console.log(
		`月报（2026-11，全省，含上月对比）：中位数 ${seconds(median(month))}，各次 ${month.map(seconds).join(' / ')}`
	);
	console.log(
		`年报（2026，全省，含上年对比）：中位数 ${seconds(median(year))}，各次 ${year.map(seconds).join(' / ')}`
	);

	// 10 000 new documents of November (calls with their evaluations), then the month's report again.
	const extra = [...monthDocuments(MONTHS[11]!, 10_000_000, 9_600, 400)].flat();
	for (let start = 0; start < extra.length; start += BATCH)
		await qa.bulk({ docs: extra.slice(start, start + BATCH) });
	const incremental = await reportTime(page, 'month');
	console.log(`新增 ${extra.length} 份文档后的月报（视图增量更新）：${seconds(incremental)}`);
	console.log(
		`测量方式：嵌入式服务器（LevelDB），Debian Chromium 无界面，从点击“生成报表”到三张图绘制完成；${RUNS} 次取中位数；机器 ${os.cpus().length} 核 ${os.cpus()[0]?.model ?? ''}，内存 ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`
	);
} finally {
	await browser.close();
	await server.close();
	rmSync(dataDir, { recursive: true, force: true });
}
