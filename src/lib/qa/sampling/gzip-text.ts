// A draw's population is about 10 MB of JSON for a province's week: stored gzipped (about a tenth), with
// the Compression Streams API that browsers and Node share.
export async function gzipText(text: string): Promise<Uint8Array> {
	const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function gunzipText(bytes: Uint8Array | ArrayBuffer | Blob): Promise<string> {
	const blob = bytes instanceof Blob ? bytes : new Blob([bytes as BlobPart]);
	return new Response(blob.stream().pipeThrough(new DecompressionStream('gzip'))).text();
}

export function base64Of(bytes: Uint8Array): string {
	let binary = '';
	for (let index = 0; index < bytes.length; index += 0x8000)
		binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
	return btoa(binary);
}
