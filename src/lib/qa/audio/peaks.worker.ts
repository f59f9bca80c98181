// Computes a recording's peaks off the main thread: from the channels the page decoded, or, for a WAV, from
// the file itself, read slice by slice.
import { computePeaks, encodePeaks } from './peaks';
import type { WavLayout } from './wav-format';
import { wavPeaks } from './wav-peaks';

export type PeaksRequest =
	| { kind: 'decoded'; channels: Float32Array[]; sampleRate: number }
	| { kind: 'wav'; file: Blob; layout: WavLayout };

export type PeaksReply =
	{ peaks: string[]; durationSeconds?: number; channels?: number } | { failure: string };

self.onmessage = async (event: MessageEvent<PeaksRequest>) => {
	const request = event.data;
	try {
		if (request.kind === 'decoded') {
			const peaks = computePeaks(request.channels, request.sampleRate).map(encodePeaks);
			self.postMessage({ peaks } satisfies PeaksReply);
		} else {
			const wav = await wavPeaks(request.file, request.layout);
			self.postMessage({
				peaks: wav.peaks.map(encodePeaks),
				durationSeconds: wav.durationSeconds,
				channels: wav.channels
			} satisfies PeaksReply);
		}
	} catch (error) {
		self.postMessage({ failure: (error as Error).message } satisfies PeaksReply);
	}
};
