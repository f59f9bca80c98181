// 抽检 through the real embedded server: the demo week drawn by the browser's own draw code, repeatable from its
// commitment, and every forbidden change refused whoever sends it and however it is dressed up.
import nano from 'nano';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SampleDraw, SampleInput } from '../../src/lib/db/generated/documents';
import { auditDraw, POPULATION_ATTACHMENT } from '../../src/lib/qa/sampling/plan-draw';
import { gunzipText } from '../../src/lib/qa/sampling/gzip-text';
import { runDraw } from '../../src/lib/qa/sampling/run-draw';
import { demoUsers } from '../../sync/demo/users';
import { nanoDrawServer } from '../../sync/sampling/nano-draw-server';
import { demoPlan, loadDemoProgramme } from '../../sync/setup/demo-programme';
import { loadDemoRecordings } from '../../sync/setup/demo-qa';
import { as, startTestServer, type TestServer } from '../support/test-server';

let test: TestServer;
const couch = () => nano({ url: test.adminSyncUrl, parseUrl: false } as Parameters<typeof nano>[0]);
const DRAW_ID = 'sampleDraw:weekly-demo:2026-11-16';
const qaUrl = (path: string) => `${test.syncUrl}/qa/${path}`;
let draw: SampleDraw & { _rev: string };

beforeAll(async () => {
	test = await startTestServer();
	await loadDemoRecordings(couch(), demoUsers, () => {});
	await loadDemoProgramme(couch(), demoUsers, () => {});
	draw = (await couch().use('qa').get(DRAW_ID)) as typeof draw;
}, 60_000);
afterAll(async () => {
	await test?.stop();
});

async function read(user: string, id: string) {
	return (await (await as(user)(qaUrl(encodeURIComponent(id)))).json()) as SampleDraw & { _rev: string };
}

describe('the demo week’s draw', () => {
	it('holds the complaint and the unsatisfied 回访, a call of each agent, for the plan’s inspectors', () => {
		const ids = draw.items.map((item) => item.recordingId);
		expect(ids).toContain('recording:C20261119-0007');
		expect(ids).toContain('recording:C20261120-0003');
		expect(new Set(draw.items.map((item) => item.agent))).toEqual(new Set(['agent01', 'agent02']));
		for (const item of draw.items) expect(demoPlan.assignment.inspectors).toContain(item.inspector);
		expect(draw.population).toBe(4);
		// Due three working days after Sunday 22 November.
		expect(draw.items[0]!.due).toBe('2026-11-25');
	});

	it('is what its stored population and seed give, and drawing again changes nothing', async () => {
		const input = (await couch().use('qa').get(`sampleInput:weekly-demo:2026-11-16`)) as SampleInput;
		const bytes = await couch().use('qa').attachment.get(input._id, POPULATION_ATTACHMENT);
		const audit = await auditDraw(draw, await gunzipText(new Uint8Array(bytes)));
		expect(audit).toMatchObject({ populationIntact: true, sampleRepeats: true });
		const again = await runDraw(nanoDrawServer(couch(), 'qa'), demoPlan, draw.period, {
			teamOf: () => undefined,
			inspectors: [{ name: 'inspector01', load: 0 }],
			drawnBy: 'supervisor01',
			now: new Date().toISOString(),
			seed: 'ffffffffffffffff'
		});
		expect(again.how).toBe('existing');
		expect((await couch().use('qa').get(DRAW_ID))._rev).toBe(draw._rev);
	});

	it('reads the population from the server’s memory exactly as PouchDB’s view gives it', async () => {
		const range = `startkey=${encodeURIComponent('["2026-11-15T16:00:00.000Z"]')}&endkey=${encodeURIComponent('["2026-11-22T16:00:00.000Z"]')}`;
		const view = (extra: string) =>
			as('supervisor01')(qaUrl(`_design/sampling/_view/population?${range}${extra}`)).then(
				(response) => response.json() as Promise<{ rows: unknown[]; update_seq?: unknown }>
			);
		const fromMemory = await view('');
		// update_seq is a parameter only PouchDB answers: the same read through its view store.
		const fromPouch = await view('&update_seq=true');
		expect(fromPouch.update_seq).toBeDefined();
		expect(fromMemory.rows).toHaveLength(4);
		expect(fromMemory.rows).toEqual(fromPouch.rows);
		// Read backwards from the end of the week, the newest two: the same as PouchDB's, in reverse order.
		const swapped = `startkey=${encodeURIComponent('["2026-11-22T16:00:00.000Z"]')}&endkey=${encodeURIComponent('["2026-11-15T16:00:00.000Z"]')}&descending=true&limit=2`;
		const newest = (extra: string) =>
			as('supervisor01')(qaUrl(`_design/sampling/_view/population?${swapped}${extra}`)).then(
				(response) => response.json() as Promise<{ rows: unknown[] }>
			);
		expect((await newest('')).rows).toEqual((await newest('&update_seq=true')).rows);
		expect((await newest('')).rows).toEqual(fromMemory.rows.slice(-2).reverse());
	});

	it('is read by the QA staff, never by an agent', async () => {
		for (const user of ['inspector01', 'inspector03', 'supervisor01', 'admin01'])
			expect((await as(user)(qaUrl(encodeURIComponent(DRAW_ID)))).status, user).toBe(200);
		expect((await as('agent01')(qaUrl(encodeURIComponent(DRAW_ID)))).status).toBe(403);
	});
});

