import { describe, expect, it } from 'vitest';
import type { Entry, PublishedEntry, Synonym } from '$lib/db/generated/documents';
import { publicationIdOf, publicationOf } from '$lib/knowledge/workflow/publication';
import { draftEntry } from '../../../tests/fixtures/documents';
import { inProcessWorker } from '../../../tests/support/search-worker';
import {
	MemorySearchIndexStorage,
	SearchIndexKeeper,
	STORED_INDEX_FORMAT,
	type IndexChange
} from './search-index-store';
import { SAVE_DELAY_MS, type Scheduler } from './search-worker-handler';
import { SearchClient, type SearchWorkerPort } from './search-client';
import type { SearchResponse } from './search-protocol';

/** The publication of entry `id` (what agents are shown), as reviewers write it. */
const published = (
	id: string,
	standardQuestion: string,
	more: Partial<PublishedEntry> = {}
): PublishedEntry => ({
	...publicationOf(
		draftEntry({
			_id: id,
			standardQuestion,
			similarQuestions: [],
			keywords: [],
			answerText: '',
			status: 'published'
		})
	)!,
	...more
});

const put = (doc: Entry | PublishedEntry | Synonym): IndexChange => ({ id: doc._id, deleted: false, doc });
/** A synonym document, or the publication of an entry (named by the entry's id), was deleted. */
const gone = (id: string): IndexChange => ({
	id: id.startsWith('entry:') ? publicationIdOf(id) : id,
	deleted: true
});

const synonym = (id: string, terms: [string, string, ...string[]]): Synonym => ({
	_id: id,
	type: 'synonym',
	terms,
	updatedBy: 'editor01',
	updatedAt: '2026-03-01T08:00:00.000Z'
});

const first = (keeper: SearchIndexKeeper, query: string) => keeper.engine.search(query)[0]?.id;

