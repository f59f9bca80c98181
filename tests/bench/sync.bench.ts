// npm run bench:sync — first sync of a large knowledge base into a fresh Chromium profile, and the delay
// from saving an edit in one browser to seeing it in another. Prints what it measured and how.
//   BENCH_ENTRIES (default 100000), BENCH_EDITS (default 5), BENCH_CONSOLE=1 prints both browsers' consoles,
//   BENCH_TRACE=1 prints both browsers' requests to the sync server during the edits
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { insertAllOrNothing, insertMissingDocuments } from '../../sync/setup/bulk-insert';
import { POLICY_CATEGORY } from '../../sync/import/tsv-datasets';
import { plainTextToHtml } from '../../src/lib/knowledge/entry-draft';
import type { Entry } from '../../src/lib/db/generated/documents';
import {
	folderBytes,
	machineLine,
	median,
	root,
	signInWithNewProfile,
	startBenchApp,
	waitForFirstSync
} from './bench-app';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100_000);
const EDITS = Number(process.env.BENCH_EDITS ?? 5);
const REGIONS = ['全省', '省会市', '东城区', '西江市', '南山县', '北湖市', '临港新区', '高新区'];

/** 100 000 entries from the 5 000 real policy Q&As: each row again per region, with its own wording. */
function generateEntries(count: number): Entry[] {
	const rows = readFileSync(path.join(root, '../shared/data/policy-qa.tsv'), 'utf8')
		.split('\n')
		.slice(1)
		.map((line) => line.split('\t'))
		.filter((cells) => cells.length === 4);
	const at = '2026-01-05T08:00:00.000Z';
	return Array.from({ length: count }, (_, index) => {
		const [, , question, answer] = rows[index % rows.length]!;
		const region = REGIONS[Math.floor(index / rows.length) % REGIONS.length]!;
		const round = Math.floor(index / (rows.length * REGIONS.length));
		const standardQuestion =
			index < rows.length ? question! : `${region}${question}${round ? `（${round}）` : ''}`;
		return {
			_id: `entry:bench-${index}`,
			type: 'entry',
			template: 'policy',
			standardQuestion,
			categoryId: POLICY_CATEGORY._id,
			answerHtml: plainTextToHtml(answer!),
			answerText: answer!,
			sources: [],
			similarQuestions: [],
			relatedEntries: [],
			templateFields: [],
			keywords: [],
			region,
			validFrom: null,
			validTo: null,
			status: 'published',
			version: 1,
			createdBy: 'import',
			createdAt: at,
			updatedBy: 'import',
			updatedAt: at,
			history: [{ action: 'import', by: 'import', at }]
		};
	});
}

const app = await startBenchApp();
const { couch, browser } = app;
const profiles: { close(): Promise<void> }[] = [];
try {
	await insertMissingDocuments(couch.use('kb'), [POLICY_CATEGORY]);

	const loadStart = Date.now();
	await insertAllOrNothing(couch.use('kb'), generateEntries(ENTRIES));
	const loadSeconds = (Date.now() - loadStart) / 1000;
	const kbInfo = await couch.db.get('kb');
	// CouchDB reports sizes.file; the embedded server no sizes: its LevelDB folder is measured.
	const serverBytes = kbInfo.sizes?.file ?? folderBytes(path.join(app.dataDir, 'db', 'kb'));

	const first = await signInWithNewProfile(app.appUrl, 'editor01');
	profiles.push(first);
	if (process.env.BENCH_CONSOLE)
		first.page.on('console', (message) => console.log(`  [browser] ${message.text()}`));
	const firstSync = await waitForFirstSync(first.page, first.startedAt);
	const storage = await first.page.evaluate(() => navigator.storage.estimate());
	console.log('\nbench:sync');
	console.log(machineLine(browser));
	console.log(
		`data: ${ENTRIES} published entries generated from ../shared/data/policy-qa.tsv + demo data = ${kbInfo.doc_count} documents in kb (${(serverBytes / 1024 / 1024).toFixed(0)} MB on the server)`
	);
	console.log(`server load (bulk insert, 500 per batch, validated): ${loadSeconds.toFixed(1)} s`);
	console.log(
		`first sync into a fresh Chromium profile (sign-in click → 已同步, all databases): ${firstSync.seconds.toFixed(1)} s (goal ≤ 60 s)`
	);
	for (const sample of firstSync.samples) console.log(`  progress ${sample}`);
	console.log(`browser storage after first sync: ${((storage.usage ?? 0) / 1024 / 1024).toFixed(0)} MB`);

	const second = await signInWithNewProfile(app.appUrl, 'editor02');
	profiles.push(second);
	if (process.env.BENCH_CONSOLE)
		second.page.on('console', (message) => console.log(`  [second] ${message.text()}`));
	await waitForFirstSync(second.page, second.startedAt);
	// Steady state: both browsers have built their offline search index (they land on 知识检索) before edits.
	const indexStart = Date.now();
	for (const page of [first.page, second.page]) {
		await page.getByText(/暂用简单匹配/).waitFor({ state: 'detached', timeout: 600_000 });
	}
	console.log(
		`both search indexes built ${((Date.now() - indexStart) / 1000).toFixed(1)} s after the second first sync`
	);
	await second.page.getByRole('link', { name: '知识库管理' }).click();
	await first.page.getByRole('link', { name: '知识库管理' }).click();

	let traceFrom = 0;
	if (process.env.BENCH_TRACE) {
		for (const [label, page] of [
			['first', first.page],
			['second', second.page]
		] as const) {
			page.on('request', (request) => {
				if (traceFrom && request.url().includes('/db/'))
					console.log(
						`  [${label} ${Date.now() - traceFrom} ms] ${request.method()} ${request.url().replace(/^.*\/db\//, '')}`
					);
			});
		}
	}
	const delays: number[] = [];
	for (let edit = 0; edit < EDITS; edit++) {
		const question = `同步延迟测试 ${edit} ${Date.now()}`;
		// In-app navigation, as an editor works (a reload would restart sync and the index).
		await first.page.getByRole('link', { name: '新建知识点' }).click();
		await first.page.getByRole('textbox', { name: /^标准问题/ }).fill(question);
		await first.page.getByRole('combobox', { name: /业务分类/ }).fill('社会保障卡');
		await first.page
			.getByRole('option', { name: /社会保障卡/ })
			.first()
			.click();
		await first.page.getByRole('textbox', { name: '答案 *' }).fill('测量从保存到另一台浏览器看到的时间。');
		const similar = first.page.getByRole('textbox', { name: '相似问题（话务员和市民的其他问法）' });
		await similar.fill('同步延迟');
		await similar.press('Enter');
		const savedAt = Date.now();
		traceFrom = savedAt;
		await first.page.getByRole('button', { name: '保存草稿' }).click();
		await second.page.getByRole('link', { name: question }).waitFor({ timeout: 60_000 });
		delays.push((Date.now() - savedAt) / 1000);
		await first.page.getByRole('link', { name: '知识库管理' }).click();
	}
	console.log(
		`edit → seen in another browser (${EDITS} runs): median ${median(delays).toFixed(2)} s, max ${Math.max(...delays).toFixed(2)} s (goal ≤ 2 s)`
	);
} finally {
	for (const profile of profiles) await profile.close();
	await app.close();
}
// The embedded server's replication daemon keeps its databases open; the measurements are done.
process.exit(0);
