// Text files from editors: UTF-8 (with or without BOM), Excel's "Unicode text" (UTF-16LE), or GBK from
// Excel on Chinese Windows. GB18030 is a superset of GBK, so it decodes both.
export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'GB18030';

export interface DecodedText {
	text: string;
	encoding: TextEncodingName;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
	return prefix.every((byte, index) => bytes[index] === byte);
}

export function decodeTextFile(bytes: Uint8Array): DecodedText {
	if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
		return {
			text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)),
			encoding: 'UTF-8'
		};
	}
	if (startsWith(bytes, [0xff, 0xfe])) {
		return {
			text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2)),
			encoding: 'UTF-16LE'
		};
	}
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
	} catch {
		return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
	}
}
