// kb's validate_doc_update keeps what agents read (publishedEntry) in reviewers' hands, whatever oldDoc is.
// Apache CouchDB validates a replicated branch whose ancestor it does not know (_bulk_docs new_edits=false)
// with oldDoc = null: the entry rule then sees a new document and lets an editor's forged draft of a
// published entry through. That must be harmless: agents read the publication, which the editor can neither
// write nor delete, with an old document or without one.
import { describe, expect, it } from 'vitest';
import { databases } from '../../src/lib/db/catalog';
import type { Entry, PublishedEntry } from '../../src/lib/db/generated/documents';
import * as workflow from '../../src/lib/knowledge/workflow/entry-workflow';
import { publicationOf } from '../../src/lib/knowledge/workflow/publication';
import { AT, draftEntry } from '../../tests/fixtures/documents';
import { HOSTILE_ANSWERS } from '../../tests/fixtures/hostile-answers';
import { compileValidateFunction, refusal } from '../../tests/support/design-functions';

const kb = compileValidateFunction(databases.kb!);

type User = { name: string; roles: string[] };
const editor: User = { name: 'editor01', roles: ['editor'] };
const reviewer: User = { name: 'reviewer01', roles: ['reviewer', 'editor'] };
const appAdmin: User = { name: 'admin01', roles: ['admin'] };
const agent: User = { name: 'agent01', roles: ['agent'] };
const serverAdmin: User = { name: 'couchadmin', roles: ['_admin'] };
const actor = (who: User, minutes = 1) => ({
	userName: who.name,
	now: new Date(Date.parse(AT) + minutes * 60_000)
});
const write = (doc: object, oldDoc: object | null, who: User) => refusal(() => kb(doc, oldDoc, who, {}));

const live: Entry = workflow.approve(
	workflow.submitForReview(draftEntry(), actor(editor)),
	actor(reviewer, 2)
).entry;
const publication: PublishedEntry = publicationOf(live)!;
const signedBy = (who: User): PublishedEntry => ({ ...publication, updatedBy: who.name });
const deletion = { _id: publication._id, _rev: '2-b', _deleted: true };

describe('a forged branch on Apache CouchDB (no oldDoc) cannot change what agents read', () => {
	it('accepts an editor’s forged draft of a published entry by the entry rule: it looks like a new draft', () => {
		const forgedDraft = { ...live, status: 'draft', updatedBy: 'editor01' };
		expect(write(forgedDraft, null, editor)).toBeNull();
		// What agents read is not derived from it: a draft has no publication.
		expect(publicationOf(forgedDraft as Entry)).toBeNull();
	});

	it('refuses an editor’s forged published entry even with no oldDoc: only reviewers start one published', () => {
		const forgedPublished = { ...live, answerText: '伪造的答案', updatedBy: 'editor01' };
		expect(write(forgedPublished, null, editor)).toBe('新知识点只能是草稿或待审核');
	});

	it.each<[string, object | null]>([
		['with no oldDoc (a forged branch)', null],
		['over the stored publication', publication]
	])('refuses an editor’s or agent’s publication %s', (_case, oldDoc) => {
		const changed = {
			...signedBy(editor),
			answerText: '编辑私自改的答案',
			answerHtml: '<p>编辑私自改的答案</p>'
		};
		expect(write(changed, oldDoc, editor)).toBe('没有权限发布话务员看到的知识点');
		expect(write(signedBy(agent), oldDoc, agent)).toBe('没有权限发布话务员看到的知识点');
	});

	it.each<[string, object | null]>([
		['with no oldDoc (a forged deletion stub)', null],
		['of the stored publication', publication]
	])('refuses an editor’s or agent’s deletion %s, decided by the _id alone', (_case, oldDoc) => {
		expect(write(deletion, oldDoc, editor)).toBe('没有权限删除话务员看到的知识点');
		expect(write(deletion, oldDoc, agent)).toBe('没有权限删除话务员看到的知识点');
	});
});

describe('reviewers write publications', () => {
	it.each<[string, User]>([
		['a reviewer', reviewer],
		['the app’s admin', appAdmin],
		['the server admin (setup)', serverAdmin]
	])('lets %s write and delete one, with an oldDoc or without', (_case, who) => {
		const signed = signedBy(who);
		expect(write(signed, null, who)).toBeNull();
		expect(write({ ...signed, status: 'archived' }, publication, who)).toBeNull();
		expect(write(deletion, null, who)).toBeNull();
		expect(write(deletion, publication, who)).toBeNull();
	});

	it('ties the publication to its entry: the _id carries the entryId’s key', () => {
		expect(write({ ...signedBy(reviewer), _id: 'publishedEntry:other' }, null, reviewer)).toBe(
			'_id 必须是 publishedEntry: 加上 entryId 的编号'
		);
		expect(write({ ...signedBy(reviewer), entryId: 'entry:other' }, null, reviewer)).toBe(
			'_id 必须是 publishedEntry: 加上 entryId 的编号'
		);
	});

	it('lets nobody sign a publication with another reviewer’s name, the server admin aside', () => {
		expect(write(signedBy({ name: 'reviewer02', roles: [] }), null, reviewer)).toBe(
			'updatedBy 必须是当前用户'
		);
		expect(write(signedBy({ name: 'reviewer02', roles: [] }), null, serverAdmin)).toBeNull();
	});

	it('holds the answer allowlist for every writer', () => {
		for (const [, html] of HOSTILE_ANSWERS.filter(([, answer]) => typeof answer === 'string')) {
			const hostile = { ...signedBy(reviewer), answerHtml: html };
			expect(write(hostile, null, reviewer)).toMatch(/^答案含有不允许的 HTML: /);
			expect(write({ ...hostile, updatedBy: serverAdmin.name }, null, serverAdmin)).toMatch(
				/^答案含有不允许的 HTML: /
			);
		}
	});

	it('refuses a publication of a draft’s shape: only published or archived', () => {
		expect(write({ ...signedBy(reviewer), status: 'draft' }, null, reviewer)).toMatch(/^文档结构不正确/);
	});
});
