// npm run bench:server — the embedded sync server under a province's load (issue 14, item 5): 150 clients
// (130 agents, 20 editors) each holding 4 live `_changes` feeds as PouchDB 9 in a browser does, while 50
// writes/s land on a fixed schedule for 60 s. Measures each write (send → response) and each delivery (the
// write acknowledged → every feed listening on that database has a row with its id), the server's memory and
// CPU, and the load generator's own CPU, since both share the machine. Prints what it measured and how.
//   BENCH_CLIENTS (default 150), BENCH_WRITES_PER_SECOND (default 50), BENCH_SECONDS (default 60),
//   BENCH_WARMUP_SECONDS (default 10: the same writes with no feed open, for scale; 0 skips),
//   BENCH_CPU_PROFILE=<folder> writes a V8 CPU profile of the server process there (server-<pid>.cpuprofile).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { adminUrl } from '../../sync/config';
import { ensureUser, runSetup, type UserAccount } from '../../sync/setup/setup';
import { agentFanOutJobs, readerCopyJobs } from '../../sync/setup/standing-replications';
import { agentFeedbackDatabaseName, agentQaDatabaseName } from '../../src/lib/db/catalog';
import type { Entry, SearchLog } from '../../src/lib/db/generated/documents';
import { draftEntry } from '../fixtures/documents';

const root = path.resolve(import.meta.dirname, '../..');
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 150);
const WRITES_PER_SECOND = Number(process.env.BENCH_WRITES_PER_SECOND ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROFILE && path.resolve(process.env.BENCH_CPU_PROFILE);
/** A province: 130 agents and 20 editors among 150 seats; smaller trial runs keep the proportion. */
const EDITORS = Math.max(1, Math.round((CLIENTS * 20) / 150));
const AGENTS = Math.max(1, CLIENTS - EDITORS);
const DRAFTS_PER_EDITOR = 5;
/** One write in five is an editor's draft edit (10/s of 50), the rest agents' search logs (40/s). */
const EDIT_EVERY = 5;
const GOAL_WRITE_P99_MS = 300;
const GOAL_DELIVERY_P99_MS = 1000;
/** Users are created this many at a time: the server hashes each password (PBKDF2) on its 4 libuv threads. */
const SETUP_CONCURRENCY = 4;
const WRITE_TIMEOUT_MS = 30_000;
/** The server sends a newline every 10 s (heartbeat=10000); 30 s without a byte is a dead feed. */
const FEED_IDLE_TIMEOUT_MS = 30_000;
const FEED_RETRY_MS = 1_000;
/** After the last write, how long deliveries may still arrive before the missing ones are counted missing. */
const DRAIN_TIMEOUT_MS = 30_000;
const QUERIES = [
	'社保卡丢失怎么补办',
	'公积金提取条件',
	'居住证办理材料',
	'新生儿医保参保',
	'失业金领取',
	'个税汇算'
];

type Database = string;
interface Reply {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: string;
	/** performance.now() when the whole body had arrived. */
	at: number;
}
interface Client {
	account: UserAccount;
	cookie: string;
	feeds: Feed[];
}
interface Feed {
	client: Client;
	db: Database;
	/** This feed's place among the feeds of its database: the index into each write's arrival times. */
	slot: number;
	since: number | string;
	responses: number;
	rows: number;
}
interface Draft {
	editor: Client;
	doc: Entry & { _rev: string };
	busy: boolean;
	edits: number;
}
interface WriteRecord {
	kind: 'searchLog' | 'draftEdit';
	db: Database;
	id: string;
	/** The revision number this write creates: a feed row of this id at this generation or later delivers it. */
	generation: number;
	dueAt: number;
	sentAt: number;
	ackAt: number;
	status: number;
	failure?: string;
	/** Per feed on `db` (by slot): when its row arrived, NaN until then. Only for tracked (timed) writes. */
	arrivals?: Float64Array;
	arrived: number;
}

// ── HTTP: node:http with one keep-alive agent and no socket limit, one request per socket at a time ───────
// Not fetch: about 1 000 feed answers a second go through this process, and node:http is lighter per request
// than fetch's web streams on a machine whose other core the server needs (the generator's CPU is printed).

/**
 * Node's server closes a keep-alive connection after 5 s idle; a request sent on it just then fails with
 * ECONNRESET. Idle sockets are dropped here after 4 s instead (browsers retry such a request themselves).
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 4096, timeout: 4000 });

function request(
	url: string,
	options: {
		method?: string;
		headers?: Record<string, string>;
		body?: string;
		/** Whole-request limit, or with `idle` the longest silence (feeds: heartbeats keep them alive). */
		timeoutMs: number;
		idle?: boolean;
		signal?: AbortSignal;
	}
): Promise<Reply> {
	return new Promise((resolve, reject) => {
		let settled = false;
		let timer: NodeJS.Timeout | undefined;
		const fail = (error: Error) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			reject(error);
		};
		const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
		if (options.body !== undefined) {
			headers['content-type'] = 'application/json';
			headers['content-length'] = String(Buffer.byteLength(options.body));
		}
		const req = http.request(
			url,
			{ method: options.method ?? 'GET', headers, agent, signal: options.signal },
			(res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => (body += chunk));
				res.on('end', () => {
					if (settled) return;
					settled = true;
					clearTimeout(timer);
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						body,
						at: performance.now()
					});
				});
				res.on('error', fail);
				res.on('close', () => fail(new Error('connection closed before the end of the answer')));
			}
		);
		req.on('error', fail);
		if (options.idle)
			req.setTimeout(options.timeoutMs, () => req.destroy(new Error(`no byte for ${options.timeoutMs} ms`)));
		else
			timer = setTimeout(
				() => req.destroy(new Error(`no answer in ${options.timeoutMs} ms`)),
				options.timeoutMs
			);
		req.end(options.body);
	});
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) await work(items[next++]!);
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

