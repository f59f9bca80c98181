// Recordings for the QA screens: the list, one call with its waveform and transcript, and the import
// commit. Returns results, never throws at the UI.
import { saveAllOrNothing } from '$lib/db/bulk-save';
import { QA_DB } from '$lib/db/catalog';
import { qaServerDatabase } from '$lib/db/server-databases';
import type { Evaluation, Recording, Transcript, Waveform } from '$lib/db/generated/documents';
import { Repository, type Stored } from '$lib/db/repository';
import { failure, success, type Result } from '$lib/result';
import { discardImportedAudio, keepAudioOffline, storeImportedAudio } from './audio.service';
import { copyFromServer, existingOnServer } from '$lib/db/server-documents';
import { readServerView, ServerUnreachable } from '$lib/db/server-views';
import { syncBaseUrl } from '$lib/session/session.service';
import { acknowledgementIdOf, appealIdOf } from './evaluations/evaluation-ids';

export interface RecordingBundle {
	recording: Stored<Recording>;
	waveform: Stored<Waveform> | null;
	transcript: Stored<Transcript> | null;
}

/** The documents of one call share its call id: recording:<id>, waveform:<id>, transcript:<id>. */
export function callKey(recordingId: string): string {
	return recordingId.slice('recording:'.length);
}

/**
 * Brings one call from the server into this browser: its recording, waveform and transcript, and every
 * evaluation of it with their acknowledgements and appeals. Calls are not replicated (README, 各角色浏览器
 * 保存什么); this is how one is opened from the server's list or kept for offline scoring.
 */
export async function copyCallFromServer(
	userName: string,
	recordingId: string,
	{ evaluationsOnly = false } = {}
): Promise<void> {
	const key = callKey(recordingId);
	const base = syncBaseUrl();
	const evaluations = await readServerView<string, unknown>(
		base,
		qaServerDatabase(),
		'app/evaluations-by-recording',
		{
			keys: [recordingId]
		}
	);
	const evaluationIds = evaluations.flatMap((row) => (row.id ? [row.id] : []));
	await copyFromServer(userName, QA_DB, base, qaServerDatabase(), [
		...(evaluationsOnly ? [] : [recordingId, `waveform:${key}`, `transcript:${key}`]),
		...evaluationIds,
		...evaluationIds.flatMap((id) => [acknowledgementIdOf(id), appealIdOf(id)])
	]);
}

async function localBundle(userName: string, recordingId: string): Promise<RecordingBundle | null> {
	const key = callKey(recordingId);
	const [recording, waveform, transcript] = await Promise.all([
		new Repository(userName, 'recording').get(recordingId),
		new Repository(userName, 'waveform').get(`waveform:${key}`),
		new Repository(userName, 'transcript').get(`transcript:${key}`)
	]);
	return recording ? { recording, waveform, transcript } : null;
}

/** The call from this browser, or else from the server (then kept here); its evaluations as fresh as can be. */
export async function getRecordingBundle(
	userName: string,
	recordingId: string
): Promise<Result<RecordingBundle | null>> {
	try {
		const held = await localBundle(userName, recordingId);
		try {
			// A call held here needs only the evaluations others made since (the call itself never changes).
			await copyCallFromServer(userName, recordingId, { evaluationsOnly: Boolean(held?.waveform) });
		} catch (error) {
			if (held) return success(held);
			if (error instanceof ServerUnreachable)
				return failure('这通录音不在本机，连不上服务器：联网后再打开，或先“下载供离线评分”');
			throw error;
		}
		return success(await localBundle(userName, recordingId));
	} catch (error) {
		return failure(`读取录音失败：${(error as Error).message}`);
	}
}

/**
 * Keeps these calls for scoring without the network: their documents (from the server, when this browser does
 * not hold them) and their audio. The list and a worklist both name calls by id.
 */
export async function keepCallsOffline(
	userName: string,
	recordingIds: string[],
	onProgress: (stage: '资料' | '录音', done: number, total: number) => void
): Promise<Result<number>> {
	let done = 0;
	try {
		for (const recordingId of recordingIds) {
			if (!(await localBundle(userName, recordingId))?.waveform)
				await copyCallFromServer(userName, recordingId);
			onProgress('资料', ++done, recordingIds.length);
		}
	} catch (error) {
		return failure(`已下载 ${done} 通的资料，其余未能下载：${(error as Error).message}`);
	}
	const recordings = await new Repository(userName, 'recording').getMany(recordingIds);
	if (recordings.length < recordingIds.length)
		return failure(`服务器上缺少 ${recordingIds.length - recordings.length} 通录音的资料，其余已下载`);
	return keepAudioOffline(userName, recordings, (count, total) => onProgress('录音', count, total));
}

/**
 * Which of these call ids were imported already: in this browser or on the server (which holds every call).
 * Offline, only this browser's are known; a call imported twice then meets its twin on the server as a
 * conflict, shown to the person (README, 同步冲突).
 */
export async function existingCallIds(userName: string, callIds: string[]): Promise<Set<string>> {
	const recordings = await new Repository(userName, 'recording').all();
	const existing = new Set(recordings.map((recording) => recording.callId));
	const asked = [...new Set(callIds.filter((id) => id && !existing.has(id)))];
	try {
		const onServer = await existingOnServer(
			syncBaseUrl(),
			qaServerDatabase(),
			asked.map((id) => `recording:${id}`)
		);
		for (const id of onServer) existing.add(callKey(id));
	} catch (error) {
		if (!(error instanceof ServerUnreachable)) throw error;
	}
	return existing;
}

export interface ImportedCall {
	recording: Recording;
	waveform: Waveform;
	transcript?: Transcript;
	audio: File;
}

export type ImportStage = 'audio' | 'documents';

/**
 * Keeps the audio in this browser first (uploaded in the background), then writes every document in one
 * all-or-nothing save: a failure leaves no recording without its waveform, or a call listed twice.
 */
export async function commitRecordingImport(
	userName: string,
	calls: ImportedCall[],
	onProgress: (stage: ImportStage, done: number, total: number) => void
): Promise<Result<number>> {
	try {
		await storeImportedAudio(userName, calls, (done) => onProgress('audio', done, calls.length));
	} catch (error) {
		return failure(`保存录音文件失败，未写入任何数据：${(error as Error).message}`);
	}
	const docs = calls.flatMap((call) => [
		call.recording,
		call.waveform,
		...(call.transcript ? [call.transcript] : [])
	]);
	const saved = await saveAllOrNothing(
		userName,
		QA_DB,
		docs,
		(done, total) => onProgress('documents', done, total),
		{ describe: (index) => String(docs[index]?._id ?? `第 ${index + 1} 条`) }
	);
	if (!saved.ok) {
		await discardImportedAudio(
			userName,
			calls.map((call) => call.recording._id)
		).catch(() => undefined);
		return failure(saved.error);
	}
	return success(calls.length);
}

export type { Evaluation };
