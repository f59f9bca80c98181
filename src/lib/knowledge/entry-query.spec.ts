import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import PouchDBFind from 'pouchdb-find';
import { beforeAll, describe, expect, it } from 'vitest';
import { draftEntry } from '../../../tests/fixtures/documents';
import { allWordsPattern, entrySelector } from './entry-query';

PouchDB.plugin(memoryAdapter);
PouchDB.plugin(PouchDBFind);

// The selectors run against a real PouchDB with the same index and sort as the repository uses.
const db = new PouchDB(`entry-query-${Math.random()}`, { adapter: 'memory' });

beforeAll(async () => {
	await db.bulkDocs([
		draftEntry({
			_id: 'entry:card',
			standardQuestion: '社保卡丢了怎么补办？',
			similarQuestions: ['卡掉了咋办'],
			status: 'published',
			updatedAt: '2026-03-03T00:00:00.000Z'
		}),
		draftEntry({
			_id: 'entry:fund',
			standardQuestion: '公积金怎么提取？',
			similarQuestions: ['租房能取社保卡里的钱吗'],
			updatedAt: '2026-03-02T00:00:00.000Z'
		}),
		draftEntry({
			_id: 'entry:both',
			standardQuestion: '社保卡和公积金一起办',
			similarQuestions: [],
			status: 'published',
			updatedAt: '2026-03-01T00:00:00.000Z'
		}),
		draftEntry({
			_id: 'entry:regex',
			standardQuestion: '费用是多少(元)？',
			similarQuestions: [],
			updatedAt: '2026-02-01T00:00:00.000Z'
		})
	]);
	await db.createIndex({ index: { fields: ['type', 'updatedAt'] } });
});

async function ids(filter: Parameters<typeof entrySelector>[0]) {
	const result = await db.find({
		selector: { type: 'entry', updatedAt: { $gte: '' }, ...entrySelector(filter) },
		sort: [{ type: 'desc' }, { updatedAt: 'desc' }],
		limit: 10
	});
	return result.docs.map((doc) => doc._id);
}

describe('entry list queries', () => {
	it.each([
		[{}, ['entry:card', 'entry:fund', 'entry:both', 'entry:regex']],
		[{ text: '社保卡' }, ['entry:card', 'entry:fund', 'entry:both']],
		[{ text: '社保卡 公积金' }, ['entry:both']],
		[{ text: '公积金 社保卡' }, ['entry:both']],
		[{ text: '社保卡', status: 'published' }, ['entry:card', 'entry:both']],
		[{ text: '(元)' }, ['entry:regex']],
		[{ text: '   ' }, ['entry:card', 'entry:fund', 'entry:both', 'entry:regex']],
		[{ text: '不存在的词' }, []]
	])('%o → %o, newest first', async (filter, expected) => {
		expect(await ids(filter)).toEqual(expected);
	});

	it('treats regular-expression signs as plain text', () => {
		expect(allWordsPattern('a.b (c)')).toBe('(?=[\\s\\S]*a\\.b)(?=[\\s\\S]*\\(c\\))');
	});
});