// ── The server, in its own process tree: sync/start.ts (supervisor) → sync/server-process.ts ───────────────

interface ServerProcess {
	syncUrl: string;
	admin: { name: string; password: string };
	supervisor: ChildProcess;
	/** The server child's pid now (null while the supervisor is restarting it). */
	serverPid(): number | null;
	stderrLines: string[];
	stop(): Promise<void>;
}

/** Node prefixes warnings with the process id: the same message from a restarted server is the same. */
function messageOf(line: string): string {
	return line.replace(/^\(node:\d+\) /, '');
}

function sameMessage(a: string, b: string): boolean {
	return messageOf(a) === messageOf(b);
}

/** Node's process warnings (MaxListenersExceededWarning, …) are reported apart: not failures of a request. */
function isWarning(line: string): boolean {
	return /^[A-Za-z]*Warning: /.test(messageOf(line)) || /^\(Use `node --trace-warnings/.test(line);
}

function childPids(pid: number): number[] {
	try {
		return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
			readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number)
		);
	} catch {
		return [];
	}
}

/**
 * Node 20 refuses --cpu-prof in NODE_OPTIONS, and the supervisor forks the server with its own execArgv; a
 * preload (allowed there) starts the V8 profiler in the server child only and writes the profile on exit.
 */
function profilerPreload(): string {
	mkdirSync(CPU_PROFILE_DIR!, { recursive: true });
	const file = path.join(CPU_PROFILE_DIR!, 'server-profiler.mjs');
	writeFileSync(
		file,
		`import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
if (process.argv[1]?.endsWith('server-process.ts')) {
	const session = new Session();
	session.connect();
	session.post('Profiler.enable');
	session.post('Profiler.setSamplingInterval', { interval: 1000 });
	session.post('Profiler.start');
	process.on('exit', () => {
		session.post('Profiler.stop', (error, result) => {
			if (!error) writeFileSync(${JSON.stringify(CPU_PROFILE_DIR)} + '/server-' + process.pid + '.cpuprofile', JSON.stringify(result.profile));
		});
	});
}
`
	);
	return file;
}

async function startServer(dataDir: string): Promise<ServerProcess> {
	const admin = { name: 'couchadmin', password: randomBytes(18).toString('base64url') };
	const env: NodeJS.ProcessEnv = {
		...process.env,
		COUCHDB_ADMIN_USER: admin.name,
		COUCHDB_ADMIN_PASSWORD: admin.password
	};
	delete env.COUCHDB_URL;
	if (CPU_PROFILE_DIR) env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --import=${profilerPreload()}`.trim();
	const args = [
		'--import',
		'tsx',
		'sync/start.ts',
		'--sync-only',
		'--no-demo',
		'--port',
		'0',
		'--data',
		dataDir
	];
	const supervisor = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
	const stderrLines: string[] = [];
	const output: string[] = [];
	createInterface({ input: supervisor.stderr! }).on('line', (line) => {
		stderrLines.push(line);
		// Printed once each (a warning may come thousands of times); all are summed up in the report.
		if (!stderrLines.slice(0, -1).some((earlier) => sameMessage(earlier, line)))
			console.log(`  [server stderr] ${line}`);
	});
	const syncUrl = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('the server did not start within 120 s')), 120_000);
		createInterface({ input: supervisor.stdout! }).on('line', (line) => {
			output.push(line);
			const match = /^Sync: (http\S+)/.exec(line);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]!);
			}
		});
		supervisor.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`the server exited (${code}) before it listened:\n${output.join('\n')}`));
		});
	});
	const exited = new Promise<void>((resolve) => {
		if (supervisor.exitCode !== null) resolve();
		else supervisor.once('exit', () => resolve());
	});
	return {
		syncUrl,
		admin,
		supervisor,
		serverPid: () => childPids(supervisor.pid!)[0] ?? null,
		stderrLines,
		async stop() {
			if (supervisor.exitCode !== null) return;
			const child = childPids(supervisor.pid!)[0];
			supervisor.kill('SIGTERM');
			const killed = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
			if (!killed) {
				console.log('  the server did not stop within 15 s of SIGTERM; SIGKILL');
				if (child) process.kill(child, 'SIGKILL');
				supervisor.kill('SIGKILL');
				await exited;
			}
		}
	};
}

// ── Sampling: the server child's memory and CPU, this process's CPU, and the whole machine's ────────────

interface Sample {
	phase: string;
	pid: number;
	rssKb: number;
	hwmKb: number;
	serverCpuMs: number;
	/** The server's main thread (its event loop): time on a CPU, and time runnable but waiting for one. */
	serverLoopRunMs: number;
	serverLoopWaitMs: number;
	generatorCpuMs: number;
	generatorLoopWaitMs: number;
	machineBusyMs: number;
	machineTotalMs: number;
	at: number;
}
const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux

function statusField(pid: number, field: string): number {
	const match = new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return match ? Number(match[1]) : NaN;
}

