// 质检校准's rules as the design functions hold them (the embedded server and Apache CouchDB run the same):
// ids rebuilt from the fields, whatever script the user name is in; the session's calls and people fixed
// once it starts; a reference among its inspectors; closing final.
import { describe, expect, it } from 'vitest';
import { calibrationDatabase, databases } from '../../src/lib/db/catalog';
import type { CalibrationScore, CalibrationSession } from '../../src/lib/db/generated/documents';
import { calibrationProgressId, calibrationScoreId } from '../../src/lib/qa/calibration/calibration-ids';
import { compileValidateFunction, refusal } from '../../tests/support/design-functions';

const qa = compileValidateFunction(databases.qa!);
const calib = compileValidateFunction(calibrationDatabase);
const supervisor = { name: 'supervisor01', roles: ['supervisor', 'inspector'] };
const chineseName = { name: '质检员甲', roles: ['inspector'] };
const NOW = '2026-12-06T02:00:00.000Z';
const REV = '1-5e1b0f0c6a7a4c8e9d2b1a0f3c4d5e6f';

const session: CalibrationSession = {
	_id: 'calibrationSession:rules',
	type: 'calibrationSession',
	title: '规则测试',
	scorecardId: 'scorecard:hotline-12345-v1',
	scorecardVersion: 1,
	calls: [
		{ recordingId: 'recording:C1', callId: 'C1', agentName: 'agent01', startedAt: NOW, durationSeconds: 30 }
	],
	inspectors: ['质检员甲', 'inspector01'],
	passMark: 80,
	due: '2026-12-10',
	status: 'open',
	createdBy: 'supervisor01',
	createdAt: NOW,
	updatedAt: NOW
};
const stored = { ...session, _rev: REV };
const write = (
	fn: typeof qa,
	doc: object,
	old: object | null,
	user: { name: string; roles: string[] },
	owners: string[] = []
) => refusal(() => fn(doc, old, user, { members: { names: owners } }));

describe('calibration sessions', () => {
	it('name distinct inspectors, and a reference among them', () => {
		expect(write(qa, session, null, supervisor)).toBeNull();
		expect(write(qa, { ...session, inspectors: ['inspector01', 'inspector01'] }, null, supervisor)).toBe(
			'校准的质检员不可重复'
		);
		expect(write(qa, { ...session, referenceInspector: 'inspector03' }, null, supervisor)).toBe(
			'参考评分人须是参加校准的质检员'
		);
	});

	it('keep their calls, people and scorecard once started; the reference may change, even after close', () => {
		for (const change of [
			{ calls: [{ ...session.calls[0]!, recordingId: 'recording:C2', callId: 'C2' }] },
			{ inspectors: ['inspector01', 'inspector03'] },
			{ scorecardVersion: 2 },
			{ createdBy: 'supervisor02' }
		])
			expect(write(qa, { ...stored, ...change }, stored, supervisor)).toMatch(/不可更改/);
		const closed = { ...stored, status: 'closed', closedBy: 'supervisor01', closedAt: NOW };
		expect(write(qa, closed, stored, supervisor)).toBeNull();
		expect(write(qa, { ...closed, referenceInspector: '质检员甲' }, closed, supervisor)).toBeNull();
		expect(write(qa, { ...closed, closedAt: '2026-12-07T02:00:00.000Z' }, closed, supervisor)).toBe(
			'结束信息不可更改'
		);
		expect(write(qa, { ...stored, closedBy: 'supervisor01' }, stored, supervisor)).toBe(
			'进行中的校准不可带有结束信息'
		);
	});
});

describe('calibration scores and progress under ids rebuilt from their fields', () => {
	const score: CalibrationScore = {
		_id: calibrationScoreId(session._id, 'recording:C1', '质检员甲'),
		type: 'calibrationScore',
		sessionId: session._id,
		recordingId: 'recording:C1',
		inspector: '质检员甲',
		scorecardId: session.scorecardId,
		scorecardVersion: 1,
		scores: [],
		total: null,
		status: 'draft',
		updatedAt: NOW
	};

	it('agree with the browser’s ids for a name in Chinese', () => {
		expect(write(calib, score, null, chineseName, ['质检员甲'])).toBeNull();
		expect(write(calib, { ...score, _id: `${score._id}00` }, null, chineseName, ['质检员甲'])).toMatch(
			/编号须为/
		);
		const progress = {
			_id: calibrationProgressId(session._id, '质检员甲'),
			type: 'calibrationProgress',
			sessionId: session._id,
			inspector: '质检员甲',
			submitted: ['recording:C1'],
			updatedAt: NOW
		};
		expect(write(qa, progress, null, chineseName)).toBeNull();
		expect(
			write(qa, { ...progress, _id: calibrationProgressId(session._id, 'inspector01') }, null, chineseName)
		).toMatch(/编号须为/);
	});

	it('are kept in their owner’s database, drafts deletable, a submission final', () => {
		expect(write(calib, score, null, chineseName, ['inspector01'])).toBe('这不是你的校准库');
		const submitted = { ...score, status: 'submitted', submittedAt: NOW, _rev: REV };
		expect(write(calib, { ...score, status: 'submitted' }, null, chineseName, ['质检员甲'])).toBe(
			'提交的校准评分须写明提交时间'
		);
		expect(write(calib, { ...submitted, total: 80 }, submitted, chineseName, ['质检员甲'])).toBe(
			'已提交的校准评分不可修改'
		);
		expect(
			write(calib, { _id: score._id, _deleted: true }, { ...score, _rev: REV }, chineseName, ['质检员甲'])
		).toBeNull();
		expect(write(calib, { _id: score._id, _deleted: true }, submitted, chineseName, ['质检员甲'])).toBe(
			'已提交的校准评分不可删除'
		);
	});
});
