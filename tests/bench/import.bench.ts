// npm run bench:import — the 5 000 rows of ../shared/data/policy-qa.tsv through the import page in Chromium,
// as an editor does it: choose the file, see every row checked, commit, wait for the server to have it.
//   BENCH_RUNS (default 3): each run imports into a fresh browser profile on a fresh server.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import { insertMissingDocuments } from '../../sync/setup/bulk-insert';
import { POLICY_CATEGORY } from '../../sync/import/tsv-datasets';
import { machineLine, median, root, signInFresh, startBenchApp } from './bench-app';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const source = path.join(root, '../shared/data/policy-qa.tsv');
const lines = readFileSync(source, 'utf8').trimEnd().split('\n');

// The file repeats 51 questions word for word; the import rightly refuses them as duplicates, so the commit
// is timed on the file with the later copies left out.
const seen = new Set<string>();
const uniqueLines = lines.filter((line, index) => {
	if (index === 0) return true;
	const question = line.split('\t')[2] ?? '';
	if (seen.has(question)) return false;
	seen.add(question);
	return true;
});
const workDir = mkdtempSync(path.join(os.tmpdir(), 'hotline-import-bench-'));
const uniqueFile = path.join(workDir, 'policy-qa-unique.tsv');
writeFileSync(uniqueFile, `${uniqueLines.join('\n')}\n`);

const checkSeconds: number[] = [];
const commitSeconds: number[] = [];
const syncedSeconds: number[] = [];
let machine = '';
let flagged = '';
for (let run = 0; run < RUNS; run++) {
	const app = await startBenchApp();
	try {
		machine = machineLine(app.browser);
		await insertMissingDocuments(app.couch.use('kb'), [POLICY_CATEGORY]);
		const { page } = await signInFresh(app.browser, app.appUrl, 'reviewer01');
		await expect(page.getByTestId('sync-status')).toContainText('已同步', { timeout: 120_000 });
		await page.goto('/kb/import');
		const fileInput = page.locator('input[type=file]');

		// The whole file as it is: read, decode, check every row, show the preview.
		let started = Date.now();
		await fileInput.setInputFiles(source);
		await page.getByLabel('未填业务分类的行归入').selectOption({ label: POLICY_CATEGORY.name });
		const problems = page.getByText(/^有问题 \d+ 行$/);
		await expect(problems).toBeVisible({ timeout: 120_000 });
		checkSeconds.push((Date.now() - started) / 1000);
		flagged = (await problems.textContent()) ?? '';

		await fileInput.setInputFiles(uniqueFile);
		await page.getByLabel('未填业务分类的行归入').selectOption({ label: POLICY_CATEGORY.name });
		await page.getByLabel('直接发布（不经审核）').check();
		const commit = page.getByRole('button', { name: `导入 ${uniqueLines.length - 1} 条` });
		await expect(commit).toBeEnabled({ timeout: 120_000 });
		started = Date.now();
		await commit.click();
		await expect(page.getByText(/^已导入 \d+ 条知识点/)).toBeVisible({ timeout: 300_000 });
		commitSeconds.push((Date.now() - started) / 1000);
		await expect(page.getByTestId('unpushed-count')).toHaveCount(0, { timeout: 600_000 });
		syncedSeconds.push((Date.now() - started) / 1000);
		const onServer = await app.couch.use('kb').list({ startkey: 'entry:', endkey: 'entry:\ufff0' });
		console.log(`  run ${run + 1}: ${onServer.rows.length} entries on the server`);
	} finally {
		await app.close();
	}
}
rmSync(workDir, { recursive: true, force: true });

const range = (values: number[]) =>
	`median ${median(values).toFixed(1)} s (runs: ${values.map((value) => value.toFixed(1)).join(', ')})`;
console.log('\nbench:import');
console.log(machine);
console.log(
	`data: ../shared/data/policy-qa.tsv (${lines.length - 1} rows, ${(readFileSync(source).length / 1024 / 1024).toFixed(1)} MB, UTF-8 TSV); commit on ${uniqueLines.length - 1} rows without the verbatim repeats; ${RUNS} runs, fresh server and browser profile each`
);
console.log(`choose file → every row checked and previewed (${flagged}): ${range(checkSeconds)}`);
console.log(
	`导入 click → all written locally (all or nothing, progress bar): ${range(commitSeconds)} (goal < 30 s)`
);
console.log(`导入 click → all pushed to the server: ${range(syncedSeconds)}`);
// The embedded server's replication daemon keeps its databases open; the measurements are done.
process.exit(0);
