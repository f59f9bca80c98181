// 签发的报表 are frozen on the server: issued by a province supervisor or admin in their own name, never
// changed or deleted afterwards (not by replication either), and read by no one else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuedReport } from '../../src/lib/db/generated/documents';
import { issuedReport } from '../fixtures/documents';
import { as, startTestServer, type TestServer } from '../support/test-server';

let test: TestServer;
beforeAll(async () => {
	test = await startTestServer();
});
afterAll(async () => {
	await test?.stop();
});

const report = issuedReport();
const url = (id = report._id) => `${test.syncUrl}/reports/${encodeURIComponent(id)}`;
const put = async (user: string, doc: object, id?: string) =>
	(await as(user)(url(id), { method: 'PUT', body: JSON.stringify(doc) })).status;

describe('issued reports on the server', () => {
	let rev = '';

	it('are issued by a supervisor in their own name only', async () => {
		expect(await put('supervisor01', { ...report, issuedBy: 'admin01' })).toBe(403);
		for (const user of ['inspector01', 'agent01', 'editor01', 'reviewer01'])
			expect(await put(user, { ...report, issuedBy: user }), user).toBe(403);
		const response = await as('supervisor01')(url(), { method: 'PUT', body: JSON.stringify(report) });
		expect(response.status).toBe(201);
		rev = ((await response.json()) as { rev: string }).rev;
	});

	it('are read by supervisors and admins only', async () => {
		expect((await as('admin01')(url())).status).toBe(200);
		for (const user of ['inspector01', 'agent01', 'editor01', 'inspector02'])
			expect((await as(user)(url())).status, user).toBe(403);
	});

	it('never change or go away, whoever asks and however', async () => {
		const changed = { ...report, _rev: rev, figures: { current: { evaluations: 5 } } };
		expect(await put('supervisor01', changed)).toBe(403);
		expect(await put('admin01', { ...changed, issuedBy: 'admin01' })).toBe(403);
		const removed = await as('supervisor01')(`${url()}?rev=${rev}`, { method: 'DELETE' });
		expect(removed.status).toBe(403);
		const replicated = await as('supervisor01')(`${test.syncUrl}/reports/_bulk_docs`, {
			method: 'POST',
			body: JSON.stringify({
				new_edits: false,
				docs: [
					{
						...changed,
						_rev: `2-${'b'.repeat(32)}`,
						_revisions: { start: 2, ids: ['b'.repeat(32), rev.slice(2)] }
					}
				]
			})
		});
		const results = (await replicated.json()) as Array<{ error?: string }>;
		expect(replicated.status >= 400 || results[0]?.error === 'forbidden').toBe(true);
		const stored = (await (await as('supervisor01')(url())).json()) as IssuedReport;
		expect(stored.figures).toEqual({ current: { evaluations: 4 } });
		const design = await as('supervisor01')(`${test.syncUrl}/reports/_design/peek`, {
			method: 'PUT',
			body: JSON.stringify({ views: {} })
		});
		expect(design.status).toBe(403);
	});
});
