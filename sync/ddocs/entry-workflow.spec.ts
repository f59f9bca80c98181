// The client's workflow steps and the server's validate_doc_update agree: every step the app takes is
// accepted for the role that takes it, and every shortcut around the workflow is refused.
import { describe, expect, it } from 'vitest';
import { databases } from '../../src/lib/db/catalog';
import type { Entry } from '../../src/lib/db/generated/documents';
import { workingContent } from '../../src/lib/knowledge/workflow/entry-workflow';
import * as workflow from '../../src/lib/knowledge/workflow/entry-workflow';
import { AT, draftEntry } from '../../tests/fixtures/documents';
import { compileValidateFunction, refusal } from '../../tests/support/design-functions';

const kb = compileValidateFunction(databases.kb!);
const editor = { name: 'editor01', roles: ['editor'] };
const otherEditor = { name: 'editor02', roles: ['editor'] };
const reviewer = { name: 'reviewer01', roles: ['reviewer', 'editor'] };
const as = (who: { name: string }, minutes = 1) => ({
	userName: who.name,
	now: new Date(Date.parse(AT) + minutes * 60_000)
});
const write = (next: Entry, previous: Entry | null, who: { name: string; roles: string[] }) =>
	refusal(() => kb(next, previous, who, {}));

function published(): Entry {
	const submitted = workflow.submitForReview(draftEntry(), as(editor));
	return workflow.approve(submitted, as(reviewer, 2)).entry;
}

describe('a new entry goes from draft to review to published', () => {
	it('takes an entry created and submitted offline, which reaches the server as one new revision', () => {
		const submittedOffline = workflow.submitForReview(draftEntry(), as(editor));
		expect(write(submittedOffline, null, editor)).toBeNull();
	});

	it('lets the editor submit and the reviewer publish version 1 with a snapshot', () => {
		const draft = draftEntry();
		const submitted = workflow.submitForReview(draft, as(editor));
		expect(write(submitted, draft, editor)).toBeNull();
		const { entry, version } = workflow.approve(submitted, as(reviewer, 2));
		expect(write(entry, submitted, reviewer)).toBeNull();
		expect(write(workflow.approve(submitted, as(editor, 2)).entry, submitted, editor)).toBe(
			'没有权限发布或下线知识点'
		);
		expect(entry).toMatchObject({ status: 'published', version: 1, publishedBy: 'reviewer01' });
		expect(version).toMatchObject({ _id: 'entryVersion:test-1:1', entryId: 'entry:test-1', version: 1 });
		expect(refusal(() => kb(version, null, reviewer, {}))).toBeNull();
		expect(refusal(() => kb(version, null, editor, {}))).toBe('没有权限保存发布版本');
		expect(refusal(() => kb({ ...version, answerText: '改' }, version, reviewer, {}))).toBe(
			'发布版本不可修改'
		);
	});

	it('returns a submission to its author only with a comment', () => {
		const submitted = workflow.submitForReview(draftEntry(), as(editor));
		expect(() => workflow.reject(submitted, '  ', as(reviewer))).toThrow('请填写退回意见');
		const returned = workflow.reject(submitted, '依据已废止，请更新', as(reviewer, 2));
		expect(write(returned, submitted, reviewer)).toBeNull();
		expect(returned.status).toBe('draft');
		expect(returned.history.at(-1)).toMatchObject({ action: 'reject', comment: '依据已废止，请更新' });
	});

	it('lets the author withdraw but not another editor', () => {
		const submitted = workflow.submitForReview(draftEntry(), as(editor));
		expect(write(workflow.withdraw(submitted, as(editor)), submitted, editor)).toBeNull();
		expect(write(workflow.withdraw(submitted, as(otherEditor)), submitted, otherEditor)).toBe(
			'只有审核人或作者本人可以退回待审核的知识点'
		);
	});

	it('keeps one edit event per stretch of autosaves', () => {
		const draft = draftEntry();
		const once = workflow.saveContent(draft, { ...workingContent(draft), answerText: 'a' }, as(editor));
		const twice = workflow.saveContent(once, { ...workingContent(once), answerText: 'ab' }, as(editor, 2));
		expect(twice.history.map((event) => event.action)).toEqual(['create', 'edit']);
		expect(write(twice, once, editor)).toBeNull();
	});
});

