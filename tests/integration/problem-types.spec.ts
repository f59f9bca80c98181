// 问题类型 and 典型案例 through the real embedded server: setup's list, the grouped counts and lists the
// /qa/problems page reads, and who may change the list and a submitted result's tags.
import nano from 'nano';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Evaluation } from '../../src/lib/db/generated/documents';
import { submittedEvaluation } from '../fixtures/scored-evaluation';
import { as, startTestServer, type TestServer } from '../support/test-server';

let test: TestServer;
const couch = () => nano({ url: test.adminSyncUrl, parseUrl: false } as Parameters<typeof nano>[0]);
const qaUrl = (path: string) => `${test.syncUrl}/qa/${path}`;

function tagged(callId: string, submittedAt: string, tags: string[], commentTags: string[]): Evaluation {
	const evaluation = submittedEvaluation();
	return {
		...evaluation,
		_id: `evaluation:${callId}.inspector01`,
		recordingId: `recording:${callId}`,
		submittedAt,
		updatedAt: submittedAt,
		problemTags: tags,
		comments: [{ id: 'c1', startSeconds: 3, text: '未核实电话', problemTags: commentTags }]
	};
}

beforeAll(async () => {
	test = await startTestServer();
	await couch()
		.use('qa')
		.bulk({
			docs: [
				// 1 December in Beijing (16:30 UTC on 30 November), tagged on the result and on a comment.
				tagged('C20261130-0001', '2026-11-30T16:30:00.000Z', ['no-verify'], ['no-verify']),
				tagged('C20261202-0002', '2026-12-02T02:00:00.000Z', ['attitude'], ['no-verify']),
				{
					...tagged('C20261125-0003', '2026-11-25T02:00:00.000Z', ['no-verify'], []),
					typicalCase: {
						kind: 'bad',
						reason: '推诿',
						commentIds: ['c1'],
						markedBy: 'inspector01',
						markedAt: '2026-11-25T03:00:00.000Z'
					}
				}
			]
		});
}, 60_000);
afterAll(async () => {
	await test?.stop();
});

const view = async (name: string, query: Record<string, unknown>, user = 'supervisor01') => {
	const params = new URLSearchParams(
		Object.entries(query).map(([key, value]) => [key, JSON.stringify(value)])
	);
	const response = await as(user)(qaUrl(`_design/problems/_view/${name}?${params}`));
	return {
		status: response.status,
		body: (await response.json()) as { rows: Array<{ key: unknown; value: unknown }> }
	};
};

describe('problem types', () => {
	it('come with setup, readable by the QA staff and never by an agent', async () => {
		const list = await (
			await as('inspector01')(qaUrl('_all_docs?startkey="problemTag:"&endkey="problemTag:\ufff0"'))
		).json();
		expect((list as { rows: unknown[] }).rows.length).toBe(9);
		expect((await as('agent01')(qaUrl('problemTag:attitude'))).status).toBe(403);
	});

	it('are counted by day and type, once per result, with the Beijing day', async () => {
		const { body } = await view('tag-days', {
			startkey: ['2026-12-01'],
			endkey: ['2026-12-08'],
			group: true
		});
		expect(body.rows).toEqual([
			{ key: ['2026-12-01', 'no-verify'], value: 1 },
			{ key: ['2026-12-02', 'attitude'], value: 1 },
			{ key: ['2026-12-02', 'no-verify'], value: 1 }
		]);
	});

	it('list the calls of a type and the typical cases of a period', async () => {
		const { body } = await view('by-tag', {
			startkey: ['no-verify', '2026-12-08'],
			endkey: ['no-verify', '2026-11-01'],
			descending: true
		});
		expect(body.rows.map((row) => (row.value as { recordingId: string }).recordingId)).toEqual([
			'recording:C20261202-0002',
			'recording:C20261130-0001',
			'recording:C20261125-0003'
		]);
		const cases = await view('typical-cases', { startkey: ['2026-11-01'], endkey: ['2026-12-01'] });
		expect(cases.body.rows).toEqual([
			expect.objectContaining({
				value: expect.objectContaining({
					kind: 'bad',
					reason: '推诿',
					recordingId: 'recording:C20261125-0003'
				})
			})
		]);
	});

	it('are kept by supervisors; a submitted result is retagged by a supervisor, never its inspector', async () => {
		const newTag = {
			_id: 'problemTag:late-callback',
			type: 'problemTag',
			key: 'late-callback',
			name: '回访不及时',
			active: true,
			order: 100
		};
		for (const user of ['inspector01', 'inspector02', 'agent01'])
			expect(
				(
					await as(user)(qaUrl('problemTag:late-callback'), {
						method: 'PUT',
						body: JSON.stringify({ ...newTag, updatedBy: user, updatedAt: new Date().toISOString() })
					})
				).status,
				user
			).toBe(403);
		const put = await as('supervisor01')(qaUrl('problemTag:late-callback'), {
			method: 'PUT',
			body: JSON.stringify({ ...newTag, updatedBy: 'supervisor01', updatedAt: new Date().toISOString() })
		});
		expect(put.status).toBe(201);
		const stored = (await couch().use('qa').get('evaluation:C20261202-0002.inspector01')) as Evaluation & {
			_rev: string;
		};
		const retag = (user: string) =>
			as(user)(qaUrl(encodeURIComponent(stored._id)), {
				method: 'PUT',
				body: JSON.stringify({ ...stored, problemTags: ['late-callback'] })
			});
		expect((await retag('inspector01')).status).toBe(403);
		expect((await retag('supervisor01')).status).toBe(201);
	});
});
