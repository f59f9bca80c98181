// A recording's audio for the screens: kept in this browser (imported here, or fetched once when first
// played), so an inspector can score a call offline; uploads wait for the network.
import { md5OfBlob } from '$lib/db/audio-digest';
import {
	audioAwaitingUpload,
	getLocalAudio,
	localAudioIds,
	markAudioUploaded,
	putLocalAudio,
	removeLocalAudio,
	type StoredAudio
} from '$lib/db/audio-store';
import { downloadAudio, uploadAudio } from '$lib/db/audio-transfer';
import type { Recording } from '$lib/db/generated/documents';
import { Repository } from '$lib/db/repository';
import { failure, success, type Result } from '$lib/result';
import { audioServerDatabase } from '$lib/db/server-databases';
import { syncBaseUrl } from '$lib/session/session.service';
import { nowIso } from '$lib/time';

const audioDatabaseUrl = () => `${syncBaseUrl()}/${audioServerDatabase()}`;

export async function storeImportedAudio(
	userName: string,
	calls: Array<{ recording: { _id: string }; audio: File }>,
	onStored: (done: number) => void
): Promise<void> {
	let done = 0;
	for (const call of calls) {
		await putLocalAudio(userName, {
			recordingId: call.recording._id,
			blob: call.audio,
			fileName: call.audio.name,
			uploaded: false,
			storedAt: nowIso()
		});
		onStored(++done);
	}
}

export async function discardImportedAudio(userName: string, recordingIds: string[]): Promise<void> {
	for (const id of recordingIds) await removeLocalAudio(userName, id);
}

export interface PlayableAudio {
	url: string;
	/** Frees the object URL when the player closes. */
	release(): void;
}

/** The audio from this browser, or fetched from the server and kept for offline use. */
export async function playableAudio(userName: string, recording: Recording): Promise<Result<PlayableAudio>> {
	try {
		let blob = (await getLocalAudio(userName, recording._id))?.blob;
		if (!blob) {
			if (!navigator.onLine) return failure('这条录音还没有下载到本机，联网后才能播放');
			blob = await downloadAudio(audioDatabaseUrl(), recording);
			await putLocalAudio(userName, {
				recordingId: recording._id,
				blob,
				fileName: recording._id,
				uploaded: true,
				storedAt: nowIso()
			});
		}
		const url = URL.createObjectURL(blob);
		return success({ url, release: () => URL.revokeObjectURL(url) });
	} catch (error) {
		return failure(`读取录音失败：${(error as Error).message}`);
	}
}

export function recordingsWithLocalAudio(userName: string): Promise<Set<string>> {
	return localAudioIds(userName);
}

/** Downloads the audio of these recordings ahead of time, for scoring without the network. */
export async function keepAudioOffline(
	userName: string,
	recordings: Recording[],
	onProgress: (done: number, total: number) => void
): Promise<Result<number>> {
	const have = await localAudioIds(userName);
	const missing = recordings.filter((recording) => !have.has(recording._id));
	let done = 0;
	try {
		for (const recording of missing) {
			const blob = await downloadAudio(audioDatabaseUrl(), recording);
			await putLocalAudio(userName, {
				recordingId: recording._id,
				blob,
				fileName: recording._id,
				uploaded: true,
				storedAt: nowIso()
			});
			onProgress(++done, missing.length);
		}
		return success(missing.length);
	} catch (error) {
		return failure(`已下载 ${done} 条，其余未能下载：${(error as Error).message}`);
	}
}

/** The recording this audio belongs to, with the MD5 its upload goes under; null while it is not written yet. */
async function recordingToUpload(userName: string, audio: StoredAudio): Promise<Recording | null> {
	const recordings = new Repository(userName, 'recording');
	const recording = await recordings.get(audio.recordingId);
	if (!recording || recording.audio.md5) return recording;
	// Imported here before audio ids carried the MD5, and not uploaded since: the server refuses the old id.
	return recordings.save({ ...recording, audio: { ...recording.audio, md5: await md5OfBlob(audio.blob) } });
}

export async function uploadWaitingAudio(
	userName: string,
	onProgress: (done: number, total: number, sentBytes: number, totalBytes: number) => void
): Promise<Result<number>> {
	const waiting = await audioAwaitingUpload(userName);
	let done = 0;
	try {
		for (const audio of waiting) {
			// An import keeps the audio before it writes the recording: that one goes in the next round.
			const recording = await recordingToUpload(userName, audio);
			if (!recording) continue;
			await uploadAudio(audioDatabaseUrl(), recording, audio.blob, (sent, total) =>
				onProgress(done, waiting.length, sent, total)
			);
			await markAudioUploaded(userName, audio.recordingId);
			onProgress(++done, waiting.length, 0, 0);
		}
		return success(done);
	} catch (error) {
		return failure(`录音上传中断（已上传 ${done}/${waiting.length}）：${(error as Error).message}`);
	}
}

export async function countAudioAwaitingUpload(userName: string): Promise<number> {
	return (await audioAwaitingUpload(userName)).length;
}
