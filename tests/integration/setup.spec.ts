// `npm run setup` can run on every start and after every upgrade: a second run changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentQaDatabaseName } from '../../src/lib/db/catalog';
import { demoUsers } from '../../sync/demo/users';
import { ensureUser, runSetup } from '../../sync/setup/setup';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server';

let test: TestServer;
beforeAll(async () => {
	test = await startTestServer();
});
afterAll(async () => {
	await test?.stop();
});

const adminHeaders = () => ({
	authorization: `Basic ${Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64')}`
});

describe('setup', () => {
	it('changes nothing when run again', async () => {
		const lines: string[] = [];
		const couch = await runSetup({ url: test.adminSyncUrl, log: (line) => lines.push(line) });
		for (const user of demoUsers) await ensureUser(couch, user, (line) => lines.push(line));
		expect(lines).toEqual([]);
	});

	it('makes qa readable by the province’s QA roles and analysts only and each agent database by its agent only', async () => {
		const qa = await (await fetch(`${test.syncUrl}/qa/_security`, { headers: adminHeaders() })).json();
		expect(qa).toEqual({
			admins: { names: [], roles: [] },
			members: {
				names: [],
				roles: ['admin', 'inspector@province', 'supervisor@province', 'analyst@province']
			}
		});
		const own = await (
			await fetch(`${test.syncUrl}/${agentQaDatabaseName('agent01')}/_security`, { headers: adminHeaders() })
		).json();
		expect(own).toEqual({
			admins: { names: [], roles: [] },
			members: { names: ['agent01'], roles: ['admin'] }
		});
	});

	it('gives an account made by hand its scoped roles, and its city its databases, on the next run', async () => {
		const users = `${test.syncUrl}/_users`;
		for (const [name, roles] of [
			['handmade-editor', ['editor']],
			['handmade-inspector', ['inspector', 'city:danzhou']]
		] as const) {
			const put = await fetch(`${users}/org.couchdb.user:${name}`, {
				method: 'PUT',
				headers: { ...adminHeaders(), 'content-type': 'application/json' },
				body: JSON.stringify({
					_id: `org.couchdb.user:${name}`,
					name,
					type: 'user',
					roles,
					password: 'x1234567'
				})
			});
			expect(put.status).toBe(201);
		}
		expect((await fetch(`${test.syncUrl}/cityqa-danzhou`, { headers: adminHeaders() })).status).toBe(404);
		await runSetup({ url: test.adminSyncUrl });
		const rolesOf = async (name: string) =>
			(
				(await (await fetch(`${users}/org.couchdb.user:${name}`, { headers: adminHeaders() })).json()) as {
					roles: string[];
				}
			).roles;
		expect(await rolesOf('handmade-editor')).toEqual(['editor', 'editor@province']);
		expect(await rolesOf('handmade-inspector')).toEqual(['inspector', 'city:danzhou', 'inspector@danzhou']);
		const security = await (
			await fetch(`${test.syncUrl}/cityqa-danzhou/_security`, { headers: adminHeaders() })
		).json();
		expect(security.members.roles).toEqual([
			'admin',
			'inspector@danzhou',
			'supervisor@danzhou',
			'node@danzhou'
		]);
	});

	it('names agent databases so that any user name fits CouchDB’s rules', () => {
		expect(agentQaDatabaseName('agent01')).toBe('qa-agent-6167656e743031');
		expect(agentQaDatabaseName('张三')).toMatch(/^qa-agent-[0-9a-f]+$/);
	});
});

describe('setup on an install from before searchlog', () => {
	it('copies the search logs feedback holds into searchlog once, as the same revisions', async () => {
		const log = (n: number) => ({
			_id: `searchLog:20261101T0${n}0000000Z-0000000${n}:agent01`,
			type: 'searchLog',
			query: `旧的检索词${n}`,
			resultCount: n,
			createdBy: 'agent01',
			createdAt: `2026-11-01T0${n}:00:00.000Z`
		});
		const written = await fetch(`${test.syncUrl}/feedback/_bulk_docs`, {
			method: 'POST',
			headers: { ...adminHeaders(), 'content-type': 'application/json' },
			body: JSON.stringify({ docs: [1, 2, 3].map(log) })
		});
		const revs = Object.fromEntries(
			((await written.json()) as Array<{ id: string; rev: string }>).map((row) => [row.id, row.rev])
		);
		const lines: string[] = [];
		await runSetup({ url: test.adminSyncUrl, log: (line) => lines.push(line) });
		expect(lines).toContain('  copied 3 search logs from feedback to searchlog');
		const copied = await fetch(`${test.syncUrl}/searchlog/_all_docs`, { headers: adminHeaders() });
		const rows = ((await copied.json()) as { rows: Array<{ id: string; value: { rev: string } }> }).rows;
		const copiedRevs = Object.fromEntries(
			rows.filter((row) => row.id.startsWith('searchLog:')).map((row) => [row.id, row.value.rev])
		);
		expect(copiedRevs).toEqual(revs);

		const again: string[] = [];
		await runSetup({ url: test.adminSyncUrl, log: (line) => again.push(line) });
		expect(again.filter((line) => line.includes('search logs'))).toEqual([]);
	});
});
