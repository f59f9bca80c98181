import { describe, expect, it } from 'vitest';
import { planRecordingImport, type PlanInput } from './recording-import';
import { parseCallTime, parseDirection, parseDuration, sheetRows } from './recording-sheet';
import { parseTranscript } from './transcript-parse';

const HEADER = [
	'通话编号',
	'坐席工号',
	'坐席姓名',
	'开始时间',
	'时长(秒)',
	'呼叫类型(呼入/呼出/回访)',
	'业务类型',
	'处理结果',
	'工单号',
	'来电号码',
	'录音文件'
];

function plan(rows: string[][], overrides: Partial<PlanInput> = {}) {
	const sheet = sheetRows([HEADER, ...rows]);
	return planRecordingImport({
		...sheet,
		audioFiles: [
			{ name: 'C1.ogg', size: 1000 },
			{ name: 'C2.mp3', size: 2000 },
			{ name: 'extra.wav', size: 10 }
		],
		transcripts: [],
		agentsByEmployeeNumber: new Map([['1001', { userName: 'agent01', displayName: '刘话务' }]]),
		existingCallIds: new Set(['OLD1']),
		importedBy: 'inspector01',
		now: '2026-11-22T00:00:00.000Z',
		...overrides
	});
}

const good = [
	'C1',
	'1001',
	'刘话务',
	'2026-11-18 09:12:05',
	'56.4',
	'呼入',
	'社会保障',
	'直接解答',
	'GD1',
	'138-1234-5678',
	'C1.ogg'
];

describe('reading the sheet', () => {
	it('finds columns by their Chinese headers, with units in brackets', () => {
		const { columns, rows } = sheetRows([HEADER, good, [], ['  ']]);
		expect(columns.duration).toBe(4);
		expect(columns.direction).toBe(5);
		expect(columns.hotline).toBeNull();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ row: 2, callId: 'C1', duration: '56.4', direction: '呼入' });
	});

	it.each([
		['2026-11-18 09:12:05', '2026-11-18T01:12:05.000Z'],
		['2026/11/18 9:12', '2026-11-18T01:12:00.000Z'],
		['2026年11月18日 00:30', '2026-11-17T16:30:00.000Z'],
		['2026-11-18T09:12:05+08:00', '2026-11-18T01:12:05.000Z'],
		['2026-02-30 10:00', null],
		['昨天', null]
	])('time %s → %s', (text, iso) => {
		expect(parseCallTime(text)).toBe(iso);
	});

	it.each([
		['205', 205],
		['205.5', 205.5],
		['00:03:25', 205],
		['3:25', 205],
		['3分25秒', 205],
		['1小时2分', 3720],
		['三分钟', null]
	])('duration %s → %s', (text, value) => {
		expect(parseDuration(text)).toBe(value);
	});

	it.each([
		['呼入', 'inbound'],
		['回访', 'callback'],
		['Outbound', 'outbound'],
		['转接', null]
	])('direction %s → %s', (text, value) => {
		expect(parseDirection(text)).toBe(value);
	});
});

describe('planning an import', () => {
	it('plans a valid row as a recording of the agent with that 工号', () => {
		const result = plan([good]);
		expect(result.problems).toEqual([]);
		expect(result.calls[0]!.recording).toMatchObject({
			_id: 'recording:C1',
			agentName: 'agent01',
			startedAt: '2026-11-18T01:12:05.000Z',
			durationSeconds: 56.4,
			direction: 'inbound',
			callerNumber: '138-1234-5678',
			audio: { fileName: 'C1.ogg', contentType: 'audio/ogg', byteLength: 1000 }
		});
		expect(result.unmatchedAudio).toEqual(['C2.mp3', 'extra.wav']);
	});

	it('finds the audio by call id when the sheet names no file', () => {
		const result = plan([[...good.slice(0, 10), '']]);
		expect(result.calls[0]!.audioFileName).toBe('C1.ogg');
	});

	it('lists every problem of every row and plans nothing from a bad row', () => {
		const result = plan([
			good,
			['C1', '1001', '', '2026-11-18 10:00', '30', '呼入', '', '', '', '', 'C2.mp3'],
			['C 3', '1009', '', '2026-13-01 10:00', '三分钟', '转接', '', '', '', 'abc', 'missing.wav'],
			['OLD1', '1001', '', '2026-11-18 10:00', '30', '回访', '', '', '', '', 'extra.wav'],
			['C4', '', '', '', '', '', '', '', '', '', 'notes.txt']
		]);
		expect(result.calls.map((call) => call.row)).toEqual([2]);
		expect(result.problems.map((problem) => `${problem.row} ${problem.message}`)).toEqual([
			'3 通话编号 C1 与第 2 行重复',
			'4 通话编号“C 3”只能含字母、数字、- 和 _',
			'4 坐席工号 1009 不是本系统的话务员账号',
			'4 无法识别开始时间“2026-13-01 10:00”',
			'4 无法识别时长“三分钟”',
			'4 呼叫类型须为 呼入/呼出/回访，而不是“转接”',
			'4 来电号码“abc”格式不正确',
			'4 没有选择录音文件 missing.wav',
			'5 通话编号 OLD1 已导入过',
			'6 缺少坐席工号',
			'6 缺少开始时间',
			'6 缺少时长',
			'6 缺少呼叫类型',
			'6 没有选择录音文件 notes.txt'
		]);
	});

	it('refuses a sheet without the required columns', () => {
		const sheet = sheetRows([
			['通话编号', '备注'],
			['C1', 'x']
		]);
		const result = planRecordingImport({
			...sheet,
			audioFiles: [],
			transcripts: [],
			agentsByEmployeeNumber: new Map(),
			existingCallIds: new Set(),
			importedBy: 'i',
			now: '2026-11-22T00:00:00.000Z'
		});
		expect(result.problems.map((problem) => problem.message)).toEqual([
			'表头缺少“坐席工号”列',
			'表头缺少“开始时间”列',
			'表头缺少“时长”列',
			'表头缺少“呼叫类型”列'
		]);
	});

	it('attaches a transcript by call id and reports one that does not parse', () => {
		const srt =
			'1\n00:00:00,300 --> 00:00:04,000\n坐席：您好，12345热线\n\n2\n00:00:04,500 --> 00:00:07,000\n市民：我想咨询社保卡\n';
		const ok = plan([good], { transcripts: [{ name: 'C1.srt', text: srt }] });
		expect(ok.calls[0]!.transcript!.segments).toEqual([
			{ startSeconds: 0.3, endSeconds: 4, speaker: 'agent', text: '您好，12345热线' },
			{ startSeconds: 4.5, endSeconds: 7, speaker: 'caller', text: '我想咨询社保卡' }
		]);
		expect(ok.calls[0]!.recording.hasTranscript).toBe(true);
		const bad = plan([good], { transcripts: [{ name: 'C1.json', text: '{"segments": 3}' }] });
		expect(bad.problems[0]!.message).toBe('转写 C1.json：JSON 转写应为数组，或含 segments 数组的对象');
		expect(bad.calls).toEqual([]);
	});
});

