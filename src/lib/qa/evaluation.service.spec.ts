import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LocalDatabase } from '$lib/db/local-databases';
import { hotlineScorecard, scoredDraft } from '../../../tests/fixtures/scored-evaluation';
import { saveEvaluationDraft, submitEvaluation } from './evaluation.service';

PouchDB.plugin(memoryAdapter);

// The browser's IndexedDB database is replaced by an in-memory PouchDB, fresh for every test.
const local = vi.hoisted(() => ({ db: null as unknown as LocalDatabase }));
vi.mock('$lib/db/local-databases', () => ({ openLocalDatabase: () => local.db }));

beforeEach(() => {
	local.db = new PouchDB(`evaluation-${Math.random()}`, { adapter: 'memory' }) as unknown as LocalDatabase;
});

describe('saving an evaluation once it is submitted', () => {
	it('submits a draft with its total', async () => {
		const draft = scoredDraft();
		expect((await saveEvaluationDraft('inspector01', draft, hotlineScorecard)).ok).toBe(true);
		const submitted = await submitEvaluation('inspector01', draft, hotlineScorecard);
		expect(submitted.ok && submitted.value).toMatchObject({ status: 'submitted', total: 94 });
	});

	// The server would refuse these revisions, and they would sit here unsynced for good.
	it('writes nothing over a submitted evaluation: neither a late draft save nor a second submission', async () => {
		const draft = scoredDraft();
		await submitEvaluation('inspector01', draft, hotlineScorecard);
		const before = await local.db.get(draft._id);
		const rescore = { ...draft, scores: draft.scores.map((score) => ({ ...score, points: 0 })) };
		const late = await saveEvaluationDraft('inspector01', rescore, hotlineScorecard);
		const again = await submitEvaluation('inspector01', draft, hotlineScorecard);
		for (const result of [late, again]) {
			expect(result).toEqual({ ok: false, error: expect.stringContaining('已经提交，不能再修改') });
		}
		expect(await local.db.get(draft._id)).toEqual(before);
	});
});
