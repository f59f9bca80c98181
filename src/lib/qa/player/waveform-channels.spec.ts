import { describe, expect, it } from 'vitest';
import { drawableDuration, drawnChannelCount, waveformChannelData } from './waveform-channels';

const left = Float32Array.from([0, 0.5, 1]);
const right = Float32Array.from([0.2, 0.1, 0]);

describe('waveformChannelData', () => {
	it('hands a stereo call over as two channels, the stored arrays themselves', () => {
		const data = waveformChannelData([left, right], 2);
		expect(data).toHaveLength(2);
		expect(data[0]).toBe(left);
		expect(data[1]).toBe(right);
	});

	it('draws one channel for a mono call, or when only one channel of peaks was stored', () => {
		expect(waveformChannelData([left], 1)).toEqual([left]);
		expect(waveformChannelData([left], 2)).toEqual([left]);
		expect(waveformChannelData([left, right], 1)).toEqual([left]);
	});

	it('draws a flat line rather than nothing when peaks are missing', () => {
		for (const data of [waveformChannelData([], 2), waveformChannelData([new Float32Array(0)], 1)]) {
			expect(data).toHaveLength(1);
			expect(data[0]!.length).toBeGreaterThan(0);
		}
		expect(waveformChannelData([left, new Float32Array(0)], 2)[1]!.length).toBeGreaterThan(0);
	});

	it('counts the channels drawn', () => {
		expect(drawnChannelCount(2, 2)).toBe(2);
		expect(drawnChannelCount(1, 2)).toBe(1);
		expect(drawnChannelCount(2, 1)).toBe(1);
	});
});

describe('drawableDuration', () => {
	it('keeps the recorded duration', () => {
		expect(drawableDuration(3600, [left])).toBe(3600);
	});

	it('works it out from the peaks when missing', () => {
		expect(drawableDuration(0, [new Float32Array(500)], 50)).toBe(10);
		expect(drawableDuration(Number.NaN, [new Float32Array(100)], 50)).toBe(2);
		expect(drawableDuration(0, [])).toBe(1);
	});
});
