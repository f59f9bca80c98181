// Checks a recording batch before anything is written: every row of the sheet, the audio file it names,
// its transcript. The plan lists every problem; the import commits only a plan without any.
import type { Recording, Transcript } from '$lib/db/generated/documents';
import { validateDocument } from '$lib/db/validation';
import {
	parseCallerNumber,
	parseCallTime,
	parseDirection,
	parseSatisfaction,
	parseYesNo,
	parseDuration,
	SHEET_FIELD_LABELS,
	type SheetColumns,
	type SheetRow
} from './recording-sheet';
import { parseTranscript } from './transcript-parse';

export const AUDIO_TYPES: Record<string, NonNullable<Recording['audio']>['contentType']> = {
	wav: 'audio/wav',
	mp3: 'audio/mpeg',
	m4a: 'audio/mp4',
	ogg: 'audio/ogg',
	oga: 'audio/ogg',
	webm: 'audio/webm'
};

export interface ImportProblem {
	/** The sheet row (1-based, as Excel numbers it), or 0 for the batch as a whole. */
	row: number;
	field?: string;
	message: string;
}

export interface PlannedCall {
	row: number;
	recording: Recording;
	audioFileName: string;
	transcript?: Transcript;
}

export interface ImportPlan {
	calls: PlannedCall[];
	problems: ImportProblem[];
	/** Audio files that no row names: not an error, but the inspector should know. */
	unmatchedAudio: string[];
}

export interface PlanInput {
	columns: SheetColumns;
	rows: SheetRow[];
	audioFiles: Array<{ name: string; size: number }>;
	transcripts: Array<{ name: string; text: string }>;
	agentsByEmployeeNumber: Map<string, { userName: string; displayName: string; subPlatform?: string }>;
	existingCallIds: Set<string>;
	importedBy: string;
	now: string;
}

const REQUIRED = ['callId', 'employeeNumber', 'startedAt', 'duration', 'direction'] as const;
const baseName = (name: string) => name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
const extension = (name: string) => /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

function audioFor(row: SheetRow, files: PlanInput['audioFiles']) {
	if (row.audioFile)
		return files.find(
			(file) => file.name === row.audioFile || baseName(file.name) === baseName(row.audioFile)
		);
	return (
		files.find((file) => baseName(file.name) === row.callId) ??
		files.find((file) => row.callId.length >= 6 && baseName(file.name).includes(row.callId))
	);
}

