// A recording's audio for the screens: kept in this browser (imported here, or fetched once when first
// played), so an inspector can score a call offline; uploads wait for the network.
import {
	audioAwaitingUpload,
	getLocalAudio,
	localAudioIds,
	markAudioUploaded,
	putLocalAudio,
	removeLocalAudio
} from '$lib/db/audio-store';
import { downloadAudio, uploadAudio } from '$lib/db/audio-transfer';
import { failure, success, type Result } from '$lib/result';
import { syncBaseUrl } from '$lib/session/session.service';
import { nowIso } from '$lib/time';

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
export async function playableAudio(userName: string, recordingId: string): Promise<Result<PlayableAudio>> {
	try {
		let blob = (await getLocalAudio(userName, recordingId))?.blob;
		if (!blob) {
			if (!navigator.onLine) return failure('这条录音还没有下载到本机，联网后才能播放');
			blob = await downloadAudio(syncBaseUrl(), recordingId);
			await putLocalAudio(userName, {
				recordingId,
				blob,
				fileName: recordingId,
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
	recordingIds: string[],
	onProgress: (done: number, total: number) => void
): Promise<Result<number>> {
	const have = await localAudioIds(userName);
	const missing = recordingIds.filter((id) => !have.has(id));
	let done = 0;
	try {
		for (const recordingId of missing) {
			const blob = await downloadAudio(syncBaseUrl(), recordingId);
			await putLocalAudio(userName, {
				recordingId,
				blob,
				fileName: recordingId,
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

export async function uploadWaitingAudio(
	userName: string,
	onProgress: (done: number, total: number, sentBytes: number, totalBytes: number) => void
): Promise<Result<number>> {
	const waiting = await audioAwaitingUpload(userName);
	let done = 0;
	try {
		for (const audio of waiting) {
			await uploadAudio(syncBaseUrl(), userName, audio, (sent, total) =>
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
