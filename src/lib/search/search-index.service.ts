// Keeps the agent's search index in step with the local knowledge database: opens the stored index, applies
// the changes since the sequence it reflects (all of them on a first start), then follows local changes
// (saves and replicated documents). Returns results, never throws at the UI.
import { KNOWLEDGE_DB, PUBLISHED_DB } from '$lib/db/catalog';
import { changesSince, localUpdateSequence } from '$lib/db/changes-since';
import { knowledgeChanges, watchCopiedPages, type CopiedPage } from '$lib/db/live-changes';
import { localDatabaseName } from '$lib/db/local-databases';
import { failure, success, type Result } from '$lib/result';
import { SearchClient } from './search-client';
import type { OpenedIndex } from './search-protocol';
import type { SearchHit, SearchOptions } from './search-types';
import type { IndexChange } from './search-index-store';

// Agents find what reviewers published (publishedEntry), never the entry documents editors write; the
// province editors' browsers hold the entries instead of their publications (replication-plan.ts).
const INDEXED_PREFIXES = ['publishedEntry:', 'entry:', 'synonym:'];

const indexed = (id: string) => INDEXED_PREFIXES.some((prefix) => id.startsWith(prefix));

export interface SearchIndexSession {
	client: SearchClient;
	/**
	 * The local copy is complete (the first sync has settled): reconciles an index the server shipped with
	 * it. Does nothing otherwise.
	 */
	settle(): Promise<void>;
	/** Stops following changes, saves the index and ends the worker. */
	stop(): Promise<void>;
}

async function catchUp(userName: string, client: SearchClient): Promise<void> {
	client.markIndexing();
	let rebuilt = false;
	// The local copy was recreated (a browser moved to the copy of pub, layout-migration.ts): its sequence
	// starts again from zero, so the stored index would never see the new copy's changes.
	if (Number(client.state.sequence) > (await localUpdateSequence(userName, KNOWLEDGE_DB))) {
		rebuilt = true;
		await client.reset();
	}
	for (;;) {
		let rebuild = false;
		for await (const batch of changesSince<IndexChange['doc']>(
			userName,
			KNOWLEDGE_DB,
			client.state.sequence,
			{
				idPrefixes: INDEXED_PREFIXES
			}
		)) {
			const applied = await client.applyChanges(batch.changes as IndexChange[], batch.lastSequence);
			if (applied.needsRebuild && !rebuilt) rebuild = true;
		}
		if (!rebuild) break;
		// Many entries were replaced since the index was built: start again from an empty one.
		rebuilt = true;
		await client.reset();
	}
	client.markReady();
}

/** A page of a first copy, indexed from memory when it follows on from what the index holds. */
async function applyCopiedPage(client: SearchClient, page: CopiedPage): Promise<void> {
	if (Number(client.state.sequence) !== page.fromSequence) return; // the next catch-up reads it instead
	const changes = page.docs
		.filter((doc) => indexed(doc._id))
		.map((doc): IndexChange => ({ id: doc._id, deleted: false, doc: doc as IndexChange['doc'] }));
	await client.applyChanges(changes, page.toSequence);
}

/**
 * An empty index (a first sync, or a browser whose stored index was cleared) starts from the one the server
 * ships, when it has one: the catch-up then indexes only what changed since it was built.
 */
async function startFromShipped(client: SearchClient, opened: OpenedIndex, shippedIndexUrl?: string) {
	if (!shippedIndexUrl || opened.restored || opened.entries > 0) return;
	const seeded = await client.seed(shippedIndexUrl, PUBLISHED_DB).catch(() => null);
	// It answers at once; the catch-up with what the copy has written so far follows behind the queries.
	if (seeded?.seeded) client.markReady();
}

/**
 * @param indexEntries the user's roles give them the entries (editors), not only the publications
 * @param shippedIndexUrl the server's searchindex database (agents, inspectors, supervisors: their kb is pub)
 */
export async function startSearchIndex(
	userName: string,
	client: SearchClient = new SearchClient(),
	indexEntries = false,
	shippedIndexUrl?: string
): Promise<Result<SearchIndexSession>> {
	// Following starts with the first catch-up, so a change landing as it finishes is not missed; later
	// catch-ups queue behind it.
	const first = client
		.open(localDatabaseName(userName, KNOWLEDGE_DB), indexEntries)
		.then((opened) => startFromShipped(client, opened, indexEntries ? undefined : shippedIndexUrl))
		.then(() => catchUp(userName, client));
	let running = first.catch(() => undefined);
	// A stored index whose answers could not be read is built again, not left blind to them.
	void first
		.then(() => client.answersAttached())
		.then((attached) => {
			if (attached) return;
			running = running
				.then(() => client.reset())
				.then(() => catchUp(userName, client))
				.catch(() => client.markReady());
		})
		.catch(() => undefined);
	const stopFollowing = knowledgeChanges(userName, () => {
		running = running.then(() => catchUp(userName, client)).catch(() => client.markReady());
	});
	// During a first copy the feed above is paused; the pages come here as they are written.
	const stopPages = watchCopiedPages(userName, KNOWLEDGE_DB, (page) => {
		running = running.then(() => applyCopiedPage(client, page)).catch(() => undefined);
	});
	const stopWatching = () => {
		stopFollowing();
		stopPages();
	};
	try {
		await first;
	} catch (error) {
		stopWatching();
		client.close();
		return failure(`搜索索引无法建立：${(error as Error).message ?? String(error)}。请刷新页面重试。`);
	}
	// One reconciliation however often the sync reports 已同步 before it is done.
	let settling: Promise<void> | null = null;
	return success({
		client,
		settle() {
			if (!client.state.shippedPending) return Promise.resolve();
			// After a last catch-up, so every document the copy wrote has been seen.
			settling ??= running = running
				.then(() => catchUp(userName, client))
				.then(() => client.settle())
				.then(() => undefined)
				.catch(() => undefined)
				.finally(() => (settling = null));
			return settling;
		},
		async stop() {
			stopWatching();
			await running;
			await client.save().catch(() => undefined);
			client.close();
		}
	});
}

export async function searchEntries(
	client: SearchClient,
	query: string,
	options: SearchOptions = {}
): Promise<Result<SearchHit[]>> {
	try {
		return success(await client.search(query, options));
	} catch (error) {
		return failure(`搜索失败：${(error as Error).message ?? String(error)}`);
	}
}
