// The demo's front-line activity goes in through the agents' own databases and lands where the design says:
// logs in searchlog (counted by its views), reports in feedback, nothing twice on a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFeedbackDatabaseName } from '../../src/lib/db/catalog';
import { eventually } from '../../tests/support/eventually';
import { as, startTestServer, type TestServer } from '../../tests/support/test-server';
import { loadDemoKnowledge } from './demo-knowledge';
import { loadDemoActivity } from './demo-activity';
import { runSetup } from './setup';

let test: TestServer;
beforeAll(async () => {
	test = await startTestServer();
});
afterAll(async () => {
	await test?.stop();
});

const rows = async (user: string, path: string) =>
	(
		(await (await as(user)(`${test.syncUrl}${path}`)).json()) as {
			rows: Array<{ id: string; key: unknown; value: unknown }>;
		}
	).rows;

describe('the demo activity', () => {
	it('reaches searchlog and feedback through the agents’ databases, once', async () => {
		const couch = await runSetup({ url: test.adminSyncUrl });
		await loadDemoKnowledge(couch, () => {});
		const now = new Date('2026-12-05T06:00:00.000Z');
		const lines: string[] = [];
		await loadDemoActivity(couch, (line) => lines.push(line), now);
		expect(lines.join('\n')).toMatch(/loaded \d+ demo documents of front-line activity for 2026-12/);

		const month = encodeURIComponent(JSON.stringify(['2026-12']));
		const monthEnd = encodeURIComponent(JSON.stringify(['2026-12', {}]));
		const zero = await eventually(async () => {
			const found = await rows(
				'editor01',
				`/searchlog/_design/insights/_view/zero-results?group_level=2&startkey=${month}&endkey=${monthEnd}`
			);
			return found.length >= 3 ? found : undefined;
		});
		expect(zero).toContainEqual(expect.objectContaining({ key: ['2026-12', '电动车上牌'] }));
		const miss = await eventually(async () => {
			const found = await rows(
				'editor01',
				'/feedback/_all_docs?startkey=%22searchMiss%3A%22&endkey=%22searchMiss%3A%EF%BF%B0%22'
			);
			return found.length > 0 ? found : undefined;
		});
		expect(miss[0]!.id).toMatch(/:agent01$/);
		// The editors' answer to agent01's question comes back to agent01's own database.
		await eventually(async () => {
			const own = await rows(
				'agent01',
				`/${agentFeedbackDatabaseName('agent01')}/_all_docs?startkey=%22knowledgeQuestion%3A%22&endkey=%22knowledgeQuestion%3A%EF%BF%B0%22`
			);
			return own.length > 0 ? own : undefined;
		});
		const again: string[] = [];
		await loadDemoActivity(couch, (line) => again.push(line), new Date('2026-12-20T06:00:00.000Z'));
		expect(again).toEqual([]);
		const history = await rows(
			'editor01',
			'/kb/_all_docs?startkey=%22entryVersion%3Awater-bill-payment%3A%22&endkey=%22entryVersion%3Awater-bill-payment%3A%EF%BF%B0%22'
		);
		expect(history.map((row) => row.id)).toEqual([
			'entryVersion:water-bill-payment:1',
			'entryVersion:water-bill-payment:2'
		]);
	});
});
