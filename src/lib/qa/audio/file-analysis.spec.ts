import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pcmWav } from '../../../../tests/fixtures/wav-file';
import { analyzeDecodedFile, analyzeWavFile } from './file-analysis';
import { encodePeaks } from './peaks';
import { wavLayoutOf, wavPeaks } from './wav-peaks';

const nodeMd5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('base64url');

describe('reading a recording’s file at import', () => {
	it('hashes a WAV whole, head, samples and trailing chunk, while it reads the peaks', async () => {
		const wav = new Uint8Array(
			pcmWav({ seconds: 2, channels: 2, sample: (frame, channel) => (frame * (channel + 3)) % 20000 })
		);
		// An odd byte the data chunk declares but no whole frame holds, then a LIST chunk after the samples.
		const header = new DataView(wav.buffer);
		header.setUint32(40, header.getUint32(40, true) + 1, true);
		const tail = new TextEncoder().encode('\x09LIST\x04\x00\x00\x00INFO');
		const file = new Uint8Array(wav.length + tail.length);
		file.set(wav);
		file.set(tail, wav.length);
		const blob = new Blob([file]);
		const layout = (await wavLayoutOf(blob))!;
		expect(layout.dataOffset + layout.dataBytes).toBeLessThan(file.length);
		const peaks = (await wavPeaks(blob, layout)).peaks.map(encodePeaks);
		for (const sliceBytes of [7, 4096, undefined]) {
			const analysis = await analyzeWavFile(blob, layout, sliceBytes);
			expect(analysis.md5).toBe(nodeMd5(file));
			expect(analysis.peaks).toEqual(peaks);
			expect(analysis).toMatchObject({ channels: 2, durationSeconds: 2 });
		}
	});

	it('hashes the file of a decoded format, not its samples', async () => {
		const bytes = Uint8Array.from({ length: 3 * 1024 * 1024 + 5 }, (_, i) => (i * 31) % 251);
		const analysis = await analyzeDecodedFile(new Blob([bytes]), [new Float32Array(8000).fill(0.5)], 8000);
		expect(analysis.md5).toBe(nodeMd5(bytes));
		expect(analysis.peaks).toHaveLength(1);
	});
});
