// Moving one recording's audio between this browser and the server's qa-audio database, as a plain
// attachment request: the file streams from disk and never passes through PouchDB's replication. The
// document id carries the file's MD5, so an id always means the same bytes: an upload is one PUT of the
// attachment, which creates the document, and a 409 (the document exists) means the server already holds
// exactly these bytes (README, 录音存储).
import { base64Md5 } from './audio-digest';
import type { Recording } from './generated/documents';

export const AUDIO_ATTACHMENT = 'audio';

export type RecordingAudio = Pick<Recording, 'callId' | 'audio'>;

/** `audio:<callId>:<md5>`; recordings imported before the id carried the MD5 have theirs at `audio:<callId>`. */
export function audioDocumentId(recording: RecordingAudio): string {
	const md5 = recording.audio.md5;
	return md5 ? `audio:${recording.callId}:${md5}` : `audio:${recording.callId}`;
}

/** `audioDatabaseUrl`: the server's audio database (server-databases.ts: qa-audio, or a city's own). */
function attachmentUrl(audioDatabaseUrl: string, recording: RecordingAudio): string {
	return `${audioDatabaseUrl}/${encodeURIComponent(audioDocumentId(recording))}/${AUDIO_ATTACHMENT}`;
}

async function failureMessage(response: Response): Promise<string> {
	const body = (await response.json().catch(() => ({}))) as { reason?: string };
	return body.reason ?? `服务器返回 ${response.status}`;
}

function reasonIn(responseText: string): string | undefined {
	try {
		return (JSON.parse(responseText) as { reason?: string }).reason;
	} catch {
		return undefined;
	}
}

/**
 * XMLHttpRequest because fetch reports no upload progress, and a 60-minute file takes a while. Content-MD5
 * is what lets Apache CouchDB's validator see the digest before it has stored the bytes (it then checks the
 * bytes against it); the embedded server computes the digest itself.
 */
export function uploadAudio(
	audioDatabaseUrl: string,
	recording: RecordingAudio,
	blob: Blob,
	onProgress?: (sent: number, total: number) => void
): Promise<void> {
	const md5 = recording.audio.md5;
	if (!md5) return Promise.reject(new Error(`录音 ${recording.callId} 缺少 MD5，无法上传`));
	return new Promise<void>((resolve, reject) => {
		const request = new XMLHttpRequest();
		request.open('PUT', attachmentUrl(audioDatabaseUrl, recording));
		request.withCredentials = true;
		request.setRequestHeader('content-type', recording.audio.contentType);
		request.setRequestHeader('content-md5', base64Md5(md5));
		request.upload.onprogress = (event) => onProgress?.(event.loaded, event.total);
		request.onload = () => {
			if ((request.status >= 200 && request.status < 300) || request.status === 409) return resolve();
			reject(new Error(reasonIn(request.responseText) ?? `服务器返回 ${request.status}`));
		};
		request.onerror = () => reject(new Error('网络中断，录音未能上传'));
		request.send(blob);
	});
}

export async function downloadAudio(audioDatabaseUrl: string, recording: RecordingAudio): Promise<Blob> {
	const response = await fetch(attachmentUrl(audioDatabaseUrl, recording), { credentials: 'include' });
	if (response.status === 404)
		throw new Error('服务器上还没有这条录音的音频（导入它的电脑可能尚未联网上传）');
	if (!response.ok) throw new Error(await failureMessage(response));
	return response.blob();
}