function processCpuMs(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** /proc/<pid>/task/<tid>/schedstat: nanoseconds on a CPU, nanoseconds runnable in a run queue. */
function threadSchedule(pid: number, tid = pid): { runMs: number; waitMs: number } {
	const [run, wait] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
	return { runMs: (run ?? NaN) / 1e6, waitMs: (wait ?? NaN) / 1e6 };
}

function machineCpuMs(): { busy: number; total: number } {
	const [, ...numbers] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
	const values = numbers.map(Number);
	const total = values.slice(0, 8).reduce((sum, value) => sum + value, 0);
	const idle = (values[3] ?? 0) + (values[4] ?? 0);
	return { busy: (total - idle) * TICK_MS, total: total * TICK_MS };
}

/** Connections refused a place in a full accept queue, machine-wide (TcpExt ListenOverflows); null off Linux. */
function listenOverflows(): number | null {
	try {
		const [names, values] = readFileSync('/proc/net/netstat', 'utf8')
			.split('\n')
			.filter((line) => line.startsWith('TcpExt:'));
		const index = names!.split(' ').indexOf('ListenOverflows');
		return index > 0 ? Number(values!.split(' ')[index]) : null;
	} catch {
		return null;
	}
}

class Sampler {
	readonly samples: Sample[] = [];
	phase = 'start';
	#timer: NodeJS.Timeout | null = null;

	constructor(private readonly server: ServerProcess) {}

	take(): Sample | null {
		const pid = this.server.serverPid();
		if (!pid) return null;
		try {
			const machine = machineCpuMs();
			const usage = process.cpuUsage();
			const serverLoop = threadSchedule(pid);
			const sample: Sample = {
				phase: this.phase,
				pid,
				rssKb: statusField(pid, 'VmRSS'),
				hwmKb: statusField(pid, 'VmHWM'),
				serverCpuMs: processCpuMs(pid),
				serverLoopRunMs: serverLoop.runMs,
				serverLoopWaitMs: serverLoop.waitMs,
				generatorCpuMs: (usage.user + usage.system) / 1000,
				generatorLoopWaitMs: threadSchedule(process.pid).waitMs,
				machineBusyMs: machine.busy,
				machineTotalMs: machine.total,
				at: performance.now()
			};
			this.samples.push(sample);
			return sample;
		} catch {
			return null; // the process ended between reading its pid and its files
		}
	}

	start(): void {
		this.take();
		this.#timer = setInterval(() => this.take(), 1000);
	}

	stop(): void {
		if (this.#timer) clearInterval(this.#timer);
		this.take();
	}

	/** Server and generator CPU as % of one core, machine busy as % of all cores, per second of a phase. */
	cpu(phase: string) {
		const perSecond: {
			server: number;
			serverLoopRun: number;
			serverLoopWait: number;
			generator: number;
			generatorLoopWait: number;
			machine: number;
		}[] = [];
		for (let i = 1; i < this.samples.length; i++) {
			const [a, b] = [this.samples[i - 1]!, this.samples[i]!];
			if (b.phase !== phase) continue;
			const wall = b.at - a.at;
			perSecond.push({
				server: (100 * (b.serverCpuMs - a.serverCpuMs)) / wall,
				serverLoopRun: (100 * (b.serverLoopRunMs - a.serverLoopRunMs)) / wall,
				serverLoopWait: (100 * (b.serverLoopWaitMs - a.serverLoopWaitMs)) / wall,
				generator: (100 * (b.generatorCpuMs - a.generatorCpuMs)) / wall,
				generatorLoopWait: (100 * (b.generatorLoopWaitMs - a.generatorLoopWaitMs)) / wall,
				machine: (100 * (b.machineBusyMs - a.machineBusyMs)) / (b.machineTotalMs - a.machineTotalMs)
			});
		}
		const mean = (pick: (s: (typeof perSecond)[number]) => number) =>
			perSecond.reduce((sum, s) => sum + pick(s), 0) / Math.max(1, perSecond.length);
		const max = (pick: (s: (typeof perSecond)[number]) => number) => Math.max(0, ...perSecond.map(pick));
		return {
			seconds: perSecond.length,
			server: mean((s) => s.server),
			serverMax: max((s) => s.server),
			serverLoopRun: mean((s) => s.serverLoopRun),
			serverLoopWait: mean((s) => s.serverLoopWait),
			generatorLoopWait: mean((s) => s.generatorLoopWait),
			generator: mean((s) => s.generator),
			generatorMax: max((s) => s.generator),
			machine: mean((s) => s.machine)
		};
	}
}

// ── Statistics ─────────────────────────────────────────────────────────────────────────────────────────

function summary(values: ArrayLike<number>): string {
	if (values.length === 0) return 'n=0';
	const sorted = Float64Array.from(values).sort();
	const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
	const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
	return `n=${sorted.length} p50 ${ms(at(50))} / p95 ${ms(at(95))} / p99 ${ms(at(99))} / max ${ms(sorted[sorted.length - 1]!)} ms`;
}

function percentile(values: ArrayLike<number>, p: number): number {
	if (values.length === 0) return NaN;
	const sorted = Float64Array.from(values).sort();
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

// ── Documents the server's validators accept (read sync/ddocs/*/app/validate_doc_update.js on the day) ──

/**
 * The searchLog id, built as src/lib/feedback/feedback.service.ts builds it: time first, a random part, and
 * the writer's name last, which the feedback validator requires (`…:<createdBy>`, read 2026-12-05). The id
 * rules are still moving; this is the one place to change.
 */
function searchLogId(userName: string, at: string): string {
	return `searchLog:${at.replace(/[:.]/g, '')}-${randomUUID().slice(0, 8)}:${userName}`;
}

function searchLogFor(userName: string, sequence: number): SearchLog {
	const at = new Date().toISOString();
	return {
		_id: searchLogId(userName, at),
		type: 'searchLog',
		query: `${QUERIES[sequence % QUERIES.length]} ${sequence}`,
		resultCount: sequence % 12,
		createdBy: userName,
		createdAt: at
	};
}

function newDraft(editor: string, index: number): Entry {
	const at = new Date().toISOString();
	return draftEntry({
		_id: `entry:bench-${editor}-${index}`,
		standardQuestion: `压测草稿 ${editor} 第 ${index} 条：社保卡丢失了怎么补办？`,
		createdBy: editor,
		createdAt: at,
		updatedBy: editor,
		updatedAt: at,
		history: [{ action: 'create', by: editor, at }]
	});
}

/** An editor saving a draft again, as the app does: new content, updatedBy/updatedAt, the history kept. */
function editedDraft(draft: Draft): Entry & { _rev: string } {
	const text = `携带身份证到社保经办窗口办理（第 ${draft.edits + 1} 次修改）。`;
	return {
		...draft.doc,
		answerText: text,
		answerHtml: `<p>${text}</p>`,
		updatedBy: draft.editor.account.name,
		updatedAt: new Date().toISOString()
	};
}

// ── The benchmark ──────────────────────────────────────────────────────────────────────────────────────

function accounts(): UserAccount[] {
	const password = randomBytes(12).toString('base64url');
	const pad = (n: number) => String(n).padStart(3, '0');
	return [
		...Array.from({ length: AGENTS }, (_, i) => ({
			name: `bench-agent-${pad(i + 1)}`,
			password,
			roles: ['agent'],
			displayName: `压测话务员${pad(i + 1)}`,
			employeeNumber: String(9000 + i),
			team: '压测班'
		})),
		...Array.from({ length: EDITORS }, (_, i) => ({
			name: `bench-editor-${pad(i + 1)}`,
			password,
			roles: ['editor'],
			displayName: `压测采编${pad(i + 1)}`,
			team: '知识库采编组'
		}))
	];
}

/** The databases each client keeps a live feed on, as the app's sync does. */
/** Feeds per database, the agents' own databases counted together. */
function feedsByKind(perDb: Map<Database, number>): Map<string, number> {
	const kinds = new Map<string, number>();
	for (const [db, count] of perDb) {
		const kind = db.replace(/-[0-9a-f]+$/, '-<hex>');
		kinds.set(kind, (kinds.get(kind) ?? 0) + count);
	}
	return kinds;
}

function feedDatabases(account: UserAccount): Database[] {
	if (account.roles.includes('agent'))
		// As the app's plan (replication-plan.ts): the local kb pulls pub; the agent's own feedback and QA
		// databases; the search index follows the local kb with a feed of its own.
		return ['pub', agentFeedbackDatabaseName(account.name), agentQaDatabaseName(account.name), 'pub'];
	// Editors: kb (replication and search index) and feedback (replication and the 待处理 queue).
	return ['kb', 'kb', 'feedback', 'feedback'];
}

class Bench {
	readonly base: string;
	readonly adminHeaders: Record<string, string>;
	readonly feedsByDb = new Map<Database, Feed[]>();
	readonly writesById = new Map<string, WriteRecord[]>();
	readonly feedAborter = new AbortController();
	feedErrors = new Map<string, number>();
	feedResponses = 0;
	feedRows = 0;
	agents: Client[] = [];
	editors: Client[] = [];
	drafts: Draft[] = [];
	#logCount = 0;
	#editCount = 0;

	constructor(readonly server: ServerProcess) {
		// Every open feed request listens on the one abort signal.
		setMaxListeners(0, this.feedAborter.signal);
		this.base = server.syncUrl.replace(/\/$/, '');
		const basic = Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64');
		this.adminHeaders = { authorization: `Basic ${basic}` };
	}

	async signIn(account: UserAccount): Promise<Client> {
		const reply = await request(`${this.base}/_session`, {
			method: 'POST',
			body: JSON.stringify({ name: account.name, password: account.password }),
			timeoutMs: WRITE_TIMEOUT_MS
		});
		const cookie = (reply.headers['set-cookie'] ?? [])
			.map((header) => header.split(';')[0]!)
			.find((pair) => pair.startsWith('AuthSession='));
		if (reply.status !== 200 || !cookie)
			throw new Error(`sign-in of ${account.name}: ${reply.status} ${reply.body}`);
		return { account, cookie, feeds: [] };
	}

	async put(client: Client, db: Database, doc: { _id: string }): Promise<Reply> {
		return request(`${this.base}/${encodeURIComponent(db)}/${encodeURIComponent(doc._id)}`, {
			method: 'PUT',
			headers: { cookie: client.cookie },
			body: JSON.stringify(doc),
			timeoutMs: WRITE_TIMEOUT_MS
		});
	}

	async updateSeq(db: Database): Promise<number | string> {
		const reply = await request(`${this.base}/${encodeURIComponent(db)}`, {
			headers: this.adminHeaders,
			timeoutMs: WRITE_TIMEOUT_MS
		});
		if (reply.status !== 200) throw new Error(`GET /${db}: ${reply.status} ${reply.body}`);
		return (JSON.parse(reply.body) as { update_seq: number | string }).update_seq;
	}

	async createDrafts(editor: Client): Promise<void> {
		for (let index = 1; index <= DRAFTS_PER_EDITOR; index++) {
			const doc = newDraft(editor.account.name, index);
			const reply = await this.put(editor, 'kb', doc);
			if (reply.status !== 201) throw new Error(`draft ${doc._id}: ${reply.status} ${reply.body}`);
			const rev = (JSON.parse(reply.body) as { rev: string }).rev;
			this.drafts.push({ editor, doc: { ...doc, _rev: rev }, busy: false, edits: 0 });
		}
	}

	/** The next write of the schedule, not yet sent: whose it is, where, and the document. */
	nextWrite(index: number): { client: Client; db: Database; doc: { _id: string }; draft?: Draft } | null {
		if (index % EDIT_EVERY === EDIT_EVERY - 1) {
			const editor = this.editors[this.#editCount++ % this.editors.length]!;
			// The editor's least recently edited draft that has no edit in flight.
			const draft = this.drafts
				.filter((candidate) => candidate.editor === editor && !candidate.busy)
				.sort((a, b) => a.edits - b.edits)[0];
			if (!draft) return null;
			return { client: editor, db: 'kb', doc: editedDraft(draft), draft };
		}
		const sequence = this.#logCount++;
		const agentClient = this.agents[sequence % this.agents.length]!;
		// An agent's log goes to their own database; the server's job carries it on to searchlog.
		return {
			client: agentClient,
			db: agentFeedbackDatabaseName(agentClient.account.name),
			doc: searchLogFor(agentClient.account.name, sequence)
		};
	}

	async send(record: WriteRecord, client: Client, doc: { _id: string }, draft?: Draft): Promise<void> {
		if (draft) draft.busy = true;
		record.sentAt = performance.now();
		try {
			const reply = await this.put(client, record.db, doc);
			record.ackAt = reply.at;
			record.status = reply.status;
			if (reply.status !== 201 && reply.status !== 202)
				record.failure = `${reply.status} ${reply.body.slice(0, 200)}`;
			else if (draft) {
				draft.doc = { ...(doc as Entry), _rev: (JSON.parse(reply.body) as { rev: string }).rev };
				draft.edits++;
			}
		} catch (error) {
			record.ackAt = performance.now();
			record.status = 0;
			record.failure = (error as Error).message;
		}
		if (draft && record.failure) {
			// Whatever happened, edit the stored revision next time.
			const current = await request(`${this.base}/kb/${encodeURIComponent(draft.doc._id)}`, {
				headers: this.adminHeaders,
				timeoutMs: WRITE_TIMEOUT_MS
			}).catch(() => null);
			if (current?.status === 200) draft.doc = JSON.parse(current.body) as Entry & { _rev: string };
		}
		if (draft) draft.busy = false;
	}

	/**
	 * Sends writes at `perSecond` for `seconds` on a fixed schedule, whether earlier ones have answered or not
	 * (users do not wait for each other). Tracked writes are matched against the feeds' rows.
	 */
	async runSchedule(seconds: number, perSecond: number, track: boolean): Promise<WriteRecord[]> {
		const count = Math.round(seconds * perSecond);
		const interval = 1000 / perSecond;
		const records: WriteRecord[] = [];
		const pending: Promise<void>[] = [];
		const start = performance.now() + 50;
		for (let index = 0; index < count; index++) {
			const dueAt = start + index * interval;
			const wait = dueAt - performance.now();
			if (wait > 1) await sleep(wait);
			const write = this.nextWrite(index);
			const record: WriteRecord = {
				kind: index % EDIT_EVERY === EDIT_EVERY - 1 ? 'draftEdit' : 'searchLog',
				db: write?.db ?? 'kb',
				id: write?.doc._id ?? '',
				generation: 1,
				dueAt,
				sentAt: performance.now(),
				ackAt: NaN,
				status: 0,
				arrived: 0
			};
			records.push(record);
			if (!write) {
				record.failure = 'not sent: every draft of this editor still has an edit in flight';
				record.ackAt = record.sentAt;
				continue;
			}
			if (write.draft) record.generation = Number.parseInt(write.draft.doc._rev, 10) + 1;
			if (track) {
				record.arrivals = new Float64Array(this.feedsByDb.get(record.db)?.length ?? 0).fill(NaN);
				const list = this.writesById.get(record.id) ?? [];
				list.push(record);
				this.writesById.set(record.id, list);
			}
			pending.push(this.send(record, write.client, write.doc, write.draft));
		}
		await Promise.all(pending);
		return records;
	}

	/** PouchDB's live feed: a longpoll re-issued as soon as one returns, from the last_seq it got. */
	async runFeed(feed: Feed): Promise<void> {
		const signal = this.feedAborter.signal;
		while (!signal.aborted) {
			const url =
				`${this.base}/${encodeURIComponent(feed.db)}/_changes?style=all_docs&feed=longpoll&heartbeat=10000` +
				`&since=${encodeURIComponent(String(feed.since))}&limit=100`;
			let reply: Reply;
			try {
				reply = await request(url, {
					headers: { cookie: feed.client.cookie },
					timeoutMs: FEED_IDLE_TIMEOUT_MS,
					idle: true,
					signal
				});
			} catch (error) {
				if (signal.aborted) return;
				this.#feedError(`request failed: ${(error as Error).message}`);
				await sleep(FEED_RETRY_MS);
				continue;
			}
			if (reply.status !== 200) {
				this.#feedError(`${reply.status} ${reply.body.slice(0, 120)}`);
				await sleep(FEED_RETRY_MS);
				continue;
			}
			const answer = JSON.parse(reply.body) as {
				results: { id: string; changes: { rev: string }[] }[];
				last_seq: number | string;
			};
			feed.responses++;
			feed.rows += answer.results.length;
			this.feedResponses++;
			this.feedRows += answer.results.length;
			for (const row of answer.results) this.#delivered(feed, row, reply.at);
			feed.since = answer.last_seq;
		}
	}

	#delivered(feed: Feed, row: { id: string; changes: { rev: string }[] }, at: number): void {
		const writes = this.writesById.get(row.id);
		if (!writes) return;
		const generation = Math.max(...row.changes.map((change) => Number.parseInt(change.rev, 10)));
		for (const write of writes) {
			if (write.db !== feed.db || !write.arrivals || write.generation > generation) continue;
			if (!Number.isNaN(write.arrivals[feed.slot]!)) continue;
			write.arrivals[feed.slot] = at;
			write.arrived++;
		}
	}

	#feedError(what: string): void {
		this.feedErrors.set(what, (this.feedErrors.get(what) ?? 0) + 1);
	}

	openFeeds(clients: Client[], sinceByDb: Map<Database, number | string>): Promise<void>[] {
		const running: Promise<void>[] = [];
		for (const client of clients) {
			for (const db of feedDatabases(client.account)) {
				const onDb = this.feedsByDb.get(db) ?? [];
				const feed: Feed = {
					client,
					db,
					slot: onDb.length,
					since: sinceByDb.get(db)!,
					responses: 0,
					rows: 0
				};
				onDb.push(feed);
				this.feedsByDb.set(db, onDb);
				client.feeds.push(feed);
				running.push(this.runFeed(feed));
			}
		}
		return running;
	}

	/** True once every acknowledged tracked write has reached every feed on its database. */
	allDelivered(records: WriteRecord[]): boolean {
		return records.every(
			(record) =>
				record.failure !== undefined ||
				(!Number.isNaN(record.ackAt) && record.arrived === record.arrivals?.length)
		);
	}
}

function describeWrites(label: string, records: WriteRecord[]): string[] {
	const done = records.filter((record) => !record.failure);
	const latency = (kind?: WriteRecord['kind']) =>
		done.filter((record) => !kind || record.kind === kind).map((record) => record.ackAt - record.sentAt);
	const failures = new Map<string, number>();
	for (const record of records)
		if (record.failure) failures.set(record.failure, (failures.get(record.failure) ?? 0) + 1);
	// Writes answered per second of the run, per kind (each kind is one database): what the server kept up with.
	const answeredRate = (kind: WriteRecord['kind']) => {
		const ofKind = records.filter((record) => record.kind === kind);
		const answered = ofKind.filter((record) => !record.failure);
		const span = Math.max(...ofKind.map((r) => r.ackAt)) - Math.min(...ofKind.map((r) => r.sentAt));
		return `${answered.length} of ${ofKind.length} done, ${((1000 * answered.length) / span).toFixed(1)}/s`;
	};
	const lines = [
		`${label}: attempted ${records.length}, done ${done.length} (2xx), failed ${records.length - done.length}`,
		`  write latency (send → response): all ${summary(latency())}`,
		`    searchLog PUT in the agent's own feedback-agent db (${answeredRate('searchLog')}): ${summary(latency('searchLog'))}`,
		`    draft edit PUT in kb (${answeredRate('draftEdit')}):      ${summary(latency('draftEdit'))}`,
		`  schedule lag (due → sent, the generator's own delay): ${summary(records.map((r) => r.sentAt - r.dueAt))}`
	];
	for (const [failure, count] of failures) lines.push(`  failed ×${count}: ${failure}`);
	return lines;
}

async function main(): Promise<number> {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hotline-server-bench-'));
	const loadAverage = os
		.loadavg()
		.map((value) => value.toFixed(1))
		.join(', ');
	const startedAt = new Date();
	let server: ServerProcess | null = null;
	let bench: Bench | null = null;
	let sampler: Sampler | null = null;
	try {
		const serverStart = performance.now();
		server = await startServer(dataDir);
		sampler = new Sampler(server);
		sampler.start();
		const firstPid = server.serverPid();
		const startRss = sampler.take();
		console.log(
			`server up in ${((performance.now() - serverStart) / 1000).toFixed(1)} s: supervisor pid ${server.supervisor.pid}, server pid ${firstPid}, ${server.syncUrl}`
		);
		bench = new Bench(server);

		// Setup, before the clock: databases, then the users (the server hashes each password).
		sampler.phase = 'setup';
		let phaseStart = performance.now();
		const couch = await runSetup({ url: adminUrl(server.syncUrl, server.admin) });
		const allAccounts = accounts();
		await inParallel(allAccounts, SETUP_CONCURRENCY, (account) => ensureUser(couch, account, () => {}));
		const setupSeconds = (performance.now() - phaseStart) / 1000;
		console.log(`setup: ${allAccounts.length} users in ${setupSeconds.toFixed(1)} s`);

		// The standing replication jobs start in the background; wait for the server to go quiet.
		phaseStart = performance.now();
		let quietSeconds = 0;
		let previous = sampler.take();
		while (performance.now() - phaseStart < 90_000 && quietSeconds < 3) {
			await sleep(1000);
			const now = sampler.take();
			const busy =
				now && previous ? (100 * (now.serverCpuMs - previous.serverCpuMs)) / (now.at - previous.at) : 100;
			quietSeconds = busy < 20 ? quietSeconds + 1 : 0;
			previous = now;
		}
		const settleSeconds = (performance.now() - phaseStart) / 1000;

		phaseStart = performance.now();
		const clients: Client[] = [];
		await inParallel(allAccounts, 8, async (account) => void clients.push(await bench!.signIn(account)));
		const signInSeconds = (performance.now() - phaseStart) / 1000;
		bench.agents = clients.filter((client) => client.account.roles.includes('agent')).sort(byName);
		bench.editors = clients.filter((client) => client.account.roles.includes('editor')).sort(byName);

		// One write of each kind must pass validation before anything is timed.
		await bench.createDrafts(bench.editors[0]!);
		const firstLog = searchLogFor(bench.agents[0]!.account.name, 0);
		const logReply = await bench.put(
			bench.agents[0]!,
			agentFeedbackDatabaseName(bench.agents[0]!.account.name),
			firstLog
		);
		if (logReply.status !== 201) throw new Error(`first searchLog: ${logReply.status} ${logReply.body}`);
		const probeDraft = bench.drafts[0]!;
		const probe: WriteRecord = {
			kind: 'draftEdit',
			db: 'kb',
			id: probeDraft.doc._id,
			generation: 0,
			dueAt: 0,
			sentAt: 0,
			ackAt: 0,
			status: 0,
			arrived: 0
		};
		await bench.send(probe, probeDraft.editor, editedDraft(probeDraft), probeDraft);
		if (probe.failure) throw new Error(`first draft edit: ${probe.failure}`);
		await inParallel(bench.editors.slice(1), 4, (editor) => bench!.createDrafts(editor));
		console.log(
			`checked: a searchLog PUT and a draft PUT and edit answer 201; ${bench.drafts.length} drafts (${DRAFTS_PER_EDITOR} per editor)`
		);

		let warmup: WriteRecord[] = [];
		let warmupCpu: ReturnType<Sampler['cpu']> | null = null;
		if (WARMUP_SECONDS > 0) {
			sampler.phase = 'warm-up';
			sampler.take();
			warmup = await bench.runSchedule(WARMUP_SECONDS, WRITES_PER_SECOND, false);
			sampler.take();
			warmupCpu = sampler.cpu('warm-up');
		}

		// Feeds from each database's current sequence, so that none can miss a write that lands while it opens.
		sampler.phase = 'feeds';
		const sinceByDb = new Map<Database, number | string>();
		const databaseNames = [...new Set(clients.flatMap((client) => feedDatabases(client.account)))];
		await inParallel(databaseNames, 8, async (db) => void sinceByDb.set(db, await bench!.updateSeq(db)));
		const feedRuns = bench.openFeeds(clients, sinceByDb);
		await sleep(3000);
		const beforeLoad = sampler.take();

		// The timed run.
		sampler.phase = 'load';
		const stderrBefore = server.stderrLines.length;
		const pidBefore = server.serverPid();
		const probes: number[] = [];
		let probeFailures = 0;
		const probeTimer = setInterval(() => {
			const sent = performance.now();
			request(`${bench!.base}/_up`, { timeoutMs: WRITE_TIMEOUT_MS }).then(
				(reply) => probes.push(reply.at - sent),
				() => probeFailures++
			);
		}, 500);
		const loopDelay = monitorEventLoopDelay({ resolution: 10 });
		loopDelay.enable();
		const feedResponsesBefore = bench.feedResponses;
		const feedRowsBefore = bench.feedRows;
		const overflowsBefore = listenOverflows();
		const loadStart = performance.now();
		const timed = await bench.runSchedule(SECONDS, WRITES_PER_SECOND, true);
		const lastAnswerSeconds = (performance.now() - loadStart) / 1000;
		const drainStart = performance.now();
		while (!bench.allDelivered(timed) && performance.now() - drainStart < DRAIN_TIMEOUT_MS) await sleep(100);
		const loadSeconds = (performance.now() - loadStart) / 1000;
		loopDelay.disable();
		clearInterval(probeTimer);
		const endSample = sampler.take();
		const overflowsAfter = listenOverflows();
		const loadCpu = sampler.cpu('load');
		const feedResponses = bench.feedResponses - feedResponsesBefore;
		const feedRows = bench.feedRows - feedRowsBefore;
		sampler.phase = 'end';
		bench.feedAborter.abort();
		await Promise.all(feedRuns);

		// Deliveries: one sample per acknowledged write and feed on its database.
		const fromAck = { kb: [] as number[], feedback: [] as number[] };
		const fromSent: number[] = [];
		let early = 0;
		let missing = 0;
		for (const record of timed) {
			if (record.failure || !record.arrivals) continue;
			for (const arrival of record.arrivals) {
				if (Number.isNaN(arrival)) {
					missing++;
					continue;
				}
				if (arrival < record.ackAt) early++;
				(record.db === 'kb' ? fromAck.kb : fromAck.feedback).push(Math.max(0, arrival - record.ackAt));
				fromSent.push(arrival - record.sentAt);
			}
		}
		const allFromAck = [...fromAck.kb, ...fromAck.feedback];
		const done = timed.filter((record) => !record.failure);
		const writeP99 = percentile(
			done.map((record) => record.ackAt - record.sentAt),
			99
		);
		const deliveryP99 = percentile(allFromAck, 99);
		const feedErrorCount = [...bench.feedErrors.values()].reduce((sum, count) => sum + count, 0);
		const serverRestarts = sampler.samples.some(
			(sample) => sample.pid !== pidBefore && sample.phase === 'load'
		)
			? 1
			: 0;
		const stderrDuringLoad = server.stderrLines.slice(stderrBefore);
		const serverErrorLines = stderrDuringLoad.filter((line) => !isWarning(line));
		const warningCounts = new Map<string, number>();
		for (const line of stderrDuringLoad.filter(isWarning))
			warningCounts.set(messageOf(line), (warningCounts.get(messageOf(line)) ?? 0) + 1);
		const errors =
			timed.length - done.length + feedErrorCount + missing + serverRestarts + serverErrorLines.length;
		const peakRss = Math.max(...sampler.samples.map((sample) => sample.rssKb));
		const hwm = Math.max(...sampler.samples.map((sample) => sample.hwmKb));
		const feedCounts = [...bench.feedsByDb].map(
			([db, feeds]) => [db.startsWith('qa-agent-') ? 'qa-agent-…' : db, feeds.length] as const
		);
		const perDb = new Map<string, number>();
		for (const [db, count] of feedCounts) perDb.set(db, (perDb.get(db) ?? 0) + count);

		console.log('\nbench:server');
		console.log(
			`machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB; Node ${process.version}; load average at start ${loadAverage}`
		);
		console.log(`date: ${startedAt.toISOString()}; one run of ${SECONDS} s`);
		console.log(
			`server: node --import tsx sync/start.ts --sync-only --no-demo --port 0 on a fresh data folder, its own process (server pid ${firstPid}); this process generates the load on the same machine`
		);
		console.log(
			`setup (not timed): ${AGENTS} agents + ${EDITORS} editors created in ${setupSeconds.toFixed(1)} s, ${SETUP_CONCURRENCY} at a time (PBKDF2-SHA256 600 000 per password on the server); each agent's qa-agent-<hex> and feedback-agent-<hex> databases and ${agentFanOutJobs('http://x', 'x').length} standing replication jobs (${agentFanOutJobs('http://x', 'x').length * AGENTS + readerCopyJobs('http://x').length} jobs running on the server throughout, with kb → pub; no sub-platform has accounts here, so none has its databases and jobs); quiet ${settleSeconds.toFixed(0)} s later; ${clients.length} sign-ins (POST /_session) in ${signInSeconds.toFixed(1)} s`
		);
		console.log(
			`feeds: ${clients.length} clients × 4 = ${[...perDb.values()].reduce((a, b) => a + b, 0)} live feeds (${[...feedsByKind(perDb)].map(([db, count]) => `${db} ${count}`).join(', ')}); agents: pub, own feedback-agent, own qa-agent, pub again (search index); editors: kb ×2, feedback ×2`
		);
		console.log(
			"  each: GET /db/<db>/_changes?style=all_docs&feed=longpoll&heartbeat=10000&since=<last_seq>&limit=100 with the AuthSession cookie, re-issued as soon as one returns, from the db's update_seq"
		);
		console.log(
			`writes: ${WRITES_PER_SECOND}/s on a fixed schedule (one every ${(1000 / WRITES_PER_SECOND).toFixed(0)} ms, not waiting for answers): 4 in 5 a new searchLog in feedback by the agents in turn, 1 in 5 an edit (PUT with the current _rev) of a draft entry in kb by the editors in turn`
		);
		console.log('HTTP: node:http, one keep-alive agent without a socket limit, no pipelining');
		console.log('');
		console.log(
			`server RSS: started ${mb(startRss?.rssKb ?? NaN)}; before the load ${mb(beforeLoad?.rssKb ?? NaN)}; peak ${mb(peakRss)} (VmHWM ${mb(hwm)}); end of the load ${mb(endSample?.rssKb ?? NaN)}`
		);
		if (WARMUP_SECONDS > 0 && warmupCpu) {
			console.log('');
			for (const line of describeWrites(`warm-up, no feed open (${WARMUP_SECONDS} s)`, warmup))
				console.log(line);
			console.log(
				`  server CPU ${warmupCpu.server.toFixed(0)} % of a core (main thread ${warmupCpu.serverLoopRun.toFixed(0)} %, waiting for a CPU ${warmupCpu.serverLoopWait.toFixed(0)} %); machine ${warmupCpu.machine.toFixed(0)} % of ${os.cpus().length} cores busy`
			);
		}
		console.log('');
		for (const line of describeWrites(
			`load (${SECONDS} s; last answer after ${lastAnswerSeconds.toFixed(1)} s, deliveries done after ${loadSeconds.toFixed(1)} s)`,
			timed
		))
			console.log(line);
		console.log(
			`  delivery (write acknowledged → that feed's longpoll answer holding the id; one sample per write and feed on its database): all ${summary(allFromAck)}`
		);
		console.log(`    kb (draft edits):        ${summary(fromAck.kb)}`);
		console.log(`    own feedback-agent db (search logs): ${summary(fromAck.feedback)}`);
		console.log(`    from the write's send:   ${summary(fromSent)}`);
		console.log(
			`    missing after ${DRAIN_TIMEOUT_MS / 1000} s: ${missing}; answers that reached the feed before the write's own answer reached its client: ${early} (counted as 0 ms)`
		);
		console.log(
			`  feed answers: ${feedResponses} (${(feedResponses / loadSeconds).toFixed(0)}/s), ${(feedRows / Math.max(1, feedResponses)).toFixed(2)} rows each; feed errors ${feedErrorCount}`
		);
		for (const [what, count] of bench.feedErrors) console.log(`    feed error ×${count}: ${what}`);
		if (overflowsBefore !== null && overflowsAfter !== null)
			console.log(
				`  connections that found the server's accept queue full (TcpExt ListenOverflows, machine-wide; the client then waits for a SYN retransmit, 1 s, 3 s, …): ${overflowsAfter - overflowsBefore}`
			);
		console.log(
			`  server GET /db/_up every 0.5 s (its responsiveness): ${summary(probes)}${probeFailures ? `, ${probeFailures} unanswered in 30 s` : ''}`
		);
		console.log(
			`  CPU per second of the load: server ${loadCpu.server.toFixed(0)} % of a core (max ${loadCpu.serverMax.toFixed(0)} %), load generator ${loadCpu.generator.toFixed(0)} % (max ${loadCpu.generatorMax.toFixed(0)} %), machine ${loadCpu.machine.toFixed(0)} % of ${os.cpus().length} cores busy (others ≈ ${Math.max(0, loadCpu.machine * os.cpus().length - loadCpu.server - loadCpu.generator).toFixed(0)} % of a core)`
		);
		console.log(
			`  server main thread (event loop): on a CPU ${loadCpu.serverLoopRun.toFixed(0)} % of the time, runnable but waiting for a CPU ${loadCpu.serverLoopWait.toFixed(0)} %, idle ${Math.max(0, 100 - loadCpu.serverLoopRun - loadCpu.serverLoopWait).toFixed(0)} %; load generator waiting for a CPU ${loadCpu.generatorLoopWait.toFixed(0)} %`
		);
		console.log(
			`  load generator event-loop delay: p50 ${(loopDelay.percentile(50) / 1e6).toFixed(1)} / p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} / max ${(loopDelay.max / 1e6).toFixed(1)} ms`
		);
		console.log(
			`  server restarted during the load: ${serverRestarts ? 'yes' : 'no'}; server error lines (stderr, not warnings) during the load: ${serverErrorLines.length}`
		);
		for (const line of new Set(serverErrorLines.map(messageOf))) console.log(`    ${line}`);
		for (const [warning, count] of warningCounts)
			console.log(`  server warning ×${count} during the load (not counted as an error): ${warning}`);
		const met = writeP99 <= GOAL_WRITE_P99_MS && deliveryP99 <= GOAL_DELIVERY_P99_MS && errors === 0;
		const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');
		console.log(
			`\nverdict: write p99 ${writeP99.toFixed(0)} ms of ${done.length}/${timed.length} done (≤ ${GOAL_WRITE_P99_MS}: ${mark(writeP99 <= GOAL_WRITE_P99_MS)}), delivery p99 ${deliveryP99.toFixed(0)} ms (≤ ${GOAL_DELIVERY_P99_MS}: ${mark(deliveryP99 <= GOAL_DELIVERY_P99_MS)}), errors ${errors} (0: ${mark(errors === 0)}) → ${met ? 'goals met' : 'goals missed'}`
		);
		return 0;
	} catch (error) {
		console.error(`bench:server could not run: ${(error as Error).stack ?? error}`);
		return 1;
	} finally {
		bench?.feedAborter.abort();
		sampler?.stop();
		await server?.stop();
		agent.destroy();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

function byName(a: Client, b: Client): number {
	return a.account.name.localeCompare(b.account.name);
}

// The supervisor is gone and the feeds aborted; nano's keep-alive sockets need not hold the process.
process.exit(await main());
