// Who is told what: each step of a result's life reaches the agent and the inspector it concerns, and no one
// else; supervisors see what waits for their ruling.
import { describe, expect, it } from 'vitest';
import type { Acknowledgement, Appeal, CalibrationSession, Evaluation } from '$lib/db/generated/documents';
import { storedDraw } from '../../../../tests/fixtures/sample-draw';
import { rescored, submittedEvaluation } from '../../../../tests/fixtures/scored-evaluation';
import { withScoreHistory } from '../evaluations/score-history';
import { agentNotices, staffNotices } from './qa-notices';

const evaluation = submittedEvaluation();
const appeal: Appeal = {
	_id: 'appeal:C20261120-0001.inspector01',
	type: 'appeal',
	evaluationId: evaluation._id,
	agentName: 'agent01',
	reason: '已核实电话',
	status: 'upheld',
	ruling: '扣分不当',
	ruledBy: 'supervisor01',
	ruledAt: '2026-11-23T02:00:00.000Z',
	createdAt: '2026-11-22T09:00:00.000Z'
};
const rescoredByLead: Evaluation = withScoreHistory(
	evaluation,
	rescored(evaluation, 'contact', { points: 5 }),
	'supervisor01',
	'申诉成立',
	'2026-11-23T02:05:00.000Z'
);
const acknowledgement: Acknowledgement = {
	_id: 'acknowledgement:C20261120-0001.inspector01',
	type: 'acknowledgement',
	evaluationId: evaluation._id,
	agentName: 'agent01',
	acknowledgedAt: '2026-11-22T08:00:00.000Z'
};

describe('an agent’s notices', () => {
	it('tell of the result, the ruling and the re-score, newest first', () => {
		expect(agentNotices([rescoredByLead], [appeal]).map((notice) => notice.text)).toEqual([
			'通话 C20261120-0001 已改分：94 → 97',
			'通话 C20261120-0001 的申诉已终审：申诉成立',
			'新的质检结果：通话 C20261120-0001'
		]);
		expect(agentNotices([{ ...evaluation, status: 'draft' }], [{ ...appeal, status: 'open' }])).toEqual([]);
	});
});

describe('staff notices', () => {
	const documents = {
		appeals: [
			{ ...appeal, status: 'open' as const, ruling: undefined, ruledBy: undefined, ruledAt: undefined }
		],
		acknowledgements: [acknowledgement],
		rescored: [rescoredByLead],
		draws: [storedDraw()]
	};

	it('tell the inspector of the agent’s answers, a re-score of their result and their worklist', () => {
		const texts = staffNotices('inspector01', false, documents).map((notice) => notice.text);
		expect(texts).toContain('你的质检单通话 C20261120-0001 坐席申诉');
		expect(texts).toContain('坐席已确认通话 C20261120-0001 的质检结果');
		expect(texts).toContain('你的质检单（通话 C20261120-0001）已由 supervisor01 改分：94 → 97');
		expect(texts).toContain('新的待评清单：每周抽检（2026-11-16 至 2026-11-22）2 通');
	});

	it('tell a supervisor what waits for a ruling, and nothing of another inspector’s results', () => {
		const texts = staffNotices('supervisor01', true, documents).map((notice) => notice.text);
		expect(texts).toContain('待终审：通话 C20261120-0001 坐席申诉');
		expect(texts.some((text) => text.includes('坐席已确认'))).toBe(false);
		expect(staffNotices('inspector03', false, documents)).toEqual([]);
	});

	it('tell the inspector a call was given to them, with the reason', () => {
		const draw = storedDraw();
		draw.items[1]!.inspector = 'supervisor01';
		draw.history.push({
			recordingId: draw.items[1]!.recordingId,
			from: 'inspector01',
			to: 'supervisor01',
			reason: '质检员休假',
			by: 'supervisor01',
			at: '2026-11-24T02:00:00.000Z'
		});
		const texts = staffNotices('supervisor01', true, { ...documents, draws: [draw] }).map(
			(notice) => notice.text
		);
		expect(texts).toContain('通话 C20261119-0007 改派给你：质检员休假');
	});
});

describe('coaching notices', () => {
	const task = {
		_id: 'coachingTask:C20261120-0001.inspector01',
		type: 'coachingTask' as const,
		evaluationId: evaluation._id,
		agentName: 'agent01',
		criterionKeys: ['contact'],
		notes: '回访时先核实联系电话',
		commentIds: [],
		due: '2026-12-11',
		followUpCalls: 2,
		status: 'open' as const,
		createdBy: 'inspector01',
		createdAt: '2026-12-04T02:00:00.000Z'
	};
	const ack = {
		_id: 'coachingAck:C20261120-0001.inspector01',
		type: 'coachingAck' as const,
		taskId: task._id,
		agentName: 'agent01',
		note: '记住了',
		acknowledgedAt: '2026-12-05T02:00:00.000Z'
	};

	it('tell the agent of a new task and its coach of the confirmation, and nobody else', () => {
		expect(agentNotices([], [], [task]).map((notice) => notice.text)).toEqual([
			'新的辅导任务：回访时先核实联系电话（2026-12-11 前完成）'
		]);
		const documents = {
			appeals: [],
			acknowledgements: [],
			rescored: [],
			draws: [],
			coachingTasks: [task],
			coachingAcks: [ack]
		};
		expect(staffNotices('inspector01', false, documents).map((notice) => notice.text)).toEqual([
			'坐席 agent01 已确认辅导任务：记住了'
		]);
		expect(staffNotices('supervisor01', true, documents)).toEqual([]);
	});

	it('invite the inspectors to a calibration and tell them, and its supervisor, when the results are in', () => {
		const documents = { appeals: [], acknowledgements: [], rescored: [], draws: [] };
		const session: CalibrationSession = {
			_id: 'calibrationSession:demo-2026-12',
			type: 'calibrationSession',
			title: '2026年12月质检校准',
			scorecardId: 'scorecard:hotline-12345-v1',
			scorecardVersion: 1,
			calls: ['C20261118-0001', 'C20261119-0007'].map((callId) => ({
				recordingId: `recording:${callId}`,
				callId,
				agentName: 'agent01',
				startedAt: '2026-11-18T01:12:05.000Z',
				durationSeconds: 50
			})),
			inspectors: ['inspector01', 'inspector03'],
			passMark: 80,
			due: '2026-12-31',
			status: 'open',
			createdBy: 'supervisor01',
			createdAt: '2026-12-01T01:00:00.000Z',
			updatedAt: '2026-12-01T01:00:00.000Z'
		};
		const invited = staffNotices('inspector01', false, { ...documents, calibrations: [session] });
		expect(invited.map((notice) => notice.text)).toContain(
			'邀请你参加质检校准：2026年12月质检校准（2026-12-31 前盲评 2 通）'
		);
		expect(staffNotices('inspector03', false, { ...documents, calibrations: [session] })).toHaveLength(1);
		const revealed = { ...session, status: 'closed' as const, revealedAt: '2026-12-31T09:00:00.000Z' };
		for (const user of ['inspector01', 'supervisor01'])
			expect(
				staffNotices(user, user === 'supervisor01', { ...documents, calibrations: [revealed] }).map(
					(notice) => notice.text
				)
			).toContain('质检校准「2026年12月质检校准」已结束，可查看一致性结果');
		expect(
			staffNotices('inspector03', false, {
				...documents,
				calibrations: [{ ...session, inspectors: ['inspector01', 'supervisor01'] }]
			})
		).toEqual([]);
	});
});
