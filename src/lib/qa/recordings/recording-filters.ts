// The inspectors' recording list: which calls match the filters (录音查询 by business type, result, date,
// direction, agent, duration, scored or not), newest first.
import { beijingDate } from '$lib/knowledge/exchange/china-time';
import type { Evaluation, Recording } from '$lib/db/generated/documents';

export const DIRECTION_LABELS: Record<Recording['direction'], string> = {
	inbound: '呼入',
	outbound: '呼出',
	callback: '回访'
};

export type ScoredState = 'unscored' | 'draft' | 'scored';

/** What the list needs of an evaluation: the server's view gives these fields, not whole documents. */
export type EvaluationSummary = Pick<Evaluation, 'recordingId' | 'inspector' | 'status' | 'total'>;

export interface RecordingRow {
	recording: Recording;
	/** This inspector's own evaluation, or else the most advanced one by anyone. */
	evaluation: EvaluationSummary | null;
	scored: ScoredState;
}

export interface RecordingFilter {
	businessType: string;
	handlingResult: string;
	/** China-time dates, YYYY-MM-DD, inclusive. */
	from: string;
	to: string;
	direction: Recording['direction'] | '';
	agentName: string;
	minMinutes: number | null;
	maxMinutes: number | null;
	scored: ScoredState | '';
	/** 通话编号 or 工单号, any part. */
	text: string;
}

export const NO_FILTER: RecordingFilter = {
	businessType: '',
	handlingResult: '',
	from: '',
	to: '',
	direction: '',
	agentName: '',
	minMinutes: null,
	maxMinutes: null,
	scored: '',
	text: ''
};

function scoredState(evaluation: EvaluationSummary | null): ScoredState {
	if (!evaluation) return 'unscored';
	return evaluation.status === 'draft' ? 'draft' : 'scored';
}

export function recordingRows(recordings: Recording[], evaluations: EvaluationSummary[], inspector: string) {
	const byRecording = new Map<string, EvaluationSummary>();
	for (const evaluation of evaluations) {
		const current = byRecording.get(evaluation.recordingId);
		const mine = evaluation.inspector === inspector;
		if (!current || (mine && current.inspector !== inspector) || (current.status === 'draft' && !mine))
			byRecording.set(evaluation.recordingId, evaluation);
	}
	return recordings
		.map((recording): RecordingRow => {
			const evaluation = byRecording.get(recording._id) ?? null;
			return { recording, evaluation, scored: scoredState(evaluation) };
		})
		.sort((a, b) => (a.recording.startedAt < b.recording.startedAt ? 1 : -1));
}

export function matchesFilter(row: RecordingRow, filter: RecordingFilter): boolean {
	const { recording } = row;
	const day = beijingDate(recording.startedAt);
	const minutes = recording.durationSeconds / 60;
	const text = filter.text.trim().toLowerCase();
	return (
		(!filter.businessType || recording.businessType === filter.businessType) &&
		(!filter.handlingResult || recording.handlingResult === filter.handlingResult) &&
		(!filter.from || day >= filter.from) &&
		(!filter.to || day <= filter.to) &&
		(!filter.direction || recording.direction === filter.direction) &&
		(!filter.agentName || recording.agentName === filter.agentName) &&
		(filter.minMinutes === null || minutes >= filter.minMinutes) &&
		(filter.maxMinutes === null || minutes <= filter.maxMinutes) &&
		(!filter.scored || row.scored === filter.scored) &&
		(!text ||
			recording.callId.toLowerCase().includes(text) ||
			(recording.ticketId ?? '').toLowerCase().includes(text))
	);
}

export interface FilterChoices {
	businessTypes: string[];
	handlingResults: string[];
	agents: Array<{ name: string; label: string }>;
}

/** The values present in the data, for the filter drop-downs. */
export function filterChoices(rows: RecordingRow[]): FilterChoices {
	const distinct = (values: Array<string | undefined>) =>
		[...new Set(values.filter((value): value is string => Boolean(value)))].sort((a, b) =>
			a.localeCompare(b, 'zh-CN')
		);
	const agents = new Map<string, string>();
	for (const { recording } of rows)
		agents.set(recording.agentName, recording.agentDisplayName ?? recording.agentName);
	return {
		businessTypes: distinct(rows.map((row) => row.recording.businessType)),
		handlingResults: distinct(rows.map((row) => row.recording.handlingResult)),
		agents: [...agents].map(([name, label]) => ({ name, label }))
	};
}
