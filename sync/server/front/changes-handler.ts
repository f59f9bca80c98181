// GET/POST /db/_changes: normal, longpoll and continuous feeds, as CouchDB answers them.
import type { Request, Response } from 'express';
import { queryChanges, type ChangeRow, type ChangesHub, type Waiter } from './changes-feed';
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
	const first = await queryChanges(target.db, since, options);
	if (options.feed === 'normal') {
		res.json({ ...first, pending: 0 });
		return;
	}
	if (options.feed === 'longpoll') {
		if (first.results.length > 0) {
			res.json(first);
			return;
		}
		return waitLongpoll(req, res, target, { since: first.last_seq || since, options });
	}
	return streamContinuous(req, res, target, first.results, first.last_seq || since, options);
}

/** Heartbeats are newlines before the JSON, which parsers skip as whitespace. */
function keepAlive(res: Response, options: ChangesOptions): NodeJS.Timeout | null {
	if (!options.heartbeatMs) return null;
	return setInterval(() => res.write('\n'), options.heartbeatMs);
}

function waitLongpoll(
	req: Request,
	res: Response,
	target: ChangesTarget,
	start: { since: number; options: ChangesOptions }
): void {
	res.status(200).type('application/json');
	res.flushHeaders();
	const heartbeat = keepAlive(res, start.options);
	let finished = false;
	const finish = (rows: ChangeRow[], lastSeq: number) => {
		if (finished) return;
		finished = true;
		stopWaiting();
		clearTimeout(timer);
		if (heartbeat) clearInterval(heartbeat);
		res.end(JSON.stringify({ results: rows, last_seq: lastSeq }));
	};
	const waiter: Waiter = { since: start.since, options: start.options, deliver: finish };
	const stopWaiting = target.hub.wait(target.name, target.db, waiter);
	const timer = setTimeout(() => finish([], waiter.since), start.options.timeoutMs);
	res.on('close', () => {
		finished = true;
		stopWaiting();
		clearTimeout(timer);
		if (heartbeat) clearInterval(heartbeat);
	});
}

function streamContinuous(
	req: Request,
	res: Response,
	target: ChangesTarget,
	first: ChangeRow[],
	since: number,
	options: ChangesOptions
): void {
	res.status(200).type('application/json');
	for (const row of first) res.write(`${JSON.stringify(row)}\n`);
	let remaining = options.limit === undefined ? Infinity : options.limit - first.length;
	const heartbeat = keepAlive(res, options);
	let stopWaiting = () => {};
	const end = (lastSeq: number) => {
		stopWaiting();
		clearTimeout(timer);
		if (heartbeat) clearInterval(heartbeat);
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
	stopWaiting = target.hub.wait(target.name, target.db, waiter);
	res.on('close', () => {
		stopWaiting();
		clearTimeout(timer);
		if (heartbeat) clearInterval(heartbeat);
	});
}
