// npm run bench:search — the agent search at knowledge-base scale: 100 000 entries grown from
// ../shared/data/policy-qa.tsv, answers composed as long and sectioned as real ones (answer-composer.ts),
// 1 000 colloquial queries and 300 that only an answer satisfies (tests/bench/search-data.ts).
//   Node: build time, memory, query p50/p95, export size, import (cold start) time, hit@1/hit@10 against the
//   entry each query was made from; FlexSearch 0.8 with its default CJK charset and MiniSearch 7 (character
//   uni+bigrams) measured side by side as anchors.
//   Chromium (Debian's /usr/bin/chromium via Playwright): the search worker bundled with esbuild, fed the
//   entries through the same message protocol the app uses, searched from the page (round trip), saved to
//   IndexedDB, and started again from IndexedDB (cold start: the index read, then the first query; the
//   word segmenter's WebAssembly is fetched and compiled after that, as the app's worker does, and the time
//   until its words rank is printed too).
// BENCH_ENTRIES (default 100000), BENCH_QUERIES (1000), BENCH_ANSWER_QUERIES (300), BENCH_RUNS (3; the anchors run once, MiniSearch on
// BENCH_ANCHOR_QUERIES = 200 queries), BENCH_CHROMIUM (1; 0 to skip), BENCH_ANCHORS (1; 0 to skip).
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { Charset, Index } from 'flexsearch';
import MiniSearch from 'minisearch';
import type { Entry } from '../../src/lib/db/generated/documents';
import { publicationOf } from '../../src/lib/knowledge/workflow/publication';
import { SearchEngine } from '../../src/lib/search/search-engine';
import type { IndexChunk } from '../../src/lib/search/search-types';
import { toSearchableEntry } from '../../src/lib/search/searchable-entry';
import { normalizeText, termsOfNormalized } from '../../src/lib/search/tokenizer';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { watchWorkerMemory, type WorkerMemory } from './worker-memory';
import { generateAnswerQueries, generateEntries, generateQueries, type BenchQuery } from './search-data';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1_000);
const ANSWER_QUERIES = Number(process.env.BENCH_ANSWER_QUERIES ?? 300);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WITH_CHROMIUM = process.env.BENCH_CHROMIUM !== '0';
const WITH_ANCHORS = process.env.BENCH_ANCHORS !== '0';
const ANCHOR_QUERIES = Number(process.env.BENCH_ANCHOR_QUERIES ?? 200);
const root = path.resolve(import.meta.dirname, '../..');

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const milliseconds = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;

