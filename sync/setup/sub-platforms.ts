// 分平台: the province's city and county sub-platforms. Setup writes the list once (admins keep it in the
// app afterwards) and gives each one its pub-<code> database, readable by its city role, with the server's
// job copying the city's publications there from kb.
import type { ServerScope } from 'nano';
import {
	cityPublishedDatabase,
	cityPublishedDatabaseName,
	cityRole,
	KNOWLEDGE_DB
} from '../../src/lib/db/catalog';
import type { SubPlatform } from '../../src/lib/db/generated/documents';
import { insertMissingDocuments } from './bulk-insert';
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

export type ConfigureDatabase = (
	name: string,
	spec: typeof cityPublishedDatabase,
	memberRoles: string[]
) => Promise<void>;

/** Seeds the list once, then gives every listed sub-platform its database and job (idempotent). */
export async function ensureSubPlatforms(
	server: ServerScope,
	configure: ConfigureDatabase,
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
	const codes = listed.rows.flatMap((row) => (row.doc ? [row.doc.code] : []));
	for (const code of codes) {
		await configure(cityPublishedDatabaseName(code), cityPublishedDatabase, [cityRole(code)]);
		await ensureReplicationJobs(server, cityCopyJobs(server.config.url, code), log);
	}
	return codes;
}
