// The header of a WAV file and how its sample bytes turn into numbers, for the formats call recorders write
// (PCM 8/16/24/32-bit, 32-bit float, G.711 A-law and µ-law). Pure, so it is table-tested without a browser.

export type WavEncoding = 'pcm' | 'float' | 'alaw' | 'mulaw';

export interface WavLayout {
	encoding: WavEncoding;
	channels: number;
	sampleRate: number;
	bitsPerSample: number;
	/** Bytes of one frame (a sample of every channel). */
	blockAlign: number;
	/** Where the samples start in the file, and how many bytes of them there are. */
	dataOffset: number;
	dataBytes: number;
}

const FORMAT_CODES: Record<number, WavEncoding> = { 1: 'pcm', 3: 'float', 6: 'alaw', 7: 'mulaw' };
const EXTENSIBLE = 0xfffe;

/** Reads a file's first bytes as text, e.g. the 'RIFF' and 'WAVE' marks. */
function fourCc(view: DataView, offset: number): string {
	return String.fromCharCode(...[0, 1, 2, 3].map((i) => view.getUint8(offset + i)));
}

export function looksLikeWav(head: DataView): boolean {
	return head.byteLength >= 12 && fourCc(head, 0) === 'RIFF' && fourCc(head, 8) === 'WAVE';
}

/**
 * Finds the format and the samples in a WAV file's first bytes (`head`; 64 KB holds the chunks before the
 * samples in practice). `fileSize` bounds a data chunk whose size the recorder never filled in. Returns null
 * for WAVs in other encodings (ADPCM, GSM…): those go to the browser's decoder.
 */
export function readWavLayout(head: DataView, fileSize: number): WavLayout | null {
	if (!looksLikeWav(head)) return null;
	let format: Omit<WavLayout, 'dataOffset' | 'dataBytes'> | null = null;
	for (let offset = 12; offset + 8 <= head.byteLength;) {
		const id = fourCc(head, offset);
		const size = head.getUint32(offset + 4, true);
		const body = offset + 8;
		if (id === 'fmt ') {
			if (body + 16 > head.byteLength) return null;
			let code = head.getUint16(body, true);
			// WAVE_FORMAT_EXTENSIBLE keeps the real format code in the first two bytes of its sub-format GUID.
			if (code === EXTENSIBLE && size >= 40 && body + 26 <= head.byteLength)
				code = head.getUint16(body + 24, true);
			const encoding = FORMAT_CODES[code];
			if (!encoding) return null;
			format = {
				encoding,
				channels: head.getUint16(body + 2, true),
				sampleRate: head.getUint32(body + 4, true),
				blockAlign: head.getUint16(body + 12, true),
				bitsPerSample: head.getUint16(body + 14, true)
			};
			if (!supported(format)) return null;
		} else if (id === 'data') {
			if (!format) return null;
			const available = Math.max(0, fileSize - body);
			// 0 and 0xFFFFFFFF are what recorders leave when they stream a file whose length they don't know yet.
			const declared = size === 0 || size === 0xffffffff ? available : Math.min(size, available);
			const dataBytes = declared - (declared % format.blockAlign);
			return { ...format, dataOffset: body, dataBytes };
		}
		// Chunks are padded to an even length.
		offset = body + size + (size % 2);
	}
	return null;
}

function supported(format: Omit<WavLayout, 'dataOffset' | 'dataBytes'>): boolean {
	const { encoding, channels, sampleRate, bitsPerSample, blockAlign } = format;
	if (channels < 1 || sampleRate <= 0) return false;
	const bits = encoding === 'pcm' ? [8, 16, 24, 32] : encoding === 'float' ? [32, 64] : [8];
	return bits.includes(bitsPerSample) && blockAlign === (channels * bitsPerSample) / 8;
}

/**
 * The first `channelCount` channels of whole frames in `bytes`, as magnitudes -1…1 (the form the peaks
 * take). `bytes` must hold whole frames.
 */
export function wavSamples(layout: WavLayout, bytes: DataView, channelCount: number): Float32Array[] {
	const frames = Math.floor(bytes.byteLength / layout.blockAlign);
	const bytesPerSample = layout.bitsPerSample / 8;
	const read = sampleReader(layout);
	return Array.from({ length: channelCount }, (_, channel) => {
		const samples = new Float32Array(frames);
		for (let frame = 0, at = channel * bytesPerSample; frame < frames; frame++, at += layout.blockAlign)
			samples[frame] = read(bytes, at);
		return samples;
	});
}

function sampleReader(layout: WavLayout): (bytes: DataView, at: number) => number {
	switch (layout.encoding) {
		case 'alaw':
			return (bytes, at) => ALAW[bytes.getUint8(at)]!;
		case 'mulaw':
			return (bytes, at) => MULAW[bytes.getUint8(at)]!;
		case 'float':
			return layout.bitsPerSample === 64
				? (bytes, at) => bytes.getFloat64(at, true)
				: (bytes, at) => bytes.getFloat32(at, true);
		case 'pcm':
			switch (layout.bitsPerSample) {
				case 8: // 8-bit WAV is unsigned, centred on 128.
					return (bytes, at) => (bytes.getUint8(at) - 128) / 128;
				case 16:
					return (bytes, at) => bytes.getInt16(at, true) / 32768;
				case 24:
					return (bytes, at) =>
						(bytes.getUint8(at) | (bytes.getUint8(at + 1) << 8) | (bytes.getInt8(at + 2) << 16)) / 8388608;
				default:
					return (bytes, at) => bytes.getInt32(at, true) / 2147483648;
			}
	}
}

// G.711 expansion (ITU-T G.711), to 16-bit linear and then to -1…1: 256-entry tables, built once.
const ALAW = Float32Array.from({ length: 256 }, (_, byte) => {
	const value = byte ^ 0x55;
	const exponent = (value & 0x70) >> 4;
	let magnitude = ((value & 0x0f) << 4) + 8;
	if (exponent > 0) magnitude = (magnitude + 0x100) << (exponent - 1);
	return (value & 0x80 ? magnitude : -magnitude) / 32768;
});

const MULAW = Float32Array.from({ length: 256 }, (_, byte) => {
	const value = ~byte & 0xff;
	const exponent = (value & 0x70) >> 4;
	const magnitude = ((((value & 0x0f) << 3) + 0x84) << exponent) - 0x84;
	return (value & 0x80 ? -magnitude : magnitude) / 32768;
});