function percentile(values: number[], share: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

/** JS heap plus typed arrays (which V8 keeps outside the heap), and the process's resident memory. */
function memory() {
	collectGarbage();
	const { heapUsed, arrayBuffers, rss } = process.memoryUsage();
	return { heapUsed: heapUsed + arrayBuffers, rss };
}

interface Measured {
	name: string;
	buildMs: number;
	heapBytes: number;
	rssBytes: number;
	p50: number[];
	p95: number[];
	hitAt1: number;
	hitAt10: number;
	exportBytes?: number;
	exportMs?: number;
	importMs?: number;
	/** Queries only an answer can satisfy (its 文号, its phone number): made-from entry at rank 1 and in the top 10. */
	answerHitAt1?: number;
	answerHitAt10?: number;
}

function measureQueries(
	name: string,
	queries: BenchQuery[],
	search: (query: string) => string[],
	runs = RUNS
): Pick<Measured, 'p50' | 'p95' | 'hitAt1' | 'hitAt10'> {
	const p50: number[] = [];
	const p95: number[] = [];
	let hitAt1 = 0;
	let hitAt10 = 0;
	for (let run = 0; run < runs; run++) {
		const times: number[] = [];
		for (const { query, expected } of queries) {
			const started = performance.now();
			const hits = search(query);
			times.push(performance.now() - started);
			if (run === 0) {
				if (hits[0] === expected) hitAt1++;
				if (hits.slice(0, 10).includes(expected)) hitAt10++;
			}
		}
		p50.push(percentile(times, 0.5));
		p95.push(percentile(times, 0.95));
	}
	console.error(`  ${name}: queries measured`);
	return { p50, p95, hitAt1: hitAt1 / queries.length, hitAt10: hitAt10 / queries.length };
}

function chunkBytes(chunks: IndexChunk[]): number {
	return chunks.reduce(
		(sum, { data }) => sum + (typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength),
		0
	);
}

function measureOurs(entries: Entry[], queries: BenchQuery[], answerQueries: BenchQuery[]): Measured {
	const before = memory();
	const started = performance.now();
	const engine = new SearchEngine();
	// Agents' index is built from the entries' publications.
	for (const entry of entries) engine.add(toSearchableEntry(publicationOf(entry)!));
	engine.compact();
	const buildMs = performance.now() - started;
	const after = memory();
	const measured = measureQueries('ours', queries, (query) =>
		engine.search(query, { limit: 10 }).map((hit) => hit.id)
	);
	let answerAt1 = 0;
	let answerAt10 = 0;
	for (const { query, expected } of answerQueries) {
		const hits = engine.search(query, { limit: 10 }).map((hit) => hit.id);
		if (hits[0] === expected) answerAt1++;
		if (hits.includes(expected)) answerAt10++;
	}
	const exportStarted = performance.now();
	const chunks = engine.export();
	const exportMs = performance.now() - exportStarted;
	const stored = structuredClone(chunks);
	const importStarted = performance.now();
	const restored = SearchEngine.import(stored);
	restored.search('社保卡怎么补办');
	const importMs = performance.now() - importStarted;
	return {
		name: 'ours (SearchEngine)',
		buildMs,
		heapBytes: after.heapUsed - before.heapUsed,
		rssBytes: after.rss - before.rss,
		...measured,
		exportBytes: chunkBytes(chunks),
		exportMs,
		importMs,
		answerHitAt1: answerAt1 / answerQueries.length,
		answerHitAt10: answerAt10 / answerQueries.length
	};
}

function questionText(entry: Entry): string {
	return [entry.standardQuestion, ...entry.similarQuestions].join(' ');
}

function measureFlexSearch(entries: Entry[], queries: BenchQuery[]): Measured {
	const before = memory();
	const started = performance.now();
	const index = new Index({ encoder: Charset.CJK });
	entries.forEach((entry, number) => index.add(number, questionText(entry)));
	const buildMs = performance.now() - started;
	const after = memory();
	const measured = measureQueries(
		'FlexSearch',
		queries,
		(query) =>
			(index.search(query, { limit: 10, suggest: true }) as number[]).map((number) => entries[number]!._id),
		1
	);
	const exported: { key: string; data: string }[] = [];
	const exportStarted = performance.now();
	index.export((key: string, data: string) => {
		exported.push({ key, data });
	});
	const exportMs = performance.now() - exportStarted;
	const importStarted = performance.now();
	const restored = new Index({ encoder: Charset.CJK });
	for (const { key, data } of exported) restored.import(key, data);
	const importMs = performance.now() - importStarted;
	return {
		name: 'FlexSearch 0.8, Charset.CJK',
		buildMs,
		heapBytes: after.heapUsed - before.heapUsed,
		rssBytes: after.rss - before.rss,
		...measured,
		exportBytes: exported.reduce((sum, { data }) => sum + Buffer.byteLength(data), 0),
		exportMs,
		importMs
	};
}

function measureMiniSearch(entries: Entry[], queries: BenchQuery[]): Measured {
	const before = memory();
	const started = performance.now();
	const tokenize = (text: string) => termsOfNormalized(normalizeText(text));
	const index = new MiniSearch<{ id: number; text: string }>({
		fields: ['text'],
		tokenize,
		processTerm: (term) => term
	});
	index.addAll(entries.map((entry, number) => ({ id: number, text: questionText(entry) })));
	const buildMs = performance.now() - started;
	const after = memory();
	// MiniSearch scores every posting of every term: at 10⁵ entries a query takes a good part of a second,
	// so it answers the first ANCHOR_QUERIES queries once.
	const measured = measureQueries(
		'MiniSearch',
		queries.slice(0, ANCHOR_QUERIES),
		(query) =>
			index
				.search(query)
				.slice(0, 10)
				.map((result) => entries[result.id as number]!._id),
		1
	);
	const exportStarted = performance.now();
	const json = JSON.stringify(index);
	const exportMs = performance.now() - exportStarted;
	const importStarted = performance.now();
	MiniSearch.loadJSON(json, { fields: ['text'], tokenize, processTerm: (term) => term });
	const importMs = performance.now() - importStarted;
	return {
		name: 'MiniSearch 7, our uni+bigrams',
		buildMs,
		heapBytes: after.heapUsed - before.heapUsed,
		rssBytes: after.rss - before.rss,
		...measured,
		exportBytes: Buffer.byteLength(json),
		exportMs,
		importMs
	};
}

function report(row: Measured): void {
	const list = (values: number[]) => values.map(milliseconds).join(' / ');
	console.log(`\n${row.name}`);
	console.log(
		`  build ${milliseconds(row.buildMs)}; memory +${megabytes(row.heapBytes)} heap and typed arrays, +${megabytes(row.rssBytes)} RSS`
	);
	console.log(`  query p50 ${list(row.p50)}; p95 ${list(row.p95)} (runs)`);
	console.log(
		`  made-from entry at rank 1: ${(row.hitAt1 * 100).toFixed(1)}%, in top 10: ${(row.hitAt10 * 100).toFixed(1)}%`
	);
	if (row.answerHitAt1 !== undefined)
		console.log(
			`  queries only an answer satisfies (文号, phone number): made-from entry at rank 1: ${(row.answerHitAt1 * 100).toFixed(1)}%, in top 10: ${(row.answerHitAt10! * 100).toFixed(1)}%`
		);
	if (row.exportBytes !== undefined) {
		console.log(
			`  export ${megabytes(row.exportBytes)} in ${milliseconds(row.exportMs!)}; import (cold start) ${milliseconds(row.importMs!)}`
		);
	}
}

async function bundleWorker(directory: string): Promise<{ file: string; bytes: number; gzipBytes: number }> {
	const file = path.join(directory, 'search.worker.js');
	await build({
		entryPoints: [path.join(root, 'src/lib/search/search.worker.ts')],
		bundle: true,
		minify: true,
		format: 'esm',
		platform: 'browser',
		charset: 'utf8',
		alias: { $lib: path.join(root, 'src/lib') },
		outfile: file,
		logLevel: 'error'
	});
	return {
		file,
		bytes: statSync(file).size,
		gzipBytes: gzipSync(readFileSync(file, 'utf8'), { level: 9 }).length
	};
}

/** The segmenter's WebAssembly the app serves from its bundle (the worker is told its address on open). */
const WORDS_WASM = path.join(
	path.dirname(createRequire(import.meta.url).resolve('jieba-wasm')),
	'../web/jieba_rs_wasm_bg.wasm'
);

interface ChromiumFigures {
	version: string;
	/** The word segmenter loaded in both workers. */
	words: boolean;
	buildMs: number;
	saveMs: number;
	p50: number[];
	p95: number[];
	hitAt1: number;
	coldStartMs: number;
	firstQueryMs: number;
	/** From the new worker's start until its words joined the ranking (they load after the index). */
	wordsReadyMs: number;
	/** From the new worker's start until the answers' index, read after the rest, was in. */
	answersReadyMs: number;
	/** An answer-only query, asked once the answers were in, found its entry first. */
	answerQueryFound: boolean;
	restored: boolean;
	entries: number;
	/** The worker after building the index, and a new worker after its cold start and first query. */
	builtMemory: WorkerMemory | null;
	coldMemory: WorkerMemory | null;
}

async function measureChromium(
	entries: Entry[],
	queries: BenchQuery[],
	answerQuery: BenchQuery,
	workerFile: string
): Promise<ChromiumFigures> {
	const changes = JSON.stringify(
		entries.map((entry) => publicationOf(entry)!).map((doc) => ({ id: doc._id, deleted: false, doc }))
	);
	const queryList = JSON.stringify(queries);
	const worker = readFileSync(workerFile);
	const server = createServer((request, response) => {
		const routes: Record<string, [string, string | Buffer]> = {
			'/': ['text/html', '<!doctype html><meta charset="utf-8"><title>search bench</title>'],
			'/search.worker.js': ['text/javascript', worker],
			'/words.wasm': ['application/wasm', readFileSync(WORDS_WASM)],
			'/changes.json': ['application/json', changes],
			'/queries.json': ['application/json', queryList]
		};
		const route = routes[request.url ?? ''];
		if (!route) {
			response.writeHead(404).end();
			return;
		}
		response.writeHead(200, { 'content-type': route[0] }).end(route[1]);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
	try {
		const page = await browser.newPage();
		// tsx keeps function names with a helper the page does not have.
		await page.addInitScript({ content: 'globalThis.__name = (target) => target;' });
		const readWorkerMemory = await watchWorkerMemory(page);
		await page.exposeFunction('readWorkerMemory', readWorkerMemory);
		await page.goto(`http://127.0.0.1:${port}/`);
		const figures = await page.evaluate(
			async ({ runs, answerQuery }) => {
				type Response = { id: number; type: 'result' | 'error'; value?: unknown; message?: string };
				const start = () => {
					const worker = new Worker('/search.worker.js', { type: 'module' });
					let next = 1;
					const pending = new Map<number, (response: Response) => void>();
					worker.onmessage = (event: MessageEvent<Response>) => pending.get(event.data.id)?.(event.data);
					const call = <T>(body: Record<string, unknown>) =>
						new Promise<T>((resolve, reject) => {
							const id = next++;
							pending.set(id, (response) =>
								response.type === 'result'
									? resolve(response.value as T)
									: reject(new Error(response.message))
							);
							worker.postMessage({ ...body, id });
						});
					return { worker, call };
				};
				const percentileOf = (values: number[], share: number) =>
					[...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(share * values.length))]!;

				const first = start();
				await first.call({ type: 'open', name: 'bench$kb', wordsUrl: '/words.wasm' });
				const firstWords = await first.call<boolean>({ type: 'words' });
				await first.call({ type: 'reset' });
				const changes = (await (await fetch('/changes.json')).json()) as unknown[];
				const queries = (await (await fetch('/queries.json')).json()) as {
					query: string;
					expected: string;
				}[];
				const buildStarted = performance.now();
				for (let at = 0; at < changes.length; at += 1000) {
					await first.call({ type: 'apply', changes: changes.slice(at, at + 1000), sequence: at + 1000 });
				}
				const buildMs = performance.now() - buildStarted;
				const saveStarted = performance.now();
				await first.call({ type: 'save' });
				const saveMs = performance.now() - saveStarted;
				const measure = (globalThis as unknown as { readWorkerMemory: () => Promise<WorkerMemory | null> })
					.readWorkerMemory;
				const builtMemory = await measure();
				const p50: number[] = [];
				const p95: number[] = [];
				let hitAt1 = 0;
				for (let run = 0; run < runs; run++) {
					const times: number[] = [];
					for (const { query, expected } of queries) {
						const started = performance.now();
						const hits = await first.call<{ id: string }[]>({
							type: 'search',
							query,
							options: { limit: 10 }
						});
						times.push(performance.now() - started);
						if (run === 0 && hits[0]?.id === expected) hitAt1++;
					}
					p50.push(percentileOf(times, 0.5));
					p95.push(percentileOf(times, 0.95));
				}
				first.worker.terminate();

				const coldStarted = performance.now();
				const second = start();
				const opened = await second.call<{ restored: boolean; entries: number }>({
					type: 'open',
					name: 'bench$kb',
					wordsUrl: '/words.wasm'
				});
				const coldStartMs = performance.now() - coldStarted;
				const wordsLoaded = second.call<boolean>({ type: 'words' });
				const queryStarted = performance.now();
				await second.call({ type: 'search', query: queries[0]!.query, options: { limit: 10 } });
				const firstQueryMs = performance.now() - queryStarted;
				const answersAttached = await second.call<boolean>({ type: 'answers' });
				const answersReadyMs = performance.now() - coldStarted;
				const answerHits = await second.call<{ id: string }[]>({
					type: 'search',
					query: answerQuery.query,
					options: { limit: 10 }
				});
				const coldMemory = await measure();
				const secondWords = await wordsLoaded;
				const wordsReadyMs = performance.now() - coldStarted;
				second.worker.terminate();
				return {
					buildMs,
					saveMs,
					p50,
					p95,
					hitAt1: hitAt1 / queries.length,
					coldStartMs,
					firstQueryMs,
					wordsReadyMs,
					answersReadyMs,
					answerQueryFound: answersAttached && answerHits[0]?.id === answerQuery.expected,
					restored: opened.restored,
					words: firstWords && secondWords,
					entries: opened.entries,
					builtMemory,
					coldMemory
				};
			},
			{ runs: RUNS, answerQuery }
		);
		return { version: browser.version(), ...figures };
	} finally {
		await browser.close();
		server.close();
	}
}

const rowsStarted = performance.now();
const entries = generateEntries(ENTRIES, undefined, { realisticAnswers: true });
const queries = generateQueries(entries, QUERIES);
const answerQueries = generateAnswerQueries(entries, ANSWER_QUERIES);
const answerCharacters = entries.map((entry) => entry.answerText.length).sort((a, b) => a - b);
const questionCharacters = entries.reduce((sum, entry) => sum + [...questionText(entry)].length, 0);
console.error(
	`generated ${entries.length} entries and ${queries.length} queries in ${milliseconds(performance.now() - rowsStarted)}`
);

const results: Measured[] = [measureOurs(entries, queries, answerQueries)];
if (WITH_ANCHORS) {
	results.push(measureFlexSearch(entries, queries));
	results.push(measureMiniSearch(entries, queries));
}

let chromiumFigures: ChromiumFigures | undefined;
let workerBundle: { bytes: number; gzipBytes: number } | undefined;
if (WITH_CHROMIUM) {
	const directory = mkdtempSync(path.join(os.tmpdir(), 'search-bench-'));
	try {
		const bundled = await bundleWorker(directory);
		workerBundle = bundled;
		chromiumFigures = await measureChromium(entries, queries, answerQueries[0]!, bundled.file);
	} finally {
		rmSync(directory, { recursive: true, force: true });
	}
}

console.log('\nbench:search');
console.log(
	`machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, load average ${os
		.loadavg()
		.map((load) => load.toFixed(1))
		.join(' ')}; Node ${process.version}`
);
console.log(
	`data: ${entries.length} entries from ../shared/data/policy-qa.tsv (question + similar questions: ${(questionCharacters / entries.length).toFixed(0)} characters on average; answers in headed sections, median ${answerCharacters[answerCharacters.length >> 1]} characters, ${answerCharacters[Math.floor(answerCharacters.length * 0.1)]}–${answerCharacters[Math.floor(answerCharacters.length * 0.9)]} from the 10th to the 90th percentile, indexed whole), ${queries.length} colloquial queries and ${answerQueries.length} only an answer satisfies, ${RUNS} runs`
);
for (const row of results) report(row);
if (chromiumFigures && workerBundle) {
	const list = (values: number[]) => values.map(milliseconds).join(' / ');
	console.log(`\nChromium ${chromiumFigures.version} (Debian, headless), search worker bundled with esbuild`);
	const wasm = readFileSync(WORDS_WASM);
	console.log(
		`  worker bundle ${(workerBundle.bytes / 1024).toFixed(0)} kB, ${(workerBundle.gzipBytes / 1024).toFixed(0)} kB gzipped; word segmenter WebAssembly ${(wasm.length / 1024).toFixed(0)} kB, ${(gzipSync(new Uint8Array(wasm), { level: 9 }).length / 1024).toFixed(0)} kB gzipped (loaded: ${chromiumFigures.words})`
	);
	console.log(
		`  build in the worker (1 000 changes per message) ${milliseconds(chromiumFigures.buildMs)}; save to IndexedDB ${milliseconds(chromiumFigures.saveMs)}`
	);
	console.log(
		`  query p50 ${list(chromiumFigures.p50)}; p95 ${list(chromiumFigures.p95)} (page → worker → page, runs)`
	);
	console.log(`  made-from entry at rank 1: ${(chromiumFigures.hitAt1 * 100).toFixed(1)}%`);
	console.log(
		`  cold start (new worker, index loaded from IndexedDB: restored=${chromiumFigures.restored}, ${chromiumFigures.entries} entries) ${milliseconds(chromiumFigures.coldStartMs)}; first query then ${milliseconds(chromiumFigures.firstQueryMs)}; answers' index in ${milliseconds(chromiumFigures.answersReadyMs)} after the start (then an answer-only query first: ${chromiumFigures.answerQueryFound}); words in the ranking ${milliseconds(chromiumFigures.wordsReadyMs)} after the start`
	);
	const memoryOf = (memory: WorkerMemory | null) =>
		memory
			? `${megabytes(memory.heapBytes + memory.arrayBufferBytes)} (JS heap ${megabytes(memory.heapBytes)}, ArrayBuffers ${megabytes(memory.arrayBufferBytes)})`
			: 'not read';
	console.log(
		`  worker memory (Runtime.getHeapUsage): after building ${memoryOf(chromiumFigures.builtMemory)}; after a cold start, its answers and two queries ${memoryOf(chromiumFigures.coldMemory)}`
	);
}
console.log(
	JSON.stringify({
		entries: entries.length,
		queries: queries.length,
		runs: RUNS,
		node: results,
		chromium: chromiumFigures
	})
);
