// Starts the real embedded sync server on a free loopback port with a throwaway data folder, set up with
// the demo accounts, for integration tests.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { adminUrl } from '../../sync/config';
import { demoUsers, DEMO_PASSWORD } from '../../sync/demo/users';
import { startAppServer, type AppServerOptions, type RunningAppServer } from '../../sync/server/app-server';
import { ensureUser, runSetup } from '../../sync/setup/setup';

export interface TestServer {
	server: RunningAppServer;
	syncUrl: string;
	adminSyncUrl: string;
	dataDir: string;
	stop(): Promise<void>;
}

export const ADMIN = { name: 'couchadmin', password: 'test-admin-secret' };
export { DEMO_PASSWORD };

type ServerTuning = Pick<AppServerOptions, 'sessionLimits' | 'throttle' | 'trustProxy'>;

export async function startTestServer(tuning: ServerTuning = {}): Promise<TestServer> {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hotline-test-'));
	const server = await startAppServer({ host: '127.0.0.1', port: 0, dataDir, admin: ADMIN, ...tuning });
	const adminSyncUrl = adminUrl(server.syncUrl, ADMIN);
	const couch = await runSetup({ url: adminSyncUrl });
	for (const user of demoUsers) await ensureUser(couch, user, () => {});
	return {
		server,
		syncUrl: server.syncUrl,
		adminSyncUrl,
		dataDir,
		async stop() {
			await server.close();
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

/** A fetch with HTTP basic credentials of a demo user (or none). */
export function as(userName: string | null) {
	return async (url: string, init: RequestInit = {}) => {
		const headers = new Headers(init.headers);
		if (userName)
			headers.set('authorization', `Basic ${Buffer.from(`${userName}:${DEMO_PASSWORD}`).toString('base64')}`);
		if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
		return fetch(url, { ...init, headers });
	};
}
