// Transcripts that come with a batch: JSON (an array of segments) or SRT whose cue text starts with the
// speaker (坐席：… / 市民：…). Errors name the line, in Chinese.
import type { Transcript } from '$lib/db/generated/documents';
import { failure, success, type Result } from '$lib/result';

export type Segment = Transcript['segments'][number];

const SPEAKERS: Record<string, Segment['speaker']> = {
	坐席: 'agent',
	话务员: 'agent',
	客服: 'agent',
	agent: 'agent',
	a: 'agent',
	市民: 'caller',
	来电人: 'caller',
	来电者: 'caller',
	客户: 'caller',
	caller: 'caller',
	customer: 'caller',
	b: 'caller'
};

const speakerOf = (label: unknown): Segment['speaker'] =>
	SPEAKERS[
		String(label ?? '')
			.trim()
			.toLowerCase()
	] ?? 'unknown';

const byStart = (a: Segment, b: Segment) => a.startSeconds - b.startSeconds;

function parseJson(text: string): Result<Segment[]> {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		return failure(`JSON 格式错误：${(error as Error).message}`);
	}
	const list = Array.isArray(data) ? data : (data as { segments?: unknown })?.segments;
	if (!Array.isArray(list)) return failure('JSON 转写应为数组，或含 segments 数组的对象');
	const segments: Segment[] = [];
	for (const [index, item] of list.entries()) {
		const entry = item as Record<string, unknown>;
		const start = Number(entry.startSeconds ?? entry.start);
		const end = Number(entry.endSeconds ?? entry.end);
		const text = String(entry.text ?? '').trim();
		if (!Number.isFinite(start) || !Number.isFinite(end) || end < start || start < 0)
			return failure(`第 ${index + 1} 段的起止时间不正确`);
		segments.push({
			startSeconds: start,
			endSeconds: end,
			speaker: speakerOf(entry.speaker ?? entry.role),
			text
		});
	}
	return success(segments.sort(byStart));
}

const CUE_TIME = /^(\d{1,2}):(\d{2}):(\d{2})[,.](\d{1,3})\s*-->\s*(\d{1,2}):(\d{2}):(\d{2})[,.](\d{1,3})/;
const seconds = (h: string, m: string, s: string, ms: string) =>
	Number(h) * 3600 + Number(m) * 60 + Number(s) + Number(ms.padEnd(3, '0')) / 1000;

function parseSrt(text: string): Result<Segment[]> {
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	const segments: Segment[] = [];
	for (let index = 0; index < lines.length; index++) {
		const match = CUE_TIME.exec(lines[index]!.trim());
		if (!match) {
			const line = lines[index]!.trim();
			if (line && !/^\d+$/.test(line) && segments.length === 0)
				return failure(`第 ${index + 1} 行不是 SRT 时间行：${line.slice(0, 30)}`);
			continue;
		}
		const start = seconds(match[1]!, match[2]!, match[3]!, match[4]!);
		const end = seconds(match[5]!, match[6]!, match[7]!, match[8]!);
		if (end < start) return failure(`第 ${index + 1} 行的结束时间早于开始时间`);
		const body: string[] = [];
		while (index + 1 < lines.length && lines[index + 1]!.trim() !== '') body.push(lines[++index]!.trim());
		const joined = body.join(' ');
		const labelled = /^([^：:]{1,6})[：:]\s*(.*)$/.exec(joined);
		const speaker = labelled ? speakerOf(labelled[1]) : 'unknown';
		segments.push({
			startSeconds: start,
			endSeconds: end,
			speaker,
			text: labelled && speaker !== 'unknown' ? labelled[2]! : joined
		});
	}
	if (segments.length === 0) return failure('没有找到任何字幕段');
	return success(segments.sort(byStart));
}

export function parseTranscript(fileName: string, text: string): Result<Segment[]> {
	return /\.json$/i.test(fileName) ? parseJson(text) : parseSrt(text);
}
