// The MD5 that names a recording's audio on the server (`audio:<callId>:<md5>` in qa-audio, README 录音存储).
// MD5 because it is the digest CouchDB computes for every attachment ("md5-<base64>"), which
// validate_doc_update can compare with the id; it ties bytes to a name and keeps no secret. Written base64url
// without padding (22 characters), so it goes into a document id and a URL as it is.
import SparkMD5 from 'spark-md5';

/** A 230 MB WAV is hashed 2 MB at a time and never sits in memory whole. */
export const MD5_SLICE_BYTES = 2 * 1024 * 1024;

export class Md5Accumulator {
	#md5 = new SparkMD5.ArrayBuffer();

	append(bytes: ArrayBuffer): void {
		this.#md5.append(bytes);
	}

	/** Appends the bytes of `blob` from `from` up to `to`, one slice at a time. */
	async appendBlob(blob: Blob, from = 0, to = blob.size, sliceBytes = MD5_SLICE_BYTES): Promise<void> {
		for (let at = from; at < to; at += sliceBytes)
			this.append(await blob.slice(at, Math.min(to, at + sliceBytes)).arrayBuffer());
	}

	/** The digest, base64url without padding. */
	finish(): string {
		// end(true) gives the 16 bytes as a binary string, which is what btoa encodes.
		return btoa(this.#md5.end(true)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
	}
}

export async function md5OfBlob(blob: Blob, sliceBytes = MD5_SLICE_BYTES): Promise<string> {
	const md5 = new Md5Accumulator();
	await md5.appendBlob(blob, 0, blob.size, sliceBytes);
	return md5.finish();
}

/** The same digest in plain base64, as CouchDB writes it and reads it from a Content-MD5 header. */
export function base64Md5(md5: string): string {
	return `${md5.replace(/-/g, '+').replace(/_/g, '/')}==`;
}

/** What CouchDB reports as the attachment's `digest`. */
export function couchDigest(md5: string): string {
	return `md5-${base64Md5(md5)}`;
}