describe('SearchIndexKeeper', () => {
	it('starts empty without a stored index, and indexes only published entries', async () => {
		const keeper = new SearchIndexKeeper('agent01$kb', new MemorySearchIndexStorage());
		expect(await keeper.open()).toBe(false);
		expect(keeper.sequence).toBe(0);
		const changed = keeper.apply(
			[
				put(published('entry:card', '社保卡丢了怎么补办')),
				put(draftEntry({ _id: 'entry:draft', standardQuestion: '公积金怎么提取', status: 'draft' })),
				{ id: 'category:x', deleted: false, doc: { _id: 'category:x', type: 'category' } }
			],
			3
		);
		expect(changed).toBe(1);
		expect(keeper.sequence).toBe(3);
		expect(first(keeper, '社保卡补办')).toBe('entry:card');
		expect(keeper.engine.search('公积金提取')).toEqual([]);
	});

	it('reads publications only: an entry document, forged or not, changes nothing agents find', () => {
		const keeper = new SearchIndexKeeper('agent01$kb', new MemorySearchIndexStorage());
		keeper.apply([put(published('entry:card', '社保卡丢了怎么补办'))], 1);
		const forgedDraft = draftEntry({
			_id: 'entry:card',
			standardQuestion: '社保卡丢了怎么补办',
			status: 'draft'
		});
		const publishedEntryDocument = draftEntry({
			_id: 'entry:other',
			standardQuestion: '公积金怎么提取',
			status: 'published'
		});
		expect(
			keeper.apply([put(forgedDraft), put(publishedEntryDocument), { id: 'entry:card', deleted: true }], 2)
		).toBe(0);
		expect(first(keeper, '社保卡补办')).toBe('entry:card');
		expect(keeper.engine.search('公积金提取')).toEqual([]);
	});

	it('in an editor’s browser, which holds entries and not their publications, indexes entries as published', () => {
		const keeper = new SearchIndexKeeper('editor01$kb', new MemorySearchIndexStorage(), true);
		const card = draftEntry({
			_id: 'entry:card',
			standardQuestion: '社保卡丢了怎么补办',
			status: 'published'
		});
		const draft = draftEntry({ _id: 'entry:fund', standardQuestion: '公积金怎么提取', status: 'draft' });
		expect(keeper.apply([put(card), put(draft)], 2)).toBe(1);
		expect(first(keeper, '社保卡补办')).toBe('entry:card');
		expect(keeper.engine.search('公积金提取')).toEqual([]);
		// A pending revision is not what agents see: the entry's published content stays indexed.
		const revising = {
			...card,
			revision: { ...card, status: 'inReview', baseVersion: 1, standardQuestion: '医保卡丢了怎么补办' }
		} as unknown as Entry;
		keeper.apply([put(revising)], 3);
		expect(first(keeper, '社保卡补办')).toBe('entry:card');
		keeper.apply([put({ ...card, status: 'archived' })], 4);
		expect(keeper.engine.search('社保卡补办')).toEqual([]);
		keeper.apply([put(card), { id: 'entry:card', deleted: true }], 6);
		expect(keeper.engine.search('社保卡补办')).toEqual([]);
	});

	it('updates, archives and deletes entries as the feed says', () => {
		const keeper = new SearchIndexKeeper('agent01$kb', new MemorySearchIndexStorage());
		keeper.apply(
			[put(published('entry:a', '社保卡丢了怎么补办')), put(published('entry:b', '公积金怎么提取'))],
			2
		);
		keeper.apply([put(published('entry:a', '居住证怎么办理'))], 3);
		expect(first(keeper, '居住证办理')).toBe('entry:a');
		expect(keeper.engine.search('社保卡补办').map((hit) => hit.id)).not.toContain('entry:a');
		keeper.apply([put(published('entry:b', '公积金怎么提取', { status: 'archived' }))], 4);
		expect(keeper.engine.has('entry:b')).toBe(false);
		keeper.apply([gone('entry:a')], 5);
		expect(keeper.engine.size).toBe(0);
		expect(keeper.apply([gone('entry:never')], 6)).toBe(0);
	});

	it('follows the editors’ synonym documents', () => {
		const keeper = new SearchIndexKeeper('agent01$kb', new MemorySearchIndexStorage());
		keeper.apply(
			[put(published('entry:a', '结婚证怎么办理')), put(published('entry:b', '老年人优待证怎么办理'))],
			1
		);
		expect(first(keeper, '乐龄卡怎么办理')).toBe('entry:a');
		keeper.apply([put(synonym('synonym:1', ['乐龄卡', '老年人优待证']))], 2);
		expect(keeper.synonymGroups).toEqual([['乐龄卡', '老年人优待证']]);
		expect(first(keeper, '乐龄卡怎么办理')).toBe('entry:b');
		keeper.apply([gone('synonym:1')], 3);
		expect(first(keeper, '乐龄卡怎么办理')).toBe('entry:a');
	});

	it('saves the index with its sequence and synonyms, and a reload continues from there', async () => {
		const storage = new MemorySearchIndexStorage();
		const keeper = new SearchIndexKeeper('agent01$kb', storage);
		await keeper.open();
		keeper.apply(
			[
				put(published('entry:a', '社保卡丢了怎么补办')),
				put(published('entry:b', '老年人优待证怎么办理')),
				put(synonym('synonym:1', ['乐龄卡', '老年人优待证']))
			],
			'7-abc'
		);
		expect(keeper.dirty).toBe(true);
		await keeper.save(new Date('2026-03-02T00:00:00Z'));
		expect(keeper.dirty).toBe(false);
		expect(storage.saved.get('agent01$kb')).toMatchObject({
			format: STORED_INDEX_FORMAT,
			sequence: '7-abc',
			synonyms: { 'synonym:1': ['乐龄卡', '老年人优待证'] },
			savedAt: '2026-03-02T00:00:00.000Z'
		});

		const reloaded = new SearchIndexKeeper('agent01$kb', storage);
		expect(await reloaded.open()).toBe(true);
		expect(reloaded.sequence).toBe('7-abc');
		expect(reloaded.engine.size).toBe(2);
		expect(first(reloaded, '乐龄卡')).toBe('entry:b');
		reloaded.apply([gone('entry:a'), put(published('entry:c', '公积金怎么提取'))], '9-def');
		expect(reloaded.engine.search('社保卡补办')).toEqual([]);
		expect(first(reloaded, '公积金提取')).toBe('entry:c');
		// Nothing changed since the last save: nothing written.
		await reloaded.save();
		await reloaded.save();
		expect((await storage.load('agent01$kb'))!.sequence).toBe('9-def');
	});

	it('rebuilds when the stored index is of another format or unreadable', async () => {
		const storage = new MemorySearchIndexStorage();
		const keeper = new SearchIndexKeeper('agent01$kb', storage);
		keeper.apply([put(published('entry:a', '社保卡丢了怎么补办'))], 5);
		await keeper.save();
		storage.saved.get('agent01$kb')!.format = STORED_INDEX_FORMAT + 1;
		const other = new SearchIndexKeeper('agent01$kb', storage);
		expect(await other.open()).toBe(false);
		expect(other.sequence).toBe(0);

		const broken = new SearchIndexKeeper('agent01$kb', {
			load: () => Promise.reject(new Error('quota')),
			save: () => Promise.resolve(),
			clear: () => Promise.resolve()
		});
		expect(await broken.open()).toBe(false);
	});

	it('asks for a rebuild once many entries were replaced, and reset forgets the stored copy', async () => {
		const storage = new MemorySearchIndexStorage();
		const keeper = new SearchIndexKeeper('agent01$kb', storage);
		keeper.apply([put(published('entry:a', '社保卡补办')), put(published('entry:b', '公积金提取'))], 1);
		await keeper.save();
		expect(keeper.needsRebuild).toBe(false);
		keeper.apply([put(published('entry:a', '社保卡挂失')), put(published('entry:b', '公积金贷款'))], 2);
		expect(keeper.needsRebuild).toBe(true);
		await keeper.reset();
		expect(keeper.sequence).toBe(0);
		expect(keeper.engine.size).toBe(0);
		expect(storage.saved.has('agent01$kb')).toBe(false);
	});
});

