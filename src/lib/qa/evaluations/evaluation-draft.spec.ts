import { describe, expect, it } from 'vitest';
import type { Recording, Scorecard } from '$lib/db/generated/documents';
import { assertValidDocument } from '$lib/db/validation';
import { evaluationIdFor, newEvaluation, withComment, withoutComment } from './evaluation-draft';

const recording: Recording = {
	_id: 'recording:C20261120-0001',
	type: 'recording',
	callId: 'C20261120-0001',
	agentName: 'agent01',
	startedAt: '2026-11-20T01:15:00.000Z',
	durationSeconds: 61.5,
	direction: 'inbound',
	businessType: '社会保障',
	callerNumber: '13812345678',
	channels: 2,
	audio: { fileName: 'a.ogg', contentType: 'audio/ogg', byteLength: 100 },
	importedBy: 'inspector01',
	importedAt: '2026-11-21T00:00:00.000Z'
};

const scorecard: Scorecard = {
	_id: 'scorecard:hotline-12345-v2',
	type: 'scorecard',
	family: 'hotline-12345',
	name: '12345',
	version: 2,
	sections: [
		{
			key: 'attitude',
			name: '服务态度',
			criteria: [
				{ key: 'warmth', name: '亲和力', maxPoints: 10, redLine: false, allowNotApplicable: false },
				{ key: 'rude', name: '态度恶劣', maxPoints: 0, redLine: true, allowNotApplicable: false }
			]
		},
		{
			key: 'ticket',
			name: '工单',
			criteria: [{ key: 'record', name: '记录准确', maxPoints: 20, redLine: false, allowNotApplicable: true }]
		}
	],
	updatedBy: 'inspector01',
	updatedAt: '2026-11-01T00:00:00.000Z'
};

describe('a new evaluation', () => {
	const evaluation = newEvaluation(recording, scorecard, 'inspector01', '2026-11-22T00:00:00.000Z');

	it('is a valid draft on the scorecard version, one unscored line per criterion', () => {
		expect(() => assertValidDocument(evaluation)).not.toThrow();
		expect(evaluation._id).toBe(evaluationIdFor(recording._id, 'inspector01'));
		expect(evaluation._id).toBe('evaluation:C20261120-0001.inspector01');
		expect(evaluation).toMatchObject({ status: 'draft', scorecardVersion: 2, agentName: 'agent01' });
		expect(evaluation.scores.map((score) => [score.criterionKey, score.points])).toEqual([
			['warmth', null],
			['rude', null],
			['record', null]
		]);
	});

	it('carries what the agent needs to recognise the call, never the caller’s number', () => {
		expect(evaluation.call).toEqual({
			callId: 'C20261120-0001',
			startedAt: recording.startedAt,
			durationSeconds: 61.5,
			direction: 'inbound',
			businessType: '社会保障'
		});
		expect(JSON.stringify(evaluation)).not.toContain('13812345678');
	});

	it('keeps comments in time order and removes them by id', () => {
		const later = withComment(evaluation, { startSeconds: 30, text: '未核实号码' }, 'c1');
		const both = withComment(later, { startSeconds: 5, endSeconds: 9, text: '开头语规范' }, 'c2');
		expect(both.comments.map((comment) => comment.id)).toEqual(['c2', 'c1']);
		expect(withoutComment(both, 'c2').comments.map((comment) => comment.id)).toEqual(['c1']);
		expect(evaluation.comments).toEqual([]);
	});
});
