// The work of the recording-analysis worker, kept out of it so it runs in tests: a file's peaks and its MD5,
// each read slice by slice. A WAV's samples are hashed as the peaks read them, so the file is read once.
import { Md5Accumulator } from '$lib/db/audio-digest';
import { computePeaks, encodePeaks } from './peaks';
import type { WavLayout } from './wav-format';
import { wavPeaks } from './wav-peaks';

export interface FileAnalysis {
	peaks: string[];
	/** base64url without padding, as in the audio's document id. */
	md5: string;
}

export async function analyzeWavFile(
	file: Blob,
	layout: WavLayout,
	sliceBytes?: number
): Promise<FileAnalysis & { durationSeconds: number; channels: number }> {
	const md5 = new Md5Accumulator();
	await md5.appendBlob(file, 0, layout.dataOffset, sliceBytes);
	const wav = await wavPeaks(file, layout, { sliceBytes, onBytes: (bytes) => md5.append(bytes) });
	// Whatever follows the samples: an odd byte, LIST chunks some recorders append.
	await md5.appendBlob(file, layout.dataOffset + layout.dataBytes, file.size, sliceBytes);
	return {
		peaks: wav.peaks.map(encodePeaks),
		md5: md5.finish(),
		durationSeconds: wav.durationSeconds,
		channels: wav.channels
	};
}

/** For formats the page decoded: peaks from its channels, the MD5 from the file. */
export async function analyzeDecodedFile(
	file: Blob,
	channels: Float32Array[],
	sampleRate: number
): Promise<FileAnalysis> {
	const peaks = computePeaks(channels, sampleRate).map(encodePeaks);
	const md5 = new Md5Accumulator();
	await md5.appendBlob(file);
	return { peaks, md5: md5.finish() };
}
