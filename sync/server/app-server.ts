// One HTTP origin for the product: the static PWA at /, the sync endpoint at /db (embedded or proxied).
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { createCouchApp, type CouchAppOptions } from './couch-app';
import { createCouchDbProxy } from './couchdb-proxy';
import { sendError } from './front/responses';
import { appContentSecurityPolicy, securityHeaders, SYNC_CONTENT_SECURITY_POLICY } from './security-headers';

export const SYNC_PATH = '/db';
const CLOSE_GRACE_MS = 2_000;
const STOP_SETTLE_MS = 300;

export interface AppServerOptions {
	host: string;
	port: number;
	dataDir: string;
	/** The built app (adapter-static output); omitted in tests that need only the sync endpoint. */
	buildDir?: string;
	/** Proxy /db to this CouchDB instead of running the embedded server. */
	couchdbUrl?: string;
	admin: { name: string; password: string };
	/** Behind an HTTPS reverse proxy: trust its X-Forwarded-* headers (cookies then get Secure). */
	trustProxy?: boolean;
	sessionLimits?: CouchAppOptions['sessionLimits'];
	throttle?: CouchAppOptions['throttle'];
}

export interface RunningAppServer {
	appUrl: string;
	syncUrl: string;
	close(): Promise<void>;
}

type Handler = (req: Request, res: Response, next: NextFunction) => void;

function serveStaticApp(buildDir: string): Handler[] {
	const indexFile = path.join(buildDir, 'index.html');
	return [
		express.static(buildDir, {
			index: false,
			setHeaders(res, file) {
				// Hashed assets never change; the service worker and the shell must be revalidated.
				if (file.includes(`${path.sep}_app${path.sep}immutable${path.sep}`)) {
					res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
				} else res.setHeader('Cache-Control', 'no-cache');
			}
		}),
		(req, res, next) => {
			if (req.method !== 'GET' && req.method !== 'HEAD') return next();
			res.setHeader('Cache-Control', 'no-cache');
			res.sendFile(indexFile);
		}
	];
}

export async function startAppServer(options: AppServerOptions): Promise<RunningAppServer> {
	const app = express();
	app.disable('x-powered-by');
	app.set('env', 'production');
	// Express hashes every GET answer for an ETag; the sync endpoint answers thousands of feeds a second.
	app.set('etag', false);
	if (options.trustProxy) app.set('trust proxy', true);
	let stopCouch = () => {};
	app.use(SYNC_PATH, securityHeaders(SYNC_CONTENT_SECURITY_POLICY));
	if (options.couchdbUrl) {
		app.use(SYNC_PATH, createCouchDbProxy(options.couchdbUrl));
	} else {
		const couch = await createCouchApp({
			dataDir: options.dataDir,
			adminName: options.admin.name,
			adminPassword: options.admin.password,
			sessionLimits: options.sessionLimits,
			throttle: options.throttle
		});
		app.use(SYNC_PATH, couch.handler);
		stopCouch = couch.stop;
	}
	if (options.buildDir) {
		const indexFile = path.join(options.buildDir, 'index.html');
		if (!existsSync(indexFile)) {
			throw new Error(`没有找到构建好的应用 (${options.buildDir})：请先运行 npm run build`);
		}
		app.use(securityHeaders(appContentSecurityPolicy(readFileSync(indexFile, 'utf8'))));
		app.use(...serveStaticApp(options.buildDir));
	}
	app.use((error: Error, _req: Request, res: Response, _next: NextFunction) => {
		console.error('app server error:', error.message);
		sendError(res, 500, 'internal_error', '服务器内部错误');
	});
	const server = app.listen(options.port, options.host);
	await new Promise<void>((resolve, reject) => {
		server.once('listening', resolve);
		server.once('error', reject);
	});
	const { port } = server.address() as AddressInfo;
	const appUrl = `http://${options.host}:${port}`;
	/** Cancelled jobs abort their own requests; whatever is still open after a grace period is cut. */
	const closeListener = () =>
		new Promise<void>((resolve) => {
			const cutOff = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
			server.close(() => {
				clearTimeout(cutOff);
				resolve();
			});
			server.closeIdleConnections();
		});
	return {
		appUrl,
		syncUrl: `${appUrl}${SYNC_PATH}`,
		async close() {
			stopCouch();
			// A cancelled job may still be opening a request: the port stays open for it a moment, since a
			// refused connection would surface as an error nobody handles.
			await new Promise((resolve) => setTimeout(resolve, STOP_SETTLE_MS));
			await closeListener();
		}
	};
}