describe('who may change a draw, straight to the server', () => {
	const swapped = () => ({
		...draw,
		items: draw.items.map((item, index) =>
			index === 0 ? { ...item, recordingId: 'recording:C20261118-9999' } : item
		)
	});
	const dropped = () => ({ ...draw, items: draw.items.slice(1) });
	const silentlyMoved = () => ({
		...draw,
		items: draw.items.map((item, index) => (index === 0 ? { ...item, inspector: 'supervisor01' } : item))
	});

	it.each(['agent01', 'inspector01', 'inspector03', 'inspector02', 'editor01', 'reviewer01', 'supervisor01'])(
		'%s cannot swap, drop or silently move a call, by PUT or by replication',
		async (user) => {
			for (const forged of [swapped(), dropped(), silentlyMoved()]) {
				const put = await as(user)(qaUrl(encodeURIComponent(DRAW_ID)), {
					method: 'PUT',
					body: JSON.stringify(forged)
				});
				expect(put.status, `${user} PUT`).toBe(403);
				const replicated = await as(user)(qaUrl('_bulk_docs'), {
					method: 'POST',
					body: JSON.stringify({
						new_edits: false,
						docs: [{ ...forged, _rev: '2-0123456789abcdef0123456789abcdef', _revisions: undefined }]
					})
				});
				const answer = replicated.ok ? ((await replicated.json()) as Array<{ error?: string }>) : null;
				expect(
					answer === null || answer.every((row) => row.error === 'forbidden'),
					`${user} new_edits:false`
				).toBe(true);
			}
			const after = await read('supervisor01', DRAW_ID);
			expect(after._rev).toBe(draw._rev);
			expect(after.items).toEqual(draw.items);
		}
	);

	it.each(['inspector01', 'inspector02', 'agent01', 'supervisor01'])(
		'%s cannot write the plan’s design, nor change a draw through _local',
		async (user) => {
			const design = await as(user)(qaUrl('_design/app'), {
				method: 'PUT',
				body: JSON.stringify({ validate_doc_update: 'function () {}' })
			});
			expect(design.status).toBe(403);
			await as(user)(qaUrl(`_local/${encodeURIComponent(DRAW_ID)}`), {
				method: 'PUT',
				body: JSON.stringify({ items: [] })
			});
			expect((await read('inspector01', DRAW_ID))._rev).toBe(draw._rev);
		}
	);

	it('an inspector cannot plan or draw; a city inspector neither', async () => {
		for (const user of ['inspector01', 'inspector02']) {
			const plan = { ...demoPlan, _id: `samplingPlan:by-${user}`, createdBy: user, updatedBy: user };
			const response = await as(user)(qaUrl(encodeURIComponent(plan._id)), {
				method: 'PUT',
				body: JSON.stringify(plan)
			});
			expect(response.status, user).toBe(403);
			const newDraw = {
				...draw,
				_id: 'sampleDraw:weekly-demo:2026-11-23',
				period: { from: '2026-11-23', to: '2026-11-29' },
				drawnBy: user,
				_rev: undefined
			};
			expect(
				(
					await as(user)(qaUrl(encodeURIComponent(newDraw._id)), {
						method: 'PUT',
						body: JSON.stringify(newDraw)
					})
				).status
			).toBe(403);
		}
	});

	it('a supervisor reassigns with a reason, kept in the history, which nobody rewrites afterwards', async () => {
		const item = draw.items[0]!;
		const to = item.inspector === 'inspector01' ? 'inspector03' : 'inspector01';
		const moved = {
			...draw,
			items: draw.items.map((candidate, index) =>
				index === 0 ? { ...candidate, inspector: to } : candidate
			),
			history: [
				{
					recordingId: item.recordingId,
					from: item.inspector,
					to,
					reason: '质检员请假',
					by: 'supervisor01',
					at: new Date().toISOString()
				}
			]
		};
		const response = await as('supervisor01')(qaUrl(encodeURIComponent(DRAW_ID)), {
			method: 'PUT',
			body: JSON.stringify(moved)
		});
		expect(response.status).toBe(201);
		const stored = await read('inspector01', DRAW_ID);
		expect(stored.history).toHaveLength(1);
		const erased = { ...stored, history: [], items: draw.items };
		const erase = await as('supervisor01')(qaUrl(encodeURIComponent(DRAW_ID)), {
			method: 'PUT',
			body: JSON.stringify(erased)
		});
		expect(erase.status).toBe(403);
		// The audit still finds the draw the seed gives: the history says who had each call first.
		const bytes = await couch()
			.use('qa')
			.attachment.get(`sampleInput:weekly-demo:2026-11-16`, POPULATION_ATTACHMENT);
		expect((await auditDraw(stored, await gunzipText(new Uint8Array(bytes)))).sampleRepeats).toBe(true);
	});

	it('nobody but the server admin rewrites the population a draw was made from', async () => {
		const id = 'sampleInput:weekly-demo:2026-11-16';
		const input = (await couch().use('qa').get(id)) as SampleInput & { _rev: string };
		for (const user of ['supervisor01', 'admin01', 'inspector01']) {
			const response = await as(user)(
				qaUrl(`${encodeURIComponent(id)}/${POPULATION_ATTACHMENT}?rev=${input._rev}`),
				{
					method: 'PUT',
					body: 'forged',
					headers: { 'content-type': 'application/gzip' }
				}
			);
			expect(response.status, user).toBe(403);
		}
		expect(((await couch().use('qa').get(id)) as { _rev: string })._rev).toBe(input._rev);
	});
});
