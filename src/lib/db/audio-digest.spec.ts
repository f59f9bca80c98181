import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64Md5, couchDigest, md5OfBlob } from './audio-digest';

const nodeMd5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('base64url');

describe('the MD5 that names a recording’s audio', () => {
	it.each([
		['', '1B2M2Y8AsgTpgAmY7PhCfg=='],
		['abc', 'kAFQmDzST7DWlj99KOF/cg==']
	])('md5(%j) is %s in CouchDB’s base64', async (text, base64) => {
		const md5 = await md5OfBlob(new Blob([text]));
		expect(md5).toHaveLength(22);
		expect(base64Md5(md5)).toBe(base64);
		expect(couchDigest(md5)).toBe(`md5-${base64}`);
	});

	it('gives Node’s MD5 whatever the slice size, with slices that split MD5’s 64-byte blocks', async () => {
		const bytes = Uint8Array.from({ length: 5 * 64 * 1024 + 37 }, (_, i) => (i * 7919 + (i >> 9)) % 256);
		const expected = nodeMd5(bytes);
		for (const sliceBytes of [1000, 64 * 1024, 100_003, 1 << 20])
			expect(await md5OfBlob(new Blob([bytes]), sliceBytes)).toBe(expected);
	});

	it('uses only characters that need no escaping in an id, and turns them back into base64', async () => {
		const md5 = await md5OfBlob(new Blob(['call-6']));
		expect(md5).toBe('_m8_n7X6n3ZzH5Bo9pu-1Q');
		expect(base64Md5(md5)).toBe('/m8/n7X6n3ZzH5Bo9pu+1Q==');
	});
});
