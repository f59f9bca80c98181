// A cold start reads the answers' full-text index after the rest: question-like queries are answered before
// it is in, nothing added meanwhile is lost, nothing is saved without it, and a damaged one asks for a rebuild.
import { describe, expect, it } from 'vitest';
import { demoSearchableEntries } from '../../../tests/fixtures/demo-knowledge';
import { inProcessWorker } from '../../../tests/support/search-worker';
import { splitAnswerChunks } from './answer-chunks';
import { SearchClient } from './search-client';
import { SearchEngine } from './search-engine';
import {
	MemorySearchIndexStorage,
	SearchIndexKeeper,
	type LoadedSearchIndex,
	type SearchIndexStorage
} from './search-index-store';
import type { IndexChunk } from './search-types';
import type { SearchableEntry } from './searchable-entry';

const CARD = 'entry:shebao-card-reissue';
const card = demoSearchableEntries.find((entry) => entry.id === CARD)!;
/** Queries of every kind: questions as agents ask them, and details only answers state. */
const QUERIES = [
	...demoSearchableEntries.map((entry) => entry.standardQuestion),
	'12333',
	'工本费',
	'"工本费"',
	'户口簿',
	'设保卡补办',
	'居住正怎么办',
	'我孩子考试压力大睡不着'
];

function fullEngine(): SearchEngine {
	const engine = new SearchEngine();
	for (const entry of demoSearchableEntries) engine.add(entry);
	return engine;
}

const ids = (engine: SearchEngine, query: string) => engine.search(query).map((hit) => hit.id);

describe('SearchEngine with its answers attached later', () => {
	it('answers question-like queries without them, then exactly as a whole import does', () => {
		// Compared with a whole import: stored question lengths are rounded (entry-columns.ts).
		const chunks = fullEngine().export();
		const whole = SearchEngine.import(chunks);
		const { rest: first, answers } = splitAnswerChunks(chunks);
		expect(answers).toHaveLength(7);
		const engine = SearchEngine.import(first, { answersLater: true });
		expect(engine.answersPending).toBe(true);
		expect(ids(engine, '社保卡丢失了怎么补办')[0]).toBe(CARD);
		// 12333 stands only in answers: nothing to find it by yet.
		expect(ids(engine, '12333')).not.toContain(CARD);

		engine.attachAnswers(answers);
		expect(engine.answersPending).toBe(false);
		for (const query of QUERIES) expect(engine.search(query), query).toEqual(whole.search(query));
		expect(() => engine.attachAnswers(answers)).toThrow('already attached');
	});

	it('keeps the answers of entries added, replaced and removed meanwhile, as if they came after', () => {
		const renewed: SearchableEntry = {
			...card,
			answerText: '新的补办电话为96886，工本费免收。',
			sources: ''
		};
		const added: SearchableEntry = {
			...demoSearchableEntries[0]!,
			id: 'entry:new-hotline',
			standardQuestion: '老年人助餐服务怎么申请',
			similarQuestions: [],
			keywords: [],
			answerText: '拨打助餐热线88776655预约，社区食堂凭老年人优待证就餐。'
		};
		const removed = demoSearchableEntries.find(
			(entry) => entry.id !== CARD && /工本费/.test(entry.answerText)
		)!;
		const change = (engine: SearchEngine) => {
			engine.add(renewed);
			engine.add(added);
			engine.remove(removed.id);
		};
		const chunks = fullEngine().export();
		const direct = SearchEngine.import(chunks);
		change(direct);
		const { rest: first, answers } = splitAnswerChunks(chunks);

		const later = SearchEngine.import(first, { answersLater: true });
		change(later);
		expect(() => later.export()).toThrow('not attached');
		later.attachAnswers(answers);

		expect(ids(later, '96886')[0]).toBe(CARD);
		expect(ids(later, '88776655')[0]).toBe('entry:new-hotline');
		expect(ids(later, '12333')).not.toContain(CARD);
		expect(ids(later, '工本费')).not.toContain(removed.id);
		for (const query of [...QUERIES, '96886', '88776655'])
			expect(later.search(query), query).toEqual(direct.search(query));
		// And it stores what it holds: an export imported whole answers the same.
		const again = SearchEngine.import(later.export());
		for (const query of ['96886', '88776655', '工本费'])
			expect(again.search(query)).toEqual(later.search(query));
	});
});

