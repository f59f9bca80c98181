// Loads the shipped demo calls (sync/demo/recordings, made by generate.ts from espeak-ng speech) so that
// `npm start` opens on a working QA desk: recordings with waveforms and transcripts, their audio in
// qa-audio, and one submitted evaluation for agent01 to see.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ServerScope } from 'nano';
import type { Evaluation, Recording, Transcript, Waveform } from '../../src/lib/db/generated/documents';
import { AUDIO_ATTACHMENT, audioDocumentId } from '../../src/lib/db/audio-transfer';
import { QA_AUDIO_DB, QA_DB } from '../../src/lib/db/catalog';
import type { UserAccount } from './setup';
import { defaultScorecards } from '../../src/lib/qa/scorecards/default-scorecards';
import { scoreEvaluation } from '../../src/lib/qa/scoring/score-evaluation';
import { insertMissingDocuments } from './bulk-insert';
import { appealDeadline } from '../../src/lib/qa/appeals/appeal-deadline';

const DEMO_DIR = path.join(import.meta.dirname, '../demo/recordings');
const IMPORTED_AT = '2026-11-21T01:00:00.000Z';
const CONTENT_TYPES: Record<string, NonNullable<Recording['audio']>['contentType']> = {
	ogg: 'audio/ogg',
	mp3: 'audio/mpeg',
	wav: 'audio/wav',
	m4a: 'audio/mp4'
};

export interface DemoCall {
	callId: string;
	employeeNumber: string;
	agentDisplayName: string;
	startedAt: string;
	durationSeconds: number;
	direction: Recording['direction'];
	businessType: string;
	handlingResult: string;
	ticketId: string;
	callerNumber: string;
	hotline: '12345' | '12355';
	audioFile: string;
	transcript: Transcript['segments'];
	waveform: Pick<Waveform, 'channels' | 'peaksPerSecond' | 'durationSeconds' | 'peaks'>;
}

export function readDemoCalls(): DemoCall[] {
	const file = path.join(DEMO_DIR, 'calls.json');
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoCall[]) : [];
}

/** What the hotline's other systems say about the demo calls: a complaint, and an unsatisfied 回访. */
const DEMO_CALL_OUTCOMES: Record<string, Pick<Recording, 'complaint' | 'callbackSatisfaction'>> = {
	'C20261119-0007': { complaint: true },
	'C20261120-0003': { callbackSatisfaction: 'unsatisfied' }
};

export function callDocuments(call: DemoCall, agentName: string, audio: Buffer) {
	const extension = path.extname(call.audioFile).slice(1).toLowerCase();
	const recording: Recording = {
		_id: `recording:${call.callId}`,
		type: 'recording',
		callId: call.callId,
		agentName,
		agentDisplayName: call.agentDisplayName,
		agentEmployeeNumber: call.employeeNumber,
		startedAt: new Date(call.startedAt).toISOString(),
		durationSeconds: call.durationSeconds,
		direction: call.direction,
		businessType: call.businessType,
		handlingResult: call.handlingResult,
		ticketId: call.ticketId,
		...DEMO_CALL_OUTCOMES[call.callId],
		callerNumber: call.callerNumber,
		channels: call.waveform.channels,
		hotline: call.hotline,
		audio: {
			fileName: call.audioFile,
			contentType: CONTENT_TYPES[extension] ?? 'audio/ogg',
			byteLength: audio.length,
			md5: createHash('md5').update(new Uint8Array(audio)).digest('base64url')
		},
		hasTranscript: call.transcript.length > 0,
		importedBy: 'inspector01',
		importedAt: IMPORTED_AT
	};
	const waveform: Waveform = {
		_id: `waveform:${call.callId}`,
		type: 'waveform',
		recordingId: recording._id,
		...call.waveform
	};
	const transcript: Transcript = {
		_id: `transcript:${call.callId}`,
		type: 'transcript',
		recordingId: recording._id,
		segments: call.transcript
	};
	return { recording, waveform, transcript };
}

