// Recordings' audio lives in qa-audio as one attachment per recording: a 60-minute call goes up and comes
// back whole, only QA roles may read it, and nobody may swap it after upload.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AT } from '../fixtures/documents';
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
function sixtyMinuteWav(): Buffer {
	const sampleRate = 8000;
	const samples = sampleRate * 60 * 60;
	const wav = Buffer.alloc(44 + samples * 2);
	wav.write('RIFF', 0);
	wav.writeUInt32LE(36 + samples * 2, 4);
	wav.write('WAVEfmt ', 8);
	wav.writeUInt32LE(16, 16);
	wav.writeUInt16LE(1, 20);
	wav.writeUInt16LE(1, 22);
	wav.writeUInt32LE(sampleRate, 24);
	wav.writeUInt32LE(sampleRate * 2, 28);
	wav.writeUInt16LE(2, 32);
	wav.writeUInt16LE(16, 34);
	wav.write('data', 36);
	wav.writeUInt32LE(samples * 2, 40);
	for (let i = 0; i < samples; i += 97) wav.writeInt16LE(Math.round(Math.sin(i / 7) * 8000), 44 + i * 2);
	return wav;
}

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
