// Starts the product exactly as `npm start` does (built app + embedded sync server + demo data) on a free
// port with a fresh data folder; tests read its URL from E2E_BASE_URL.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default async function globalSetup() {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hotline-e2e-'));
	const child = spawn(
		process.execPath,
		['--import', 'tsx', 'sync/start.ts', '--port', '0', '--data', dataDir],
		{
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	let output = '';
	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			const match = /^App: (http:\/\/\S+?)\/?$/m.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]!);
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
	});
	process.env.E2E_BASE_URL = url;
	process.env.E2E_DATA_DIR = dataDir;
	return async () => {
		child.kill('SIGTERM');
		await new Promise((resolve) => child.once('exit', resolve));
		rmSync(dataDir, { recursive: true, force: true });
	};
}