describe('SearchClient with the worker handler', () => {
	it('opens, applies changes, searches and reports its state', async () => {
		const storage = new MemorySearchIndexStorage();
		const client = new SearchClient(() => inProcessWorker(storage));
		const phases: string[] = [];
		const unsubscribe = client.subscribe((state) => phases.push(state.phase));
		// In Node the word segmenter is there from the start (the browser fetches it, see word-segmenter.ts).
		expect(await client.open('agent01$kb')).toEqual({
			restored: false,
			sequence: 0,
			entries: 0,
			words: true,
			shippedPending: false,
			answers: true
		});
		const applied = await client.applyChanges([put(published('entry:a', '社保卡丢了怎么补办'))], 4);
		expect(applied).toEqual({ sequence: 4, entries: 1, changed: 1, needsRebuild: false });
		client.markReady();
		expect(client.state).toMatchObject({
			phase: 'ready',
			entries: 1,
			sequence: 4,
			restored: false,
			words: 'ready'
		});
		const hits = await client.search('社保卡补办', { limit: 5 });
		expect(hits.map((hit) => hit.id)).toEqual(['entry:a']);
		expect(phases).toEqual(['starting', 'indexing', 'indexing', 'ready']);
		unsubscribe();

		await client.save();
		client.close();
		const again = new SearchClient(() => inProcessWorker(storage));
		// Whether its answers' part is read yet: answers-later.spec.ts.
		expect(await again.open('agent01$kb')).toMatchObject({
			restored: true,
			sequence: 4,
			entries: 1,
			words: true,
			shippedPending: false
		});
		again.close();
	});

	it('saves a while after the last change, not after each one', async () => {
		const storage = new MemorySearchIndexStorage();
		const scheduled: { callback: () => void; ms: number }[] = [];
		const scheduler: Scheduler = {
			set: (callback, ms) => scheduled.push({ callback, ms }),
			clear: () => scheduled.splice(0)
		};
		const client = new SearchClient(() => inProcessWorker(storage, scheduler));
		await client.open('agent01$kb');
		await client.applyChanges([put(published('entry:a', '社保卡补办'))], 1);
		await client.applyChanges([put(published('entry:b', '公积金提取'))], 2);
		expect(scheduled).toHaveLength(1);
		expect(scheduled[0]!.ms).toBe(SAVE_DELAY_MS);
		expect(storage.saved.size).toBe(0);
		scheduled[0]!.callback();
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(storage.saved.get('agent01$kb')?.sequence).toBe(2);
		client.close();
	});

	it('shows a failed state when the index cannot be opened', async () => {
		const failing: SearchWorkerPort = {
			postMessage(message) {
				queueMicrotask(() =>
					listener?.({
						data: { id: message.id, type: 'error', message: '存储不可用' }
					} as MessageEvent<SearchResponse>)
				);
			},
			addEventListener(_type, callback) {
				listener = callback;
			},
			terminate() {}
		};
		let listener: ((event: MessageEvent<SearchResponse>) => void) | undefined;
		const client = new SearchClient(() => failing);
		await expect(client.open('agent01$kb')).rejects.toThrow('存储不可用');
		expect(client.state).toMatchObject({ phase: 'failed', error: '存储不可用' });
	});

	it('answers at once and tells when the words join the ranking, or that they cannot', async () => {
		for (const loaded of [true, false]) {
			let listener: ((event: MessageEvent<SearchResponse>) => void) | undefined;
			let finishLoading = () => {};
			const answer = (id: number, value: unknown) =>
				listener?.({ data: { id, type: 'result', value } } as MessageEvent<SearchResponse>);
			// A worker as the browser's: opened before the segmenter's WebAssembly has loaded.
			const browserLike: SearchWorkerPort = {
				postMessage(message) {
					if (message.type === 'open')
						answer(message.id, { restored: true, sequence: 3, entries: 1, words: false, answers: true });
					else if (message.type === 'words') finishLoading = () => answer(message.id, loaded);
					else if (message.type === 'search')
						answer(message.id, [{ id: 'entry:a', score: 1, matchedTerms: [] }]);
				},
				addEventListener(_type, callback) {
					listener = callback;
				},
				terminate() {}
			};
			const client = new SearchClient(() => browserLike);
			await client.open('agent01$kb');
			expect(client.state.words).toBe('loading');
			expect(await client.search('社保卡')).toHaveLength(1);
			finishLoading();
			await Promise.resolve();
			expect(client.state.words).toBe(loaded ? 'ready' : 'unavailable');
			client.close();
		}
	});

	it('reports errors as rejected promises', async () => {
		const client = new SearchClient(() => inProcessWorker(new MemorySearchIndexStorage()));
		await expect(client.search('社保卡')).rejects.toThrow('搜索索引尚未打开');
		client.close();
		await expect(client.search('社保卡')).rejects.toThrow();
	});
});
