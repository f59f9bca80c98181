// What agents are shown of an entry, read in a province editor's browser, which holds the entries and leaves
// their publications on the server: made from the entry as the reviewer's step makes it. Anywhere else only
// publications count. The browser's database is an in-memory PouchDB.
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LocalDatabase } from '$lib/db/local-databases';
import { replicationPlan } from '$lib/db/replication-plan';
import { rememberServerDatabases } from '$lib/db/server-databases';
import { draftEntry } from '../../../tests/fixtures/documents';
import {
	getPublishedEntriesInOrder,
	getPublishedEntry,
	listPublishedEntries
} from './published-entry.service';

PouchDB.plugin(memoryAdapter);

const local = vi.hoisted(() => ({ db: null as unknown as LocalDatabase }));
vi.mock('$lib/db/local-databases', () => ({ openLocalDatabase: () => local.db }));

const PUBLISHED = 'entry:published-1';
const DRAFT = 'entry:draft-1';

beforeEach(async () => {
	local.db = new PouchDB(`published-entry-${Math.random()}`, {
		adapter: 'memory'
	}) as unknown as LocalDatabase;
	await local.db.bulkDocs([
		draftEntry({ _id: PUBLISHED, standardQuestion: '社保卡丢了怎么补办', status: 'published' }),
		draftEntry({ _id: DRAFT, standardQuestion: '社保卡怎么激活', status: 'draft' })
	]);
});

describe('publications in a province editor’s browser', () => {
	it('are made from the held entries, published ones only', async () => {
		rememberServerDatabases(replicationPlan('editor01', ['editor', 'reviewer'], '2026-12-05'));
		const found = await getPublishedEntriesInOrder('editor01', [DRAFT, PUBLISHED]);
		expect(found.ok && found.value.map((publication) => publication.entryId)).toEqual([PUBLISHED]);
		const one = await getPublishedEntry('editor01', PUBLISHED);
		expect(one.ok && one.value).toMatchObject({
			_id: 'publishedEntry:published-1',
			entryId: PUBLISHED,
			standardQuestion: '社保卡丢了怎么补办'
		});
		const listed = await listPublishedEntries('editor01', { text: '社保卡', limit: 10 }, null);
		expect(listed.ok && listed.value.map((publication) => publication.entryId)).toEqual([PUBLISHED]);
	});

	it('are never made from entry documents in a browser that copies publications (an agent’s)', async () => {
		rememberServerDatabases(replicationPlan('agent01', ['agent'], '2026-12-05'));
		expect(await getPublishedEntriesInOrder('agent01', [PUBLISHED])).toEqual({ ok: true, value: [] });
		expect(await getPublishedEntry('agent01', PUBLISHED)).toEqual({ ok: true, value: null });
		const listed = await listPublishedEntries('agent01', { text: '社保卡', limit: 10 }, null);
		expect(listed.ok && listed.value).toEqual([]);
	});
});