export function planRecordingImport(input: PlanInput): ImportPlan {
	const problems: ImportProblem[] = [];
	const calls: PlannedCall[] = [];
	const usedAudio = new Set<string>();
	const seen = new Map<string, number>();

	for (const field of REQUIRED)
		if (input.columns[field] === null)
			problems.push({ row: 1, field, message: `表头缺少“${SHEET_FIELD_LABELS[field]}”列` });
	if (problems.length > 0) return { calls, problems, unmatchedAudio: [] };
	if (input.rows.length === 0) problems.push({ row: 0, message: '表格中没有数据行' });

	for (const row of input.rows) {
		const before = problems.length;
		const problem = (field: string, message: string) => problems.push({ row: row.row, field, message });
		for (const field of REQUIRED) if (!row[field]) problem(field, `缺少${SHEET_FIELD_LABELS[field]}`);
		if (row.callId && !/^[A-Za-z0-9_-]{1,64}$/.test(row.callId))
			problem('callId', `通话编号“${row.callId}”只能含字母、数字、- 和 _`);
		if (seen.has(row.callId)) problem('callId', `通话编号 ${row.callId} 与第 ${seen.get(row.callId)} 行重复`);
		else if (row.callId) seen.set(row.callId, row.row);
		if (input.existingCallIds.has(row.callId)) problem('callId', `通话编号 ${row.callId} 已导入过`);
		const agent = input.agentsByEmployeeNumber.get(row.employeeNumber);
		if (row.employeeNumber && !agent)
			problem('employeeNumber', `坐席工号 ${row.employeeNumber} 不是本系统的话务员账号`);
		const startedAt = row.startedAt ? parseCallTime(row.startedAt) : null;
		if (row.startedAt && !startedAt) problem('startedAt', `无法识别开始时间“${row.startedAt}”`);
		const duration = row.duration ? parseDuration(row.duration) : null;
		if (row.duration && (duration === null || duration > 86400))
			problem('duration', `无法识别时长“${row.duration}”`);
		const direction = row.direction ? parseDirection(row.direction) : null;
		if (row.direction && !direction)
			problem('direction', `呼叫类型须为 呼入/呼出/回访，而不是“${row.direction}”`);
		const callerNumber = row.callerNumber ? parseCallerNumber(row.callerNumber) : undefined;
		if (row.callerNumber && !callerNumber) problem('callerNumber', `来电号码“${row.callerNumber}”格式不正确`);
		if (row.hotline && !['12345', '12355'].includes(row.hotline))
			problem('hotline', '热线须为 12345 或 12355');
		const complaint = row.complaint ? parseYesNo(row.complaint) : null;
		if (row.complaint && complaint === null) problem('complaint', `投诉须为 是/否，而不是“${row.complaint}”`);
		const satisfaction = row.callbackSatisfaction ? parseSatisfaction(row.callbackSatisfaction) : null;
		if (row.callbackSatisfaction && !satisfaction)
			problem(
				'callbackSatisfaction',
				`回访满意度须为 满意/基本满意/不满意，而不是“${row.callbackSatisfaction}”`
			);
		const audio = audioFor(row, input.audioFiles);
		if (!audio)
			problem(
				'audioFile',
				row.audioFile ? `没有选择录音文件 ${row.audioFile}` : `没有找到通话 ${row.callId} 的录音文件`
			);
		else if (!AUDIO_TYPES[extension(audio.name)])
			problem('audioFile', `${audio.name} 不是支持的音频格式（wav、mp3、m4a、ogg）`);
		else if (usedAudio.has(audio.name)) problem('audioFile', `录音文件 ${audio.name} 被多行使用`);
		if (audio) usedAudio.add(audio.name);

		const transcriptFile = input.transcripts.find((file) => baseName(file.name) === row.callId);
		let transcript: Transcript | undefined;
		if (transcriptFile) {
			const parsed = parseTranscript(transcriptFile.name, transcriptFile.text);
			if (!parsed.ok) problem('transcript', `转写 ${transcriptFile.name}：${parsed.error}`);
			else
				transcript = {
					_id: `transcript:${row.callId}`,
					type: 'transcript',
					recordingId: `recording:${row.callId}`,
					...(agent?.subPlatform ? { subPlatform: agent.subPlatform } : {}),
					segments: parsed.value
				};
		}
		if (problems.length > before || !agent || !startedAt || duration === null || !direction || !audio)
			continue;

		const recording: Recording = {
			_id: `recording:${row.callId}`,
			type: 'recording',
			// The agent's sub-platform, from their profile: what reports group the call by.
			...(agent.subPlatform ? { subPlatform: agent.subPlatform } : {}),
			callId: row.callId,
			agentName: agent.userName,
			agentDisplayName: row.agentDisplayName || agent.displayName,
			agentEmployeeNumber: row.employeeNumber,
			startedAt,
			durationSeconds: Math.round(duration * 100) / 100,
			direction,
			...(row.businessType ? { businessType: row.businessType } : {}),
			...(row.handlingResult ? { handlingResult: row.handlingResult } : {}),
			...(row.ticketId ? { ticketId: row.ticketId } : {}),
			...(complaint ? { complaint } : {}),
			...(satisfaction ? { callbackSatisfaction: satisfaction } : {}),
			...(callerNumber ? { callerNumber } : {}),
			...(row.hotline ? { hotline: row.hotline as '12345' | '12355' } : {}),
			channels: 1,
			audio: {
				fileName: audio.name,
				contentType: AUDIO_TYPES[extension(audio.name)]!,
				byteLength: audio.size
			},
			hasTranscript: Boolean(transcript),
			importedBy: input.importedBy,
			importedAt: input.now
		};
		// Last guard: the documents must pass the same schema the server enforces.
		for (const doc of [recording, ...(transcript ? [transcript] : [])]) {
			const valid = validateDocument(doc);
			if (!valid.ok) problem('', valid.errors.join('；'));
		}
		if (problems.length === before)
			calls.push({
				row: row.row,
				recording,
				audioFileName: audio.name,
				...(transcript ? { transcript } : {})
			});
	}
	const unmatchedAudio = input.audioFiles.map((file) => file.name).filter((name) => !usedAudio.has(name));
	return { calls, problems, unmatchedAudio };
}
