// npm run bench:scale:browsers (part two of bench:scale) — each role's browser over a province's month: a
// fresh embedded server with the built app, the province's staff (150 agents with their own databases and 5
// standing jobs each, 20 editors, 9 inspectors), 10⁵ entries in two published versions with a few hundred in
// review, a month of search logs, a year of calls with evaluations; then, in Chromium with a new on-disk
// profile each, the first sign-in of an agent, an editor and an inspector, what each pulled from the server,
// and what an open agent's browser receives while another agent searches. Prints what it measured and how.
//   BENCH_ENTRIES (default 100000), BENCH_LOGS (750000), BENCH_CALLS (250000), BENCH_CALL_DETAILS (10000),
//   BENCH_EVALUATIONS (8000), BENCH_IN_REVIEW (300), BENCH_AGENTS (150), BENCH_STEP_TIMEOUT (900000 ms a
//   screen), BENCH_SEED_COPIES (1; 0 leaves the copies to the server's jobs), BENCH_QUIET_WAIT (2700000 ms),
//   BENCH_CONSOLE=1 prints the browsers' consoles
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page, Response } from '@playwright/test';
import { adminUrl } from '../../sync/config';
import { DEMO_PASSWORD } from '../../sync/demo/users';
import { RepositoryDesign, type FilterFunction } from '../../sync/server/design-code';
import { publishSearchIndex } from '../../sync/search-index/publish-search-index';
import { loadDemoKnowledge } from '../../sync/setup/demo-knowledge';
import { ensureUser, runSetup } from '../../sync/setup/setup';
import {
	agentFeedbackDatabaseName,
	agentQaDatabaseName,
	FEEDBACK_DB,
	KNOWLEDGE_DB,
	PUBLISHED_DB,
	QA_DB,
	SEARCH_LOG_DB
} from '../../src/lib/db/catalog';
import type { SearchLog } from '../../src/lib/db/generated/documents';
import { BEIJING_OFFSET_MS } from '../../src/lib/time';
import { CHROMIUM_PATH } from '../support/chromium';
import { folderBytes, signInWithNewProfile, startBenchServer, waitForFirstSync } from './bench-app';
import {
	agentsOf,
	beijingDate,
	benchCategories,
	callBatches,
	callStart,
	cityOf,
	evaluationBatches,
	hasDetails,
	inspectorsOf,
	knowledgeBatches,
	provinceAccounts,
	PROVINCE_STAFF,
	recordingOf,
	type CallPlan
} from './province-data';
import { generateSearchLogs } from './search-log-data';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100_000);
const LOGS = Number(process.env.BENCH_LOGS ?? 750_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 250_000);
const CALL_DETAILS = Math.min(CALLS, Number(process.env.BENCH_CALL_DETAILS ?? 10_000));
const EVALUATIONS = Math.min(CALLS, Number(process.env.BENCH_EVALUATIONS ?? 8_000));
const IN_REVIEW = Number(process.env.BENCH_IN_REVIEW ?? 300);
/** Fewer agents only to try the script out quickly: each brings 2 databases and 5 jobs. */
const AGENTS = Number(process.env.BENCH_AGENTS ?? PROVINCE_STAFF.agents);
/** Agents whose logs go through their own database, as their browsers push them; the rest straight to searchlog. */
const OWN_DATABASE_AGENTS = ['agent01', 'agent02'];
const STEADY_SECONDS = 30;
/**
 * Write what the server's standing jobs would copy from kb and qa (pub, pub-<city>, the cities' desks and
 * calls, the agents' QA databases) straight into their databases as the same revisions, as on a server whose
 * jobs have caught up; the jobs then find it there. 0: leave the copying to the jobs (timed).
 */
const SEED_COPIES = process.env.BENCH_SEED_COPIES !== '0';
/** The longest wait for the server to go quiet (its jobs caught up) before the browsers are measured. */
const QUIET_WAIT_MS = Number(process.env.BENCH_QUIET_WAIT ?? 2_700_000);
/** How long a screen may take before the run gives up on it (lower it while developing). */
const STEP_TIMEOUT = Number(process.env.BENCH_STEP_TIMEOUT ?? 900_000);
const SERVER_DATABASES = [KNOWLEDGE_DB, PUBLISHED_DB, FEEDBACK_DB, SEARCH_LOG_DB, QA_DB];
/** The requests whose answers bring documents into a browser. */
// index.bin: the search index the server ships (bytes only).
const PULL_KINDS = ['_changes', '_bulk_get', '_all_docs', '_find', '_view', 'index.bin'] as const;

const now = new Date();
const beijingMonth = (at: number) => new Date(at + BEIJING_OFFSET_MS).toISOString().slice(0, 7);
const thisMonth = beijingMonth(now.getTime());
/** The month of logs: the last whole Beijing month (the 一线反馈 screen lists the current one and eleven before). */
const LOG_MONTH = (() => {
	const [year, month] = thisMonth.split('-').map(Number) as [number, number];
	return new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 7);
})();

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const count = (value: number) => value.toLocaleString('en-US');

