import { describe, expect, it } from 'vitest';
import type { Role } from '$lib/db/catalog';
import type { Entry, PublishedEntry } from '$lib/db/generated/documents';
import { AT, draftEntry } from '../../../../tests/fixtures/documents';
import { entryContent } from '../entry-content';
import * as workflow from './entry-workflow';
import {
	entryIdOfPublication,
	mayWritePublications,
	publicationIdOf,
	publicationOf,
	publicationsToWrite,
	samePublication
} from './publication';

const as = (userName: string, minutes: number) => ({
	userName,
	now: new Date(Date.parse(AT) + minutes * 60_000)
});
const submitted = workflow.submitForReview(draftEntry(), as('editor01', 1));
const published = workflow.approve(submitted, as('reviewer01', 2)).entry;
const revisedContent = {
	...entryContent(published),
	answerText: '新的办理流程',
	answerHtml: '<p>新的办理流程</p>'
};
const withDraftRevision = workflow.saveContent(published, revisedContent, as('editor02', 3));
const withRevisionInReview = workflow.submitForReview(withDraftRevision, as('editor02', 4));
const republishedAsVersion2 = workflow.approve(withRevisionInReview, as('reviewer01', 5)).entry;
const archived = workflow.archive(published, as('reviewer01', 6), '政策废止');
const importedLongAgo: Entry = draftEntry({ status: 'published' });

const PUBLISHED_CONTENT: Partial<PublishedEntry> = {
	template: 'faq',
	standardQuestion: '社保卡丢失了怎么补办？',
	categoryId: 'category:shebao',
	answerHtml: '<p>携带身份证到社保经办窗口办理。</p>',
	answerText: '携带身份证到社保经办窗口办理。',
	sources: [{ title: '中华人民共和国社会保险法', article: '第五十八条' }],
	similarQuestions: ['社保卡掉了咋办'],
	relatedEntries: [],
	keywords: ['社保卡'],
	region: '全省',
	validFrom: '2026-01-01',
	validTo: null,
	overrides: null,
	templateFields: []
};
const minute = (minutes: number) => new Date(Date.parse(AT) + minutes * 60_000).toISOString();

describe('publicationOf', () => {
	it.each<[string, Entry, Partial<PublishedEntry> | null]>([
		['a draft has none', draftEntry(), null],
		['an entry in its first review has none', submitted, null],
		[
			'a published entry gives its content, version and publisher',
			published,
			{
				_id: 'publishedEntry:test-1',
				type: 'publishedEntry',
				entryId: 'entry:test-1',
				version: 1,
				status: 'published',
				publishedBy: 'reviewer01',
				publishedAt: minute(2),
				updatedBy: 'reviewer01',
				updatedAt: minute(2),
				...PUBLISHED_CONTENT
			}
		],
		[
			'a draft revision stays out: agents keep the published content',
			withDraftRevision,
			{
				version: 1,
				answerText: '携带身份证到社保经办窗口办理。',
				answerHtml: '<p>携带身份证到社保经办窗口办理。</p>'
			}
		],
		[
			'a revision in review stays out as well',
			withRevisionInReview,
			{ version: 1, answerText: '携带身份证到社保经办窗口办理。' }
		],
		[
			'an approved revision is the next version',
			republishedAsVersion2,
			{ version: 2, answerText: '新的办理流程', answerHtml: '<p>新的办理流程</p>', publishedAt: minute(5) }
		],
		['an archived entry keeps its content, marked archived', archived, { status: 'archived', version: 1 }],
		[
			'an entry published before publishers were recorded takes its last change as the publishing',
			importedLongAgo,
			{ status: 'published', publishedBy: 'editor01', publishedAt: AT }
		]
	])('%s', (_case, entry, expected) => {
		const publication = publicationOf(entry);
		if (expected === null) expect(publication).toBeNull();
		else expect(publication).toMatchObject(expected);
	});

	it('holds nothing of the editors’ work: no revision, history, comments or authors of drafts', () => {
		const publication = publicationOf(withRevisionInReview)!;
		expect(Object.keys(publication).sort()).toEqual(
			[
				'_id',
				'type',
				'entryId',
				'version',
				'status',
				'publishedBy',
				'publishedAt',
				'updatedBy',
				'updatedAt',
				...Object.keys(PUBLISHED_CONTENT)
			].sort()
		);
		expect(JSON.stringify(publication)).not.toContain('新的办理流程');
		expect(JSON.stringify(publication)).not.toContain('editor02');
	});

	it('carries the stamp of the reviewer’s step that writes it, or else the last publishing', () => {
		expect(publicationOf(archived, { by: 'reviewer02', at: minute(6) })).toMatchObject({
			status: 'archived',
			publishedBy: 'reviewer01',
			publishedAt: minute(2),
			updatedBy: 'reviewer02',
			updatedAt: minute(6)
		});
		expect(publicationOf(withRevisionInReview)).toMatchObject({
			updatedBy: 'reviewer01',
			updatedAt: minute(2)
		});
	});

	it('names the publication after the entry, both ways', () => {
		expect(publicationIdOf('entry:abc-1')).toBe('publishedEntry:abc-1');
		expect(entryIdOfPublication('publishedEntry:abc-1')).toBe('entry:abc-1');
	});
});

