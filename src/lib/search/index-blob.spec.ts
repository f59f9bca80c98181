import { describe, expect, it } from 'vitest';
import { packChunks, unpackChunks } from './index-blob';
import { SearchEngine } from './search-engine';
import type { IndexChunk } from './search-types';

describe('index chunks as one Blob', () => {
	it('gives back every chunk as it was: text of any script, numbers and bytes of odd lengths', async () => {
		const chunks: IndexChunk[] = [
			{ key: 'questions', data: '社保卡丢了怎么补办\n𠮷野家在哪\u0002公积金' },
			{ key: 'bom', data: '\uFEFF开头' },
			{ key: 'empty', data: '' },
			{ key: 'odd', data: new Uint8Array([1, 2, 3]) },
			{ key: 'numbers', data: Int32Array.from([0, -1, 2 ** 31 - 1, 42]) },
			{ key: 'latin', data: 'entry:a\nentry:b' }
		];
		const { blob, places } = packChunks(chunks);
		expect(await unpackChunks(blob, places)).toEqual(chunks);
	});

	it('restores an engine that answers the same', async () => {
		const engine = new SearchEngine();
		engine.add({
			id: 'entry:card',
			standardQuestion: '社会保障卡丢失后怎么补办',
			similarQuestions: ['社保卡丢了怎么办'],
			keywords: ['社保卡'],
			answerText: '携带居民身份证到社保经办网点办理。',
			categoryId: 'category:social',
			region: '全省',
			template: 'faq'
		});
		const { blob, places } = packChunks(engine.export());
		const restored = SearchEngine.import(await unpackChunks(blob, places));
		expect(restored.search('社保卡丢了')).toEqual(engine.search('社保卡丢了'));
		expect(restored.search('社保卡丢了')).toHaveLength(1);
	});

	it('reads any part of the chunks on its own, by the bytes they span', async () => {
		const chunks: IndexChunk[] = [
			{ key: 'head', data: '问题' },
			{ key: 'middle', data: Int32Array.from([7, 8]) },
			{ key: 'tail', data: new Uint8Array([9]) },
			{ key: 'last', data: '答案全文' }
		];
		const { blob, places } = packChunks(chunks);
		expect(await unpackChunks(blob, places.slice(2))).toEqual(chunks.slice(2));
		expect(await unpackChunks(blob, places.slice(0, 2))).toEqual(chunks.slice(0, 2));
		expect(await unpackChunks(blob, [])).toEqual([]);
	});

	it('refuses a Blob shorter than its manifest says', async () => {
		const { blob, places } = packChunks([{ key: 'postings', data: new Uint8Array(16) }]);
		await expect(unpackChunks(blob.slice(0, 8), places)).rejects.toThrow('postings');
	});
});
