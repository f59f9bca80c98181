// A recording's waveform at import, computed in a worker so the page stays responsive. A WAV (what most
// call recorders write) is read by the worker slice by slice and never held whole. Other formats (mp3, m4a,
// ogg) are decoded by the browser at 8 kHz, plenty for a waveform: a 60-minute stereo call is then about
// 230 MB of samples for a moment instead of 1.4 GB at 48 kHz.
import { PEAKS_PER_SECOND } from './peaks';
import type { PeaksReply, PeaksRequest } from './peaks.worker';
import { wavLayoutOf } from './wav-peaks';

const DECODE_SAMPLE_RATE = 8000;

export interface RecordingPeaks {
	channels: number;
	durationSeconds: number;
	peaksPerSecond: number;
	peaks: string[];
}

export async function computeRecordingPeaks(file: Blob): Promise<RecordingPeaks> {
	const layout = await wavLayoutOf(file);
	if (layout) {
		const reply = await inWorker({ kind: 'wav', file, layout }, []);
		return {
			channels: reply.channels!,
			durationSeconds: reply.durationSeconds!,
			peaksPerSecond: PEAKS_PER_SECOND,
			peaks: reply.peaks
		};
	}
	const context = new OfflineAudioContext(1, 1, DECODE_SAMPLE_RATE);
	const buffer = await context.decodeAudioData(await file.arrayBuffer());
	// Agent and caller are the first two channels; anything beyond is not a phone call's.
	const channels = Array.from({ length: Math.min(2, buffer.numberOfChannels) }, (_, index) =>
		buffer.getChannelData(index)
	);
	const reply = await inWorker(
		{ kind: 'decoded', channels, sampleRate: buffer.sampleRate },
		channels.map((channel) => channel.buffer as ArrayBuffer)
	);
	return {
		channels: channels.length,
		durationSeconds: Math.round(buffer.duration * 100) / 100,
		peaksPerSecond: PEAKS_PER_SECOND,
		peaks: reply.peaks
	};
}

async function inWorker(
	request: PeaksRequest,
	transfer: Transferable[]
): Promise<Extract<PeaksReply, { peaks: string[] }>> {
	const worker = new Worker(new URL('./peaks.worker.ts', import.meta.url), { type: 'module' });
	try {
		const reply = await new Promise<PeaksReply>((resolve, reject) => {
			worker.onmessage = (event: MessageEvent<PeaksReply>) => resolve(event.data);
			worker.onerror = (event) => reject(new Error(event.message || '计算波形失败'));
			worker.postMessage(request, transfer);
		});
		if ('failure' in reply) throw new Error(reply.failure);
		return reply;
	} finally {
		worker.terminate();
	}
}