describe('who writes publications', () => {
	it.each<[Role[], boolean]>([
		[['reviewer'], true],
		[['reviewer', 'editor'], true],
		[['admin'], true],
		[['editor'], false],
		[['agent'], false],
		[['inspector', 'supervisor'], false]
	])('%j → %s', (roles, allowed) => {
		expect(mayWritePublications(roles)).toBe(allowed);
	});
});

describe('publicationsToWrite', () => {
	const stored = (publication: PublishedEntry, rev = '1-a') =>
		new Map([[publication._id, { ...publication, _rev: rev }]]);
	const current = publicationOf(published)!;

	it.each<[string, Entry[], Map<string, PublishedEntry>, Array<Partial<PublishedEntry>>]>([
		['a missing publication is written', [published], new Map(), [{ _id: 'publishedEntry:test-1' }]],
		['the same content writes nothing', [published], stored(current), []],
		[
			'an entry changed only by an editor’s revision writes nothing',
			[withDraftRevision],
			stored(current),
			[]
		],
		[
			'an archived entry is written on top of the stored revision',
			[archived],
			stored(current, '4-b'),
			[{ status: 'archived', _rev: '4-b' }]
		],
		[
			'an approved revision is written as the next version',
			[republishedAsVersion2],
			stored(current),
			[{ version: 2 }]
		],
		[
			'a draft (a forged branch that won, say) never removes or changes the publication',
			[{ ...published, status: 'draft', answerText: '伪造' }],
			stored(current),
			[]
		],
		['a draft without a publication writes nothing', [draftEntry()], new Map(), []]
	])('%s', (_case, entries, storedPublications, expected) => {
		const written = publicationsToWrite(entries, storedPublications);
		expect(written).toHaveLength(expected.length);
		expected.forEach((fields, index) => expect(written[index]).toMatchObject(fields));
	});

	it('compares what agents see, whatever the stamp or the order of fields', () => {
		const reordered = Object.fromEntries(Object.entries(current).reverse()) as PublishedEntry;
		expect(samePublication(current, { ...reordered, updatedBy: 'admin01', updatedAt: minute(9) })).toBe(true);
		expect(samePublication(current, { ...current, validTo: undefined })).toBe(true);
		expect(samePublication(current, { ...current, region: '省会' })).toBe(false);
		expect(samePublication(current, { ...current, sources: [{ title: '另一部法规' }] })).toBe(false);
	});

	it('leaves publications written before 替代全省知识点 alone, and writes a new override', () => {
		const { overrides: _none, ...olderShape } = current;
		expect(samePublication(current, olderShape)).toBe(true);
		expect(samePublication(current, { ...current, overrides: 'entry:province' })).toBe(false);
	});
});

describe('a city entry that overrides a province entry (替代全省知识点)', () => {
	const cityEntry = workflow.approve(
		workflow.submitForReview(
			draftEntry({ subPlatform: 'haikou', overrides: 'entry:province', region: '海口市' }),
			as('editor01', 1)
		),
		as('reviewer01', 2)
	);

	it('carries the override to what agents see and to the kept version', () => {
		expect(publicationOf(cityEntry.entry)).toMatchObject({
			subPlatform: 'haikou',
			overrides: 'entry:province'
		});
		expect(cityEntry.version).toMatchObject({ subPlatform: 'haikou', overrides: 'entry:province' });
	});

	it('drops it with an approved revision that clears it', () => {
		const cleared = workflow.saveContent(
			cityEntry.entry,
			{ ...entryContent(cityEntry.entry), overrides: null },
			as('editor01', 3)
		);
		const approved = workflow.approve(
			workflow.submitForReview(cleared, as('editor01', 4)),
			as('reviewer01', 5)
		);
		expect(cityEntry.entry.overrides).toBe('entry:province');
		expect(publicationOf(approved.entry)?.overrides).toBeNull();
	});
});
