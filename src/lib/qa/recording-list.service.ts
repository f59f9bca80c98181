// The inspectors' recording list. A province has millions of calls a year, so no browser holds them: the
// list reads the server's views a page at a time, newest first, filters each page, and adds the calls this
// browser holds (imported here, opened, kept for offline scoring). Offline, it lists those alone.
import { QA_DB } from '$lib/db/catalog';
import { cacheFigures, readCachedFigures } from '$lib/db/figure-cache';
import type { Recording } from '$lib/db/generated/documents';
import { Repository } from '$lib/db/repository';
import { qaServerDatabase } from '$lib/db/server-databases';
import { readServerView, ServerUnreachable, type ViewQuery, type ViewRow } from '$lib/db/server-views';
import { syncBaseUrl } from '$lib/session/session.service';
import { nowIso } from '$lib/time';
import {
	filterChoices,
	matchesFilter,
	recordingRows,
	type EvaluationSummary,
	type FilterChoices,
	type RecordingFilter,
	type RecordingRow
} from './recordings/recording-filters';
import { serverRange } from './recordings/server-range';

/** Rows read per request; a filter matching few calls reads several pages per 再显示. */
export const SERVER_PAGE_SIZE = 200;
/** At most this many pages per request, so a rare filter reports progress instead of reading for minutes. */
export const PAGES_PER_REQUEST = 10;

export interface RecordingListState {
	rows: RecordingRow[];
	/** The server has no more rows in the range. */
	exhausted: boolean;
	/** Calls read from the server so far. */
	scanned: number;
	/** Set when the server could not be read: the rows are this browser's calls alone. */
	offlineReason?: string;
}

/** The key of the last row read: the next page starts after it. */
type Cursor = { startkey: unknown } | null;

/** Reads a view of the server's qa database (injected in tests, which run it on PouchDB). */
export type QaViewReader = <Key, Value, Doc = never>(
	view: `${string}/${string}`,
	query: ViewQuery
) => Promise<ViewRow<Key, Value, Doc>[]>;

const readQaView: QaViewReader = (view, query) =>
	readServerView(syncBaseUrl(), qaServerDatabase(), view, query);

export class RecordingList {
	readonly #userName: string;
	readonly #filter: RecordingFilter;
	#cursor: Cursor = null;
	#exhausted = false;
	#oldestRead = '\ufff0';
	#scanned = 0;
	#serverRows: RecordingRow[] = [];
	#localRows: RecordingRow[] | null = null;

	readonly #read: QaViewReader;

	constructor(userName: string, filter: RecordingFilter, read: QaViewReader = readQaView) {
		this.#userName = userName;
		this.#filter = { ...filter };
		this.#read = read;
	}

	/** Reads until `wanted` more calls match (or the range ends, or the page budget is spent). */
	async more(wanted: number): Promise<RecordingListState> {
		const local = await this.#local();
		try {
			let matched = 0;
			for (let page = 0; page < PAGES_PER_REQUEST && !this.#exhausted && matched < wanted; page++)
				matched += await this.#readPage();
		} catch (error) {
			if (!(error instanceof ServerUnreachable)) throw error;
			return { rows: local, exhausted: true, scanned: this.#scanned, offlineReason: error.message };
		}
		return { rows: this.#merged(local), exhausted: this.#exhausted, scanned: this.#scanned };
	}

	async #local(): Promise<RecordingRow[]> {
		if (this.#localRows) return this.#localRows;
		const [recordings, evaluations] = await Promise.all([
			new Repository(this.#userName, 'recording').all(),
			new Repository(this.#userName, 'evaluation').all()
		]);
		this.#localRows = recordingRows(recordings, evaluations, this.#userName).filter((row) =>
			matchesFilter(row, this.#filter)
		);
		return this.#localRows;
	}

	/** The server's rows read so far and this browser's calls in the same stretch of time, newest first. */
	#merged(local: RecordingRow[]): RecordingRow[] {
		const byId = new Map(this.#serverRows.map((row) => [row.recording._id, row]));
		for (const row of local)
			if (this.#exhausted || row.recording.startedAt >= this.#oldestRead) {
				const fromServer = byId.get(row.recording._id);
				// This browser's evaluation may be newer than the server's (a draft not yet pushed).
				if (!fromServer || (row.evaluation && !fromServer.evaluation)) byId.set(row.recording._id, row);
			}
		return [...byId.values()].sort((a, b) => (a.recording.startedAt < b.recording.startedAt ? 1 : -1));
	}

	async #readPage(): Promise<number> {
		const range = serverRange(this.#filter);
		const rows = await this.#read<unknown, null, Recording>(range.view, {
			descending: true,
			include_docs: true,
			limit: SERVER_PAGE_SIZE,
			...(this.#cursor ? { ...this.#cursor, skip: 1 } : { startkey: range.startkey }),
			endkey: range.endkey
		});
		if (rows.length < SERVER_PAGE_SIZE) this.#exhausted = true;
		const last = rows.at(-1);
		if (last) this.#cursor = { startkey: last.key };
		const recordings = rows.flatMap((row) => (row.doc ? [row.doc] : []));
		this.#scanned += recordings.length;
		if (recordings.length === 0) return 0;
		this.#oldestRead = recordings.at(-1)!.startedAt;
		const evaluations = await this.#read<string, Omit<EvaluationSummary, 'recordingId'>>(
			'app/evaluations-by-recording',
			{ keys: recordings.map((recording) => recording._id) }
		);
		const summaries = evaluations.map((row) => ({ ...row.value, recordingId: row.key }));
		const matching = recordingRows(recordings, summaries, this.#userName).filter((row) =>
			matchesFilter(row, this.#filter)
		);
		this.#serverRows.push(...matching);
		return matching.length;
	}
}

/** The filters' choices from the server's counts; offline, the last ones read, or this browser's calls. */
export async function readFilterChoices(userName: string, localRows: RecordingRow[]): Promise<FilterChoices> {
	const key = 'recording-facets';
	try {
		const rows = await readServerView<[string, string, string?], number>(
			syncBaseUrl(),
			qaServerDatabase(),
			'app/recording-facets',
			{ group: true }
		);
		const choices: FilterChoices = { businessTypes: [], handlingResults: [], agents: [] };
		for (const { key: facet } of rows) {
			if (facet[0] === 'agent') choices.agents.push({ name: facet[1], label: facet[2] ?? facet[1] });
			else if (facet[0] === 'businessType') choices.businessTypes.push(facet[1]);
			else if (facet[0] === 'handlingResult') choices.handlingResults.push(facet[1]);
		}
		const byLabel = (a: string, b: string) => a.localeCompare(b, 'zh-CN');
		choices.businessTypes.sort(byLabel);
		choices.handlingResults.sort(byLabel);
		// An agent shown under two display names over time is listed once.
		choices.agents = [...new Map(choices.agents.map((agent) => [agent.name, agent])).values()];
		await cacheFigures(userName, QA_DB, key, { computedAt: nowIso(), figures: choices }).catch(() => {});
		return choices;
	} catch {
		const cached = await readCachedFigures<FilterChoices>(userName, QA_DB, key);
		return cached?.figures ?? filterChoices(localRows);
	}
}
