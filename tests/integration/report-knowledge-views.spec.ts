// The knowledge and front-line views built by the real embedded server give the same figures as the
// repository's view code run over the documents in memory — the hand-worked ones of
// src/lib/reports/knowledge-figures.spec.ts — to each role the report is for; and `npm run report --kind
// knowledge` writes them into its workbook.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import nano from 'nano';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/lib/db/generated/documents';
import { readKnowledgeFigures, type KnowledgeSources } from '../../src/lib/reports/knowledge-queries';
import { parsePeriod } from '../../src/lib/reports/report-periods';
import type { ReportScope } from '../../src/lib/reports/report-types';
import {
	inMemorySources,
	knowledgeEntries,
	knowledgeFeedback,
	knowledgeNotices,
	knowledgeSearches
} from '../fixtures/report-knowledge';
import { as, startTestServer, type TestServer } from '../support/test-server';

let test: TestServer;
const folder = mkdtempSync(path.join(os.tmpdir(), 'report-knowledge-'));
beforeAll(async () => {
	test = await startTestServer();
	const couch = nano({ url: test.adminSyncUrl, parseUrl: false } as Parameters<typeof nano>[0]);
	for (const [database, docs] of [
		['kb', [...knowledgeEntries, ...knowledgeNotices]],
		['feedback', knowledgeFeedback],
		['searchlog', knowledgeSearches]
	] as const) {
		const results = await couch.use(database).bulk({ docs: docs as unknown as object[] });
		expect(results.filter((result) => result.error)).toEqual([]);
	}
});
afterAll(async () => {
	await test?.stop();
	rmSync(folder, { recursive: true, force: true });
});

const november = parsePeriod('2026-11')!;

/** The reads as the report screen sends them, with a person's credentials. */
function serverSources(user: string): KnowledgeSources {
	const fetchAs = as(user);
	return {
		async read(query) {
			const { database, view, group_level, ...range } = query;
			const params = new URLSearchParams();
			for (const [name, value] of Object.entries({ ...range, ...(group_level > 0 ? { group_level } : {}) }))
				params.set(name, JSON.stringify(value));
			const [ddoc, name] = view.split('/');
			const response = await fetchAs(`${test.syncUrl}/${database}/_design/${ddoc}/_view/${name}?${params}`);
			if (response.status !== 200) throw new Error(`${user} ${database}/${view}: ${response.status}`);
			return ((await response.json()) as { rows: Array<{ key: unknown; value: unknown }> }).rows;
		},
		async entries(ids) {
			const response = await fetchAs(`${test.syncUrl}/kb/_all_docs?include_docs=true`, {
				method: 'POST',
				body: JSON.stringify({ keys: ids })
			});
			const body = (await response.json()) as { rows: Array<{ doc?: Entry | null }> };
			return body.rows.flatMap((row) => (row.doc ? [row.doc] : []));
		},
		now: inMemorySources.now
	};
}

describe('the knowledge report’s views on the embedded server', () => {
	const scopes: ReportScope[] = [
		{ kind: 'province' },
		{ kind: 'sub', code: 'haikou', name: '海口' },
		{ kind: 'agent', name: 'agent01', displayName: '刘话务' },
		{ kind: 'team', team: '话务一班', agents: ['agent01', 'agent02'] }
	];

	it.each(scopes)('give the hand-worked figures for %o', async (scope) => {
		const served = await readKnowledgeFigures(scope, november, serverSources('supervisor01'));
		expect(served).toEqual(await readKnowledgeFigures(scope, november, inMemorySources));
		if (scope.kind === 'province') {
			expect([served.searches.total, served.changes.added, served.timeliness.rate]).toEqual([9, 2, 0.5]);
			expect(served.staleUnopened.map((row) => row.entryId)).toEqual(['entry:rf-6', 'entry:rf-2']);
		}
	});

	it.each(['analyst01', 'reviewer01', 'admin01'])('read the same for %s', async (user) => {
		const served = await readKnowledgeFigures({ kind: 'province' }, november, serverSources(user));
		expect(served).toEqual(await readKnowledgeFigures({ kind: 'province' }, november, inMemorySources));
	});

	it.each(['inspector01', 'agent01'])(
		'refuse %s the knowledge base’s and the front line’s views',
		async (user) => {
			const refused = readKnowledgeFigures({ kind: 'province' }, november, serverSources(user));
			await expect(refused).rejects.toThrow(/403/);
		}
	);

	it('go into the workbook of `npm run report -- --kind knowledge`', async () => {
		const out = path.join(folder, 'november.xlsx');
		const { stdout } = await promisify(execFile)(
			process.execPath,
			[
				'--import',
				'tsx',
				'sync/report-cli.ts',
				'--url',
				test.adminSyncUrl,
				'--kind',
				'knowledge',
				'--period',
				'2026-11',
				'--out',
				out
			],
			{ cwd: process.cwd() }
		);
		expect(stdout).toContain('全省 2026年11月：检索 9 次，新增知识点 2 个');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
		const overview = workbook.getWorksheet('概览')!;
		const row = overview.getColumn(1).values.findIndex((value) => value === '知识库更新及时率');
		expect(overview.getRow(row).getCell(2).value).toBe(0.5);
		const unanswered = workbook.getWorksheet('未得到答案的检索')!;
		expect([unanswered.getRow(2).getCell(1).value, unanswered.getRow(2).getCell(2).value]).toEqual([
			'电动车上牌',
			3
		]);
		expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
			'概览',
			'知识点现状',
			'每日',
			'一线反馈',
			'未得到答案的检索',
			'最常打开的知识点',
			'期内未被打开'
		]);
	});
});
