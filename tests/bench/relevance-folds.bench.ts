// npm run bench:relevance — the relevance check every ranking change must pass (issue 16): both dev sets
// (LCQMC and AFQMC paraphrase pairs in ../shared/data), each split into folds by paraphrase group, our
// search against a plain BM25 over character uni+bigrams in the same run, R@1 and MRR@10 per fold. A change
// is kept only when the worst fold of each set improves: a gain on one file is not a gain.
//
// The protocol is ../shared/bench/relevance.mjs's (every distinct sentence one entry, every sentence with a
// paraphrase partner a query, the query's own entry ignored, hits correct when in the query's group), run
// in-process over the engine the browser runs, so the folds cost one build per file. Nothing here learns
// from the pairs: they only measure.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SearchEngine } from '../../src/lib/search/search-engine';

const FILES = ['pairs-lcqmc-dev.tsv', 'pairs-afqmc-dev.tsv'];
const FOLDS = Number(process.env.BENCH_FOLDS ?? 5);
const TOP = 11;
const dataFolder = path.resolve(import.meta.dirname, '../../../shared/data');

interface DevSet {
	texts: string[];
	queries: number[];
	/** The paraphrase group of each sentence (union of positive pairs). */
	groupOf: number[];
}

function readDevSet(file: string): DevSet {
	const rows = readFileSync(path.join(dataFolder, file), 'utf8')
		.split('\n')
		.slice(1)
		.filter(Boolean)
		.map((line) => line.split('\t'));
	const ids = new Map<string, number>();
	const texts: string[] = [];
	const idOf = (text: string) => {
		let id = ids.get(text);
		if (id === undefined) {
			id = texts.length;
			ids.set(text, id);
			texts.push(text);
		}
		return id;
	};
	for (const [a, b] of rows) {
		idOf(a!);
		idOf(b!);
	}
	const parent = texts.map((_, index) => index);
	const root = (x: number): number => {
		while (parent[x] !== x) {
			parent[x] = parent[parent[x]!]!;
			x = parent[x]!;
		}
		return x;
	};
	const queried = new Set<number>();
	for (const [a, b, label] of rows) {
		if (label !== '1') continue;
		const x = root(ids.get(a!)!);
		const y = root(ids.get(b!)!);
		if (x !== y) parent[x] = y;
		queried.add(ids.get(a!)!);
		queried.add(ids.get(b!)!);
	}
	return { texts, queries: [...queried], groupOf: texts.map((_, index) => root(index)) };
}

/** A group's fold from its smallest member's text: stable whatever the file's order. */
function foldOf(set: DevSet, group: number, folds: number): number {
	let hash = 2166136261;
	for (const character of set.texts[group]!) {
		hash ^= character.codePointAt(0)!;
		hash = Math.imul(hash, 16777619) >>> 0;
	}
	return hash % folds;
}

/** ../shared/bench/relevance.mjs's baseline: BM25 (k1 1.2, b 0.75) over character unigrams and bigrams. */
function baselineSearch(texts: readonly string[]): (query: string) => Hit[] {
	const normalize = (text: string) => text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
	const grams = (text: string) => {
		const characters = [...normalize(text)];
		const out = [...characters];
		for (let i = 0; i + 1 < characters.length; i++) out.push(characters[i]! + characters[i + 1]!);
		return out;
	};
	const documents = texts.map(grams);
	const postings = new Map<string, Array<[number, number]>>();
	let average = 0;
	documents.forEach((document, index) => {
		average += document.length;
		const frequencies = new Map<string, number>();
		for (const gram of document) frequencies.set(gram, (frequencies.get(gram) ?? 0) + 1);
		for (const [gram, count] of frequencies) {
			if (!postings.has(gram)) postings.set(gram, []);
			postings.get(gram)!.push([index, count]);
		}
	});
	average /= documents.length;
	const total = documents.length;
	return (query) => {
		const scores = new Map<number, number>();
		for (const gram of new Set(grams(query))) {
			const list = postings.get(gram);
			if (!list) continue;
			const idf = Math.log(1 + (total - list.length + 0.5) / (list.length + 0.5));
			for (const [index, count] of list) {
				const norm = 1 - 0.75 + (0.75 * documents[index]!.length) / average;
				scores.set(index, (scores.get(index) ?? 0) + (idf * count * 2.2) / (count + 1.2 * norm));
			}
		}
		return [...scores]
			.sort((x, y) => y[1] - x[1])
			.slice(0, TOP)
			.map(([id]) => ({ id }));
	};
}

interface Hit {
	id: number;
	/** Ours only: how much of the query the hit's question holds. */
	strength?: number;
}

/** Our engine over these sentences, each an entry known by its index in the file. */
function engineOver(sentences: ReadonlyArray<{ text: string; index: number }>): SearchEngine {
	const engine = new SearchEngine();
	for (const { text, index } of sentences)
		engine.add({
			id: String(index),
			standardQuestion: text,
			similarQuestions: [],
			keywords: [],
			answerText: '',
			categoryId: '',
			region: '全省',
			template: 'faq'
		});
	return engine;
}

