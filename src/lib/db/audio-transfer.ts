// Moving one recording's audio between this browser and the server's qa-audio database, as a plain
// attachment request: the file streams from disk and never passes through PouchDB's replication.
import { QA_AUDIO_DB } from './catalog';
import type { StoredAudio } from './audio-store';

export const AUDIO_ATTACHMENT = 'audio';

export function audioDocumentId(recordingId: string): string {
	return `audio:${recordingId.slice('recording:'.length)}`;
}

function documentUrl(remoteBase: string, recordingId: string): string {
	return `${remoteBase}/${QA_AUDIO_DB}/${encodeURIComponent(audioDocumentId(recordingId))}`;
}

async function failureMessage(response: Response): Promise<string> {
	const body = (await response.json().catch(() => ({}))) as { reason?: string };
	return body.reason ?? `服务器返回 ${response.status}`;
}

/** The revision to attach to, or null when the server already holds this recording's audio. */
async function audioDocumentRevision(
	remoteBase: string,
	recordingId: string,
	userName: string
): Promise<string | null> {
	const url = documentUrl(remoteBase, recordingId);
	const existing = await fetch(url, { credentials: 'include' });
	if (existing.ok) {
		const doc = (await existing.json()) as { _rev: string; _attachments?: Record<string, unknown> };
		return doc._attachments?.[AUDIO_ATTACHMENT] ? null : doc._rev;
	}
	if (existing.status !== 404) throw new Error(await failureMessage(existing));
	const created = await fetch(url, {
		method: 'PUT',
		credentials: 'include',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			_id: audioDocumentId(recordingId),
			type: 'audio',
			recordingId,
			uploadedBy: userName,
			uploadedAt: new Date().toISOString()
		})
	});
	if (!created.ok) throw new Error(await failureMessage(created));
	return ((await created.json()) as { rev: string }).rev;
}

/** XMLHttpRequest because fetch reports no upload progress, and a 60-minute file takes a while. */
function putAttachment(url: string, blob: Blob, onProgress?: (sent: number, total: number) => void) {
	return new Promise<void>((resolve, reject) => {
		const request = new XMLHttpRequest();
		request.open('PUT', url);
		request.withCredentials = true;
		request.setRequestHeader('content-type', blob.type || 'application/octet-stream');
		request.upload.onprogress = (event) => onProgress?.(event.loaded, event.total);
		request.onload = () => {
			if (request.status >= 200 && request.status < 300) return resolve();
			const reason = (JSON.parse(request.responseText || '{}') as { reason?: string }).reason;
			reject(new Error(reason ?? `服务器返回 ${request.status}`));
		};
		request.onerror = () => reject(new Error('网络中断，录音未能上传'));
		request.send(blob);
	});
}

export async function uploadAudio(
	remoteBase: string,
	userName: string,
	audio: StoredAudio,
	onProgress?: (sent: number, total: number) => void
): Promise<void> {
	const revision = await audioDocumentRevision(remoteBase, audio.recordingId, userName);
	if (revision === null) return;
	const url = `${documentUrl(remoteBase, audio.recordingId)}/${AUDIO_ATTACHMENT}?rev=${encodeURIComponent(revision)}`;
	await putAttachment(url, audio.blob, onProgress);
}

export async function downloadAudio(remoteBase: string, recordingId: string): Promise<Blob> {
	const response = await fetch(`${documentUrl(remoteBase, recordingId)}/${AUDIO_ATTACHMENT}`, {
		credentials: 'include'
	});
	if (response.status === 404)
		throw new Error('服务器上还没有这条录音的音频（导入它的电脑可能尚未联网上传）');
	if (!response.ok) throw new Error(await failureMessage(response));
	return response.blob();
}
