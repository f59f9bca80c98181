// The recording list pages through the server's views (run here on PouchDB from the repository's design
// document, as the embedded server runs them), filters each page, and merges this browser's own calls.
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildDesignDocuments } from '../../../sync/ddocs/build-design-docs';
import { databases, QA_DB } from '$lib/db/catalog';
import type { Evaluation, Recording } from '$lib/db/generated/documents';
import { ServerUnreachable } from '$lib/db/server-views';
import { NO_FILTER } from './recordings/recording-filters';
import { RecordingList, SERVER_PAGE_SIZE, type QaViewReader } from './recording-list.service';

PouchDB.plugin(memoryAdapter);

const browser = vi.hoisted(() => ({ databases: new Map<string, PouchDB.Database>() }));
vi.mock('$lib/db/local-databases', () => ({
	openLocalDatabase(user: string, name: string) {
		const key = `${user}$${name}`;
		if (!browser.databases.has(key))
			browser.databases.set(key, new PouchDB(`${key}-${Math.random()}`, { adapter: 'memory' }));
		return browser.databases.get(key);
	}
}));

const [qaDesign] = buildDesignDocuments(databases[QA_DB]!.designFolder, databases[QA_DB]!.documentTypes);

function recording(callId: string, startedAt: string, overrides: Partial<Recording> = {}): Recording {
	return {
		_id: `recording:${callId}`,
		type: 'recording',
		callId,
		agentName: 'agent01',
		startedAt,
		durationSeconds: 200,
		direction: 'inbound',
		businessType: '社会保障',
		channels: 2,
		audio: { fileName: `${callId}.ogg`, contentType: 'audio/ogg', byteLength: 1000 },
		importedBy: 'inspector01',
		importedAt: '2026-11-21T00:00:00.000Z',
		...overrides
	};
}

function scored(recordingId: string, inspector: string): Evaluation {
	return {
		_id: `evaluation:${recordingId.slice('recording:'.length)}.${inspector}`,
		type: 'evaluation',
		recordingId,
		scorecardId: 'scorecard:hotline-12345-v1',
		scorecardVersion: 1,
		agentName: 'agent01',
		inspector,
		status: 'submitted',
		scores: [],
		comments: [],
		total: 90,
		updatedAt: '2026-11-21T00:00:00.000Z'
	};
}

let server: PouchDB.Database;
let reads: number;
const reader: QaViewReader = async (view, query) => {
	reads++;
	const { keys, ...rest } = query;
	const result = (await server.query(view, { ...rest, ...(keys ? { keys } : {}) })) as { rows: unknown };
	return result.rows as never;
};

beforeEach(async () => {
	browser.databases.clear();
	server = new PouchDB(`server-${Math.random()}`, { adapter: 'memory' });
	await server.put(qaDesign as never);
	reads = 0;
});

const ids = (rows: Array<{ recording: Recording }>) => rows.map((row) => row.recording.callId);

describe('the recording list', () => {
	it('pages newest first through calls that share a start time, none twice, none left out', async () => {
		const calls = Array.from({ length: SERVER_PAGE_SIZE + 30 }, (_, index) =>
			recording(`C${String(index).padStart(4, '0')}`, `2026-11-${index < 150 ? '20' : '19'}T01:00:00.000Z`)
		);
		await server.bulkDocs(calls);
		const list = new RecordingList('inspector01', NO_FILTER, reader);
		const first = await list.more(100);
		expect(first.rows.length).toBe(SERVER_PAGE_SIZE);
		expect(first.exhausted).toBe(false);
		const all = await list.more(100);
		expect(all.exhausted).toBe(true);
		expect(new Set(ids(all.rows)).size).toBe(calls.length);
		expect(all.rows[0]!.recording.startedAt >= all.rows.at(-1)!.recording.startedAt).toBe(true);
	});

	it('reads one agent’s calls from their own view, within the Beijing dates, with who scored them', async () => {
		await server.bulkDocs([
			recording('A1', '2026-11-19T16:30:00.000Z', { agentName: 'agent02' }), // 20 Nov, 00:30 in Beijing
			recording('A2', '2026-11-19T15:30:00.000Z', { agentName: 'agent02' }), // 19 Nov in Beijing
			recording('B1', '2026-11-20T01:00:00.000Z'),
			scored('recording:A1', 'inspector02')
		]);
		const list = new RecordingList(
			'inspector01',
			{ ...NO_FILTER, agentName: 'agent02', from: '2026-11-20' },
			reader
		);
		const { rows } = await list.more(100);
		expect(ids(rows)).toEqual(['A1']);
		expect(rows[0]!.scored).toBe('scored');
		expect(rows[0]!.evaluation).toMatchObject({ inspector: 'inspector02', total: 90 });
	});

	it('stops after its page budget when a filter matches little, and goes on when asked', async () => {
		const calls = Array.from({ length: SERVER_PAGE_SIZE * 11 }, (_, index) =>
			recording(
				`D${String(index).padStart(5, '0')}`,
				`2026-10-${String(1 + (index % 28)).padStart(2, '0')}T01:00:00.000Z`
			)
		);
		await server.bulkDocs(calls);
		const list = new RecordingList('inspector01', { ...NO_FILTER, businessType: '没有这一类' }, reader);
		const first = await list.more(100);
		expect(first.rows).toEqual([]);
		expect(first.exhausted).toBe(false);
		expect(first.scanned).toBe(SERVER_PAGE_SIZE * 10);
		const rest = await list.more(100);
		expect(rest.exhausted).toBe(true);
		expect(rest.scanned).toBe(calls.length);
	});

	it('adds this browser’s own calls (an import not yet pushed) and, offline, lists those alone', async () => {
		await server.bulkDocs([recording('S1', '2026-11-20T02:00:00.000Z')]);
		const { openLocalDatabase } = await import('$lib/db/local-databases');
		await openLocalDatabase('inspector01', QA_DB).put(recording('L1', '2026-11-20T03:00:00.000Z'));
		const online = await new RecordingList('inspector01', NO_FILTER, reader).more(100);
		expect(ids(online.rows)).toEqual(['L1', 'S1']);

		const unreachable: QaViewReader = async () => {
			throw new ServerUnreachable('连不上服务器');
		};
		const offline = await new RecordingList('inspector01', NO_FILTER, unreachable).more(100);
		expect(ids(offline.rows)).toEqual(['L1']);
		expect(offline.offlineReason).toBe('连不上服务器');
		expect(reads).toBeGreaterThan(0);
	});
});
