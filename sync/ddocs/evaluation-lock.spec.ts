// Issue 14, hole 6: once submitted, an evaluation is the result its agent was sent. Inspectors change nothing
// of it; supervisors and admins re-score it in place, but nobody moves it to another call, agent or inspector.
import { describe, expect, it } from 'vitest';
import { databases } from '../../src/lib/db/catalog';
import type { Evaluation } from '../../src/lib/db/generated/documents';
import { assertValidDocument } from '../../src/lib/db/validation';
import { rescored, scoredDraft, submittedEvaluation } from '../../tests/fixtures/scored-evaluation';
import { compileValidateFunction, refusal } from '../../tests/support/design-functions';
import { withScoreHistory } from '../../src/lib/qa/evaluations/score-history';

const qa = compileValidateFunction(databases.qa!);

const inspector = { name: 'inspector01', roles: ['inspector'] };
const supervisor = { name: 'supervisor01', roles: ['supervisor', 'inspector'] };
const admin = { name: 'admin01', roles: ['admin'] };
const serverAdmin = { name: 'couchadmin', roles: ['_admin'] };

const REV = '3-5e1b0f0c6a7a4c8e9d2b1a0f3c4d5e6f';
const submitted = { ...submittedEvaluation(), _rev: REV };
const RESCORE_ONLY = '已提交的质检单只能由班长改分';

/** The next revision of the submitted evaluation with one change made. */
const changed = (change: (doc: Evaluation) => Evaluation) => change(structuredClone(submitted));
/** A re-score as the call page writes it: the change, and its entry in the score history. */
const rescoredWithHistory = (change: (doc: Evaluation) => Evaluation, by = 'supervisor01') =>
	withScoreHistory(submitted, changed(change), by, '申诉成立，按录音改分', '2026-11-24T02:00:00.000Z');

interface Case {
	change: string;
	doc: Evaluation;
	/** What the server answers inspector01 (the evaluation's own inspector). */
	inspector: string;
	/** What it answers supervisor01: null when the write is accepted. */
	supervisor: string | null;
}

const cases: Case[] = [
	{
		change: 'status back to draft',
		doc: changed((doc) => ({ ...doc, status: 'draft' })),
		inspector: '已提交的质检单不能退回草稿',
		supervisor: '已提交的质检单不能退回草稿'
	},
	{
		change: 'one item’s points, and the total with them',
		doc: rescoredWithHistory((doc) =>
			rescored(doc, 'policy', { points: 5, deductionReasons: ['解答有误，但未造成不良影响'] })
		),
		inspector: RESCORE_ONLY,
		supervisor: null
	},
	{
		change: 'total 94 → 40 alone',
		doc: rescoredWithHistory((doc) => ({ ...doc, total: 40 })),
		inspector: RESCORE_ONLY,
		supervisor: null
	},
	{
		change: 'a red line failed (total 0)',
		doc: rescoredWithHistory((doc) =>
			rescored(doc, 'abuse', { redLineFailed: true, comment: '与来电人争吵' })
		),
		inspector: RESCORE_ONLY,
		supervisor: null
	},
	{
		change: 'a red line’s result removed',
		doc: changed((doc) => ({
			...doc,
			scores: doc.scores.map(({ redLineFailed: _dropped, ...score }) => score)
		})),
		inspector: RESCORE_ONLY,
		supervisor: null
	},
	{
		change: 'the timed comments',
		doc: changed((doc) => ({ ...doc, comments: [] })),
		inspector: RESCORE_ONLY,
		supervisor: null
	},
	{
		change: 'status to final',
		doc: changed((doc) => ({ ...doc, status: 'final' })),
		inspector: RESCORE_ONLY,
		supervisor: null
	},
	{
		change: 'updatedAt alone',
		doc: changed((doc) => ({ ...doc, updatedAt: '2026-11-23T00:00:00.000Z' })),
		inspector: RESCORE_ONLY,
		supervisor: null
	},
	{
		change: 'a re-score without its history entry',
		doc: changed((doc) => rescored(doc, 'policy', { points: 5 })),
		inspector: RESCORE_ONLY,
		supervisor: '改分须写明原因（每次一条改分记录）'
	},
	{
		change: 'a re-score told in someone else’s name',
		doc: rescoredWithHistory((doc) => rescored(doc, 'policy', { points: 5 }), 'reviewer01'),
		inspector: RESCORE_ONLY,
		supervisor: '改分记录的 by 必须是当前用户'
	},
	{
		change: 'a re-score whose history names other items',
		doc: (() => {
			const doc = rescoredWithHistory((doc) => rescored(doc, 'policy', { points: 5 }));
			doc.scoreHistory![0]!.changes = [];
			return doc;
		})(),
		inspector: RESCORE_ONLY,
		supervisor: '改分记录列出的评分项与实际改动不符'
	},
	{
		change: 'a re-score whose history hides the total before',
		doc: (() => {
			const doc = rescoredWithHistory((doc) => rescored(doc, 'policy', { points: 5 }));
			doc.scoreHistory![0]!.totalBefore = 60;
			return doc;
		})(),
		inspector: RESCORE_ONLY,
		supervisor: '改分记录的前后总分与质检单不符'
	},
	{
		change: 'agentName agent01 → agent02',
		doc: changed((doc) => ({ ...doc, agentName: 'agent02' })),
		inspector: '已提交的质检单不可更改 agentName',
		supervisor: '已提交的质检单不可更改 agentName'
	},
	{
		change: 'recordingId',
		doc: changed((doc) => ({ ...doc, recordingId: 'recording:C20261120-0002' })),
		inspector: '已提交的质检单不可更改 recordingId',
		supervisor: '已提交的质检单不可更改 recordingId'
	},
	{
		change: 'the call’s callId',
		doc: changed((doc) => ({ ...doc, call: { ...doc.call!, callId: 'C20261120-0002' } })),
		inspector: '已提交的质检单不可更改 call',
		supervisor: '已提交的质检单不可更改 call'
	},
	{
		change: 'inspector',
		doc: changed((doc) => ({ ...doc, inspector: 'supervisor01' })),
		inspector: '只能编写自己的质检单',
		supervisor: '已提交的质检单不可更改 inspector'
	},
	{
		change: 'the scorecard',
		doc: changed((doc) => ({ ...doc, scorecardId: 'scorecard:youth-12355-v1' })),
		inspector: '已提交的质检单不可更改 scorecardId',
		supervisor: '已提交的质检单不可更改 scorecardId'
	},
	{
		change: 'the scorecard version',
		doc: changed((doc) => ({ ...doc, scorecardVersion: 2 })),
		inspector: '已提交的质检单不可更改 scorecardVersion',
		supervisor: '已提交的质检单不可更改 scorecardVersion'
	},
	{
		change: 'submittedAt',
		doc: changed((doc) => ({ ...doc, submittedAt: '2026-11-23T00:00:00.000Z' })),
		inspector: '已提交的质检单不可更改 submittedAt',
		supervisor: '已提交的质检单不可更改 submittedAt'
	},
	{
		change: 'an attachment added (it would travel to the agent)',
		doc: changed((doc) => ({
			...doc,
			_attachments: { 'note.txt': { content_type: 'text/plain', data: 'MTIz' } }
		})),
		inspector: '已提交的质检单不可更改 _attachments',
		supervisor: '已提交的质检单不可更改 _attachments'
	}
];

