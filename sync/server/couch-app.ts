// The embedded CouchDB-compatible server: express-pouchdb over PouchDB/LevelDB files in the data folder,
// reached only through our front (front/sync-front.ts), which answers the routes of one explicit table and
// denies everything else. express-pouchdb runs with only the parts those routes need: no Fauxton, _config,
// _replicate, temporary views, show/list/update/rewrite, and none of its authentication (ours replaces it).
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb';
import type { NextFunction, Request, Response } from 'express';
import { Authenticator } from './auth/authenticator';
import { installUsersDatabase } from './auth/users-database';
import { hashPassword } from './auth/password-hash';
import { SessionStore, DEFAULT_SESSION_LIMITS, type SessionLimits } from './auth/session-store';
import { SignInThrottle, type ThrottleSettings } from './auth/sign-in-throttle';
import { UserDirectory, type UserRecord } from './auth/user-directory';
import { RepositoryDesign } from './design-code';
import { ChangesHub } from './front/changes-feed';
import { sendError } from './front/responses';
import { SecurityObjects } from './front/security-objects';
import { createSyncFront } from './front/sync-front';
import { AggregateViews } from './views/aggregate-views';
import { sharedChangesReader } from './views/shared-changes';
import { MemoryViews } from './views/memory-views';
import { trackReplications } from './replication-tracker';
import { installValidation } from './validation';

const require = createRequire(import.meta.url);
const { getOrCreateDB } = require('express-pouchdb/lib/create-or-delete-dbs') as {
	getOrCreateDB(PouchDB: unknown, name: string): Promise<PouchDB.Database>;
};

export interface CouchAppOptions {
	dataDir: string;
	adminName: string;
	adminPassword: string;
	sessionLimits?: SessionLimits;
	throttle?: { accounts?: ThrottleSettings; addresses?: ThrottleSettings };
}

type Handler = (req: Request, res: Response, next: NextFunction) => void;

interface ExpressPouchApp extends Handler {
	use(handler: unknown): void;
	/** Starts express-pouchdb's daemons (plugins, the _replicator daemon) on this PouchDB; resolves when done. */
	setPouchDB(Pouch: unknown): Promise<void>;
	disable(setting: string): void;
	set(setting: string, value: unknown): void;
	dbWrapper: {
		registerWrapper(wrapper: (name: string, db: PouchDB.Database, next: () => unknown) => unknown): void;
		wrap(name: string, db: PouchDB.Database): Promise<PouchDB.Database>;
	};
}

type PouchStatic = PouchDB.Static & {
	allDbs(callback?: (error: Error | null, names?: string[]) => void): Promise<string[]> | void;
} & NodeJS.EventEmitter;

/** The parts of express-pouchdb we do not run: our front refuses their routes, and here they do not exist. */
const EXCLUDED_PARTS = [
	'routes/authentication',
	'routes/authorization',
	'routes/session',
	'routes/session-stub',
	'routes/special-test-auth',
	'routes/security',
	'routes/changes',
	'routes/fauxton',
	'routes/config',
	'routes/replicate',
	'routes/active-tasks',
	'routes/db-updates',
	'routes/stats',
	'routes/log',
	'routes/http-log',
	'routes/uuids',
	'routes/temp-views',
	'routes/ddoc-info',
	'routes/show',
	'routes/list',
	'routes/update',
	'routes/rewrite',
	'routes/vhosts',
	'routes/cluster',
	'routes/cluster-rewrite',
	'validation',
	// GET /db with disk_size walked the database's LevelDB folder (lstat of every file) on every info(): the
	// changes feed's look at the sequence, every 0.1 s for each watched database, took 37 % of a core.
	'disk-size'
];

function ensureDataDir(dataDir: string): string {
	const dbDir = path.join(dataDir, 'db');
	mkdirSync(dbDir, { recursive: true });
	return dbDir;
}

