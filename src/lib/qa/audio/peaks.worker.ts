// Computes a recording's peaks off the main thread, from the channels the page decoded.
import { computePeaks, encodePeaks } from './peaks';

export interface PeaksRequest {
	channels: Float32Array[];
	sampleRate: number;
}

self.onmessage = (event: MessageEvent<PeaksRequest>) => {
	const { channels, sampleRate } = event.data;
	const peaks = computePeaks(channels, sampleRate).map(encodePeaks);
	self.postMessage({ peaks });
};
