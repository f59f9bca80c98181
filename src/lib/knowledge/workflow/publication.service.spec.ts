// The steps that change what agents see write the entry's publication in the same go, from a reviewer's
// session only, and only when it changed. The browser's database is an in-memory PouchDB.
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Entry, PublishedEntry } from '$lib/db/generated/documents';
import type { LocalDatabase } from '$lib/db/local-databases';
import { AT, category, draftEntry } from '../../../../tests/fixtures/documents';
import { mergeCategories } from '../categories/category.service';
import { publicationIdOf } from './publication';
import { updatePublications } from './publication.service';
import {
	approveEntry,
	archiveEntry,
	markEntryReviewed,
	republishEntry,
	resolveEntryConflict,
	saveEntryContent
} from './workflow.service';
import { entryContent } from '../entry-content';

PouchDB.plugin(memoryAdapter);

const local = vi.hoisted(() => ({ db: null as unknown as LocalDatabase }));
vi.mock('$lib/db/local-databases', () => ({ openLocalDatabase: () => local.db }));

const editor = { name: 'editor01', roles: ['editor' as const] };
const reviewer = { name: 'reviewer01', roles: ['reviewer' as const, 'editor' as const] };
const admin = { name: 'admin01', roles: ['admin' as const] };
const ID = 'entry:test-1';
const PUBLICATION_ID = publicationIdOf(ID);

const publication = async () =>
	(await local.db.get(PUBLICATION_ID).catch(() => null)) as (PublishedEntry & { _rev: string }) | null;

beforeEach(async () => {
	local.db = new PouchDB(`publication-${Math.random()}`, { adapter: 'memory' }) as unknown as LocalDatabase;
	await local.db.put(draftEntry({ status: 'inReview' }));
});

describe('the reviewer’s steps write what agents see', () => {
	it('publishes version 1, keeps it while a revision is drafted, and approves the revision as version 2', async () => {
		expect((await approveEntry(reviewer, ID)).ok).toBe(true);
		expect(await publication()).toMatchObject({
			_id: PUBLICATION_ID,
			entryId: ID,
			status: 'published',
			version: 1,
			updatedBy: 'reviewer01',
			answerText: draftEntry().answerText
		});

		const revised = {
			...entryContent(draftEntry()),
			answerText: '新的办理流程',
			answerHtml: '<p>新的办理流程</p>'
		};
		expect((await saveEntryContent('editor01', ID, revised)).ok).toBe(true);
		const stillVersion1 = await publication();
		expect(stillVersion1).toMatchObject({ version: 1, answerText: draftEntry().answerText });

		const entry = (await local.db.get(ID)) as unknown as Entry & { _rev: string };
		await local.db.put({ ...entry, revision: { ...entry.revision!, status: 'inReview' } });
		expect((await approveEntry(reviewer, ID)).ok).toBe(true);
		expect(await publication()).toMatchObject({ version: 2, answerText: '新的办理流程' });
	});

	it('archives and republishes it; a step that changes nothing agents see writes nothing', async () => {
		await approveEntry(reviewer, ID);
		const published = await publication();
		expect((await markEntryReviewed('reviewer01', ID)).ok).toBe(true);
		expect((await publication())?._rev).toBe(published?._rev);
		expect(await updatePublications(reviewer, [(await local.db.get(ID)) as unknown as Entry])).toBe(0);

		expect((await archiveEntry(reviewer, ID, '政策废止')).ok).toBe(true);
		expect(await publication()).toMatchObject({ status: 'archived', version: 1 });
		expect((await republishEntry(admin, ID)).ok).toBe(true);
		expect(await publication()).toMatchObject({ status: 'published', updatedBy: 'admin01' });
	});

	it('writes nothing from an editor’s session', async () => {
		const entry = (await local.db.get(ID)) as unknown as Entry;
		expect(await updatePublications(editor, [{ ...entry, status: 'published', publishedAt: AT }])).toBe(0);
		expect(await archiveEntry(editor, ID)).toEqual({ ok: false, error: '只有已发布的知识点可以下线' });
		expect(await publication()).toBeNull();
	});

	it('writes the merge of a published entry’s conflict', async () => {
		await approveEntry(reviewer, ID);
		const current = (await local.db.get(ID)) as unknown as Entry & { _rev: string };
		// Edited apart elsewhere and replicated here: the highest revision id of its generation wins.
		const [generation] = current._rev.split('-');
		const theirs = {
			...current,
			region: '省会',
			_rev: `${generation}-${'f'.repeat(32)}`,
			_revisions: { start: Number(generation), ids: ['f'.repeat(32)] }
		};
		await local.db.bulkDocs([theirs], { new_edits: false });
		const winner = (await local.db.get(ID)) as unknown as Entry & { _rev: string };
		expect([winner._rev, winner.region]).toEqual([theirs._rev, '省会']);
		const result = await resolveEntryConflict(
			reviewer,
			{ current: winner, theirs: current },
			{ region: 'winner' }
		);
		expect(result.ok).toBe(true);
		expect(await publication()).toMatchObject({ region: '省会', updatedBy: 'reviewer01' });
	});
});

describe('merging categories', () => {
	beforeEach(async () => {
		await local.db.bulkDocs([
			category({ _id: 'category:old', name: '旧分类', order: 2 }),
			category({ _id: 'category:new', name: '新分类', order: 3 })
		]);
		const entry = (await local.db.get(ID)) as unknown as Entry & { _rev: string };
		await local.db.put({ ...entry, categoryId: 'category:old' });
		await approveEntry(reviewer, ID);
	});

	it('is refused to an editor when it would change what agents see', async () => {
		const [source, target] = [
			category({ _id: 'category:old', name: '旧分类' }),
			category({ _id: 'category:new', name: '新分类' })
		];
		expect(await mergeCategories(editor, source, target)).toEqual({
			ok: false,
			error: '这个分类下有已发布或已下线的知识点，合并会改动话务员看到的分类，需要审核人操作'
		});
		expect(await publication()).toMatchObject({ categoryId: 'category:old' });
	});

	it('re-files the publication too when an admin merges', async () => {
		const stored = async (id: string) => (await local.db.get(id)) as unknown as ReturnType<typeof category>;
		expect(await mergeCategories(admin, await stored('category:old'), await stored('category:new'))).toEqual({
			ok: true,
			value: 1
		});
		expect(await publication()).toMatchObject({ categoryId: 'category:new', updatedBy: 'admin01' });
	});
});
