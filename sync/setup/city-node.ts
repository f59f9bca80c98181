// 分平台服务器: a city's own CouchDB (embedded or Apache CouchDB), working under the province. Its users sync
// with it exactly as they would with the province (the same databases and design), and it exchanges with
// the province through standing _replicator jobs of its own, filtered to what the city may hold and send:
//   province pub            → city kb      the province's publications
//   province citykb-<code>  → city kb      the province's reference data, the city's entries as edited there
//   city kb                 → citykb-<code> the city's own entries, versions, publications, profiles
//   province cityqa-<code>  ⇄ city qa       scorecards in; the city's calls and evaluations both ways
//   city qa-audio           → cityaudio-    its uploads, so that province inspectors can sample its calls
//   city feedback, searchlog → cityfeedback- its agents' reports and logs, into the province's feedback and
//   province cityfeedback   → city feedback   searchlog by the province's own jobs; the editors' handling back
// The jobs run at the city under an account of the province's, node-<code>, a member of that city's
// databases and pub only, whose writes the province's validators accept for that city's documents alone
// (sync/ddocs/lib/roles.js, checkCityNodeRelay). The province's server-admin URL is used during setup only:
// the city keeps the node account's password, which each run of this setup replaces.
import { randomBytes } from 'node:crypto';
import nano, { type ServerScope } from 'nano';
import {
	cityAudioDatabaseName,
	cityDeskDatabaseName,
	cityFeedbackDatabase,
	cityFeedbackDatabaseName,
	CITY_NODE_ROLE,
	cityNodeRole,
	cityQaDatabaseName,
	FEEDBACK_DB,
	KNOWLEDGE_DB,
	PUBLISHED_DB,
	QA_AUDIO_DB,
	QA_DB,
	SEARCH_LOG_DB
} from '../../src/lib/db/catalog';
import { databaseConfigurer, isNotFound, runSetup } from './setup';
import { ensureSubPlatformDatabases } from './sub-platforms';
import { databaseUrl, ensureReplicationJobs, replicationJob } from './standing-replications';

export interface CityNodeOptions {
	/** The city server's URL with its server-admin credentials. */
	url: string;
	subPlatform: string;
	/** The province server's URL with its server-admin credentials (used during setup only). */
	upstream: string;
	log?: (line: string) => void;
}

/** The province account a city's server replicates with. */
export function cityNodeUserName(code: string): string {
	return `node-${code}`;
}

function withCredentials(serverUrl: string, name: string, password: string): string {
	const url = new URL(serverUrl);
	url.username = name;
	url.password = password;
	return url.toString().replace(/\/+$/, '');
}

async function requireListed(province: ServerScope, code: string): Promise<void> {
	try {
		await province.use(KNOWLEDGE_DB).get(`subPlatform:${code}`);
	} catch (error) {
		if (isNotFound(error))
			throw new Error(`省平台的分平台名单中没有 ${code}，请先由管理员添加`, { cause: error });
		throw error;
	}
}

/** Creates or updates the node account with a new password, and returns it. */
async function renewNodeAccount(province: ServerScope, code: string): Promise<string> {
	const users = province.use<Record<string, unknown>>('_users');
	const name = cityNodeUserName(code);
	const id = `org.couchdb.user:${name}`;
	const existing = await users.get(id).catch((error: unknown) => {
		if (isNotFound(error)) return null;
		throw error;
	});
	const password = randomBytes(24).toString('base64url');
	await users.insert({
		...(existing ?? {}),
		_id: id,
		name,
		type: 'user',
		roles: [cityNodeRole(code), CITY_NODE_ROLE],
		password
	});
	return password;
}

/**
 * The URL the province's own jobs reach it by (their setup's), read from its kb → pub job: the URL this setup
 * was given may be one only the city uses, and the province must not route its own jobs through it.
 */
