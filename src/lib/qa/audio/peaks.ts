// Waveform peaks, computed once at import and stored with the recording, so the player draws a 60-minute
// call without decoding it. One signed byte per bucket and channel: the bucket's largest magnitude.

/** 50 buckets a second: a 60-minute stereo call is 2 × 180 000 bytes, detailed enough to zoom to 50 px/s. */
export const PEAKS_PER_SECOND = 50;

/** Feeds samples in as they are decoded (a long WAV is read in slices), one Float32Array per channel. */
export class PeaksAccumulator {
	readonly #samplesPerBucket: number;
	readonly #buckets: number[][];
	readonly #current: number[];
	#filled = 0;

	constructor(
		channelCount: number,
		sampleRate: number,
		readonly peaksPerSecond: number = PEAKS_PER_SECOND
	) {
		if (channelCount < 1 || sampleRate <= 0)
			throw new Error('peaks need at least one channel and a sample rate');
		this.#samplesPerBucket = Math.max(1, Math.round(sampleRate / peaksPerSecond));
		this.#buckets = Array.from({ length: channelCount }, () => []);
		this.#current = new Array<number>(channelCount).fill(0);
	}

	push(channels: Float32Array[]): void {
		const length = channels[0]?.length ?? 0;
		for (let offset = 0; offset < length;) {
			const take = Math.min(this.#samplesPerBucket - this.#filled, length - offset);
			for (let channel = 0; channel < this.#buckets.length; channel++) {
				const samples = channels[channel] ?? channels[0]!;
				let peak = this.#current[channel]!;
				for (let i = offset; i < offset + take; i++) {
					const magnitude = Math.abs(samples[i]!);
					if (magnitude > peak) peak = magnitude;
				}
				this.#current[channel] = peak;
			}
			offset += take;
			this.#filled += take;
			if (this.#filled === this.#samplesPerBucket) this.#closeBucket();
		}
	}

	finish(): Int8Array[] {
		if (this.#filled > 0) this.#closeBucket();
		return this.#buckets.map((bucket) => Int8Array.from(bucket));
	}

	#closeBucket() {
		for (let channel = 0; channel < this.#buckets.length; channel++) {
			this.#buckets[channel]!.push(Math.round(Math.min(1, this.#current[channel]!) * 127));
			this.#current[channel] = 0;
		}
		this.#filled = 0;
	}
}

export function computePeaks(
	channels: Float32Array[],
	sampleRate: number,
	peaksPerSecond: number = PEAKS_PER_SECOND
): Int8Array[] {
	const accumulator = new PeaksAccumulator(channels.length, sampleRate, peaksPerSecond);
	accumulator.push(channels);
	return accumulator.finish();
}

export function encodePeaks(peaks: Int8Array): string {
	const bytes = new Uint8Array(peaks.buffer, peaks.byteOffset, peaks.byteLength);
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

/** Back to magnitudes in 0…1, the form wavesurfer.js draws. */
export function decodePeaks(encoded: string): Float32Array {
	const binary = atob(encoded);
	const peaks = new Float32Array(binary.length);
	for (let i = 0; i < binary.length; i++) {
		const byte = binary.charCodeAt(i);
		peaks[i] = (byte > 127 ? byte - 256 : byte) / 127;
	}
	return peaks;
}
