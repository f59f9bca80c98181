import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { beforeAll, describe, expect, it } from 'vitest';
import { draftEntry } from '../../../tests/fixtures/documents';
import { allWordsPattern, entrySelector } from './entry-query';

PouchDB.plugin(memoryAdapter);

// The selectors run against a real PouchDB the way the repository runs them: the changes feed, backwards.
const db = new PouchDB(`entry-query-${Math.random()}`, { adapter: 'memory' });

beforeAll(async () => {
	// Written oldest first: the feed read backwards returns the latest change first.
	await db.bulkDocs([
		draftEntry({
			_id: 'entry:regex',
			standardQuestion: '费用是多少(元)？',
			similarQuestions: [],
			updatedAt: '2026-02-01T00:00:00.000Z'
		}),
		draftEntry({
			_id: 'entry:both',
			standardQuestion: '社保卡和公积金一起办',
			similarQuestions: [],
			status: 'published',
			updatedAt: '2026-03-01T00:00:00.000Z'
		}),
		draftEntry({
			_id: 'entry:fund',
			standardQuestion: '公积金怎么提取？',
			similarQuestions: ['租房能取社保卡里的钱吗'],
			updatedAt: '2026-03-02T00:00:00.000Z'
		}),
		draftEntry({
			_id: 'entry:card',
			standardQuestion: '社保卡丢了怎么补办？',
			similarQuestions: ['卡掉了咋办'],
			status: 'published',
			updatedAt: '2026-03-03T00:00:00.000Z'
		})
	]);
});

async function ids(filter: Parameters<typeof entrySelector>[0]) {
	const result = await db.changes({
		descending: true,
		include_docs: true,
		limit: 10,
		selector: { type: 'entry', ...entrySelector(filter) }
	});
	return result.results.map((row) => row.id);
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
	])('%o → %o, most recently changed first', async (filter, expected) => {
		expect(await ids(filter)).toEqual(expected);
	});

	it('treats regular-expression signs as plain text', () => {
		expect(allWordsPattern('a.b (c)')).toBe('(?=[\\s\\S]*a\\.b)(?=[\\s\\S]*\\(c\\))');
	});
});