interface Tally {
	requests: number;
	rows: number;
	docs: number;
	bytes: number;
}

/**
 * What one browser receives from the sync server, by server database and request kind: the bodies of the
 * answers to _changes, _bulk_get, _all_docs, _find and view reads, their rows and the documents they carry.
 * Reading a body copies it from Chromium into this process (the server's own): 165 MB for an agent's first
 * sync, which made it 3 s slower (an editor's 8 s). While a first sync is timed only the sizes Chromium
 * reports are taken (bytes as sent, gzip), and what the browser holds is counted afterwards
 * (heldDocuments); the steady state, where every document counts, reads the bodies.
 */
class TrafficRecorder {
	#tallies = new Map<string, Tally>();
	#pending = new Set<Promise<void>>();
	#other = { requests: 0, bytes: 0 };
	countDocuments = false;

	constructor(page: Page) {
		page.on('response', (response) => {
			const recording = this.#record(response).catch(() => {});
			this.#pending.add(recording);
			void recording.finally(() => this.#pending.delete(recording));
		});
	}

	async #record(response: Response) {
		const url = new URL(response.url());
		if (!url.pathname.startsWith('/db/')) return;
		const [database = '', ...rest] = url.pathname.slice('/db/'.length).split('/').map(decodeURIComponent);
		const kind = PULL_KINDS.find((name) => rest.includes(name));
		const body = this.countDocuments ? await response.body() : null;
		const bytes = body?.length ?? (await response.request().sizes()).responseBodySize;
		if (!kind) {
			this.#other.requests++;
			this.#other.bytes += bytes;
			return;
		}
		const key = `${database}\t${kind}`;
		const tally = this.#tallies.get(key) ?? { requests: 0, rows: 0, docs: 0, bytes: 0 };
		tally.requests++;
		tally.bytes += bytes;
		if (kind === 'index.bin' || !body) {
			this.#tallies.set(key, tally);
			return;
		}
		try {
			const parsed = JSON.parse(body.toString('utf8')) as {
				results?: Array<{ doc?: unknown; docs?: Array<{ ok?: unknown }> }>;
				rows?: Array<{ doc?: unknown }>;
				docs?: unknown[];
			};
			if (kind === '_bulk_get') {
				for (const result of parsed.results ?? []) {
					tally.rows++;
					tally.docs += (result.docs ?? []).filter((doc) => doc.ok).length;
				}
			} else if (kind === '_find') {
				tally.rows += parsed.docs?.length ?? 0;
				tally.docs += parsed.docs?.length ?? 0;
			} else {
				const rows = parsed.results ?? parsed.rows ?? [];
				tally.rows += rows.length;
				tally.docs += rows.filter((row) => row.doc).length;
			}
		} catch {
			// Not JSON (an error page): its bytes count, it carries no documents.
		}
		this.#tallies.set(key, tally);
	}