/** A storage whose answers' read waits for `release` (or fails with `fail`). */
function heldStorage(inner: MemorySearchIndexStorage) {
	let release = () => {};
	let fail = () => {};
	let reads = 0;
	const storage: SearchIndexStorage = {
		async load(name): Promise<LoadedSearchIndex | undefined> {
			const loaded = await inner.load(name);
			if (!loaded?.answers) return loaded;
			const read = loaded.answers;
			return {
				...loaded,
				answers: () =>
					new Promise<IndexChunk[]>((resolve, reject) => {
						reads++;
						release = () => void read().then(resolve);
						fail = () => reject(new Error('search index: answerPostings cut short'));
					})
			};
		},
		save: (name, index) => inner.save(name, index),
		clear: (name) => inner.clear(name)
	};
	return { storage, release: () => release(), fail: () => fail(), reads: () => reads };
}

async function storedDemo(): Promise<MemorySearchIndexStorage> {
	const memory = new MemorySearchIndexStorage();
	const keeper = new SearchIndexKeeper('agent01$kb', memory);
	await keeper.open();
	keeper.engine = fullEngine();
	keeper.apply([], 12);
	await keeper.save();
	return memory;
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SearchIndexKeeper opening a stored index', () => {
	it('answers before the answers are read, and saves only once they are in, with what came meanwhile', async () => {
		const memory = await storedDemo();
		const held = heldStorage(memory);
		const keeper = new SearchIndexKeeper('agent01$kb', held.storage);
		expect(await keeper.open()).toBe(true);
		expect(keeper.engine.answersPending).toBe(true);
		expect(keeper.engine.search('社保卡丢失了怎么补办')[0]?.id).toBe(CARD);
		keeper.apply([], 13);

		let saved = false;
		const saving = keeper.save().then(() => (saved = true));
		await settled();
		expect(saved).toBe(false);
		expect((await memory.load('agent01$kb'))!.sequence).toBe(12);

		held.release();
		expect(await keeper.answersAttached()).toBe(true);
		await saving;
		expect(keeper.engine.search('12333')[0]?.id).toBe(CARD);
		expect((await memory.load('agent01$kb'))!.sequence).toBe(13);
		expect(held.reads()).toBe(1);
	});

	it('says so when the answers cannot be read, and never saves over the stored copy without them', async () => {
		const memory = await storedDemo();
		const held = heldStorage(memory);
		const keeper = new SearchIndexKeeper('agent01$kb', held.storage);
		await keeper.open();
		keeper.apply([], 13);
		held.fail();
		expect(await keeper.answersAttached()).toBe(false);
		await keeper.save();
		expect((await memory.load('agent01$kb'))!.sequence).toBe(12);
		// The rebuild starts from nothing, whole.
		await keeper.reset();
		expect(keeper.engine.answersPending).toBe(false);
		expect(await keeper.answersAttached()).toBe(true);
	});
});

describe('SearchClient over a stored index', () => {
	it('reports the answers loading, then searched; or unavailable when they cannot be read', async () => {
		for (const readable of [true, false]) {
			const held = heldStorage(await storedDemo());
			const client = new SearchClient(() => inProcessWorker(held.storage));
			const opened = await client.open('agent01$kb');
			expect(opened).toMatchObject({ restored: true, answers: false });
			expect(client.state.answers).toBe('loading');
			expect((await client.search('社保卡丢失了怎么补办'))[0]?.id).toBe(CARD);
			await settled();
			if (readable) held.release();
			else held.fail();
			expect(await client.answersAttached()).toBe(readable);
			expect(client.state.answers).toBe(readable ? 'ready' : 'unavailable');
			if (readable) expect((await client.search('12333'))[0]?.id).toBe(CARD);
			else {
				await client.reset();
				expect(client.state.answers).toBe('ready');
			}
			client.close();
		}
	});
});
