import { describe, expect, it } from 'vitest';
import { computePeaks } from './peaks';
import { readWavLayout, wavSamples, type WavLayout } from './wav-format';
import { wavLayoutOf, wavPeaks } from './wav-peaks';

interface WavSpec {
	formatCode?: number;
	channels: number;
	sampleRate?: number;
	bitsPerSample: number;
	/** Sample bytes, frames interleaved. */
	data: Uint8Array;
	/** What the data chunk's header says its size is (the real size when left out). */
	declaredDataSize?: number;
	/** A chunk before the samples, as recorders add (LIST/INFO). */
	extraChunk?: { id: string; bytes: number };
	extensibleSubFormat?: number;
}

function chunk(id: string, body: Uint8Array, declaredSize = body.length): Uint8Array {
	const padded = new Uint8Array(8 + body.length + (body.length % 2));
	padded.set([...id].map((c) => c.charCodeAt(0)));
	new DataView(padded.buffer).setUint32(4, declaredSize, true);
	padded.set(body, 8);
	return padded;
}

function wavFile(spec: WavSpec): Uint8Array<ArrayBuffer> {
	const { channels, bitsPerSample } = spec;
	const sampleRate = spec.sampleRate ?? 8000;
	const extensible = spec.extensibleSubFormat !== undefined;
	const fmt = new DataView(new ArrayBuffer(extensible ? 40 : 16));
	fmt.setUint16(0, extensible ? 0xfffe : (spec.formatCode ?? 1), true);
	fmt.setUint16(2, channels, true);
	fmt.setUint32(4, sampleRate, true);
	fmt.setUint32(8, (sampleRate * channels * bitsPerSample) / 8, true);
	fmt.setUint16(12, (channels * bitsPerSample) / 8, true);
	fmt.setUint16(14, bitsPerSample, true);
	if (extensible) {
		fmt.setUint16(16, 22, true);
		fmt.setUint16(24, spec.extensibleSubFormat!, true);
	}
	const parts = [
		chunk('fmt ', new Uint8Array(fmt.buffer)),
		...(spec.extraChunk ? [chunk(spec.extraChunk.id, new Uint8Array(spec.extraChunk.bytes).fill(7))] : []),
		chunk('data', spec.data, spec.declaredDataSize)
	];
	const body = parts.reduce((length, part) => length + part.length, 4);
	const file = new Uint8Array(8 + body);
	file.set([...'RIFF'].map((c) => c.charCodeAt(0)));
	new DataView(file.buffer).setUint32(4, body, true);
	file.set(
		[...'WAVE'].map((c) => c.charCodeAt(0)),
		8
	);
	let at = 12;
	for (const part of parts) {
		file.set(part, at);
		at += part.length;
	}
	return file;
}

function int16Frames(frames: number[][]): Uint8Array {
	const view = new DataView(new ArrayBuffer(frames.length * frames[0]!.length * 2));
	frames.flat().forEach((sample, i) => view.setInt16(i * 2, sample, true));
	return new Uint8Array(view.buffer);
}

const layoutOf = (file: Uint8Array): WavLayout | null =>
	readWavLayout(new DataView(file.buffer, file.byteOffset, file.byteLength), file.length);

function samplesOf(file: Uint8Array, channels: number): number[][] {
	const layout = layoutOf(file)!;
	const data = new DataView(file.buffer, layout.dataOffset, layout.dataBytes);
	return wavSamples(layout, data, channels).map((channel) => [...channel]);
}

