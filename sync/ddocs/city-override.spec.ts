// 替代全省知识点 in kb's validate_doc_update: only a city's entry (and its publication and versions) may name a
// province entry it replaces, by its entry id, and never itself; whoever writes it, the server admin included.
import { describe, expect, it } from 'vitest';
import { databases } from '../../src/lib/db/catalog';
import type { Entry } from '../../src/lib/db/generated/documents';
import { entryContent } from '../../src/lib/knowledge/entry-content';
import { publicationOf } from '../../src/lib/knowledge/workflow/publication';
import { saveContent, versionSnapshot } from '../../src/lib/knowledge/workflow/entry-workflow';
import { AT, draftEntry } from '../../tests/fixtures/documents';
import { compileValidateFunction, refusal } from '../../tests/support/design-functions';

const kb = compileValidateFunction(databases.kb!);
const provinceEditor = { name: 'editor01', roles: ['editor'] };
const provinceReviewer = { name: 'reviewer01', roles: ['reviewer', 'editor'] };
const serverAdmin = { name: 'admin', roles: ['_admin'] };

const CITY_ENTRY = 'entry:haikou-residence';
const cityDraft = (more: Partial<Entry> = {}) =>
	draftEntry({ _id: CITY_ENTRY, subPlatform: 'haikou', region: '海口市', ...more });
const published = (entry: Entry): Entry => ({
	...entry,
	status: 'published',
	publishedAt: AT,
	publishedBy: 'reviewer01',
	updatedBy: 'reviewer01'
});

describe('kb: 替代全省知识点', () => {
	it.each<[string, Entry, string | null]>([
		['a city entry replacing a province entry', cityDraft({ overrides: 'entry:residence' }), null],
		['a city entry replacing none', cityDraft({ overrides: null }), null],
		['a province entry replacing another', draftEntry({ overrides: 'entry:residence' }), '只有分平台'],
		['a city entry replacing itself', cityDraft({ overrides: CITY_ENTRY }), '不能替代自己'],
		['a city entry naming a category', cityDraft({ overrides: 'category:residence' }), 'overrides 格式不正确']
	])('drafts %s', (_case, doc, refused) => {
		const message = refusal(() => kb(doc, null, provinceEditor, {}));
		if (refused === null) expect(message).toBeNull();
		else expect(message).toContain(refused);
	});

	it('holds for a revision of a published province entry too', () => {
		const province = published(draftEntry());
		const revised = saveContent(
			province,
			{ ...entryContent(province), overrides: 'entry:residence' },
			{ userName: 'editor01', now: new Date(AT) }
		);
		expect(refusal(() => kb(revised, province, provinceEditor, {}))).toMatch(/只有分平台/);
	});

	it('holds for what agents see and for kept versions, the server admin included', () => {
		const city = published(cityDraft({ overrides: 'entry:residence' }));
		const publication = publicationOf(city)!;
		const version = versionSnapshot(city, 'reviewer01', AT);
		expect(refusal(() => kb(publication, null, provinceReviewer, {}))).toBeNull();
		expect(refusal(() => kb(version, null, provinceReviewer, {}))).toBeNull();
		const { subPlatform: _city, ...asProvince } = publication;
		expect(refusal(() => kb(asProvince, null, serverAdmin, {}))).toMatch(/只有分平台/);
		expect(refusal(() => kb({ ...version, overrides: CITY_ENTRY }, null, serverAdmin, {}))).toMatch(
			/不能替代自己/
		);
	});
});
