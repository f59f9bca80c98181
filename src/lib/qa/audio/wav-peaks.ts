// Peaks of a WAV file read slice by slice: a 60-minute stereo WAV (115 MB at 8 kHz, 16-bit) never sits in
// memory whole, and nothing is decoded beyond the two channels a call has.
import { PEAKS_PER_SECOND, PeaksAccumulator } from './peaks';
import { readWavLayout, wavSamples, type WavLayout } from './wav-format';

/** Enough for the chunks that come before the samples (fmt, LIST, fact…) in the files recorders write. */
export const WAV_HEAD_BYTES = 64 * 1024;
const SLICE_BYTES = 1 << 20;

export interface WavPeaks {
	channels: number;
	durationSeconds: number;
	peaks: Int8Array[];
}

export async function wavLayoutOf(file: Blob): Promise<WavLayout | null> {
	const head = new DataView(await file.slice(0, WAV_HEAD_BYTES).arrayBuffer());
	return readWavLayout(head, file.size);
}

export interface WavPeaksOptions {
	peaksPerSecond?: number;
	sliceBytes?: number;
	/** Receives the data chunk's bytes in order, slice by slice, as they are read (to hash them alongside). */
	onBytes?: (bytes: ArrayBuffer) => void;
}

export async function wavPeaks(
	file: Blob,
	layout: WavLayout,
	{ peaksPerSecond = PEAKS_PER_SECOND, sliceBytes = SLICE_BYTES, onBytes }: WavPeaksOptions = {}
): Promise<WavPeaks> {
	// Agent and caller are the first two channels; anything beyond is not a phone call's.
	const channels = Math.min(2, layout.channels);
	const accumulator = new PeaksAccumulator(channels, layout.sampleRate, peaksPerSecond);
	const step = Math.max(1, Math.floor(sliceBytes / layout.blockAlign)) * layout.blockAlign;
	for (let at = 0; at < layout.dataBytes; at += step) {
		const start = layout.dataOffset + at;
		const end = layout.dataOffset + Math.min(layout.dataBytes, at + step);
		const bytes = await file.slice(start, end).arrayBuffer();
		onBytes?.(bytes);
		accumulator.push(wavSamples(layout, new DataView(bytes), channels));
	}
	const frames = layout.dataBytes / layout.blockAlign;
	return {
		channels,
		durationSeconds: Math.round((frames / layout.sampleRate) * 100) / 100,
		peaks: accumulator.finish()
	};
}
