// Recordings' audio lives in qa-audio as one attachment per recording: a 60-minute call goes up and comes
// back whole, only QA roles may read it, and nobody may swap it after upload.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AT } from '../fixtures/documents';
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

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function createAudioDoc(id: string, uploadedBy = 'inspector01') {
	return inspector(`${test.syncUrl}/qa-audio/${id}`, {
		method: 'PUT',
		body: JSON.stringify({
			_id: id,
			type: 'audio',
			recordingId: `recording:${id.slice('audio:'.length)}`,
			uploadedBy,
			uploadedAt: AT
		})
	});
}

describe('recording audio on the server', () => {
	it('stores and returns a 60-minute recording byte for byte', async () => {
		const wav = sixtyMinuteWav();
		const created = await createAudioDoc('audio:C60');
		expect(created.status).toBe(201);
		const { rev } = (await created.json()) as { rev: string };
		const put = await inspector(`${test.syncUrl}/qa-audio/audio:C60/audio?rev=${rev}`, {
			method: 'PUT',
			headers: { 'content-type': 'audio/wav' },
			body: new Uint8Array(wav)
		});
		expect(put.status).toBe(201);

		const back = await inspector(`${test.syncUrl}/qa-audio/audio:C60/audio`);
		expect(back.status).toBe(200);
		expect(back.headers.get('content-type')).toBe('audio/wav');
		const bytes = await back.arrayBuffer();
		expect(bytes.byteLength).toBe(wav.length);
		expect(sha(new Uint8Array(bytes))).toBe(sha(new Uint8Array(wav)));
	}, 120_000);

	it('refuses the audio to agents and anonymous users', async () => {
		expect((await as('agent01')(`${test.syncUrl}/qa-audio/audio:C60/audio`)).status).toBe(403);
		expect((await as(null)(`${test.syncUrl}/qa-audio/audio:C60/audio`)).status).toBe(401);
		expect((await as('editor01')(`${test.syncUrl}/qa-audio/_all_docs`)).status).toBe(403);
	});

	it('refuses to replace uploaded audio or to upload in another inspector’s name', async () => {
		const current = (await (await inspector(`${test.syncUrl}/qa-audio/audio:C60`)).json()) as {
			_rev: string;
		};
		const replaced = await inspector(`${test.syncUrl}/qa-audio/audio:C60/audio?rev=${current._rev}`, {
			method: 'PUT',
			headers: { 'content-type': 'audio/wav' },
			body: new TextEncoder().encode('RIFF....')
		});
		expect(replaced.status).toBe(403);
		expect((await createAudioDoc('audio:C61', 'supervisor01')).status).toBe(403);
	});
});