async function provinceSelfUrl(province: ServerScope): Promise<string> {
	const job = await province
		.use<{ source: string }>('_replicator')
		.get(`${KNOWLEDGE_DB}-to-${PUBLISHED_DB}`)
		.catch((error: unknown) => {
			if (isNotFound(error))
				throw new Error('省平台服务器尚未初始化：请先在省平台运行 npm run setup', { cause: error });
			throw error;
		});
	return job.source.slice(0, -`/${KNOWLEDGE_DB}`.length);
}

/** The province's side: the city's databases, its exchange database for reports and logs, and the jobs. */
async function prepareProvince(province: ServerScope, code: string, log: (line: string) => void) {
	const configure = databaseConfigurer(province, log);
	const self = await provinceSelfUrl(province);
	// As the province's own setup makes them, under its own URL (idempotent: nothing changes if it ran).
	const selfServer = nano({ url: self, parseUrl: false } as Parameters<typeof nano>[0]);
	await ensureSubPlatformDatabases(selfServer, code, databaseConfigurer(selfServer, log), log);
	const exchange = cityFeedbackDatabaseName(code);
	await configure(exchange, cityFeedbackDatabase, [cityNodeRole(code)], code);
	const city = { city: code };
	const local = (source: string, target: string, filter: string) =>
		replicationJob(
			`${source}-to-${target}`,
			databaseUrl(self, source),
			databaseUrl(self, target),
			filter,
			city
		);
	await ensureReplicationJobs(
		province,
		[
			local(exchange, FEEDBACK_DB, 'app/city-reports'),
			local(exchange, SEARCH_LOG_DB, 'app/city-logs'),
			local(FEEDBACK_DB, exchange, 'app/city-reports')
		],
		log
	);
}

/** The city's jobs, run by the city's server with the node account at the province. */
export function cityNodeJobs(cityUrl: string, provinceUrl: string, code: string) {
	const city = { city: code };
	const here = (database: string) => databaseUrl(cityUrl, database);
	const there = (database: string) => databaseUrl(provinceUrl, database);
	const desk = cityDeskDatabaseName(code);
	const calls = cityQaDatabaseName(code);
	const exchange = cityFeedbackDatabaseName(code);
	const id = (what: string) => `upstream-${code}-${what}`;
	return [
		replicationJob(id('publications-in'), there(PUBLISHED_DB), here(KNOWLEDGE_DB), 'app/publications'),
		replicationJob(id('knowledge-in'), there(desk), here(KNOWLEDGE_DB), 'app/for-city-desk', city),
		replicationJob(id('knowledge-out'), here(KNOWLEDGE_DB), there(desk), 'app/from-city-desk', city),
		replicationJob(id('calls-in'), there(calls), here(QA_DB), 'app/for-city', city),
		replicationJob(id('calls-out'), here(QA_DB), there(calls), 'app/from-city', city),
		replicationJob(id('audio-out'), here(QA_AUDIO_DB), there(cityAudioDatabaseName(code)), 'app/audio'),
		replicationJob(id('reports-out'), here(FEEDBACK_DB), there(exchange), 'app/city-reports', city),
		replicationJob(id('logs-out'), here(SEARCH_LOG_DB), there(exchange), 'app/city-logs', city),
		replicationJob(id('handling-in'), there(exchange), here(FEEDBACK_DB), 'app/city-reports', city)
	];
}

/** Sets up a city's own server and its link to the province (idempotent; renews the node's password). */
export async function setUpCityNode(options: CityNodeOptions): Promise<ServerScope> {
	const log = options.log ?? (() => {});
	const code = options.subPlatform;
	const province = nano({ url: options.upstream, parseUrl: false } as Parameters<typeof nano>[0]);
	await requireListed(province, code);
	log(`省平台：准备分平台 ${code} 的数据库与复制`);
	await prepareProvince(province, code, log);
	const password = await renewNodeAccount(province, code);
	log(`分平台服务器：初始化 ${code}`);
	const city = await runSetup({ url: options.url, subPlatform: code, log });
	const provinceAsNode = withCredentials(options.upstream, cityNodeUserName(code), password);
	await ensureReplicationJobs(city, cityNodeJobs(city.config.url, provinceAsNode, code), log);
	return city;
}
