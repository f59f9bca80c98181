// Recordings for the QA screens: the list, one call with its waveform and transcript, and the import
// commit. Returns results, never throws at the UI.
import { saveAllOrNothing } from '$lib/db/bulk-save';
import { QA_DB } from '$lib/db/catalog';
import type { Evaluation, Recording, Transcript, Waveform } from '$lib/db/generated/documents';
import { Repository, type Stored } from '$lib/db/repository';
import { failure, success, type Result } from '$lib/result';
import { discardImportedAudio, storeImportedAudio } from './audio.service';
import { recordingRows, type RecordingRow } from './recordings/recording-filters';

export interface RecordingBundle {
	recording: Stored<Recording>;
	waveform: Stored<Waveform> | null;
	transcript: Stored<Transcript> | null;
}

/** The documents of one call share its call id: recording:<id>, waveform:<id>, transcript:<id>. */
export function callKey(recordingId: string): string {
	return recordingId.slice('recording:'.length);
}

export async function listRecordingRows(userName: string): Promise<Result<RecordingRow[]>> {
	try {
		const [recordings, evaluations] = await Promise.all([
			new Repository(userName, 'recording').all(),
			new Repository(userName, 'evaluation').all()
		]);
		return success(recordingRows(recordings, evaluations, userName));
	} catch (error) {
		return failure(`读取录音列表失败：${(error as Error).message}`);
	}
}

export async function getRecordingBundle(
	userName: string,
	recordingId: string
): Promise<Result<RecordingBundle | null>> {
	try {
		const key = callKey(recordingId);
		const [recording, waveform, transcript] = await Promise.all([
			new Repository(userName, 'recording').get(recordingId),
			new Repository(userName, 'waveform').get(`waveform:${key}`),
			new Repository(userName, 'transcript').get(`transcript:${key}`)
		]);
		return success(recording ? { recording, waveform, transcript } : null);
	} catch (error) {
		return failure(`读取录音失败：${(error as Error).message}`);
	}
}

export async function existingCallIds(userName: string): Promise<Set<string>> {
	const recordings = await new Repository(userName, 'recording').all();
	return new Set(recordings.map((recording) => recording.callId));
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
