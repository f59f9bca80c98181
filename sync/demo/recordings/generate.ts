// `npx tsx sync/demo/recordings/generate.ts`: renders the demo calls (scripts.ts) to speech with espeak-ng
// (Mandarin read from tone-numbered pinyin) and sox: 8 kHz telephone audio, agent on the left channel and
// caller on the right. Writes the audio, calls.json (what setup loads, peaks included), and calls.csv with
// one SRT per call: the same batch as an inspector would import it by hand.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pinyin } from 'pinyin-pro';
import { PEAKS_PER_SECOND } from '../../../src/lib/qa/audio/peaks';
import { demoScripts, type DemoScript, type Turn } from './scripts';
import { peaksWithSox } from './sox-peaks';

const OUT = import.meta.dirname;
const RATE = 8000;
const GAP_SECONDS = 0.45;
const VOICES = { agent: 'cmn-latn-pinyin+f3', caller: 'cmn-latn-pinyin' } as const;
const PITCH = { agent: '55', caller: '40' } as const;

function run(command: string, args: string[]): string {
	return execFileSync(command, args, { encoding: 'utf8' });
}

function requireTools() {
	for (const tool of ['espeak-ng', 'sox']) {
		try {
			execFileSync(tool, ['--version'], { stdio: 'ignore' });
		} catch {
			throw new Error(`需要 ${tool}：apt-get install espeak-ng sox libsox-fmt-all`);
		}
	}
}

/** Tone-numbered pinyin; punctuation becomes a pause, the neutral tone is espeak's 5. */
function spokenPinyin(text: string): string {
	return pinyin(text, { toneType: 'num', type: 'array', nonZh: 'consecutive' })
		.map((syllable) => (/[，。？！、；：,.?!;:]/.test(syllable) ? ',' : syllable.replace(/0$/, '5')))
		.join(' ');
}

const seconds = (file: string) => Number(run('soxi', ['-D', file]).trim());

function renderTurn(turn: Turn, file: string, work: string) {
	const raw = path.join(work, 'raw.wav');
	run('espeak-ng', [
		'-v',
		VOICES[turn.speaker],
		'-p',
		PITCH[turn.speaker],
		'-s',
		'150',
		'-w',
		raw,
		spokenPinyin(turn.spoken ?? turn.text)
	]);
	run('sox', [raw, '-r', String(RATE), '-c', '1', '-b', '16', file, 'norm', '-3']);
}

function silence(file: string, length: number) {
	run('sox', ['-n', '-r', String(RATE), '-c', '1', '-b', '16', file, 'trim', '0', length.toFixed(3)]);
}

async function renderCall(script: DemoScript, work: string) {
	const left: string[] = [];
	const right: string[] = [];
	const transcript: Array<{
		startSeconds: number;
		endSeconds: number;
		speaker: Turn['speaker'];
		text: string;
	}> = [];
	let at = 0.3;
	const lead = path.join(work, 'lead.wav');
	silence(lead, at);
	left.push(lead);
	right.push(lead);
	script.turns.forEach((turn, index) => {
		const speech = path.join(work, `turn-${index}.wav`);
		renderTurn(turn, speech, work);
		const length = seconds(speech);
		const quiet = path.join(work, `quiet-${index}.wav`);
		silence(quiet, length);
		const gap = path.join(work, `gap-${index}.wav`);
		silence(gap, GAP_SECONDS);
		(turn.speaker === 'agent' ? left : right).push(speech, gap);
		(turn.speaker === 'agent' ? right : left).push(quiet, gap);
		transcript.push({
			startSeconds: Math.round(at * 100) / 100,
			endSeconds: Math.round((at + length) * 100) / 100,
			speaker: turn.speaker,
			text: turn.text
		});
		at += length + GAP_SECONDS;
	});
	const leftFile = path.join(work, 'left.wav');
	const rightFile = path.join(work, 'right.wav');
	run('sox', [...left, leftFile]);
	run('sox', [...right, rightFile]);
	const audioFile = `${script.callId}.${script.format}`;
	const target = path.join(OUT, audioFile);
	const quality = script.format === 'mp3' ? ['-C', '32'] : ['-C', '2'];
	run('sox', ['-M', leftFile, rightFile, ...quality, target]);
	const { peaks, durationSeconds } = await peaksWithSox(target, 2, RATE);
	return { audioFile, transcript, peaks, durationSeconds: Math.round(durationSeconds * 100) / 100 };
}

const srtTime = (value: number) => {
	const ms = Math.round(value * 1000);
	const pad = (n: number, width = 2) => String(n).padStart(width, '0');
	return `${pad(Math.floor(ms / 3600000))}:${pad(Math.floor(ms / 60000) % 60)}:${pad(Math.floor(ms / 1000) % 60)},${pad(ms % 1000, 3)}`;
};

function srt(
	transcript: Array<{ startSeconds: number; endSeconds: number; speaker: Turn['speaker']; text: string }>
) {
	return transcript
		.map(
			(segment, index) =>
				`${index + 1}\n${srtTime(segment.startSeconds)} --> ${srtTime(segment.endSeconds)}\n${segment.speaker === 'agent' ? '坐席' : '市民'}：${segment.text}\n`
		)
		.join('\n');
}

const DIRECTION_NAMES = { inbound: '呼入', outbound: '呼出', callback: '回访' } as const;

requireTools();
const work = mkdtempSync(path.join(os.tmpdir(), 'demo-calls-'));
try {
	const calls = [];
	for (const script of demoScripts) {
		const rendered = await renderCall(script, work);
		const { turns: _turns, format: _format, ...metadata } = script;
		calls.push({
			...metadata,
			durationSeconds: rendered.durationSeconds,
			audioFile: rendered.audioFile,
			transcript: rendered.transcript,
			waveform: {
				channels: 2,
				peaksPerSecond: PEAKS_PER_SECOND,
				durationSeconds: rendered.durationSeconds,
				peaks: rendered.peaks
			}
		});
		writeFileSync(path.join(OUT, `${script.callId}.srt`), srt(rendered.transcript));
		const size = statSync(path.join(OUT, rendered.audioFile)).size;
		console.log(
			`${rendered.audioFile}: ${rendered.durationSeconds} s, ${(size / 1024).toFixed(0)} KB, ${rendered.transcript.length} turns`
		);
	}
	writeFileSync(path.join(OUT, 'calls.json'), JSON.stringify(calls, null, '\t') + '\n');
	const header =
		'通话编号,坐席工号,坐席姓名,开始时间,时长(秒),呼叫类型,业务类型,处理结果,工单号,来电号码,录音文件';
	const lines = calls.map((call) =>
		[
			call.callId,
			call.employeeNumber,
			call.agentDisplayName,
			call.startedAt.replace('T', ' ').slice(0, 19),
			call.durationSeconds,
			DIRECTION_NAMES[call.direction],
			call.businessType,
			call.handlingResult,
			call.ticketId,
			call.callerNumber,
			call.audioFile
		].join(',')
	);
	writeFileSync(path.join(OUT, 'calls.csv'), [header, ...lines].join('\n') + '\n');
	console.log(
		`wrote calls.json, calls.csv and ${calls.length} SRT transcripts to ${path.relative(process.cwd(), OUT)}`
	);
} finally {
	rmSync(work, { recursive: true, force: true });
}