/** A submitted evaluation of the first 12345 call, so agent01 has a result to read and acknowledge. */
function demoEvaluation(recording: Recording, deliveredAt: string): Evaluation {
	return {
		_id: `evaluation:${recording.callId}.inspector01`,
		type: 'evaluation',
		recordingId: recording._id,
		scorecardId: 'scorecard:hotline-12345-v1',
		scorecardVersion: 1,
		agentName: recording.agentName,
		call: {
			callId: recording.callId,
			startedAt: recording.startedAt,
			durationSeconds: recording.durationSeconds,
			direction: recording.direction,
			...(recording.businessType ? { businessType: recording.businessType } : {})
		},
		inspector: 'inspector01',
		status: 'submitted',
		scores: [
			{ criterionKey: 'warmth', points: 8 },
			{ criterionKey: 'listening', points: 7 },
			{ criterionKey: 'emotion', points: null, notApplicable: true },
			{ criterionKey: 'opening', points: 5 },
			{ criterionKey: 'closing', points: 3, deductionReasons: ['未询问是否还有其他问题'] },
			{ criterionKey: 'courtesy', points: 5 },
			{ criterionKey: 'policy', points: 15 },
			{ criterionKey: 'knowledge', points: 5 },
			{ criterionKey: 'resolution', points: 10 },
			{ criterionKey: 'complaint', points: 10 },
			{
				criterionKey: 'contact',
				points: 2,
				deductionReasons: ['未核实联系电话'],
				comment: '未向来电人核实回访号码'
			},
			{ criterionKey: 'unit', points: null, notApplicable: true },
			{ criterionKey: 'category', points: 8 },
			{ criterionKey: 'abuse', points: null, redLineFailed: false },
			{ criterionKey: 'privacy', points: null, redLineFailed: false },
			{ criterionKey: 'wrong-policy', points: null, redLineFailed: false }
		],
		comments: [
			{ id: 'demo-1', startSeconds: 0, endSeconds: 4, text: '开头语规范，报了工号', criterionKey: 'opening' },
			{
				id: 'demo-2',
				startSeconds: Math.max(0, recording.durationSeconds - 8),
				text: '结束前没有询问是否还有其他问题',
				criterionKey: 'closing'
			}
		],
		total: null,
		// Delivered when the demo is first loaded, so agent01 may still appeal it (3 working days).
		submittedAt: deliveredAt,
		appealDeadline: appealDeadline(deliveredAt),
		updatedAt: deliveredAt
	};
}

/** One request, as the browser uploads: the attachment to the id that carries its MD5 creates the document. */
async function uploadDemoAudio(server: ServerScope, recording: Recording, audio: Buffer) {
	const db = server.use(QA_AUDIO_DB);
	const id = audioDocumentId(recording);
	if (await db.head(id).catch(() => null)) return false;
	await db.attachment.insert(id, AUDIO_ATTACHMENT, audio, recording.audio.contentType);
	return true;
}

export async function loadDemoRecordings(
	server: ServerScope,
	agents: UserAccount[],
	log: (line: string) => void
) {
	const calls = readDemoCalls();
	const agentByNumber = new Map(agents.map((agent) => [agent.employeeNumber, agent.name]));
	const documents: Array<Recording | Waveform | Transcript | Evaluation> = [];
	let uploaded = 0;
	for (const call of calls) {
		const agentName = agentByNumber.get(call.employeeNumber);
		if (!agentName) throw new Error(`演示录音 ${call.callId} 的坐席工号 ${call.employeeNumber} 没有对应账号`);
		const audio = readFileSync(path.join(DEMO_DIR, call.audioFile));
		const { recording, waveform, transcript } = callDocuments(call, agentName, audio);
		documents.push(recording, waveform, transcript);
		if (await uploadDemoAudio(server, recording, audio)) uploaded++;
	}
	const first = documents.find(
		(doc): doc is Recording => doc.type === 'recording' && doc.hotline === '12345'
	);
	if (first) {
		const evaluation = demoEvaluation(first, new Date().toISOString());
		const scorecard = { ...defaultScorecards[0]!, updatedBy: 'system', updatedAt: IMPORTED_AT };
		documents.push({ ...evaluation, total: scoreEvaluation(scorecard, evaluation.scores).total });
	}
	const added = await insertMissingDocuments(server.use(QA_DB), documents);
	if (added > 0 || uploaded > 0) log(`  loaded ${calls.length} demo recordings (${uploaded} audio files)`);
}
