// 分平台: the province's city and county sub-platforms. Setup writes the list once (admins keep it in the
// app afterwards) and gives each one its databases, each readable by that city's audience only, with the
// server's jobs exchanging them with the province's: pub-<code> (its publications, for its agents), citykb-
// (its editors' desk), cityqa- and cityaudio- (its calls).
import type { ServerScope } from 'nano';
import {
	cityAudioDatabase,
	cityAudioDatabaseName,
	cityDeskDatabase,
	cityDeskDatabaseName,
	cityNodeRole,
	cityPublishedDatabase,
	cityPublishedDatabaseName,
	cityQaDatabase,
	cityQaDatabaseName,
	cityRole,
	KNOWLEDGE_DB
} from '../../src/lib/db/catalog';
import type { SubPlatform } from '../../src/lib/db/generated/documents';
import { insertMissingDocuments } from './bulk-insert';
import type { DatabaseConfigurer } from './setup';
import { ensureReplicationJobs, cityCopyJobs } from './standing-replications';

/** Hainan's 19 cities and counties (the tenders' province: 全岛同城化, 19 个市县分平台), in the official order. */
export const HAINAN_SUB_PLATFORMS: Array<[code: string, name: string]> = [
	['haikou', '海口市'],
	['sanya', '三亚市'],
	['sansha', '三沙市'],
	['danzhou', '儋州市'],
	['wuzhishan', '五指山市'],
	['qionghai', '琼海市'],
	['wenchang', '文昌市'],
	['wanning', '万宁市'],
	['dongfang', '东方市'],
	['dingan', '定安县'],
	['tunchang', '屯昌县'],
	['chengmai', '澄迈县'],
	['lingao', '临高县'],
	['baisha', '白沙黎族自治县'],
	['changjiang', '昌江黎族自治县'],
	['ledong', '乐东黎族自治县'],
	['lingshui', '陵水黎族自治县'],
	['baoting', '保亭黎族苗族自治县'],
	['qiongzhong', '琼中黎族苗族自治县']
];

export function subPlatformDocuments(at: string): SubPlatform[] {
	return HAINAN_SUB_PLATFORMS.map(([code, name], order) => ({
		_id: `subPlatform:${code}`,
		type: 'subPlatform',
		code,
		name,
		order,
		updatedBy: 'system',
		updatedAt: at
	}));
}

/** One sub-platform's databases and the server's jobs that fill them (idempotent). */
export async function ensureSubPlatformDatabases(
	server: ServerScope,
	code: string,
	configure: DatabaseConfigurer,
	log: (line: string) => void
): Promise<void> {
	// Its own server (city-node.ts) replicates as node@<code>: a member of this city's databases only.
	const node = cityNodeRole(code);
	await configure(cityPublishedDatabaseName(code), cityPublishedDatabase, [cityRole(code), node]);
	await configure(cityDeskDatabaseName(code), cityDeskDatabase, [node], code);
	await configure(cityQaDatabaseName(code), cityQaDatabase, [node], code);
	await configure(cityAudioDatabaseName(code), cityAudioDatabase, [node], code);
	await ensureReplicationJobs(server, cityCopyJobs(server.config.url, code), log);
}

/** The sub-platforms that have databases already (their design and jobs are kept up to date). */
async function citiesWithDatabases(server: ServerScope): Promise<string[]> {
	const prefix = cityDeskDatabaseName('');
	return (await server.db.list()).flatMap((name) =>
		name.startsWith(prefix) ? [name.slice(prefix.length)] : []
	);
}

/**
 * Seeds the list once, then gives its databases and jobs to every listed sub-platform that has users
 * (`citiesInUse`, from the accounts) or has them already; the others get theirs with their first user
 * (ensureUser). Made for all 19 up front they cost 76 databases and 114 jobs, on every start, before any
 * city works on the platform. Idempotent.
 */
export async function ensureSubPlatforms(
	server: ServerScope,
	configure: DatabaseConfigurer,
	citiesInUse: string[],
	log: (line: string) => void
): Promise<string[]> {
	const added = await insertMissingDocuments(
		server.use(KNOWLEDGE_DB),
		subPlatformDocuments(new Date().toISOString())
	);
	if (added > 0) log(`  added ${added} sub-platforms`);
	const listed = await server
		.use<SubPlatform>(KNOWLEDGE_DB)
		.list({ startkey: 'subPlatform:', endkey: 'subPlatform:\ufff0', include_docs: true });
	const wanted = new Set([...citiesInUse, ...(await citiesWithDatabases(server))]);
	const codes = listed.rows.flatMap((row) => (row.doc && wanted.has(row.doc.code) ? [row.doc.code] : []));
	for (const code of codes) await ensureSubPlatformDatabases(server, code, configure, log);
	return codes;
}
