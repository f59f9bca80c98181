// Who reads the reports' sources, straight at the server: for every role, in the province and in a city, the
// report screen offers a report (report-kinds.ts) exactly when the server answers its views, and the issued
// reports, which are the province's, are refused to everyone else. Supervisors read kb for the knowledge report
// and write nothing there but their own profile.
import nano from 'nano';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/lib/db/catalog';
import { cityQaDatabaseName } from '../../src/lib/db/catalog';
import { mayReadIssuedReports, reportKindsFor, type ReportKind } from '../../src/lib/reports/report-kinds';
import { ensureUser } from '../../sync/setup/setup';
import { category, issuedReport } from '../fixtures/documents';
import { as, DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server';

let test: TestServer;
// A city's supervisor and analyst, beside the demo's province staff and 海口's reviewer and inspector.
const cityStaff = [
	{ name: 'supervisor-hk', roles: ['supervisor', 'city:haikou'] },
	{ name: 'analyst-hk', roles: ['analyst', 'city:haikou'] }
];
beforeAll(async () => {
	test = await startTestServer();
	const couch = nano({ url: test.adminSyncUrl, parseUrl: false } as Parameters<typeof nano>[0]);
	for (const user of cityStaff)
		await ensureUser(couch, { ...user, password: DEMO_PASSWORD, displayName: user.name }, () => {});
});
afterAll(async () => {
	await test?.stop();
});

const status = async (user: string, path: string) => (await as(user)(`${test.syncUrl}${path}`)).status;

/** One view each report cannot be drawn without, in the database the user's audience reads it from. */
function reportViews(kind: ReportKind, city: string | undefined): string[] {
	if (kind === 'qa')
		return [
			`/${city ? cityQaDatabaseName(city) : 'qa'}/_design/reports/_view/evaluation-scores?group_level=1`
		];
	return ['kb', 'feedback', 'searchlog'].map(
		(database) =>
			`/${database}/_design/reports/_view/${
				{ kb: 'entry-status', feedback: 'items', searchlog: 'searches' }[database]
			}?group_level=1`
	);
}

const people: Array<{ name: string; roles: Role[]; city?: string }> = [
	{ name: 'supervisor01', roles: ['supervisor'] },
	{ name: 'analyst01', roles: ['analyst'] },
	{ name: 'admin01', roles: ['admin'] },
	{ name: 'reviewer01', roles: ['reviewer'] },
	{ name: 'editor01', roles: ['editor'] },
	{ name: 'inspector01', roles: ['inspector'] },
	{ name: 'agent01', roles: ['agent'] },
	{ name: 'supervisor-hk', roles: ['supervisor'], city: 'haikou' },
	{ name: 'analyst-hk', roles: ['analyst'], city: 'haikou' },
	{ name: 'reviewer02', roles: ['reviewer', 'editor'], city: 'haikou' }
];

describe('the reports a person is offered', () => {
	it.each(people)('are the ones the server lets $name read', async ({ name, roles, city }) => {
		const offered = reportKindsFor(roles, city ? [city] : []);
		// Inspectors and editors read some of the sources for their own work; the screen is not theirs.
		const screenRole = roles.some((role) => ['supervisor', 'analyst', 'admin', 'reviewer'].includes(role));
		if (!screenRole) expect(offered).toEqual([]);
		for (const kind of ['qa', 'knowledge'] as const) {
			const answers = await Promise.all(reportViews(kind, city).map((path) => status(name, path)));
			if (offered.includes(kind)) expect(answers, `${name} ${kind}`).toEqual(answers.map(() => 200));
			else if (screenRole) expect(answers, `${name} ${kind}`).toContain(403);
		}
	});

	it.each(people)('include the issued ones exactly when the server lets $name read them', async (person) => {
		const expected = mayReadIssuedReports(person.roles, person.city ? [person.city] : []) ? 200 : 403;
		expect(await status(person.name, '/reports/_all_docs?limit=1')).toBe(expected);
	});

	it('are issued by nobody of a city: the reports database is the province’s', async () => {
		const report = issuedReport({
			_id: 'issuedReport:2026-11:sub:haikou:supervisor-hk',
			scopeId: 'sub:haikou',
			scopeLabel: '海口',
			figures: {},
			definitions: ['口径'],
			issuedBy: 'supervisor-hk',
			issuedAt: '2026-12-01T02:00:00.000Z'
		});
		for (const user of ['supervisor-hk', 'analyst-hk', 'reviewer02']) {
			const response = await as(user)(`${test.syncUrl}/reports/${encodeURIComponent(report._id)}`, {
				method: 'PUT',
				body: JSON.stringify({ ...report, issuedBy: user })
			});
			expect(response.status, user).toBe(403);
		}
	});

	it('refuse a city’s analyst every call of the province and of their city', async () => {
		expect(await status('analyst-hk', '/qa/_all_docs?limit=1')).toBe(403);
		expect(await status('analyst-hk', `/${cityQaDatabaseName('haikou')}/_all_docs?limit=1`)).toBe(403);
		expect(await status('supervisor-hk', '/qa/_all_docs?limit=1')).toBe(403);
		expect(await status('supervisor-hk', `/${cityQaDatabaseName('sanya')}/_all_docs?limit=1`)).toBe(403);
	});
});

describe('a supervisor in kb', () => {
	const supervisor = as('supervisor01');
	const put = <T extends { _id: string }>(doc: T) =>
		supervisor(`${test.syncUrl}/kb/${encodeURIComponent(doc._id)}`, {
			method: 'PUT',
			body: JSON.stringify(doc)
		});
	const profile = (userName: string) => ({
		_id: `profile:${userName}`,
		type: 'profile',
		userName,
		displayName: '改过的名字',
		roles: ['supervisor']
	});

	it('writes no category, plainly or as a replicated branch', async () => {
		const forged = category({ _id: 'category:by-supervisor' });
		expect((await put(forged)).status).toBe(403);
		const replicated = await supervisor(`${test.syncUrl}/kb/_bulk_docs`, {
			method: 'POST',
			body: JSON.stringify({
				docs: [{ ...forged, _rev: '1-0123456789abcdef0123456789abcdef' }],
				new_edits: false
			})
		});
		// Refused whole, or per document: either way nothing is stored.
		if (replicated.status !== 403) {
			const results = (await replicated.json()) as Array<{ error?: string }>;
			expect(results.map((result) => result.error)).toEqual(['forbidden']);
		}
		expect((await supervisor(`${test.syncUrl}/kb/category%3Aby-supervisor`)).status).toBe(404);
	});

	it('writes no one else’s profile, and no role into their own', async () => {
		expect((await put({ ...profile('agent01'), roles: ['agent'] })).status).toBe(403);
		const own = (await (await supervisor(`${test.syncUrl}/kb/profile%3Asupervisor01`)).json()) as {
			_rev: string;
			roles: Role[];
		};
		expect((await put({ ...own, _id: 'profile:supervisor01', roles: ['supervisor', 'admin'] })).status).toBe(
			403
		);
		expect((await put({ ...own, _id: 'profile:supervisor01', displayName: '改过的名字' })).status).toBe(201);
	});
});