	/**
	 * Waits for the answers under way to be read, for at most 5 s: a longpoll _changes still open then is
	 * waiting for changes (it carries nothing yet), and a browser always has one open.
	 */
	async settled() {
		await Promise.race([
			Promise.all([...this.#pending]),
			new Promise((resolve) => setTimeout(resolve, 5000))
		]);
	}

	reset() {
		this.#tallies.clear();
		this.#other = { requests: 0, bytes: 0 };
	}

	totals(): Tally {
		const total = { requests: 0, rows: 0, docs: 0, bytes: 0 };
		for (const tally of this.#tallies.values()) {
			total.requests += tally.requests;
			total.rows += tally.rows;
			total.docs += tally.docs;
			total.bytes += tally.bytes;
		}
		return total;
	}

	lines(): string[] {
		const byDatabase = new Map<string, Tally & { kinds: string[] }>();
		for (const [key, tally] of this.#tallies) {
			const [database, kind] = key.split('\t') as [string, string];
			const sum = byDatabase.get(database) ?? { requests: 0, rows: 0, docs: 0, bytes: 0, kinds: [] };
			sum.requests += tally.requests;
			sum.rows += tally.rows;
			sum.docs += tally.docs;
			sum.bytes += tally.bytes;
			sum.kinds.push(`${kind} ${tally.requests}× ${megabytes(tally.bytes)}`);
			byDatabase.set(database, sum);
		}
		const documents = (sum: Tally) =>
			this.countDocuments ? `${count(sum.docs)} documents, ${count(sum.rows)} rows, ` : '';
		const sent = this.countDocuments ? '' : ' sent (gzip)';
		const lines = [...byDatabase].map(
			([database, sum]) =>
				`    ${database}: ${documents(sum)}${megabytes(sum.bytes)}${sent} in ${sum.requests} requests (${sum.kinds.join(', ')})`
		);
		const total = this.totals();
		lines.push(
			`    in all: ${documents(total)}${megabytes(total.bytes)}${sent}; other answers (session, checkpoints, pushes, database info): ${this.#other.requests}, ${megabytes(this.#other.bytes)}`
		);
		return lines;
	}
}

/**
 * Documents (deleted ones included) in each of the page's PouchDB databases, counted in IndexedDB. A string,
 * not a function: tsx would wrap a function's inner helpers in its own `__name`, which the page lacks.
 */
const COUNT_HELD_DOCUMENTS = `(async () => {
	const asked = (request) => new Promise((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
	const held = [];
	for (const { name } of await indexedDB.databases()) {
		if (!name || !name.startsWith('_pouch_')) continue;
		const db = await asked(indexedDB.open(name));
		try {
			if (db.objectStoreNames.contains('document-store'))
				held.push([name.slice(7), await asked(db.transaction('document-store').objectStore('document-store').count())]);
		} finally {
			db.close();
		}
	}
	return held;
})()`;

async function heldDocuments(page: Page): Promise<string> {
	const counts = (await page.evaluate(COUNT_HELD_DOCUMENTS)) as Array<[string, number]>;
	const total = counts.reduce((sum, [, held]) => sum + held, 0);
	return `${count(total)} documents (${counts.map(([name, held]) => `${name} ${count(held)}`).join(', ')})`;
}

async function main() {
	const { server, dataDir, admin } = await startBenchServer('hotline-scale-browsers-');
	const headers = {
		authorization: `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`,
		'content-type': 'application/json'
	};
	const request = async <T>(url: string, body?: unknown, method?: string): Promise<T> => {
		const response = await fetch(`${server.syncUrl}/${url}`, {
			method: method ?? (body ? 'POST' : 'GET'),
			headers,
			...(body ? { body: JSON.stringify(body) } : {})
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${url}: ${response.status} ${text.slice(0, 300)}`);
		return JSON.parse(text) as T;
	};
	/** Every document or an error naming the first refused. */
	const writeAll = async (database: string, docs: object[], newEdits = true) => {
		const results = await request<Array<{ id: string; error?: string; reason?: string }>>(
			`${encodeURIComponent(database)}/_bulk_docs`,
			{ docs, ...(newEdits ? {} : { new_edits: false }) }
		);
		const refused = results.find((result) => result.error);
		if (refused) throw new Error(`${database}: ${refused.id} refused: ${refused.reason ?? refused.error}`);
		return docs.length;
	};
	/** What was written as the jobs' copies, by target database name (pub-*, qa-agent-*, …). */
	const copies = new Map<string, { databases: Set<string>; docs: number }>();
	const copiesLine = () =>
		[...copies]
			.map(([group, sum]) => `${group} ${count(sum.docs)} (${sum.databases.size} databases)`)
			.join(', ');
	/** The standing jobs by source database, each with its compiled filter (the repository's code). */
	const design = new RepositoryDesign();
	let jobsBySource = new Map<string, Array<{ target: string; passes: (doc: object) => boolean }>>();
	const readJobs = async () => {
		const rows = await request<{
			rows: Array<{
				doc?: { source?: string; target?: string; filter?: string; query_params?: Record<string, string> };
			}>;
		}>('_replicator/_all_docs?include_docs=true');
		jobsBySource = new Map();
		const databaseOf = (url: string) => decodeURIComponent(url.replace(/\/+$/, '').split('/').at(-1)!);
		for (const { doc } of rows.rows) {
			if (!doc?.source || !doc.target) continue;
			const source = databaseOf(doc.source);
			const filter: FilterFunction | undefined = doc.filter
				? design.forDatabase(source)?.filters.get(doc.filter)
				: undefined;
			if (doc.filter && !filter) throw new Error(`no filter ${doc.filter} for ${source}`);
			const query = doc.query_params ?? {};
			const jobs = jobsBySource.get(source) ?? [];
			jobs.push({
				target: databaseOf(doc.target),
				passes: (candidate) => !filter || Boolean(filter(candidate as Record<string, unknown>, { query }))
			});
			jobsBySource.set(source, jobs);
		}
	};
	/** The last document each job's target should receive from what was written: how to tell it caught up. */
	let arrivals = new Map<string, string>();
	/**
	 * Writes documents and notes what each job on this database should copy. With `seed`, they are written as
	 * first revisions of our own making, and each job's copies straight into its target as the same revisions.
	 */
	const writeWithCopies = async (database: string, docs: Array<{ _id: string }>, seed = SEED_COPIES) => {
		const revised = seed
			? docs.map((doc) => ({
					...doc,
					_rev: `1-${createHash('md5').update(JSON.stringify(doc)).digest('hex')}`
				}))
			: docs;
		await writeAll(database, revised, !seed);
		for (const job of jobsBySource.get(database) ?? []) {
			const copied = revised.filter((doc) => job.passes(doc));
			if (copied.length === 0) continue;
			arrivals.set(job.target, copied.at(-1)!._id);
			if (!seed) continue;
			await writeAll(job.target, copied, false);
			const group = job.target.replace(/-[^-]+$/, '-*');
			const sum = copies.get(group) ?? { databases: new Set<string>(), docs: 0 };
			sum.databases.add(job.target);
			sum.docs += copied.length;
			copies.set(group, sum);
		}
		return docs.length;
	};
	/** Waits until the server's jobs have carried what was written since the last wait. */
	const waitForArrivals = async (label: string) => {
		const waited = [...arrivals];
		arrivals = new Map();
		return { ms: await waitForJobs(label, waited), targets: waited.map(([target]) => target) };
	};
	/** Waits until this process (the server and its jobs) has used under 15 % of a core for 10 s. */
	const waitForQuiet = async () => {
		const started = performance.now();
		for (;;) {
			const before = process.cpuUsage();
			await new Promise((resolve) => setTimeout(resolve, 10_000));
			const used = process.cpuUsage(before);
			if ((used.user + used.system) / 1000 / 10_000 < 0.15) break;
			if (performance.now() - started > QUIET_WAIT_MS)
				return { ms: performance.now() - started, quiet: false };
		}
		return { ms: performance.now() - started, quiet: true };
	};
	const exists = async (database: string, id: string) =>
		(
			await fetch(`${server.syncUrl}/${encodeURIComponent(database)}/${encodeURIComponent(id)}`, {
				method: 'HEAD',
				headers
			})
		).ok;
	/** Waits until the server's standing jobs have carried each listed document to its database. */
	const waitForJobs = async (label: string, arrivals: Array<[database: string, id: string]>) => {
		const started = performance.now();
		let waiting = arrivals;
		while (waiting.length > 0) {
			const present = await Promise.all(waiting.map(([database, id]) => exists(database, id)));
			waiting = waiting.filter((_, index) => !present[index]);
			if (waiting.length === 0) break;
			if (performance.now() - started > 3_600_000) throw new Error(`${label}: jobs still behind after 1 h`);
			await new Promise((resolve) => setTimeout(resolve, 2000));
		}
		return performance.now() - started;
	};
	const profiles: Array<{ page: Page; close(): Promise<void> }> = [];
	/**
	 * A role's browser is done: its page goes to about:blank, which stops the app (sync, search index) so it
	 * takes nothing from the next measurement. Closing a persistent context mid-run hung with requests in flight;
	 * the profiles close at the end.
	 */
	const leave = async (profile: { page: Page }) => {
		profile.page.removeAllListeners('response');
		await profile.page.goto('about:blank', { timeout: 30_000 }).catch(() => {});
	};
	/** The page being measured: on a failure, where it was and a screenshot. */
	let measured: { label: string; page: Page } | undefined;
	const figures: string[] = [];
	const report = (line: string) => {
		console.log(line);
		figures.push(line);
	};
	/** A role whose steps failed: the reason, and a screenshot of the page it was on, for the next run. */
	const notMeasured = async (label: string, error: unknown) => {
		report(`${label} not measured: ${(error as Error).message.split('\n')[0]}`);
		await measured?.page
			.screenshot({ path: path.join(os.tmpdir(), `scale-browsers-${measured.label}.png`) })
			.catch(() => {});
	};

	try {
		const chromiumVersion = execFileSync(CHROMIUM_PATH, ['--version'], {
			stdio: ['ignore', 'pipe', 'ignore']
		})
			.toString()
			.trim();
		console.log('\nbench:scale part two (browsers of each role)');
		report(
			`machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB; Node ${process.version}; ${chromiumVersion} (headless); load average at start ${os
				.loadavg()
				.map((load) => load.toFixed(1))
				.join(' ')}`
		);
		report(
			`scale: ${count(ENTRIES)} entries × 2 published versions + ${IN_REVIEW} in review; ${count(LOGS)} search logs over ${LOG_MONTH}; ${count(CALLS)} calls over the last 12 months (${count(CALL_DETAILS)}+ with waveform and transcript), ${count(EVALUATIONS)} evaluations; today ${beijingDate(now.getTime())} (Beijing)`
		);

		let started = performance.now();
		const couch = await runSetup({ url: adminUrl(server.syncUrl, admin) });
		report(`setup (databases, design documents, 19 sub-platforms): ${seconds(performance.now() - started)}`);

		const accounts = provinceAccounts(DEMO_PASSWORD, { ...PROVINCE_STAFF, agents: AGENTS });
		const agents = agentsOf(accounts);
		const inspectors = inspectorsOf(accounts).map((account) => account.name);
		started = performance.now();
		for (const account of accounts) await ensureUser(couch, account, () => {});
		const jobs = (await request<{ total_rows: number }>('_replicator/_all_docs?limit=0')).total_rows;
		report(
			`users: ${accounts.length} (${agents.length} agents, ${accounts.filter((account) => account.roles.includes('editor')).length} editors, ${inspectors.length} inspectors and supervisors, 1 admin) set up in ${seconds(performance.now() - started)}: ${agents.length * 2} personal databases, ${jobs} standing jobs in _replicator`
		);
		await loadDemoKnowledge(couch, () => {});
		await readJobs();

		// Knowledge: written as the server admin into kb; the server's jobs copy publications to pub and pub-<city>.
		started = performance.now();
		await writeWithCopies(KNOWLEDGE_DB, benchCategories());
		let written = 0;
		for (const batch of knowledgeBatches(ENTRIES, IN_REVIEW)) {
			written += await writeWithCopies(KNOWLEDGE_DB, batch);
			if (written % 100_000 < batch.length) console.log(`  kb: ${count(written)} written`);
		}
		const kbWriteMs = performance.now() - started;
		const copied = await waitForArrivals('kb → its copies');
		report(
			`knowledge: ${count(written)} documents written to kb in ${seconds(kbWriteMs)} (_bulk_docs of 2 000, validated)${SEED_COPIES ? `, with the jobs' copies (${copiesLine()})` : ''}; all of it in the jobs' ${copied.targets.length} targets (${copied.targets.join(', ')}) ${seconds(copied.ms)} later`
		);

		// Search logs: agent01's and agent02's through their own databases (the jobs carry them to searchlog).
		started = performance.now();
		const byAccount = new Map(accounts.map((account) => [account.name, account]));
		const batches = new Map<string, SearchLog[]>();
		const flush = async (database: string, force = false) => {
			const batch = batches.get(database) ?? [];
			if (batch.length === 0 || (!force && batch.length < 5000)) return;
			await writeWithCopies(database, batch, false);
			batches.set(database, []);
		};
		let logs = 0;
		for (const log of generateSearchLogs({
			count: LOGS,
			agents: agents.map((agent) => agent.name),
			entries: ENTRIES,
			month: LOG_MONTH,
			subPlatformOf: (agent) => cityOf(byAccount.get(agent)!)
		})) {
			const database = OWN_DATABASE_AGENTS.includes(log.createdBy)
				? agentFeedbackDatabaseName(log.createdBy)
				: SEARCH_LOG_DB;
			const batch = batches.get(database) ?? [];
			batch.push(log);
			batches.set(database, batch);
			await flush(database);
			if (++logs % 100_000 === 0) console.log(`  logs: ${count(logs)} written`);
		}
		for (const database of batches.keys()) await flush(database, true);
		const logWriteMs = performance.now() - started;
		const logsCarried = await waitForArrivals('logs → searchlog');
		const ownLogs = await Promise.all(
			OWN_DATABASE_AGENTS.map(async (agent) => {
				const info = await request<{ doc_count: number }>(agentFeedbackDatabaseName(agent));
				return `${agent} ${count(info.doc_count)}`;
			})
		);
		report(
			`search logs: ${count(LOGS)} written in ${seconds(logWriteMs)}, straight into searchlog except ${OWN_DATABASE_AGENTS.join(' and ')}'s, written into their own feedback-agent-<hex> databases (${ownLogs.join(', ')} documents) as their browsers push them, and carried to searchlog by the server's jobs (caught up ${seconds(logsCarried.ms)} later)`
		);

		// Calls: recordings, waveforms and transcripts into qa as inspectors import them, then evaluations.
		const plan: CallPlan = {
			calls: CALLS,
			details: CALL_DETAILS,
			evaluations: EVALUATIONS,
			agents,
			inspectors,
			now
		};
		started = performance.now();
		let callDocuments = 0;
		for (const batch of callBatches(plan)) {
			callDocuments += await writeWithCopies(QA_DB, batch);
			if (callDocuments % 50_000 < batch.length) console.log(`  qa: ${count(callDocuments)} written`);
		}
		const callWriteMs = performance.now() - started;
		started = performance.now();
		for (const batch of evaluationBatches(plan)) await writeWithCopies(QA_DB, batch);
		const evaluationWriteMs = performance.now() - started;
		const fannedOut = await waitForArrivals('qa → its copies');
		report(
			`calls: ${count(callDocuments)} documents (recordings, waveforms, transcripts) written to qa in ${seconds(callWriteMs)}; ${count(EVALUATIONS)} evaluations in ${seconds(evaluationWriteMs)}; all of it in the jobs' ${fannedOut.targets.length} targets (the agents' QA databases, the cities' calls) ${seconds(fannedOut.ms)} later`
		);
		if (SEED_COPIES)
			report(
				`the jobs' copies written straight into their databases as the same revisions (${copiesLine()}); the jobs still read their sources through their filters and find them there`
			);
		const quiet = await waitForQuiet();
		report(
			`server ${quiet.quiet ? 'quiet' : 'still busy'} (this process under 15 % of a core for 10 s: the jobs caught up) ${seconds(quiet.ms)} after the last write; load average ${os
				.loadavg()
				.map((load) => load.toFixed(1))
				.join(' ')}`
		);

		// The server's views the screens read, built by their first read (as the first screen to ask would), then
		// read again. recordings-by-agent (the list filtered by 坐席) is left to its first use: one more full pass.
		const monthRange = (from: string) =>
			`startkey=${encodeURIComponent(JSON.stringify([from]))}&endkey=${encodeURIComponent(JSON.stringify([from, {}]))}`;
		const views: Array<[database: string, label: string, query: string]> = [
			[
				QA_DB,
				'recordings-by-start',
				'_design/app/_view/recordings-by-start?descending=true&include_docs=true&limit=200'
			],
			[QA_DB, 'evaluations-by-recording', '_design/app/_view/evaluations-by-recording?limit=1'],
			[QA_DB, 'recording-facets', '_design/app/_view/recording-facets?group=true'],
			[SEARCH_LOG_DB, 'searches-by-day', '_design/insights/_view/searches-by-day?limit=1'],
			[
				SEARCH_LOG_DB,
				'zero-results',
				`_design/insights/_view/zero-results?group_level=3&${monthRange(LOG_MONTH)}`
			],
			[
				SEARCH_LOG_DB,
				'query-openings',
				`_design/insights/_view/query-openings?group_level=3&${monthRange(LOG_MONTH)}`
			]
		];
		const builds: string[] = [];
		const reads: string[] = [];
		for (const [database, label, query] of views) {
			started = performance.now();
			await request(`${database}/${query}`);
			builds.push(`${label} ${seconds(performance.now() - started)}`);
			const times: number[] = [];
			for (let run = 0; run < 3; run++) {
				started = performance.now();
				await request(`${database}/${query}`);
				times.push(performance.now() - started);
			}
			reads.push(`${label} ${times.map((time) => Math.round(time)).join('/')} ms`);
		}
		report(`view builds (first read): ${builds.join(', ')}`);
		report(`view reads once built (3 runs each, as the screens ask them): ${reads.join(', ')}`);

		const serverFigures: string[] = [];
		for (const database of [
			...SERVER_DATABASES,
			agentFeedbackDatabaseName('agent01'),
			agentQaDatabaseName('agent01')
		]) {
			const info = await request<{
				doc_count: number;
				sizes?: { file?: number; active?: number };
				disk_size?: number;
			}>(encodeURIComponent(database));
			// Apache CouchDB reports sizes; PouchDB's info has none, so the LevelDB folder is measured.
			const reported = info.sizes?.file ?? info.disk_size;
			serverFigures.push(
				`    ${database}: ${count(info.doc_count)} documents, ${megabytes(folderBytes(path.join(dataDir, 'db', database)))} on disk (LevelDB folder)${reported ? `, ${megabytes(reported)} as reported` : ''}`
			);
		}
		report('on the server (GET /db/<name> as admin; the LevelDB folder):');
		for (const line of serverFigures) report(line);

		// What npm start's job (npm run search-index on Apache CouchDB) does after pub changed; here in this process.
		const shipped = await publishSearchIndex(couch, { force: true });
		report(
			`the agents' search index built on the server from pub: ${count(shipped.entries)} entries, ${megabytes(shipped.bytes)}, in ${seconds(shipped.seconds * 1000)}`
		);

		const searchQuery = '社保卡丢了怎么补办';
		const signIn = async (userName: string) => {
			let recorder: TrafficRecorder | undefined;
			const profile = await signInWithNewProfile(server.appUrl, userName, (page) => {
				page.setDefaultTimeout(STEP_TIMEOUT);
				recorder = new TrafficRecorder(page);
				if (process.env.BENCH_CONSOLE)
					page.on('console', (message) => console.log(`  [${userName}] ${message.text()}`));
			});
			const opened = { ...profile, recorder: recorder! };
			measured = { label: userName, page: profile.page };
			profiles.push(opened);
			return opened;
		};
		const elapsed = (startedAt: number) => seconds(Date.now() - startedAt);
		/** Resolves with the moment the offline index was ready, once the query has been answered from it. */
		const searchReady = async (page: Page) => {
			const box = page.getByRole('searchbox', { name: '检索知识库' });
			await box.waitFor({ timeout: STEP_TIMEOUT });
			await page.getByText(/暂用简单匹配/).waitFor({ state: 'detached', timeout: STEP_TIMEOUT });
			const indexReadyAt = Date.now();
			await box.fill(searchQuery);
			await page
				.getByRole('listbox', { name: '检索结果' })
				.getByRole('option')
				.first()
				.waitFor({ timeout: STEP_TIMEOUT });
			return indexReadyAt;
		};
		const storage = async (page: Page) => {
			const estimate = await page.evaluate(() => navigator.storage.estimate());
			return megabytes(estimate.usage ?? 0);
		};

		// The agent: first sync, and beside it a search that finds something from the offline index (the
		// server's, fetched while the copy runs).
		const agent = await signIn('agent01');
		let agentSearch = '';
		let agentIndex = '';
		const agentSearchReady = searchReady(agent.page).then((indexReadyAt) => {
			agentIndex = seconds(indexReadyAt - agent.startedAt);
			agentSearch = elapsed(agent.startedAt);
		});
		const agentSync = await waitForFirstSync(agent.page, agent.startedAt, STEP_TIMEOUT);
		const agentSynced = elapsed(agent.startedAt);
		await agentSearchReady;
		const fromServer = await agent.page
			.locator('[data-index-from-server]')
			.getAttribute('data-index-from-server');
		await agent.recorder.settled();
		report(
			`agent01 (goal ≤ 60 s): sign-in → 已同步 ${agentSynced}, → offline index ready (${fromServer === 'true' ? `the one the server shipped, ${megabytes(shipped.bytes)} fetched by the search worker` : 'built in the browser'}) ${agentIndex}, → "${searchQuery}" answered from it ${agentSearch}; browser storage ${await storage(agent.page)}`
		);
		for (const sample of agentSync.samples) console.log(`  progress ${sample}`);
		report(`  pulled (and held afterwards: ${await heldDocuments(agent.page)}):`);
		for (const line of agent.recorder.lines()) report(line);

		let step = Date.now();
		try {
			// The editor: 知识库管理, 一线反馈 and its 无结果检索 tab as soon as signed in (the first copy of kb runs
			// meanwhile, and the list reads the server), then the first sync's end.
			const editor = await signIn('editor01');
			await editor.page.getByRole('link', { name: '知识库管理' }).click();
			await editor.page
				.getByRole('table', { name: '知识点列表' })
				.getByRole('row')
				.nth(1)
				.waitFor({ timeout: STEP_TIMEOUT });
			const kbReady = elapsed(editor.startedAt);
			step = Date.now();
			await editor.page.getByRole('link', { name: '一线反馈' }).click();
			await editor.page.getByRole('heading', { name: '一线反馈' }).waitFor();
			await editor.page.getByRole('tab', { name: /查无信息/ }).waitFor();
			const feedbackReady = seconds(Date.now() - step);
			step = Date.now();
			await editor.page.getByRole('tab', { name: '无结果检索' }).click();
			await editor.page.getByText(/本月检索/).waitFor({ timeout: STEP_TIMEOUT });
			const zeroThisMonth = seconds(Date.now() - step);
			step = Date.now();
			await editor.page.getByLabel('月份').selectOption(LOG_MONTH);
			await editor.page.getByText(new RegExp(`${LOG_MONTH} 检索`)).waitFor({ timeout: STEP_TIMEOUT });
			await editor.page.locator('table tbody tr').first().waitFor({ timeout: STEP_TIMEOUT });
			const zeroLogMonth = seconds(Date.now() - step);
			const monthCounts = (await editor.page.locator('p.counts').textContent())?.replace(/\s+/g, ' ').trim();
			const screensReady = elapsed(editor.startedAt);
			const editorSync = await waitForFirstSync(editor.page, editor.startedAt, STEP_TIMEOUT);
			const editorSynced = elapsed(editor.startedAt);
			await editor.recorder.settled();
			report(
				`editor01 (goal ≤ 60 s): sign-in → 知识库管理 listing ${kbReady} (read from the server while kb's first copy runs); 一线反馈 opened in ${feedbackReady}; 无结果检索 tab ${zeroThisMonth} (this month), ${LOG_MONTH} chosen → list ${zeroLogMonth} (${monthCounts}); all three ${screensReady} after sign-in; → 已同步 ${editorSynced}; browser storage ${await storage(editor.page)}`
			);
			for (const sample of editorSync.samples) console.log(`  progress ${sample}`);
			report(`  pulled (and held afterwards: ${await heldDocuments(editor.page)}):`);
			for (const line of editor.recorder.lines()) report(line);
			await leave(editor);
		} catch (error) {
			await notMeasured('editor01', error);
		}

		try {
			// The inspector: first sync, the recording list (newest first: this month's calls), an older call.
			const inspector = await signIn('inspector01');
			// The list reads the server's views while the first sync runs: timed on its own, then the sync.
			const listRows = inspector.page.locator('table.recordings tbody tr');
			await listRows.first().waitFor({ timeout: STEP_TIMEOUT });
			const listReady = elapsed(inspector.startedAt);
			const inspectorSync = await waitForFirstSync(inspector.page, inspector.startedAt, STEP_TIMEOUT);
			const inspectorSynced = elapsed(inspector.startedAt);
			const listed = (await inspector.page.getByText(/符合条件 \d+ 通/).textContent())?.trim();
			// A call of about five months ago: the list filtered 到 its day shows that day's last call first.
			let oldIndex = Math.floor(CALLS * (7 / 12));
			while (
				!hasDetails(plan, oldIndex) ||
				beijingDate(callStart(plan, oldIndex)) === beijingDate(callStart(plan, oldIndex + 1))
			)
				oldIndex++;
			const oldCall = recordingOf(plan, oldIndex);
			step = Date.now();
			await inspector.page.getByLabel('到', { exact: true }).fill(beijingDate(callStart(plan, oldIndex)));
			await inspector.page.getByRole('link', { name: oldCall.callId }).waitFor({ timeout: STEP_TIMEOUT });
			const filteredMs = Date.now() - step;
			await inspector.recorder.settled();
			const listLines = inspector.recorder.lines();
			const inspectorHeld = await heldDocuments(inspector.page);
			inspector.recorder.reset();
			// A few documents: their bodies are read, to count them.
			inspector.recorder.countDocuments = true;
			step = Date.now();
			await inspector.page.getByRole('link', { name: oldCall.callId }).click();
			await inspector.page
				.getByRole('heading', { name: `通话 ${oldCall.callId}` })
				.waitFor({ timeout: 60_000 });
			const oldCallMs = Date.now() - step;
			await inspector.page
				.locator('.waveform')
				.first()
				.waitFor({ timeout: 60_000 })
				.catch(() => {});
			await inspector.recorder.settled();
			const openLines = inspector.recorder.lines();
			report(
				`inspector01: sign-in → recording list shown ${listReady} (goal ≤ 30 s; "${listed}"); list filtered to ${oldCall.startedAt.slice(0, 10)} in ${seconds(filteredMs)}; that day's last call (${oldCall.callId}, not in this browser) opened in ${seconds(oldCallMs)} (goal ≤ 2 s); sign-in → 已同步 ${inspectorSynced}; browser storage ${await storage(inspector.page)}`
			);
			for (const sample of inspectorSync.samples) console.log(`  progress ${sample}`);
			report(
				`  first sync, the list and the list filtered to that day pulled (and held afterwards: ${inspectorHeld}):`
			);
			for (const line of listLines) report(line);
			report('  opening the older call pulled:');
			for (const line of openLines) report(line);
			await leave(inspector);
		} catch (error) {
			await notMeasured('inspector01', error);
		}

		// Steady state: agent02 searches while agent01's browser stays open; agent01 should receive nothing new.
		const second = await signIn('agent02');
		await waitForFirstSync(second.page, second.startedAt, STEP_TIMEOUT);
		await searchReady(second.page);
		const secondReady = elapsed(second.startedAt);
		const ownDatabase = agentFeedbackDatabaseName('agent02');
		const logsBefore = (await request<{ doc_count: number }>(ownDatabase)).doc_count;
		await agent.recorder.settled();
		agent.recorder.reset();
		agent.recorder.countDocuments = true;
		const steadyStart = Date.now();
		const box = second.page.getByRole('searchbox', { name: '检索知识库' });
		const queries = ['社保卡丢了怎么补办', '公积金提取', '居住证怎么办理', '身份证到期换证', '无人机备案'];
		for (const query of queries) {
			await box.fill(query);
			await second.page.waitForTimeout(2000);
			await box.press('Enter');
			await second.page.waitForTimeout(500);
		}
		await agent.page.waitForTimeout(Math.max(0, STEADY_SECONDS * 1000 - (Date.now() - steadyStart)));
		await agent.recorder.settled();
		const logsAfter = (await request<{ doc_count: number }>(ownDatabase)).doc_count;
		const steady = agent.recorder.totals();
		report(
			`steady state: agent02 (first sync and search ready in ${secondReady}) searched ${queries.length} times (${logsAfter - logsBefore} documents reached its own database on the server); agent01's open browser received in the next ${STEADY_SECONDS} s: ${count(steady.rows)} change rows, ${count(steady.docs)} documents, ${megabytes(steady.bytes)} in ${steady.requests} requests (_changes/_bulk_get/_all_docs/views)`
		);
		for (const line of agent.recorder.lines()) report(line);
		report(
			`memory of this process (server, generators, Playwright): RSS ${megabytes(process.memoryUsage().rss)}`
		);

		console.log('\nsummary');
		for (const line of figures) console.log(line);
	} catch (error) {
		if (measured) {
			const file = path.join(os.tmpdir(), `scale-browsers-${measured.label}.png`);
			await measured.page.screenshot({ path: file, fullPage: true }).catch(() => {});
			const status = await measured.page
				.getByTestId('sync-status')
				.textContent({ timeout: 1000 })
				.catch(() => '?');
			console.log(
				`${measured.label}: failed at ${measured.page.url()} (sync status ${status?.trim()}); screenshot ${file}`
			);
		}
		throw error;
	} finally {
		for (const profile of profiles)
			await Promise.race([profile.close(), new Promise((resolve) => setTimeout(resolve, 15_000))]).catch(
				() => {}
			);
		await server.close();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

await main();
// The embedded server's replication daemon keeps its databases open; the measurements are done.
process.exit(0);
