// Recordings' audio lives in qa-audio as one attachment per recording, under an id that carries the file's
// MD5: a 60-minute call goes up in one request and comes back whole, only QA roles may read it, and no
// upload, edit or forged replicated branch can put other bytes under an id.
import { createHash } from 'node:crypto';
import nano from 'nano';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64Md5 } from '../../src/lib/db/audio-digest';
import { audioDocumentId } from '../../src/lib/db/audio-transfer';
import type { Recording } from '../../src/lib/db/generated/documents';
import { demoUsers } from '../../sync/demo/users';
import { loadDemoRecordings, readDemoCalls } from '../../sync/setup/demo-qa';
import { pcmWav } from '../fixtures/wav-file';
import { as, startTestServer, type TestServer } from '../support/test-server';

let test: TestServer;
beforeAll(async () => {
	test = await startTestServer();
});
afterAll(async () => {
	await test?.stop();
});

const inspector = as('inspector01');

/** A 60-minute 8 kHz mono 16-bit WAV: what a call-centre platform exports, 57.6 MB. */
const sixtyMinuteWav = () =>
	pcmWav({
		seconds: 60 * 60,
		channels: 1,
		everyNthFrame: 97,
		sample: (frame) => Math.round(Math.sin(frame / 7) * 8000)
	});

const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('base64url');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const audioUrl = (id: string) => `${test.syncUrl}/qa-audio/${encodeURIComponent(id)}/audio`;

/** As the browser uploads: one PUT of the attachment, which creates the document, with its Content-MD5. */
function upload(id: string, bytes: Uint8Array, user = 'inspector01', contentType = 'audio/wav') {
	return as(user)(audioUrl(id), {
		method: 'PUT',
		headers: { 'content-type': contentType, 'content-md5': base64Md5(md5(bytes)) },
		body: new Uint8Array(bytes)
	});
}

let wav: Uint8Array;
let id: string;

describe('recording audio on the server', () => {
	it('stores and returns a 60-minute recording byte for byte, as a document with nothing but its audio', async () => {
		wav = new Uint8Array(sixtyMinuteWav());
		id = `audio:C60:${md5(wav)}`;
		expect((await upload(id, wav)).status).toBe(201);

		const back = await inspector(audioUrl(id));
		expect(back.status).toBe(200);
		expect(back.headers.get('content-type')).toBe('audio/wav');
		const bytes = await back.arrayBuffer();
		expect(bytes.byteLength).toBe(wav.length);
		expect(sha(new Uint8Array(bytes))).toBe(sha(wav));

		const doc = (await (await inspector(`${test.syncUrl}/qa-audio/${encodeURIComponent(id)}`)).json()) as {
			_attachments: Record<string, { digest: string }>;
		};
		expect(Object.keys(doc).sort()).toEqual(['_attachments', '_id', '_rev']);
		expect(doc._attachments.audio!.digest).toBe(`md5-${base64Md5(md5(wav))}`);
	}, 120_000);

	it('refuses the audio to agents and anonymous users', async () => {
		expect((await as('agent01')(audioUrl(id))).status).toBe(403);
		expect((await as(null)(audioUrl(id))).status).toBe(401);
		expect((await as('editor01')(`${test.syncUrl}/qa-audio/_all_docs`)).status).toBe(403);
		expect((await upload(`audio:C62:${md5(wav)}`, wav, 'agent01')).status).toBe(403);
	});

	it('takes the same bytes twice harmlessly: the id already holds them', async () => {
		const small = new TextEncoder().encode('OggS the same call, uploaded from two browsers');
		const smallId = `audio:C63:${md5(small)}`;
		expect((await upload(smallId, small, 'inspector01', 'audio/ogg')).status).toBe(201);
		const again = await upload(smallId, small, 'supervisor01', 'audio/ogg');
		expect([201, 409]).toContain(again.status);
		const back = new Uint8Array(await (await inspector(audioUrl(smallId))).arrayBuffer());
		expect(md5(back)).toBe(md5(small));
	});

	it('refuses other bytes under an id, whichever way they come', async () => {
		const other = new TextEncoder().encode('OggS another call altogether');
		const current = (await (
			await inspector(`${test.syncUrl}/qa-audio/${encodeURIComponent(id)}`)
		).json()) as {
			_rev: string;
		};
		const replaced = await inspector(`${audioUrl(id)}?rev=${current._rev}`, {
			method: 'PUT',
			headers: { 'content-type': 'audio/ogg' },
			body: other
		});
		expect(replaced.status).toBe(403);
		// Bytes under the id of other bytes.
		expect((await upload(`audio:C64:${md5(wav)}`, other, 'inspector01', 'audio/ogg')).status).toBe(403);

		// A replicated branch whose ancestors the server does not know: Apache CouchDB validates it with no
		// oldDoc, so only the id can say what the bytes must be.
		const forged = await inspector(`${test.syncUrl}/qa-audio/_bulk_docs`, {
			method: 'POST',
			body: JSON.stringify({
				new_edits: false,
				docs: [
					{
						_id: id,
						_rev: `9-${'f'.repeat(32)}`,
						_revisions: { start: 9, ids: ['f'.repeat(32)] },
						_attachments: {
							audio: { content_type: 'audio/ogg', data: Buffer.from(other).toString('base64') }
						}
					}
				]
			})
		});
		// Refused for that document, or with the whole request.
		expect(await forged.text()).toMatch(/forbidden/);
		const winner = (await (await inspector(`${test.syncUrl}/qa-audio/${encodeURIComponent(id)}`)).json()) as {
			_rev: string;
		};
		expect(winner._rev).toBe(current._rev);
		const back = new Uint8Array(await (await inspector(audioUrl(id))).arrayBuffer());
		expect(sha(back)).toBe(sha(wav));
	}, 60_000);

	it('refuses the old form: ids without the MD5, and a document with fields of its own', async () => {
		const small = new TextEncoder().encode('OggS an old-style upload');
		expect((await upload('audio:C61', small)).status).toBe(403);
		const withFields = await inspector(
			`${test.syncUrl}/qa-audio/${encodeURIComponent(`audio:C61:${md5(small)}`)}`,
			{
				method: 'PUT',
				body: JSON.stringify({ type: 'audio', recordingId: 'recording:C61', uploadedBy: 'inspector01' })
			}
		);
		expect(withFields.status).toBe(403);
	});

	it('loads the demo recordings as the browser uploads, under the ids their MD5 names, once', async () => {
		// The sync URL has a path (/db): nano must not read it as a database name.
		const couch = nano({ url: test.adminSyncUrl, parseUrl: false } as Parameters<typeof nano>[0]);
		const lines: string[] = [];
		await loadDemoRecordings(couch, demoUsers, (line) => lines.push(line));
		await loadDemoRecordings(couch, demoUsers, (line) => lines.push(line));
		expect(lines).toHaveLength(1);
		const calls = readDemoCalls();
		expect(calls.length).toBeGreaterThan(0);
		for (const call of calls) {
			const recording = (await (
				await inspector(`${test.syncUrl}/qa/recording:${call.callId}`)
			).json()) as Recording;
			const back = await inspector(audioUrl(audioDocumentId(recording)));
			expect(back.status).toBe(200);
			expect(md5(new Uint8Array(await back.arrayBuffer()))).toBe(recording.audio.md5);
		}
	});
});
