// GET/POST /db/_changes: normal, longpoll and continuous feeds, as CouchDB answers them.
import type { Request, Response } from 'express';
import {
	queryChanges,
	type ChangeRow,
	type ChangesHub,
	type DatabaseWatch,
	type Waiter
} from './changes-feed';
import { ChangesRequestError, readChangesRequest, type ChangesOptions } from './changes-request';
import type { FilterFunction } from '../design-code';
import { sendError } from './responses';

export interface ChangesTarget {
	db: PouchDB.Database;
	name: string;
	filters: ReadonlyMap<string, FilterFunction>;
	hub: ChangesHub;
}

async function currentSequence(db: PouchDB.Database): Promise<number> {
	return Number((await db.info()).update_seq);
}

/** Stops a read when the client goes away before it is answered. */
function stopWhenGone(res: Response) {
	return (stop: () => void) =>
		res.on('close', () => {
			if (!res.writableEnded) stop();
		});
}

/** What a waiting feed owes the client first: from the watch's buffer when it covers `since`, else a query. */
async function firstRows(
	res: Response,
	watch: DatabaseWatch,
	target: ChangesTarget,
	since: number,
	options: ChangesOptions
): Promise<{ rows: ChangeRow[]; waitFrom: number }> {
	if (watch.covers(since)) {
		const rows = watch.rowsAfter(since, options);
		// Nothing after `since` passed the filter up to what the watch has read: wait from there.
		return { rows, waitFrom: rows.length > 0 ? rows.at(-1)!.seq : Math.max(since, watch.readSeq) };
	}
	const first = await queryChanges(target.db, since, options, stopWhenGone(res));
	return { rows: first.results, waitFrom: first.results.at(-1)?.seq ?? Math.max(since, first.last_seq) };
}

export async function serveChanges(req: Request, res: Response, target: ChangesTarget): Promise<void> {
	let options: ChangesOptions;
	try {
		options = readChangesRequest(req.query as Record<string, unknown>, req.body, target.filters);
	} catch (error) {
		if (error instanceof ChangesRequestError) return sendError(res, 400, 'bad_request', error.message);
		throw error;
	}
	if (options.feed !== 'normal' && (options.attachments || options.descending))
		return sendError(res, 400, 'bad_request', '持续的变更流不支持 attachments 或 descending');
	const since = options.since === 'now' ? await currentSequence(target.db) : options.since;
	if (options.feed === 'normal') {
		const answer = await queryChanges(target.db, since, options, stopWhenGone(res));
		if (!res.destroyed) res.json({ ...answer, pending: 0 });
		return;
	}
	const watch = await target.hub.watch(target.name, target.db);
	const { rows, waitFrom } = await firstRows(res, watch, target, since, options);
	// Gone while its first rows were read: nothing to answer, and no waiter to leave behind.
	if (res.destroyed) return;
	if (options.feed === 'longpoll') {
		if (rows.length > 0) {
			res.json({ results: rows, last_seq: waitFrom });
			return;
		}
		return waitLongpoll(res, watch, { since: waitFrom, options });
	}
	return streamContinuous(res, watch, rows, waitFrom, options);
}

/** Heartbeats are newlines before the JSON, which parsers skip as whitespace. */
function keepAlive(res: Response, options: ChangesOptions): NodeJS.Timeout | null {
	if (!options.heartbeatMs) return null;
	return setInterval(() => res.write('\n'), options.heartbeatMs);
}

function waitLongpoll(
	res: Response,
	watch: DatabaseWatch,
	start: { since: number; options: ChangesOptions }
): void {
	// Headers go out with the first heartbeat or the answer: one write fewer for each waiting request.
	res.status(200).type('application/json');
	const heartbeat = keepAlive(res, start.options);
	let finished = false;
	const stop = () => {
		finished = true;
		stopWaiting();
		clearTimeout(timer);
		if (heartbeat) clearInterval(heartbeat);
	};
	const finish = (rows: ChangeRow[], lastSeq: number) => {
		if (finished) return;
		stop();
		res.end(JSON.stringify({ results: rows, last_seq: lastSeq }));
	};
	const waiter: Waiter = { since: start.since, options: start.options, deliver: finish };
	const stopWaiting = watch.add(waiter);
	const timer = setTimeout(() => finish([], waiter.since), start.options.timeoutMs);
	res.on('close', stop);
}

function streamContinuous(
	res: Response,
	watch: DatabaseWatch,
	first: ChangeRow[],
	since: number,
	options: ChangesOptions
): void {
	res.status(200).type('application/json');
	for (const row of first) res.write(`${JSON.stringify(row)}\n`);
	let remaining = options.limit === undefined ? Infinity : options.limit - first.length;
	const heartbeat = keepAlive(res, options);
	let stopWaiting = () => {};
	const stop = () => {
		stopWaiting();
		clearTimeout(timer);
		if (heartbeat) clearInterval(heartbeat);
	};
	const end = (lastSeq: number) => {
		stop();
		if (!res.writableEnded) res.end(`${JSON.stringify({ last_seq: lastSeq, pending: 0 })}\n`);
	};
	const waiter: Waiter = {
		since,
		options,
		deliver(rows, lastSeq) {
			for (const row of rows.slice(0, remaining)) res.write(`${JSON.stringify(row)}\n`);
			remaining -= rows.length;
			waiter.since = lastSeq;
			if (remaining <= 0) end(lastSeq);
		}
	};
	const timer = setTimeout(() => end(waiter.since), options.timeoutMs);
	if (remaining <= 0) return end(since);
	stopWaiting = watch.add(waiter);
	res.on('close', stop);
}
