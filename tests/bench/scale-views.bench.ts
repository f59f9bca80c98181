// npm run bench:scale:views (part one of bench:scale) — a province's month of search logs on the embedded server, and what the editors'
// figures cost there: the time to write them, to build searchlog's views, and to read one month's
// aggregates as the 一线反馈 screen does (src/lib/feedback/search-insights.service.ts). Part two, each role's
// browser over a province's month, is scale-browsers.bench.ts. Prints what it measured and how.
//   BENCH_LOGS (default 750000), BENCH_AGENTS (default 150), BENCH_ENTRIES (default 100000)
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { adminUrl } from '../../sync/config';
import { startAppServer } from '../../sync/server/app-server';
import { runSetup } from '../../sync/setup/setup';
import { SEARCH_LOG_DB } from '../../src/lib/db/catalog';
import type { SearchLog } from '../../src/lib/db/generated/documents';
import {
	searchCounts,
	suggestionCandidates,
	zeroResultQueries
} from '../../src/lib/feedback/search-insights';
import { generateSearchLogs, OPENED_SHARE, ZERO_SHARE } from './search-log-data';

const LOGS = Number(process.env.BENCH_LOGS ?? 750_000);
const AGENTS = Number(process.env.BENCH_AGENTS ?? 150);
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100_000);
const MONTH = '2026-11';
const BATCH = 5000;
const READS = 5;
/** Part one's agents: agent001 … agent150 (part two uses real accounts). */
const AGENT_NAMES = Array.from(
	{ length: AGENTS },
	(_, index) => `agent${String(index + 1).padStart(3, '0')}`
);
const generateLogs = () =>
	generateSearchLogs({ count: LOGS, agents: AGENT_NAMES, entries: ENTRIES, month: MONTH });
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hotline-scale-'));
	const admin = { name: 'couchadmin', password: 'bench-secret' };
	const server = await startAppServer({ host: '127.0.0.1', port: 0, dataDir, admin });
	const headers = {
		authorization: `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`,
		'content-type': 'application/json'
	};
	const db = `${server.syncUrl}/${SEARCH_LOG_DB}`;
	const request = async (url: string, body?: unknown) => {
		const response = await fetch(url, {
			method: body ? 'POST' : 'GET',
			headers,
			...(body ? { body: JSON.stringify(body) } : {})
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${response.status} ${text.slice(0, 200)}`);
		return text;
	};
	try {
		await runSetup({ url: adminUrl(server.syncUrl, admin) });
		console.log('\nbench:scale (server aggregates)');
		console.log(
			`machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB; Node ${process.version}; load average at start ${os
				.loadavg()
				.map((load) => load.toFixed(1))
				.join(' ')}`
		);
		console.log(
			`data: ${LOGS} search logs of ${AGENTS} agents over ${MONTH} (Beijing office hours), ${Math.round(ZERO_SHARE * 100)} % with nothing found, ${Math.round(OPENED_SHARE * 100)} % opening one of ${ENTRIES} entries; queries from ../shared/data (policy-qa and LCQMC questions, often cut to their first words; citizen-message topics for those that find nothing), picked Zipf-like, seeded`
		);
		console.log(
			`written straight into ${SEARCH_LOG_DB} by the server admin with _bulk_docs (${BATCH} a batch, validated), as the agents' jobs would; the embedded server in this process, LevelDB in ${dataDir}`
		);

		let started = performance.now();
		let batch: SearchLog[] = [];
		let written = 0;
		for (const log of generateLogs()) {
			batch.push(log);
			if (batch.length < BATCH) continue;
			await request(`${db}/_bulk_docs`, { docs: batch });
			written += batch.length;
			batch = [];
			if (written % 100_000 === 0)
				console.log(`  written ${written} in ${seconds(performance.now() - started)}`);
		}
		if (batch.length) await request(`${db}/_bulk_docs`, { docs: batch });
		const writeMs = performance.now() - started;
		console.log(`written: ${LOGS} logs in ${seconds(writeMs)} (${Math.round(LOGS / (writeMs / 1000))}/s)`);

		const views = ['searches-by-day', 'zero-results', 'query-openings'];
		for (const view of views) {
			started = performance.now();
			// The first reduced read builds the index (the embedded server's AggregateIndex, in memory).
			await request(`${db}/_design/insights/_view/${view}?limit=1`);
			console.log(`view build: ${view} over ${LOGS} logs in ${seconds(performance.now() - started)}`);
		}

		const monthRange = `startkey=${encodeURIComponent(JSON.stringify([MONTH]))}&endkey=${encodeURIComponent(JSON.stringify([MONTH, {}]))}`;
		const queries = {
			'zero-results': `${db}/_design/insights/_view/zero-results?group_level=3&${monthRange}`,
			'query-openings': `${db}/_design/insights/_view/query-openings?group_level=3&${monthRange}`,
			'searches-by-day': `${db}/_design/insights/_view/searches-by-day?group_level=2&startkey=${encodeURIComponent(JSON.stringify([`${MONTH}-01`]))}&endkey=${encodeURIComponent(JSON.stringify([`${MONTH}-30`, {}]))}`
		};
		const reads: number[] = [];
		const answered: number[] = [];
		let sizes = '';
		for (let run = 0; run < READS; run++) {
			started = performance.now();
			const [zero, opened, days] = await Promise.all(Object.values(queries).map((url) => request(url)));
			answered.push(performance.now() - started);
			const figures = {
				zero: zeroResultQueries(JSON.parse(zero!).rows),
				candidates: suggestionCandidates(JSON.parse(opened!).rows),
				counts: searchCounts(JSON.parse(days!).rows)
			};
			reads.push(performance.now() - started);
			if (run === 0)
				sizes = `rows ${JSON.parse(zero!).rows.length} (zero-results, ${(zero!.length / 1e6).toFixed(1)} MB), ${JSON.parse(opened!).rows.length} (query-openings, ${(opened!.length / 1e6).toFixed(1)} MB), ${JSON.parse(days!).rows.length} (searches-by-day); figures: ${figures.counts.searches} searches, ${figures.counts.zero} with nothing found, ${figures.counts.opened} opened; ${figures.zero.length} zero-result queries listed, ${figures.candidates.length} similar-question candidates`;
		}
		// Each tab reads its own list (search-insights.service.ts): 无结果检索 with the counts, 相似问建议 alone.
		const perTab: string[] = [];
		for (const [tab, views] of [
			['无结果检索', ['zero-results', 'searches-by-day']],
			['相似问建议', ['query-openings', 'searches-by-day']]
		] as const) {
			const times: number[] = [];
			for (let run = 0; run < READS; run++) {
				started = performance.now();
				const [rows] = await Promise.all(views.map((view) => request(queries[view])));
				const parsed = JSON.parse(rows!).rows;
				if (views[0] === 'zero-results') zeroResultQueries(parsed);
				else suggestionCandidates(parsed);
				times.push(performance.now() - started);
			}
			times.sort((a, b) => a - b);
			perTab.push(
				`${tab} median ${Math.round(times[Math.floor(READS / 2)]!)} ms, max ${Math.round(times.at(-1)!)} ms`
			);
		}
		reads.sort((a, b) => a - b);
		answered.sort((a, b) => a - b);
		console.log(
			`month read (the three views at once, as the screen asks them, rows turned into figures), ${READS} runs: median ${Math.round(reads[Math.floor(READS / 2)]!)} ms, max ${Math.round(reads.at(-1)!)} ms (the server's answers alone: median ${Math.round(answered[Math.floor(READS / 2)]!)} ms)`
		);
		console.log(`  ${sizes}`);
		console.log(`per tab, as the screen reads them, ${READS} runs each: ${perTab.join('; ')}`);

		// A new day's first searches: the views catch up on the next read.
		const more: SearchLog[] = [];
		for (const log of generateLogs()) {
			more.push({ ...log, _id: `${log._id}-more` });
			if (more.length === 1000) break;
		}
		await request(`${db}/_bulk_docs`, { docs: more });
		started = performance.now();
		await Promise.all(Object.values(queries).map((url) => request(url)));
		console.log(
			`read after 1 000 new logs (views updated first): ${Math.round(performance.now() - started)} ms`
		);
		console.log(
			`memory of this process (the server and the generator): RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`
		);
	} finally {
		await server.close();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

await main();