function ourSearch(texts: readonly string[]): (query: string) => Hit[] {
	const engine = engineOver(texts.map((text, index) => ({ text, index })));
	return (query) =>
		engine.search(query, { limit: TOP }).map((hit) => ({ id: Number(hit.id), strength: hit.strength }));
}

interface Scores {
	r1: number;
	mrr: number;
	queries: number;
}

/** First hits (the query's own entry skipped): how strong, and whether right. */
type FirstHit = { strength: number; correct: boolean };

function scoreFolds(
	set: DevSet,
	hitsOf: (query: string) => Hit[]
): { folds: Scores[]; firstHits: FirstHit[] } {
	const folds = Array.from({ length: FOLDS }, () => ({ r1: 0, mrr: 0, queries: 0 }));
	const firstHits: FirstHit[] = [];
	for (const query of set.queries) {
		const fold = folds[foldOf(set, set.groupOf[query]!, FOLDS)]!;
		const hits = hitsOf(set.texts[query]!.replace(/\n/g, ' '))
			.filter((hit) => hit.id !== query)
			.slice(0, 10);
		const rank = hits.findIndex((hit) => set.groupOf[hit.id] === set.groupOf[query]);
		if (hits[0]?.strength !== undefined) firstHits.push({ strength: hits[0].strength, correct: rank === 0 });
		fold.queries++;
		if (rank === 0) fold.r1++;
		if (rank >= 0) fold.mrr += 1 / (rank + 1);
	}
	return {
		folds: folds.map((fold) => ({
			r1: fold.r1 / fold.queries,
			mrr: fold.mrr / fold.queries,
			queries: fold.queries
		})),
		firstHits
	};
}

const fixed = (value: number) => value.toFixed(4);

/**
 * What a 匹配度低 threshold would flag: the right first hits of answerable queries (which it should leave
 * alone), the wrong ones, and the first hits of unanswerable queries (fold 1's queries asked of a knowledge
 * base without fold 1's groups, so nothing right is there).
 */
function strengthTable(file: string, set: DevSet, firstHits: readonly FirstHit[]) {
	const right = firstHits.filter((hit) => hit.correct);
	const wrong = firstHits.filter((hit) => !hit.correct);
	const heldOut = set.texts.map((_, index) => foldOf(set, set.groupOf[index]!, FOLDS) === 0);
	const kept = set.texts.flatMap((text, index) => (heldOut[index] ? [] : [{ text, index }]));
	const engine = engineOver(kept);
	const unanswerable = set.queries
		.filter((query) => heldOut[query])
		.map((query) => engine.search(set.texts[query]!.replace(/\n/g, ' '), { limit: 1 })[0]?.strength ?? 0);
	const share = (strengths: number[], below: number) =>
		((100 * strengths.filter((strength) => strength < below).length) / Math.max(1, strengths.length)).toFixed(
			1
		);
	const strengths = (hits: readonly FirstHit[]) => hits.map((hit) => hit.strength);
	console.log(
		`\n${file}: flagged 匹配度低 below a strength of … (first hits: ${right.length} right, ${wrong.length} wrong; ${unanswerable.length} queries without an answer)`
	);
	console.log('| threshold | right first hits | wrong first hits | queries without an answer |');
	console.log('| --------- | ---------------- | ---------------- | ------------------------- |');
	for (const below of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6])
		console.log(
			`| ${below} | ${share(strengths(right), below)} % | ${share(strengths(wrong), below)} % | ${share(unanswerable, below)} % |`
		);
}

console.log(
	`relevance by fold: ${FOLDS} folds by paraphrase group; ${os.cpus()[0]?.model.trim()}, Node ${process.version}`
);
const summary: string[] = [];
for (const file of FILES) {
	const set = readDevSet(file);
	const startedAt = performance.now();
	const base = scoreFolds(set, baselineSearch(set.texts)).folds;
	const { folds: ours, firstHits } = scoreFolds(set, ourSearch(set.texts));
	const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
	console.log(`\n${file}: ${set.texts.length} entries, ${set.queries.length} queries (${seconds} s)`);
	console.log('| fold | queries | BM25 R@1 | ours R@1 | ratio | BM25 MRR@10 | ours MRR@10 |');
	console.log('| ---- | ------- | -------- | -------- | ----- | ----------- | ----------- |');
	const ratios = ours.map((fold, index) => fold.r1 / base[index]!.r1);
	ours.forEach((fold, index) => {
		const baseline = base[index]!;
		console.log(
			`| ${index + 1} | ${fold.queries} | ${fixed(baseline.r1)} | ${fixed(fold.r1)} | ×${ratios[index]!.toFixed(3)} | ${fixed(baseline.mrr)} | ${fixed(fold.mrr)} |`
		);
	});
	const weighted = (scores: Scores[]) =>
		scores.reduce((sum, fold) => sum + fold.r1 * fold.queries, 0) / set.queries.length;
	const whole = weighted(ours) / weighted(base);
	strengthTable(file, set, firstHits);
	summary.push(
		`${file}: whole ×${whole.toFixed(3)} (R@1 ${fixed(weighted(ours))} vs ${fixed(weighted(base))}), worst fold ×${Math.min(...ratios).toFixed(3)}, best ×${Math.max(...ratios).toFixed(3)}`
	);
}
console.log(`\nsummary\n${summary.join('\n')}`);