describe('editing a published entry makes a revision that agents do not see until approved', () => {
	it('keeps the published content while the revision is drafted, reviewed and approved as version 2', () => {
		const live = published();
		const changed = {
			...workingContent(live),
			answerText: '新的办理流程',
			answerHtml: '<p>新的办理流程</p>'
		};
		const drafted = workflow.saveContent(live, changed, as(otherEditor, 3));
		expect(drafted.answerText).toBe(live.answerText);
		expect(drafted.revision).toMatchObject({ status: 'draft', baseVersion: 1, answerText: '新的办理流程' });
		expect(write(drafted, live, otherEditor)).toBeNull();

		const submitted = workflow.submitForReview(drafted, as(otherEditor, 4));
		expect(write(submitted, drafted, otherEditor)).toBeNull();
		expect(() => workflow.saveContent(submitted, changed, as(otherEditor, 5))).toThrow('修订稿正在审核中');

		const { entry, version } = workflow.approve(submitted, as(reviewer, 6));
		expect(write(entry, submitted, reviewer)).toBeNull();
		expect(write(entry, submitted, otherEditor)).toBe('updatedBy 必须是当前用户');
		expect(write({ ...entry, updatedBy: 'editor02' }, submitted, otherEditor)).toBe(
			'只有审核人可以发布新版本'
		);
		expect(entry).toMatchObject({ version: 2, answerText: '新的办理流程', status: 'published' });
		expect(entry.revision).toBeUndefined();
		expect(version._id).toBe('entryVersion:test-1:2');
	});

	it('returns a revision with a comment and lets its author withdraw it', () => {
		const live = published();
		const submitted = workflow.submitForReview(
			workflow.saveContent(live, { ...workingContent(live), region: '省会' }, as(editor, 3)),
			as(editor, 4)
		);
		const returned = workflow.reject(submitted, '地区写错了', as(reviewer, 5));
		expect(write(returned, submitted, reviewer)).toBeNull();
		expect(returned.revision?.status).toBe('draft');
		expect(write(workflow.withdraw(submitted, as(editor, 5)), submitted, editor)).toBeNull();
		expect(write(workflow.withdraw(submitted, as(otherEditor, 5)), submitted, otherEditor)).toBe(
			'只有审核人或作者本人可以撤回待审核的修订稿'
		);
	});

	it('lets an editor mark a published entry as still right, and a reviewer archive and republish it', () => {
		const live = published();
		const reviewed = workflow.markReviewed(live, as(editor, 10));
		expect(write(reviewed, live, editor)).toBeNull();
		const archived = workflow.archive(live, as(reviewer, 10), '政策废止');
		expect(write(archived, live, reviewer)).toBeNull();
		expect(write(workflow.archive(live, as(editor, 10)), live, editor)).toBe('没有权限发布或下线知识点');
		const back = workflow.republish(archived, as(reviewer, 11));
		expect(write(back, archived, reviewer)).toBeNull();
	});
});

describe('the server refuses every shortcut around the workflow', () => {
	const live = published();
	const submitted = workflow.submitForReview(draftEntry(), as(editor));
	const stampedBy = (doc: Entry, who: string, action: string): Entry => ({
		...doc,
		updatedBy: who,
		history: [...doc.history, { action, by: who, at: AT }]
	});

	it.each<[string, Entry, Entry | null, { name: string; roles: string[] }, string]>([
		[
			'an editor creates a published entry',
			{ ...draftEntry(), status: 'published' },
			null,
			editor,
			'新知识点只能是草稿或待审核'
		],
		[
			'a reviewer publishes a draft without review',
			stampedBy({ ...draftEntry(), status: 'published', publishedAt: AT }, 'reviewer01', 'publish'),
			draftEntry(),
			reviewer,
			'不允许的状态变更'
		],
		[
			'a reviewer archives a draft',
			stampedBy({ ...draftEntry(), status: 'archived' }, 'reviewer01', 'archive'),
			draftEntry(),
			reviewer,
			'不允许的状态变更'
		],
		[
			'an editor changes a published answer in place',
			stampedBy({ ...live, answerText: '改了' }, 'editor01', 'edit'),
			live,
			editor,
			'已发布的知识点只能通过修订稿修改'
		],
		[
			'an editor turns a published entry back into a draft',
			stampedBy({ ...live, status: 'draft' }, 'editor01', 'edit'),
			live,
			editor,
			'不允许的状态变更'
		],
		[
			'an editor bumps the version',
			stampedBy({ ...live, version: 2 }, 'editor01', 'edit'),
			live,
			editor,
			'只有审核人可以发布新版本'
		],
		[
			'a reviewer skips a version',
			stampedBy({ ...live, version: 3 }, 'reviewer01', 'publish'),
			live,
			reviewer,
			'版本号只能逐一增加'
		],
		[
			'an editor edits an entry in review',
			stampedBy({ ...submitted, answerText: '偷偷改' }, 'editor01', 'edit'),
			submitted,
			editor,
			'待审核的知识点不能修改，请先撤回'
		],
		[
			'an editor rewrites the history',
			{ ...live, updatedBy: 'editor01', history: [] },
			live,
			editor,
			'操作记录只能追加'
		],
		[
			'an editor publishes a submission',
			stampedBy({ ...submitted, status: 'published', publishedAt: AT }, 'editor01', 'publish'),
			submitted,
			editor,
			'没有权限发布或下线知识点'
		],
		[
			'an editor edits an archived entry',
			stampedBy({ ...live, status: 'archived' }, 'reviewer01', 'archive'),
			live,
			editor,
			'updatedBy 必须是当前用户'
		]
	])('%s', (_name, next, previous, who, message) => {
		expect(write(next, previous, who)).toBe(message);
	});
});
