// A province editor's browser copies kb's entries, not their version history or agents' copies (at 10⁵
// entries those are three documents in four): the history screen reads the server, and a reviewer's step
// writes agents' copy on the server's current revision, so no sync conflict is made.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, signIn, test, waitUntilSynced } from './fixtures';

const ENTRY = 'entry:water-bill-payment';
const PUBLICATION = 'publishedEntry:water-bill-payment';

/** The server's own view of a document, as its admin. */
async function onServer(id: string): Promise<Record<string, unknown> & { _conflicts?: string[] }> {
	const password = readFileSync(path.join(process.env.E2E_DATA_DIR!, 'server-admin-password'), 'utf8').trim();
	const response = await fetch(`${process.env.E2E_BASE_URL}/db/kb/${encodeURIComponent(id)}?conflicts=true`, {
		headers: { authorization: `Basic ${Buffer.from(`couchadmin:${password}`).toString('base64')}` }
	});
	expect(response.ok).toBe(true);
	return (await response.json()) as Record<string, unknown> & { _conflicts?: string[] };
}

/** The documents this browser's kb holds whose ids start with the prefix (PouchDB's IndexedDB store). */
async function heldLocally(page: import('@playwright/test').Page, prefix: string): Promise<number> {
	return page.evaluate(async (prefix) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const opening = indexedDB.open('_pouch_reviewer01$kb');
			opening.onsuccess = () => resolve(opening.result);
			opening.onerror = () => reject(opening.error);
		});
		const range = IDBKeyRange.bound(prefix, `${prefix}\ufff0`);
		const store = db.transaction('document-store').objectStore('document-store');
		const count = await new Promise<number>((resolve) => {
			const counting = store.count(range);
			counting.onsuccess = () => resolve(counting.result);
		});
		db.close();
		return count;
	}, prefix);
}

test('a province reviewer reads the history from the server and republishes without a conflict', async ({
	page
}) => {
	await signIn(page, 'reviewer01');
	await waitUntilSynced(page);
	expect(await heldLocally(page, 'entry:')).toBeGreaterThan(0);
	expect(await heldLocally(page, 'publishedEntry:')).toBe(0);
	expect(await heldLocally(page, 'entryVersion:')).toBe(0);

	await page.goto(`/kb/${encodeURIComponent(ENTRY)}/versions`);
	await expect(page.getByText('第 2 版', { exact: true })).toBeVisible();
	await expect(page.getByText('第 1 版', { exact: true })).toBeVisible();
	expect(await heldLocally(page, 'entryVersion:water-bill-payment:')).toBe(2);

	// 下线 then 重新上线: agents' copy follows each step, on the server's revision.
	const before = await onServer(PUBLICATION);
	await page.goto(`/kb/${encodeURIComponent(ENTRY)}`);
	await page.getByRole('button', { name: '下线' }).click();
	await expect(page.getByRole('status')).toContainText('已下线');
	await page.getByRole('button', { name: '重新上线' }).click();
	await expect(page.getByRole('status')).toContainText('已重新上线');
	await waitUntilSynced(page);
	await expect(async () => {
		const after = await onServer(PUBLICATION);
		expect(after._rev).not.toBe(before._rev);
		expect(after.status).toBe('published');
		expect(after._conflicts ?? []).toEqual([]);
	}).toPass({ timeout: 15_000 });
});
