import { describe, expect, it } from 'vitest';
import type { Evaluation, Recording } from '$lib/db/generated/documents';
import { filterChoices, matchesFilter, NO_FILTER, recordingRows } from './recording-filters';

function recording(callId: string, overrides: Partial<Recording> = {}): Recording {
	return {
		_id: `recording:${callId}`,
		type: 'recording',
		callId,
		agentName: 'agent01',
		agentDisplayName: '刘话务',
		startedAt: '2026-11-20T01:15:00.000Z',
		durationSeconds: 200,
		direction: 'inbound',
		businessType: '社会保障',
		handlingResult: '直接解答',
		ticketId: 'GD001',
		channels: 2,
		audio: { fileName: `${callId}.ogg`, contentType: 'audio/ogg', byteLength: 1000 },
		importedBy: 'inspector01',
		importedAt: '2026-11-21T00:00:00.000Z',
		...overrides
	};
}

function evaluation(recordingId: string, inspector: string, status: Evaluation['status']): Evaluation {
	return {
		_id: `evaluation:${recordingId}.${inspector}`,
		type: 'evaluation',
		recordingId,
		scorecardId: 'scorecard:hotline-12345-v1',
		scorecardVersion: 1,
		agentName: 'agent01',
		inspector,
		status,
		scores: [],
		comments: [],
		updatedAt: '2026-11-21T00:00:00.000Z'
	};
}

const rows = recordingRows(
	[
		recording('C1'),
		recording('C2', {
			startedAt: '2026-11-18T23:30:00.000Z', // 11-19 07:30 in China
			direction: 'callback',
			businessType: '回访',
			durationSeconds: 1800,
			agentName: 'agent02',
			agentDisplayName: '张话务',
			ticketId: 'GD777'
		}),
		recording('C3', { startedAt: '2026-11-17T02:00:00.000Z', handlingResult: '转办' })
	],
	[
		evaluation('recording:C1', 'inspector01', 'submitted'),
		evaluation('recording:C3', 'inspector02', 'draft')
	],
	'inspector01'
);
const ids = (filter: Partial<typeof NO_FILTER>) =>
	rows.filter((row) => matchesFilter(row, { ...NO_FILTER, ...filter })).map((row) => row.recording.callId);

describe('recording filters', () => {
	it('lists newest first and marks what has been scored', () => {
		expect(rows.map((row) => [row.recording.callId, row.scored])).toEqual([
			['C1', 'scored'],
			['C2', 'unscored'],
			['C3', 'draft']
		]);
	});

	it.each([
		[{}, ['C1', 'C2', 'C3']],
		[{ businessType: '回访' }, ['C2']],
		[{ handlingResult: '转办' }, ['C3']],
		[{ direction: 'callback' as const }, ['C2']],
		[{ agentName: 'agent02' }, ['C2']],
		[{ from: '2026-11-19', to: '2026-11-19' }, ['C2']],
		[{ from: '2026-11-18' }, ['C1', 'C2']],
		[{ to: '2026-11-17' }, ['C3']],
		[{ minMinutes: 10 }, ['C2']],
		[{ maxMinutes: 5 }, ['C1', 'C3']],
		[{ scored: 'unscored' as const }, ['C2']],
		[{ scored: 'scored' as const }, ['C1']],
		[{ text: 'gd777' }, ['C2']],
		[{ text: 'C3' }, ['C3']]
	])('%o → %o', (filter, expected) => {
		expect(ids(filter)).toEqual(expected);
	});

	it('offers the values present in the data', () => {
		const choices = filterChoices(rows);
		expect(choices.businessTypes).toEqual(['回访', '社会保障']);
		expect(choices.handlingResults).toEqual(['直接解答', '转办']);
		expect(choices.agents).toEqual([
			{ name: 'agent01', label: '刘话务' },
			{ name: 'agent02', label: '张话务' }
		]);
	});
});
