import { describe, expect, it } from 'vitest';
import { computePeaks, decodePeaks, encodePeaks, PeaksAccumulator } from './peaks';

describe('waveform peaks', () => {
	it('keeps the largest magnitude of each bucket, per channel', () => {
		const left = Float32Array.from([0.1, -0.5, 0.2, 0.0, 1.5, -0.25]);
		const right = Float32Array.from([0, 0, 0, -1, 0, 0]);
		const [l, r] = computePeaks([left, right], 6, 2);
		expect([...l!]).toEqual([64, 127]);
		expect([...r!]).toEqual([0, 127]);
	});

	it('gives the same peaks whether samples come at once or in slices, and closes a partial bucket', () => {
		const samples = Float32Array.from({ length: 1001 }, (_, i) => Math.sin(i / 9) * 0.8);
		const whole = computePeaks([samples], 1000, 10);
		const sliced = new PeaksAccumulator(1, 1000, 10);
		for (let start = 0; start < samples.length; start += 37)
			sliced.push([samples.subarray(start, start + 37)]);
		expect([...sliced.finish()[0]!]).toEqual([...whole[0]!]);
		expect(whole[0]!.length).toBe(11);
	});

	it('round-trips through base64 as magnitudes 0…1', () => {
		const peaks = Int8Array.from([0, 1, 64, 127]);
		expect([...decodePeaks(encodePeaks(peaks))].map((value) => Math.round(value * 127))).toEqual([
			0, 1, 64, 127
		]);
	});
});