describe('transcripts', () => {
	it('reads JSON with speaker names in Chinese or English', () => {
		const parsed = parseTranscript(
			'x.json',
			JSON.stringify([
				{ start: 5, end: 7, speaker: '市民', text: '谢谢' },
				{ startSeconds: 0, endSeconds: 4, role: 'agent', text: '您好' },
				{ start: 8, end: 9, speaker: '第三方', text: '嗯' }
			])
		);
		expect(parsed.ok && parsed.value.map((segment) => segment.speaker)).toEqual([
			'agent',
			'caller',
			'unknown'
		]);
	});

	it('names the line of a malformed SRT', () => {
		expect(parseTranscript('x.srt', '1\n这不是时间\n你好')).toEqual({
			ok: false,
			error: '第 2 行不是 SRT 时间行：这不是时间'
		});
		expect(parseTranscript('x.srt', '1\n00:00:05,000 --> 00:00:01,000\n坐席：你好')).toEqual({
			ok: false,
			error: '第 2 行的结束时间早于开始时间'
		});
	});
});

describe('the sub-platform (分平台) of a call', () => {
	it('is the agent’s, from their profile, and goes on to the evaluation', async () => {
		const { newEvaluation } = await import('../../evaluations/evaluation-draft');
		const { defaultScorecards } = await import('../../scorecards/default-scorecards');
		const haikou = plan([good], {
			agentsByEmployeeNumber: new Map([
				['1001', { userName: 'agent03', displayName: '王话务', subPlatform: 'haikou' }]
			])
		});
		const recording = haikou.calls[0]!.recording;
		expect(recording.subPlatform).toBe('haikou');
		const evaluation = newEvaluation(
			recording,
			{ ...defaultScorecards[0]!, updatedBy: 'system', updatedAt: '2026-11-01T00:00:00.000Z' },
			'inspector01',
			'2026-11-22T00:00:00.000Z'
		);
		expect(evaluation.subPlatform).toBe('haikou');
		expect(plan([good]).calls[0]!.recording.subPlatform).toBeUndefined();
	});
});

describe('投诉 and 回访满意度, for the sampling plans’ must-include rules', () => {
	const withOutcomes = (complaint: string, satisfaction: string) =>
		planRecordingImport({
			...sheetRows([
				[...HEADER, '是否投诉', '回访满意度'],
				[...good, complaint, satisfaction]
			]),
			audioFiles: [{ name: 'C1.ogg', size: 1000 }],
			transcripts: [],
			agentsByEmployeeNumber: new Map([['1001', { userName: 'agent01', displayName: '刘话务' }]]),
			existingCallIds: new Set(),
			importedBy: 'inspector01',
			now: '2026-11-22T00:00:00.000Z'
		});

	it('reads 是 and 不满意 onto the call', () => {
		const result = withOutcomes('是', '不满意');
		expect(result.problems).toEqual([]);
		expect(result.calls[0]!.recording).toMatchObject({
			complaint: true,
			callbackSatisfaction: 'unsatisfied'
		});
		expect(withOutcomes('否', '满意').calls[0]!.recording).not.toHaveProperty('complaint');
	});

	it('names the row of a value it cannot read', () => {
		const result = withOutcomes('可能', '还行吧');
		expect(result.calls).toEqual([]);
		expect(result.problems.map((problem) => problem.message)).toEqual([
			'投诉须为 是/否，而不是“可能”',
			'回访满意度须为 满意/基本满意/不满意，而不是“还行吧”'
		]);
	});
});
