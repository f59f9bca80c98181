// The embedded CouchDB-compatible server: express-pouchdb over PouchDB/LevelDB files in the data folder,
// with our access guard running right after express-pouchdb has authenticated the request.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb';
import {
	decideDatabaseRoute,
	decideServerRoute,
	splitPath,
	type RouteRequest,
	type SecurityObject,
	type UserContext
} from './access-rules';
import { trackReplications } from './replication-tracker';
import { persistSessionCookie } from './session-cookie';
import { installValidation } from './validation';

export interface CouchAppOptions {
	dataDir: string;
	adminName: string;
	adminPassword: string;
}

interface CouchRequest extends Request {
	couchSession?: { userCtx: UserContext };
	PouchDB: PouchDB.Static & { allDbs(): Promise<string[]> };
}

interface ExpressPouchApp {
	(req: Request, res: Response, next: NextFunction): void;
	couchConfig: { set(section: string, key: string, value: unknown, callback: (err?: Error) => void): void };
	use(handler: unknown): void;
	dbWrapper: {
		registerWrapper(wrapper: (name: string, db: PouchDB.Database, next: () => unknown) => unknown): void;
	};
	_router: { stack: Array<{ route?: { path: string } }> };
}

const SESSION_SECONDS = 8 * 60 * 60;
// Parsed once by the guard; express-pouchdb's own parser then sees the body as already read.
const jsonBody = express.json({ limit: '256mb' });

/** The cookie secret survives restarts so that signed-in browsers stay signed in. */
function persistentSecret(dataDir: string): string {
	const file = path.join(dataDir, 'auth-secret');
	if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
	return readFileSync(file, 'utf8').trim();
}

function setConfig(app: ExpressPouchApp, section: string, key: string, value: unknown): Promise<void> {
	return new Promise((resolve, reject) =>
		app.couchConfig.set(section, key, value, (err) => (err ? reject(err) : resolve()))
	);
}

function bodyDocumentIds(req: Request): string[] {
	const body: unknown = req.body;
	if (!body || typeof body !== 'object') return [];
	const docs = (body as { docs?: unknown }).docs;
	const list = Array.isArray(docs) ? docs : [body];
	return list.flatMap((doc) =>
		doc && typeof doc === 'object' && typeof doc._id === 'string' ? [doc._id] : []
	);
}

export async function createCouchApp(options: CouchAppOptions) {
	const dbDir = path.join(options.dataDir, 'db');
	mkdirSync(dbDir, { recursive: true });
	const LocalPouchDB = PouchDB.defaults({ prefix: dbDir + path.sep });
	const replications = trackReplications(LocalPouchDB as unknown as PouchDB.Static);
	const app = expressPouchDB(LocalPouchDB, {
		mode: 'fullCouchDB',
		inMemoryConfig: true,
		logPath: path.join(options.dataDir, 'server.log'),
		// Our own validation replaces pouchdb-validation (see validation.ts); no Fauxton UI.
		overrideMode: { exclude: ['routes/fauxton', 'validation'] }
	}) as unknown as ExpressPouchApp;
	app.dbWrapper.registerWrapper((_name, db, next) => {
		installValidation(db);
		return next();
	});

	await setConfig(app, 'couch_httpd_auth', 'secret', persistentSecret(options.dataDir));
	await setConfig(app, 'couch_httpd_auth', 'timeout', SESSION_SECONDS);
	await setConfig(app, 'admins', options.adminName, options.adminPassword);

	const securityReaders = new Map<string, PouchDB.Database>();
	(LocalPouchDB as unknown as NodeJS.EventEmitter).on('destroyed', (name: string) =>
		securityReaders.delete(name)
	);
	async function securityOf(name: string): Promise<SecurityObject> {
		let db = securityReaders.get(name);
		if (!db) securityReaders.set(name, (db = new LocalPouchDB(name)));
		try {
			// pouchdb-security keeps the object in a local document, under `security`.
			return (await db.get<{ security?: SecurityObject }>('_local/_security')).security ?? {};
		} catch (error) {
			if ((error as { status?: number }).status === 404) return {};
			throw error;
		}
	}

	async function guard(req: Request, res: Response, next: NextFunction) {
		const request = req as CouchRequest;
		const user = request.couchSession?.userCtx ?? { name: null, roles: [] };
		const route: RouteRequest = {
			method: req.method,
			path: req.url,
			contentType: req.get('content-type'),
			bodyDocumentIds: []
		};
		try {
			let decision = decideServerRoute(route, user);
			if (!decision) {
				const [database] = splitPath(req.url);
				const existing = await request.PouchDB.allDbs();
				if (!existing.includes(database!)) {
					res.status(404).json({ error: 'not_found', reason: 'Database does not exist.' });
					return;
				}
				if ((req.method === 'POST' || req.method === 'PUT') && req.is('application/json')) {
					// Parse once here so the guard can see which documents a write touches.
					await new Promise<void>((resolve, reject) =>
						jsonBody(req, res, (err?: unknown) => (err ? reject(err) : resolve()))
					);
					route.bodyDocumentIds = bodyDocumentIds(req);
				}
				decision = decideDatabaseRoute(route, user, await securityOf(database!));
			}
			if (decision.allow) return next();
			res.status(decision.status).json({ error: decision.error, reason: decision.reason });
		} catch (error) {
			res.status(400).json({ error: 'bad_request', reason: (error as Error).message });
		}
	}

	// express-pouchdb authenticates in its own middleware; the authorization module registers /_config next.
	const stack = app._router.stack;
	const afterAuthentication = stack.findIndex((layer) => layer.route?.path === '/_config');
	if (afterAuthentication < 0)
		throw new Error('express-pouchdb layout changed: cannot place the access guard');
	app.use(guard);
	stack.splice(afterAuthentication, 0, stack.pop()!);

	return {
		handler: (req: Request, res: Response, next: NextFunction) => {
			persistSessionCookie(res, SESSION_SECONDS);
			(app as unknown as (req: Request, res: Response, next: NextFunction) => void)(req, res, next);
		},
		PouchDB: LocalPouchDB,
		stopReplications: replications.stopAll
	};
}