describe('a submitted evaluation', () => {
	it('is built as the app builds it', () => {
		expect(() => assertValidDocument(submitted)).not.toThrow();
		expect(submitted).toMatchObject({ status: 'submitted', total: 94, agentName: 'agent01' });
	});

	it.each(cases)('$change: refused to its inspector', ({ doc, inspector: refused }) => {
		expect(refusal(() => qa(doc, submitted, inspector, {}))).toBe(refused);
	});

	it.each(cases)('$change: supervisor01 → $supervisor', ({ doc, supervisor: answer }) => {
		expect(refusal(() => qa(doc, submitted, supervisor, {}))).toBe(answer);
	});

	it.each(cases.filter((testCase) => testCase.supervisor !== null))(
		'$change: refused to the app’s admin as well',
		({ doc, supervisor: refused }) => {
			expect(refusal(() => qa(doc, submitted, admin, {}))).toBe(refused);
		}
	);

	it('takes a rewrite with nothing changed, in any key order, with a new revision', () => {
		const reversed = (object: object) => Object.fromEntries(Object.entries(object).reverse());
		const reordered = reversed({ ...submitted, call: reversed(submitted.call!) });
		const next = { ...reordered, _rev: '4-aa', _revisions: { start: 4, ids: ['aa', '5e1b'] } };
		expect(refusal(() => qa(next, submitted, inspector, {}))).toBeNull();
	});

	it('cannot be deleted by its inspector or a supervisor; the admin may', () => {
		const tombstone = { _id: submitted._id, _rev: REV, _deleted: true };
		expect(refusal(() => qa(tombstone, submitted, inspector, {}))).toBe('没有权限删除此文档');
		expect(refusal(() => qa(tombstone, submitted, supervisor, {}))).toBe('没有权限删除此文档');
		expect(refusal(() => qa(tombstone, submitted, admin, {}))).toBeNull();
	});

	it('stays another inspector’s to leave alone', () => {
		const other = { name: 'inspector02', roles: ['inspector'] };
		expect(refusal(() => qa({ ...submitted, inspector: 'inspector02' }, submitted, other, {}))).toBe(
			'只能修改自己的质检单'
		);
	});

	it('may be repaired by the server admin (setup), whom the lock does not bind', () => {
		expect(refusal(() => qa({ ...submitted, agentName: 'agent02' }, submitted, serverAdmin, {}))).toBeNull();
	});
});

describe('a draft evaluation', () => {
	const draft = { ...scoredDraft(), _rev: '2-7c' };

	it.each<[string, Evaluation]>([
		['re-scored', rescored(draft, 'policy', { points: 5, deductionReasons: ['解答有误，但未造成不良影响'] })],
		['comments cleared', { ...draft, comments: [] }],
		['moved to another agent before it is sent', { ...draft, agentName: 'agent02' }],
		['submitted', { ...draft, status: 'submitted', submittedAt: '2026-11-22T01:20:00.000Z' }]
	])('%s: allowed to its inspector', (_change, doc) => {
		expect(refusal(() => qa(doc, draft, inspector, {}))).toBeNull();
	});

	it('may be started as a draft or submitted at once by its inspector, and deleted while a draft', () => {
		expect(refusal(() => qa(scoredDraft(), null, inspector, {}))).toBeNull();
		expect(refusal(() => qa(submittedEvaluation(), null, inspector, {}))).toBeNull();
		expect(
			refusal(() => qa({ _id: draft._id, _rev: draft._rev, _deleted: true }, draft, inspector, {}))
		).toBeNull();
	});
});
