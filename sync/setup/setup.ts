// Brings a CouchDB (embedded or Apache CouchDB 3.x) to the state the app needs. Idempotent: every step
// compares before it writes, so it can run on every start and after every upgrade.
import nano, { type ServerScope } from 'nano';
import { canonicalJson } from '../canonical-json';
import { buildDesignDocuments, type DesignDocument } from '../ddocs/build-design-docs';
import { agentFanOutJobs, ensureReplicationJobs, readerCopyJobs } from './standing-replications';
import { moveSearchLogs } from './search-log-move';
import { ensureSubPlatformDatabases, ensureSubPlatforms } from './sub-platforms';
import {
	accountRoles,
	agentFeedbackDatabase,
	cityDeskDatabaseName,
	CITY_NODE_ROLE,
	PUBLISHED_DB,
	memberRoles,
	subPlatformsOf,
	ROLES,
	type Role,
	agentFeedbackDatabaseName,
	agentQaDatabase,
	agentQaDatabaseName,
	calibrationDatabase,
	calibrationDatabaseName,
	databases,
	SEARCH_INDEX_DB,
	type DatabaseSpec
} from '../../src/lib/db/catalog';
import { entryTemplates } from '../../src/lib/knowledge/templates/default-templates';
import { defaultScorecards } from '../../src/lib/qa/scorecards/default-scorecards';
import { defaultProblemTags } from '../../src/lib/qa/problems/default-problem-tags';
import { insertMissingDocuments } from './bulk-insert';
import { ensurePublications } from './publications';

export interface SetupOptions {
	/** CouchDB URL with server-admin credentials, e.g. http://admin:secret@127.0.0.1:5984 */
	url: string;
	log?: (line: string) => void;
	/** Set up a city's own server (分平台服务器) for this sub-platform, rather than the province's. */
	subPlatform?: string;
}

export interface UserAccount {
	name: string;
	password: string;
	roles: string[];
	displayName: string;
	employeeNumber?: string;
	team?: string;
}

export function isNotFound(error: unknown): boolean {
	return (error as { statusCode?: number }).statusCode === 404;
}

async function ensureDatabase(server: ServerScope, name: string, log: (line: string) => void) {
	try {
		await server.db.get(name);
	} catch (error) {
		if (!isNotFound(error)) throw error;
		await server.db.create(name);
		log(`  created database ${name}`);
	}
}

/**
 * No app role is a database admin, the app's `admin` included: on Apache CouchDB database admins may write
 * design documents and _security, so only the server admin (this setup) may.
 */
function securityObject(
	spec: DatabaseSpec,
	memberNames: string[] = [],
	extraRoles: string[] = [],
	city?: string
) {
	return {
		admins: { names: [], roles: [] },
		members: { names: memberNames, roles: [...memberRoles(spec, city), ...extraRoles] }
	};
}

async function putIfChanged(server: ServerScope, database: string, doc: { _id: string; _rev?: string }) {
	const db = server.use<Record<string, unknown>>(database);
	let existing: Record<string, unknown> | undefined;
	try {
		existing = await db.get(doc._id);
	} catch (error) {
		if (!isNotFound(error)) throw error;
	}
	const { _rev, ...current } = existing ?? {};
	const { _rev: _ignored, ...wanted } = doc;
	if (existing && canonicalJson(current) === canonicalJson(wanted)) return false;
	await db.insert({ ...wanted, ...(_rev ? { _rev } : {}) } as Record<string, unknown> & { _id: string });
	return true;
}

async function configureDatabase(
	server: ServerScope,
	name: string,
	spec: DatabaseSpec,
	designDocs: DesignDocument[],
	log: (line: string) => void,
	memberNames: string[] = [],
	extraRoles: string[] = [],
	city?: string
) {
	await ensureDatabase(server, name, log);
	await server.request({
		db: name,
		path: '_security',
		method: 'PUT',
		body: securityObject(spec, memberNames, extraRoles, city)
	});
	let changed = false;
	for (const ddoc of designDocs) {
		if (!(await putIfChanged(server, name, ddoc))) continue;
		log(`  updated ${name}/${ddoc._id}`);
		changed = true;
	}
	// A replaced or renamed view's old index stays on CouchDB's disk until cleaned up.
	if (changed) await server.request({ db: name, path: '_view_cleanup', method: 'POST', body: {} });
}

