// What the browser benchmarks share: the app and its sync server on a fresh data folder, set up with the
// demo users and knowledge, Debian's Chromium, and signing in as a demo user.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { ServerScope } from 'nano';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { adminUrl } from '../../sync/config';
import { demoUsers, DEMO_PASSWORD } from '../../sync/demo/users';
import { startAppServer } from '../../sync/server/app-server';
import { loadDemoKnowledge } from '../../sync/setup/demo-knowledge';
import { ensureUser, runSetup } from '../../sync/setup/setup';

export const root = path.resolve(import.meta.dirname, '../..');

export interface BenchApp {
	appUrl: string;
	/** The server's data folder (its databases are LevelDB folders under `db/`). */
	dataDir: string;
	couch: ServerScope;
	browser: Browser;
	close(): Promise<void>;
}

/** Bytes on disk under a folder: an embedded server's database is its LevelDB folder (no sizes in its info). */
export function folderBytes(folder: string): number {
	let total = 0;
	for (const entry of readdirSync(folder, { withFileTypes: true })) {
		const full = path.join(folder, entry.name);
		total += entry.isDirectory() ? folderBytes(full) : statSync(full).size;
	}
	return total;
}

/** The built app and its sync server on a fresh data folder (removed by the caller). */
export async function startBenchServer(folderPrefix = 'hotline-bench-') {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), folderPrefix));
	const admin = { name: 'couchadmin', password: 'bench-secret' };
	const server = await startAppServer({
		host: '127.0.0.1',
		port: 0,
		dataDir,
		buildDir: path.join(root, 'build'),
		admin
	});
	return { server, dataDir, admin };
}

export async function startBenchApp(): Promise<BenchApp> {
	const { server, dataDir, admin } = await startBenchServer();
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
	const couch = await runSetup({ url: adminUrl(server.syncUrl, admin) });
	for (const user of demoUsers) await ensureUser(couch, user, () => {});
	await loadDemoKnowledge(couch, () => {});
	return {
		appUrl: server.appUrl,
		dataDir,
		couch,
		browser,
		async close() {
			await browser.close();
			await server.close();
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

/** A fresh browser profile signed in as a demo user; `startedAt` is the moment of the sign-in click. */
export async function signInFresh(
	browser: Browser,
	baseURL: string,
	userName: string
): Promise<{ page: Page; startedAt: number }> {
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('用户名').fill(userName);
	await page.getByLabel('密码').fill(DEMO_PASSWORD);
	const startedAt = Date.now();
	await page.getByRole('button', { name: '登录' }).click();
	return { page, startedAt };
}

/**
 * Like signInFresh, in a new on-disk profile as a real browser keeps one (a Playwright context's storage is
 * an incognito profile's, slower for a large IndexedDB).
 */
export async function signInWithNewProfile(
	baseURL: string,
	userName: string,
	/** Called with the page before anything loads (to listen to its requests from the start). */
	onPage?: (page: Page) => void
): Promise<{ page: Page; startedAt: number; close(): Promise<void> }> {
	const profile = mkdtempSync(path.join(os.tmpdir(), 'hotline-profile-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM_PATH,
		args: CHROMIUM_ARGS,
		baseURL
	});
	const page = context.pages()[0] ?? (await context.newPage());
	onPage?.(page);
	await page.goto('/login');
	await page.getByLabel('用户名').fill(userName);
	await page.getByLabel('密码').fill(DEMO_PASSWORD);
	const startedAt = Date.now();
	await page.getByRole('button', { name: '登录' }).click();
	return {
		page,
		startedAt,
		async close() {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	};
}

/** Waits for the header's 已同步 after a first sign-in; samples the status every 10 s meanwhile. */
export async function waitForFirstSync(page: Page, startedAt: number, limitMs = 1_800_000) {
	const samples: string[] = [];
	let lastSample = 0;
	for (;;) {
		const status = (await page.getByTestId('sync-status').textContent({ timeout: limitMs }))?.trim() ?? '';
		if (status.startsWith('已同步')) break;
		if (Date.now() - lastSample > 10_000) {
			lastSample = Date.now();
			samples.push(`${((Date.now() - startedAt) / 1000).toFixed(0)} s: ${status}`);
		}
		if (Date.now() - startedAt > limitMs)
			throw new Error(`first sync took more than ${limitMs / 60_000} minutes (${status})`);
		await page.waitForTimeout(200);
	}
	return { seconds: (Date.now() - startedAt) / 1000, samples };
}

export function machineLine(browser: Browser): string {
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	return `machine: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB; Node ${process.version}; Chromium ${browser.version()} (Debian, headless)`;
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}