/** allDbs read LevelDB on every request; the list changes only when a database is created or destroyed. */
async function cacheDatabaseList(Pouch: PouchStatic): Promise<{ names: Set<string>; stop(): void }> {
	const names = new Set<string>();
	const created = (name: string) => names.add(name);
	const destroyed = (name: string) => names.delete(name);
	Pouch.on('created', created);
	Pouch.on('destroyed', destroyed);
	for (const name of (await Pouch.allDbs()) as string[]) names.add(name);
	Pouch.allDbs = ((callback?: (error: Error | null, list?: string[]) => void) => {
		const list = [...names].sort();
		if (callback) return void callback(null, list);
		return Promise.resolve(list);
	}) as PouchStatic['allDbs'];
	return {
		names,
		stop() {
			Pouch.removeListener('created', created);
			Pouch.removeListener('destroyed', destroyed);
		}
	};
}

export async function createCouchApp(options: CouchAppOptions) {
	const dbDir = ensureDataDir(options.dataDir);
	const LocalPouchDB = PouchDB.defaults({ prefix: dbDir + path.sep }) as unknown as PouchStatic;
	const replications = trackReplications(LocalPouchDB);
	const pouch = expressPouchDB({
		mode: 'fullCouchDB',
		inMemoryConfig: true,
		logPath: path.join(options.dataDir, 'server.log'),
		overrideMode: { exclude: EXCLUDED_PARTS }
	}) as unknown as ExpressPouchApp;
	pouch.disable('x-powered-by');
	pouch.set('env', 'production');

	const repository = new RepositoryDesign();
	const open = async (name: string) => {
		const db = await getOrCreateDB(LocalPouchDB, name);
		// Every one-shot changes query adds a listener for a moment; hundreds run at once under load.
		(db as unknown as NodeJS.EventEmitter).setMaxListeners(0);
		return pouch.dbWrapper.wrap(name, db);
	};
	const security = new SecurityObjects(open);
	const readChanges = sharedChangesReader(open);
	const aggregates = new AggregateViews(readChanges);
	const memoryViews = new MemoryViews(readChanges, repository);
	const changes = new ChangesHub();
	const forgetDatabase = (name: string) => {
		changes.forget(name);
		security.forget(name);
		aggregates.forget(name);
		memoryViews.forget(name);
		readChanges.forget(name);
	};
	LocalPouchDB.on('destroyed', forgetDatabase);
	const sessions = new SessionStore(
		path.join(options.dataDir, 'sessions.json'),
		options.sessionLimits ?? DEFAULT_SESSION_LIMITS
	);
	const users = new UserDirectory(
		() => open('_users'),
		{ name: options.adminName, password: options.adminPassword },
		(user, password) => void upgradeHash(user, password)
	);
	/** A weak hash from the earlier server is replaced once its password is known to be right. */
	async function upgradeHash(user: UserRecord, password: string) {
		try {
			const db = await open('_users');
			const current = await db.get<UserRecord>(user._id);
			if (current._rev !== user._rev) return;
			await db.put({ ...current, ...(await hashPassword(password)) });
		} catch (error) {
			console.error(`could not upgrade the password hash of ${user.name}:`, (error as Error).message);
		}
	}

	pouch.dbWrapper.registerWrapper((name, db, next) => {
		if (name === '_users') installUsersDatabase(db, users, sessions);
		const design = repository.forDatabase(name);
		if (design) installValidation(db, name, design, repository, (database) => security.get(database));
		return next();
	});
	pouch.use((error: Error, _req: Request, res: Response, _next: NextFunction) => {
		console.error('sync server error:', error.message);
		sendError(res, 500, 'internal_error', '服务器内部错误');
	});

	await pouch.setPouchDB(LocalPouchDB);
	// The system databases exist from the start, as on Apache CouchDB after its setup.
	for (const system of ['_users', '_replicator']) await (await open(system)).info();
	const databaseList = await cacheDatabaseList(LocalPouchDB);
	const throttle = new SignInThrottle(options.throttle?.accounts, options.throttle?.addresses);
	const handler = createSyncFront({
		authenticator: new Authenticator(users, sessions, throttle),
		security,
		databaseExists: (name) => databaseList.names.has(name),
		openDatabase: open,
		repository,
		changes,
		aggregates,
		memoryViews,
		pouch
	});

	return {
		handler,
		PouchDB: LocalPouchDB,
		changes,
		stop() {
			replications.stopAll();
			void changes.stopAll();
			sessions.flush();
			databaseList.stop();
			LocalPouchDB.removeListener('destroyed', forgetDatabase);
		}
	};
}
