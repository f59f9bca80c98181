import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '$lib/db/generated/documents';
import { AT, draftEntry } from '../../../tests/fixtures/documents';
import { isReturnedTo, queueSelector, type EntryQueue } from './entry-query';

PouchDB.plugin(memoryAdapter);

// Each queue's selector runs against a real PouchDB changes feed, as the repository runs it.
const db = new PouchDB(`entry-queues-${Math.random()}`, { adapter: 'memory' });
const context = { userName: 'editor01', today: '2026-06-01', staleBefore: '2025-12-03T00:00:00.000Z' };
const published = (id: string, overrides: Partial<Entry> = {}) =>
	draftEntry({
		_id: `entry:${id}`,
		status: 'published',
		publishedAt: '2026-05-01T00:00:00.000Z',
		...overrides
	});
const revision = (status: 'draft' | 'inReview', createdBy: string): Entry['revision'] => ({
	...draftEntry(),
	status,
	baseVersion: 1,
	createdBy,
	createdAt: AT,
	updatedBy: createdBy,
	updatedAt: AT
});

beforeAll(async () => {
	const strip = ({ _id, ...rest }: Entry) => ({ _id, ...rest });
	await db.bulkDocs(
		[
			draftEntry({ _id: 'entry:mine' }),
			draftEntry({ _id: 'entry:theirs', createdBy: 'editor02' }),
			draftEntry({
				_id: 'entry:returned',
				history: [
					{ action: 'create', by: 'editor01', at: AT },
					{ action: 'submit', by: 'editor01', at: AT },
					{ action: 'reject', by: 'reviewer01', at: AT, comment: '请补充依据' },
					{ action: 'edit', by: 'editor01', at: AT }
				]
			}),
			draftEntry({ _id: 'entry:submitted', status: 'inReview' }),
			published('revised-by-me', { revision: revision('draft', 'editor01') }),
			published('revision-in-review', { revision: revision('inReview', 'editor02') }),
			published('expired', { validTo: '2026-05-31' }),
			published('ends-today', { validTo: '2026-06-01' }),
			published('open-ended', { validTo: null }),
			published('stale-confirmed', { lastReviewedAt: '2025-06-01T00:00:00.000Z' }),
			published('fresh-confirmed', {
				publishedAt: '2025-01-01T00:00:00.000Z',
				lastReviewedAt: '2026-05-01T00:00:00.000Z'
			}),
			published('stale-never-confirmed', { publishedAt: '2025-01-01T00:00:00.000Z' })
		].map(strip)
	);
});

async function ids(queue: EntryQueue): Promise<string[]> {
	const result = await db.changes({
		include_docs: true,
		selector: { type: 'entry', ...queueSelector(queue, context) }
	});
	return result.results.map((row) => row.id.slice('entry:'.length)).sort();
}

describe('work queues', () => {
	it.each<[EntryQueue, string[]]>([
		['myDrafts', ['mine', 'returned', 'revised-by-me']],
		['reviewQueue', ['revision-in-review', 'submitted']],
		['expired', ['expired']],
		['stale', ['stale-confirmed', 'stale-never-confirmed']]
	])('%s', async (queue, expected) => {
		expect(await ids(queue)).toEqual(expected);
	});

	it('finds the drafts returned to their author, even after they started editing again', async () => {
		const result = await db.changes({
			include_docs: true,
			selector: { type: 'entry', ...queueSelector('returned', context) }
		});
		const returned = result.results.map((row) => row.doc as unknown as Entry).filter(isReturnedTo);
		expect(returned.map((entry) => entry._id)).toEqual(['entry:returned']);
	});
});
