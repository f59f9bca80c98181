// A recording's waveform at import: the browser decodes the file (any format it plays) at 8 kHz, which is
// plenty for a waveform and keeps a 60-minute stereo call near 230 MB of samples instead of 1.4 GB at
// 48 kHz; a worker turns the samples into peaks so the page stays responsive.
import { PEAKS_PER_SECOND } from './peaks';
import type { PeaksRequest } from './peaks.worker';

const DECODE_SAMPLE_RATE = 8000;

export interface RecordingPeaks {
	channels: number;
	durationSeconds: number;
	peaksPerSecond: number;
	peaks: string[];
}

export async function computeRecordingPeaks(file: Blob): Promise<RecordingPeaks> {
	const context = new OfflineAudioContext(1, 1, DECODE_SAMPLE_RATE);
	const buffer = await context.decodeAudioData(await file.arrayBuffer());
	// Agent and caller are the first two channels; anything beyond is not a phone call's.
	const channels = Array.from({ length: Math.min(2, buffer.numberOfChannels) }, (_, index) =>
		buffer.getChannelData(index)
	);
	const worker = new Worker(new URL('./peaks.worker.ts', import.meta.url), { type: 'module' });
	try {
		const peaks = await new Promise<string[]>((resolve, reject) => {
			worker.onmessage = (event: MessageEvent<{ peaks: string[] }>) => resolve(event.data.peaks);
			worker.onerror = (event) => reject(new Error(event.message || '计算波形失败'));
			const request: PeaksRequest = { channels, sampleRate: buffer.sampleRate };
			worker.postMessage(
				request,
				channels.map((channel) => channel.buffer as ArrayBuffer)
			);
		});
		return {
			channels: channels.length,
			durationSeconds: Math.round(buffer.duration * 100) / 100,
			peaksPerSecond: PEAKS_PER_SECOND,
			peaks
		};
	} finally {
		worker.terminate();
	}
}