describe('WAV header', () => {
	it('finds format and samples behind other chunks, padded to even lengths', () => {
		const file = wavFile({
			channels: 2,
			bitsPerSample: 16,
			data: int16Frames([
				[1, 2],
				[3, 4]
			]),
			extraChunk: { id: 'LIST', bytes: 27 }
		});
		expect(layoutOf(file)).toEqual({
			encoding: 'pcm',
			channels: 2,
			sampleRate: 8000,
			bitsPerSample: 16,
			blockAlign: 4,
			dataOffset: 12 + 24 + 8 + 28 + 8,
			dataBytes: 8
		});
	});

	it.each([
		['size never filled in (0xFFFFFFFF)', 0xffffffff, 12],
		['size left at 0', 0, 12],
		['size larger than the file (a cut-off recording)', 4000, 12],
		['size that ends inside a frame', 10, 8]
	])('reads a data chunk with its %s to the last whole frame', (_, declaredDataSize, dataBytes) => {
		const data = int16Frames([
			[1, 2],
			[3, 4],
			[5, 6]
		]);
		expect(layoutOf(wavFile({ channels: 2, bitsPerSample: 16, data, declaredDataSize }))?.dataBytes).toBe(
			dataBytes
		);
	});

	it.each([
		['not a RIFF file', new TextEncoder().encode('ID3\u0003 an mp3 file, not a wav')],
		[
			'ADPCM (left to the browser)',
			wavFile({ formatCode: 0x11, channels: 1, bitsPerSample: 4, data: new Uint8Array(8) })
		],
		['GSM 6.10', wavFile({ formatCode: 0x31, channels: 1, bitsPerSample: 0, data: new Uint8Array(8) })],
		['12-bit PCM', wavFile({ channels: 1, bitsPerSample: 12, data: new Uint8Array(8) })],
		['an empty header', new Uint8Array(0)]
	])('gives no layout for %s', (_, file) => {
		expect(layoutOf(file)).toBeNull();
	});

	it('reads WAVE_FORMAT_EXTENSIBLE by its sub-format', () => {
		const file = wavFile({
			channels: 1,
			bitsPerSample: 16,
			extensibleSubFormat: 1,
			data: int16Frames([[9]])
		});
		expect(layoutOf(file)?.encoding).toBe('pcm');
		expect(samplesOf(file, 1)).toEqual([[9 / 32768]]);
	});
});

describe('WAV samples as magnitudes -1…1', () => {
	it.each([
		['8-bit PCM (unsigned)', 8, 1, [0, 128, 255], [-1, 0, 127 / 128]],
		['16-bit PCM', 16, 1, [0x00, 0x80, 0xff, 0x7f, 0x00, 0x00], [-1, 32767 / 32768, 0]],
		['24-bit PCM', 24, 1, [0x00, 0x00, 0x80, 0xff, 0xff, 0xff], [-1, -1 / 8388608]],
		['32-bit PCM', 32, 1, [0x00, 0x00, 0x00, 0x40], [0.5]],
		['G.711 µ-law', 8, 7, [0xff, 0x00, 0x80], [0, -32124 / 32768, 32124 / 32768]],
		['G.711 A-law', 8, 6, [0xd5, 0x55, 0xaa], [8 / 32768, -8 / 32768, 32256 / 32768]]
	])('%s', (_, bitsPerSample, formatCode, bytes, expected) => {
		const file = wavFile({ formatCode, channels: 1, bitsPerSample, data: Uint8Array.from(bytes) });
		expect(samplesOf(file, 1)[0]).toEqual(expected.map((value) => Math.fround(value)));
	});

	it('32-bit float', () => {
		const data = new Uint8Array(Float32Array.from([0.25, -0.75]).buffer);
		expect(samplesOf(wavFile({ formatCode: 3, channels: 1, bitsPerSample: 32, data }), 1)).toEqual([
			[0.25, -0.75]
		]);
	});

	it('takes the channels asked for out of interleaved frames', () => {
		const file = wavFile({
			channels: 3,
			bitsPerSample: 16,
			data: int16Frames([
				[1, 2, 3],
				[4, 5, 6]
			])
		});
		expect(samplesOf(file, 2).map((channel) => channel.map((value) => value * 32768))).toEqual([
			[1, 4],
			[2, 5]
		]);
	});
});

describe('WAV peaks read slice by slice', () => {
	it('match the peaks of the whole signal, whatever the slice size, with only the first two channels', async () => {
		const frames = 8000 * 3 + 123;
		const left = Float32Array.from(
			{ length: frames },
			(_, i) => Math.round(Math.sin(i / 50) * 20000 * (i % 7000 < 3000 ? 1 : 0.1)) / 32768
		);
		const right = Float32Array.from(
			{ length: frames },
			(_, i) => Math.round(Math.cos(i / 31) * 9000) / 32768
		);
		const file = wavFile({
			channels: 4,
			bitsPerSample: 16,
			data: int16Frames(
				Array.from({ length: frames }, (_, i) => [left[i]! * 32768, right[i]! * 32768, 32767, -32768])
			),
			extraChunk: { id: 'LIST', bytes: 101 }
		});
		const blob = new Blob([file]);
		const layout = (await wavLayoutOf(blob))!;
		const expected = computePeaks([left, right], 8000);
		for (const sliceBytes of [1, 999, 4096, 1 << 20]) {
			const wav = await wavPeaks(blob, layout, { sliceBytes });
			expect(wav.channels).toBe(2);
			expect(wav.durationSeconds).toBe(3.02);
			expect(wav.peaks.map((channel) => [...channel])).toEqual(expected.map((channel) => [...channel]));
		}
	});
});
