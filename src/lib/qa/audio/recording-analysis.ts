// What an import learns from a recording's file, in a worker so the page stays responsive: the waveform and
// the MD5 that names the audio on the server (audio:<callId>:<md5>). A WAV (what most call recorders write)
// is read by the worker slice by slice and never held whole. Other formats (mp3, m4a, ogg) are decoded by
// the browser at 8 kHz, plenty for a waveform: a 60-minute stereo call is then about 230 MB of samples for
// a moment instead of 1.4 GB at 48 kHz; the worker hashes their file slice by slice.
import { PEAKS_PER_SECOND } from './peaks';
import type { AnalysisReply, AnalysisRequest } from './recording-analysis.worker';
import { wavLayoutOf } from './wav-peaks';

const DECODE_SAMPLE_RATE = 8000;

export interface RecordingAnalysis {
	channels: number;
	durationSeconds: number;
	peaksPerSecond: number;
	peaks: string[];
	/** base64url without padding, as in the audio's document id. */
	md5: string;
}

export async function analyzeRecording(file: Blob): Promise<RecordingAnalysis> {
	const layout = await wavLayoutOf(file);
	if (layout) {
		const reply = await inWorker({ kind: 'wav', file, layout }, []);
		return {
			channels: reply.channels!,
			durationSeconds: reply.durationSeconds!,
			peaksPerSecond: PEAKS_PER_SECOND,
			peaks: reply.peaks,
			md5: reply.md5
		};
	}
	const context = new OfflineAudioContext(1, 1, DECODE_SAMPLE_RATE);
	const buffer = await context.decodeAudioData(await file.arrayBuffer());
	// Agent and caller are the first two channels; anything beyond is not a phone call's.
	const channels = Array.from({ length: Math.min(2, buffer.numberOfChannels) }, (_, index) =>
		buffer.getChannelData(index)
	);
	const reply = await inWorker(
		{ kind: 'decoded', file, channels, sampleRate: buffer.sampleRate },
		channels.map((channel) => channel.buffer as ArrayBuffer)
	);
	return {
		channels: channels.length,
		durationSeconds: Math.round(buffer.duration * 100) / 100,
		peaksPerSecond: PEAKS_PER_SECOND,
		peaks: reply.peaks,
		md5: reply.md5
	};
}

async function inWorker(
	request: AnalysisRequest,
	transfer: Transferable[]
): Promise<Extract<AnalysisReply, { peaks: string[] }>> {
	const worker = new Worker(new URL('./recording-analysis.worker.ts', import.meta.url), { type: 'module' });
	try {
		const reply = await new Promise<AnalysisReply>((resolve, reject) => {
			worker.onmessage = (event: MessageEvent<AnalysisReply>) => resolve(event.data);
			worker.onerror = (event) => reject(new Error(event.message || '读取录音文件失败'));
			worker.postMessage(request, transfer);
		});
		if ('failure' in reply) throw new Error(reply.failure);
		return reply;
	} finally {
		worker.terminate();
	}
}
