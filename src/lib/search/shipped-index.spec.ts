// The index a server ships: built from pub's documents, packed and read back, it answers as one built in the
// browser; the copy that follows re-indexes only changed revisions; what the copy never brought is removed
// once it is complete, also after a reload in between.
import { describe, expect, it } from 'vitest';
import type { PublishedEntry, Synonym } from '$lib/db/generated/documents';
import { publicationOf } from '$lib/knowledge/workflow/publication';
import { draftEntry } from '../../../tests/fixtures/documents';
import { MemorySearchIndexStorage, SearchIndexKeeper, type IndexChange } from './search-index-store';
import { ShippedIndexBuilder, unpackShippedIndex, type ShippedIndex } from './shipped-index';

type Revised<T> = T & { _rev: string };

const published = (id: string, standardQuestion: string, rev = '1-a'): Revised<PublishedEntry> => ({
	...publicationOf(
		draftEntry({ _id: id, standardQuestion, similarQuestions: [], keywords: [], status: 'published' })
	)!,
	_rev: rev
});
const synonym: Revised<Synonym> = {
	_id: 'synonym:社保卡',
	_rev: '1-s',
	type: 'synonym',
	terms: ['社保卡', '社会保障卡'],
	updatedBy: 'editor01',
	updatedAt: '2026-03-01T08:00:00.000Z'
};
const pub = [
	published('entry:card', '社保卡丢了怎么补办'),
	published('entry:fund', '公积金怎么提取'),
	published('entry:permit', '居住证怎么办理'),
	synonym
];
const put = (doc: { _id: string }): IndexChange => ({
	id: doc._id,
	deleted: false,
	doc: doc as IndexChange['doc']
});

async function shipped(docs = pub): Promise<ShippedIndex> {
	const builder = new ShippedIndexBuilder();
	builder.add(docs);
	builder.add([{ _id: 'category:x', _rev: '1-c' }]);
	const { doc, blob } = builder.finish('pub', '42', new Date('2026-12-06T01:00:00.000Z'));
	expect(doc).toMatchObject({ type: 'searchIndex', source: 'pub', entries: 3, sourceSequence: '42' });
	return unpackShippedIndex(doc, blob);
}

async function seededKeeper(storage = new MemorySearchIndexStorage()) {
	const keeper = new SearchIndexKeeper('agent01$kb', storage);
	await keeper.open();
	expect(keeper.seed(await shipped())).toBe(true);
	return keeper;
}

const first = (keeper: SearchIndexKeeper, query: string) => keeper.engine.search(query)[0]?.id;

describe('the shipped search index', () => {
	it('answers as an index built in the browser, synonyms included', async () => {
		const keeper = await seededKeeper();
		const local = new SearchIndexKeeper('local', new MemorySearchIndexStorage());
		await local.open();
		local.apply(pub.map(put), 4);
		for (const query of ['社会保障卡丢了', '公积金提取', '居住证'])
			expect(keeper.engine.search(query).map((hit) => hit.id)).toEqual(
				local.engine.search(query).map((hit) => hit.id)
			);
		expect(first(keeper, '社会保障卡丢了')).toBe('entry:card');
		expect(keeper.shippedPending).toBe(true);
	});

	it('seeds only an empty index', async () => {
		const keeper = new SearchIndexKeeper('agent01$kb', new MemorySearchIndexStorage());
		await keeper.open();
		keeper.apply([put(published('entry:other', '驾驶证换证'))], 1);
		expect(keeper.seed(await shipped())).toBe(false);
		expect(keeper.engine.size).toBe(1);
	});

	it('skips the revisions it holds and indexes newer ones', async () => {
		const keeper = await seededKeeper();
		expect(keeper.apply(pub.map(put), 4)).toBe(0);
		const revised = { ...published('entry:fund', '住房公积金提取需要什么材料'), _rev: '2-b' };
		expect(keeper.apply([put(revised)], 5)).toBe(1);
		expect(first(keeper, '公积金提取需要什么材料')).toBe('entry:fund');
		expect(keeper.engine.size).toBe(3);
	});

	it('removes, once the copy is complete, what the copy never brought (deleted on the server meanwhile)', async () => {
		const keeper = await seededKeeper();
		keeper.apply([put(pub[0]!), put(pub[1]!)], 2);
		expect(keeper.settleShipped()).toBe(1);
		expect(keeper.engine.has('entry:permit')).toBe(false);
		expect(keeper.synonymGroups).toEqual([]);
		expect(keeper.shippedPending).toBe(false);
		expect(keeper.settleShipped()).toBe(0);
	});

	it('keeps what waits to be reconciled across a reload', async () => {
		const storage = new MemorySearchIndexStorage();
		const keeper = await seededKeeper(storage);
		keeper.apply([put(pub[0]!)], 1);
		await keeper.save();
		const reloaded = new SearchIndexKeeper('agent01$kb', storage);
		expect(await reloaded.open()).toBe(true);
		expect(reloaded.shippedPending).toBe(true);
		expect(reloaded.apply([put(pub[1]!), put(pub[3]!)], 3)).toBe(0);
		expect(reloaded.settleShipped()).toBe(1);
		expect(reloaded.engine.has('entry:permit')).toBe(false);
		await reloaded.save();
		expect((await storage.load('agent01$kb'))?.shippedRevisions).toBeUndefined();
	});

	it('forgets a deleted document instead of skipping it', async () => {
		const keeper = await seededKeeper();
		expect(keeper.apply([{ id: pub[2]!._id, deleted: true }], 1)).toBe(1);
		expect(keeper.engine.has('entry:permit')).toBe(false);
	});
});
