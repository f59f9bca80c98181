// `npm start` restarts the server when its process dies, and a hard kill in the middle of writes loses no
// write the server had acknowledged: the real supervisor (sync/start.ts), the real server process, kill -9.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PASSWORD = 'restart-test-secret';
const auth = `Basic ${Buffer.from(`couchadmin:${PASSWORD}`).toString('base64')}`;
let supervisor: ChildProcess;
let dataDir: string;
let output = '';

function waitForOutput(pattern: RegExp, after: number, timeoutMs: number): Promise<RegExpExecArray> {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const check = () => {
			const match = pattern.exec(output.slice(after));
			if (match) return resolve(match);
			if (Date.now() - started > timeoutMs) return reject(new Error(`no ${pattern} in:\n${output}`));
			setTimeout(check, 50);
		};
		check();
	});
}

beforeAll(async () => {
	dataDir = mkdtempSync(path.join(os.tmpdir(), 'hotline-restart-'));
	supervisor = spawn(
		process.execPath,
		['--import', 'tsx', 'sync/start.ts', '--sync-only', '--no-demo', '--port', '0', '--data', dataDir],
		{ env: { ...process.env, COUCHDB_ADMIN_PASSWORD: PASSWORD }, stdio: ['ignore', 'pipe', 'pipe'] }
	);
	supervisor.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	supervisor.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	await waitForOutput(/^Process: \d+/m, 0, 60_000);
}, 90_000);

afterAll(async () => {
	if (supervisor && supervisor.exitCode === null) {
		supervisor.kill('SIGTERM');
		await new Promise((resolve) => supervisor.once('exit', resolve));
	}
	rmSync(dataDir, { recursive: true, force: true });
});

async function writeBatch(syncUrl: string, batch: number): Promise<string[]> {
	const docs = Array.from({ length: 50 }, (_, index) => ({
		_id: `category:restart-${batch}-${index}`,
		type: 'category',
		name: `分类 ${batch}-${index}`,
		parentId: null,
		order: index
	}));
	const response = await fetch(`${syncUrl}/kb/_bulk_docs`, {
		method: 'POST',
		headers: { authorization: auth, 'content-type': 'application/json' },
		body: JSON.stringify({ docs })
	});
	if (response.status !== 201) return [];
	const results = (await response.json()) as Array<{ ok?: boolean; id: string }>;
	return results.filter((result) => result.ok).map((result) => result.id);
}

/** Polls until the condition holds, or fails after `timeoutMs`. */
async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${output}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

describe('the supervisor', () => {
	it('starts a new server after kill -9, and every acknowledged write is still there', async () => {
		const syncUrl = (await waitForOutput(/^Sync: (\S+)/m, 0, 1_000))[1]!;
		const firstPid = Number((await waitForOutput(/^Process: (\d+)/m, 0, 1_000))[1]);
		const acknowledged: string[] = [];
		let writing = true;
		const writer = (async () => {
			for (let batch = 0; writing; batch++) {
				try {
					acknowledged.push(...(await writeBatch(syncUrl, batch)));
				} catch {
					// The server is down for a moment: try again shortly.
					await new Promise((resolve) => setTimeout(resolve, 50));
				}
			}
		})();
		await until(() => acknowledged.length >= 100, 30_000, 'the first acknowledged writes');
		process.kill(firstPid, 'SIGKILL');
		const restarted = await waitForOutput(
			/^Process: (\d+)/m,
			output.indexOf(`Process: ${firstPid}`) + 10,
			60_000
		);
		expect(Number(restarted[1])).not.toBe(firstPid);
		const beforeRestart = acknowledged.length;
		await until(() => acknowledged.length > beforeRestart, 30_000, 'writes to the restarted server');
		writing = false;
		await writer;

		const response = await fetch(`${syncUrl}/kb/_all_docs`, {
			method: 'POST',
			headers: { authorization: auth, 'content-type': 'application/json' },
			body: JSON.stringify({ keys: acknowledged })
		});
		const rows = ((await response.json()) as { rows: Array<{ id?: string; error?: string }> }).rows;
		expect(rows.filter((row) => row.error)).toEqual([]);
		expect(rows).toHaveLength(acknowledged.length);
	}, 150_000);
});
