// Waveform peaks of an audio file decoded by sox, for the demo calls and the audio benchmark (the app
// computes the same peaks in the browser at import).
import { spawn } from 'node:child_process';
import { encodePeaks, PeaksAccumulator, PEAKS_PER_SECOND } from '../../../src/lib/qa/audio/peaks';

export async function peaksWithSox(
	file: string,
	channels: number,
	sampleRate: number
): Promise<{ peaks: string[]; durationSeconds: number }> {
	const accumulator = new PeaksAccumulator(channels, sampleRate, PEAKS_PER_SECOND);
	const args = [
		file,
		'-t',
		'raw',
		'-e',
		'floating-point',
		'-b',
		'32',
		'-c',
		String(channels),
		'-r',
		String(sampleRate),
		'-'
	];
	const decoder = spawn('sox', args);
	const frameBytes = 4 * channels;
	let carry: Uint8Array = new Uint8Array(0);
	let frames = 0;
	for await (const chunk of decoder.stdout as AsyncIterable<Uint8Array>) {
		const bytes = new Uint8Array(carry.length + chunk.length);
		bytes.set(carry);
		bytes.set(chunk, carry.length);
		const usable = bytes.length - (bytes.length % frameBytes);
		carry = bytes.slice(usable);
		const interleaved = new Float32Array(bytes.buffer, 0, usable / 4);
		const count = interleaved.length / channels;
		const split = Array.from({ length: channels }, () => new Float32Array(count));
		for (let i = 0; i < count; i++)
			for (let channel = 0; channel < channels; channel++)
				split[channel]![i] = interleaved[i * channels + channel]!;
		frames += count;
		accumulator.push(split);
	}
	return { peaks: accumulator.finish().map(encodePeaks), durationSeconds: frames / sampleRate };
}