export async function ensureUser(server: ServerScope, account: UserAccount, log: (line: string) => void) {
	const users = server.use<Record<string, unknown>>('_users');
	const id = `org.couchdb.user:${account.name}`;
	let existing: Record<string, unknown> | undefined;
	try {
		existing = await users.get(id);
	} catch (error) {
		if (!isNotFound(error)) throw error;
	}
	const roles = accountRoles(account.roles);
	// An existing user keeps the password they may have changed; only the roles are brought in line.
	if (!existing || canonicalJson(existing.roles) !== canonicalJson(roles)) {
		await users.insert({
			...(existing ?? { _id: id, name: account.name, type: 'user', password: account.password }),
			_id: id,
			roles
		});
		log(`  ${existing ? 'updated roles of' : 'created'} user ${account.name} (${roles.join(', ')})`);
	}
	if (account.roles.includes('agent')) {
		for (const [name, spec] of [
			[agentQaDatabaseName(account.name), agentQaDatabase],
			[agentFeedbackDatabaseName(account.name), agentFeedbackDatabase]
		] as const) {
			const designDocs = buildDesignDocuments(spec.designFolder, spec.documentTypes);
			await configureDatabase(server, name, spec, designDocs, log, [account.name]);
		}
		await ensureReplicationJobs(server, agentFanOutJobs(server.config.url, account.name), log);
	}
	// Whoever may score a call may take part in a calibration: their blind scores live in a database of their own.
	// Calibration is the province's: a city's inspectors have no calibration database.
	const provinceStaff = subPlatformsOf(account.roles).length === 0;
	if (provinceStaff && account.roles.some((role) => role === 'inspector' || role === 'supervisor')) {
		const designDocs = buildDesignDocuments(
			calibrationDatabase.designFolder,
			calibrationDatabase.documentTypes
		);
		await configureDatabase(
			server,
			calibrationDatabaseName(account.name),
			calibrationDatabase,
			designDocs,
			log,
			[account.name]
		);
	}
	// A sub-platform's databases come with its first user; afterwards every setup run keeps them up to date, so
	// each of a city's accounts need not check them again.
	for (const code of subPlatformsOf(account.roles)) {
		const made = await server.db.get(cityDeskDatabaseName(code)).then(
			() => true,
			(error: unknown) => {
				if (isNotFound(error)) return false;
				throw error;
			}
		);
		if (!made) await ensureSubPlatformDatabases(server, code, databaseConfigurer(server, log), log);
	}
	await putIfChanged(server, 'kb', {
		_id: `profile:${account.name}`,
		type: 'profile',
		userName: account.name,
		displayName: account.displayName,
		// The profile lists the app roles; a city role shows as its sub-platform.
		roles: account.roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role)),
		...(account.employeeNumber ? { employeeNumber: account.employeeNumber } : {}),
		...(account.team ? { team: account.team } : {}),
		...(subPlatformsOf(account.roles)[0] ? { subPlatform: subPlatformsOf(account.roles)[0] } : {})
	} as { _id: string });
}

/**
 * Brings every account's scoped roles in line (accountRoles): installs from before them, and accounts made by
 * hand in Fauxton, get them here. Returns the sub-platforms the accounts work in.
 */
async function ensureScopedRoles(server: ServerScope, log: (line: string) => void): Promise<string[]> {
	const users = server.use<{ name: string; roles: string[]; type: string }>('_users');
	const listed = await users.list({ include_docs: true });
	const cities = new Set<string>();
	for (const row of listed.rows) {
		const user = row.doc;
		if (!user || user.type !== 'user' || !Array.isArray(user.roles)) continue;
		for (const code of subPlatformsOf(user.roles)) cities.add(code);
		const roles = accountRoles(user.roles);
		if (canonicalJson(roles) === canonicalJson(user.roles)) continue;
		await users.insert({ ...user, roles });
		log(`  updated roles of user ${user.name} (${roles.join(', ')})`);
	}
	return [...cities];
}

/** A configureDatabase bound to one server, for the setup steps in other files. */
export type DatabaseConfigurer = (
	name: string,
	spec: DatabaseSpec,
	extraRoles: string[],
	city?: string
) => Promise<void>;

export function databaseConfigurer(server: ServerScope, log: (line: string) => void): DatabaseConfigurer {
	return (name, spec, extraRoles, city) =>
		configureDatabase(
			server,
			name,
			spec,
			buildDesignDocuments(spec.designFolder, spec.documentTypes),
			log,
			[],
			extraRoles,
			city
		);
}

export async function runSetup(options: SetupOptions): Promise<ServerScope> {
	const log = options.log ?? (() => {});
	// parseUrl: false because the sync endpoint may sit under a path (/db), which nano would take for a database.
	const server = nano({ url: options.url, parseUrl: false } as Parameters<typeof nano>[0]);
	const configure = databaseConfigurer(server, log);
	for (const system of ['_users', '_replicator']) await ensureDatabase(server, system, log);
	// Cities' own servers read the province's publications as everyone does.
	for (const [name, spec] of Object.entries(databases))
		await configure(name, spec, name === PUBLISHED_DB || name === SEARCH_INDEX_DB ? [CITY_NODE_ROLE] : []);
	const citiesInUse = await ensureScopedRoles(server, log);
	await ensureReplicationJobs(server, readerCopyJobs(server.config.url), log);
	// A city's own server holds its own sub-platform only, and receives the list, templates, scorecards and
	// publications from the province (city-node.ts): written here too, they would conflict with the province's.
	if (options.subPlatform) {
		await ensureSubPlatformDatabases(server, options.subPlatform, configure, log);
		return server;
	}
	await ensureSubPlatforms(server, configure, citiesInUse, log);
	await moveSearchLogs(server, log);
	const now = new Date().toISOString();
	for (const template of entryTemplates) {
		const db = server.use<Record<string, unknown>>('kb');
		try {
			await db.get(`template:${template.template}`);
		} catch (error) {
			if (!isNotFound(error)) throw error;
			await db.insert({
				...template,
				_id: `template:${template.template}`,
				type: 'template',
				updatedBy: 'system',
				updatedAt: now
			});
		}
	}
	// Written once: inspectors revise them in the app, and a used scorecard's revision is a new version.
	const addedScorecards = await insertMissingDocuments(
		server.use('qa'),
		defaultScorecards.map((scorecard) => ({ ...scorecard, updatedBy: 'system', updatedAt: now }))
	);
	if (addedScorecards > 0) log(`  added ${addedScorecards} default scorecards`);
	// The problem types, written once too: supervisors keep the list in the app.
	const addedTags = await insertMissingDocuments(server.use('qa'), defaultProblemTags(now));
	if (addedTags > 0) log(`  added ${addedTags} problem types`);
	// Agents read publications only: published entries from before they existed get theirs.
	await ensurePublications(server, log);
	return server;
}
