// Configuration of `npm start` and `npm run setup`, from the environment and command-line flags.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface ServerConfig {
	host: string;
	port: number;
	dataDir: string;
	/** The built app; undefined with --sync-only (the app is served by another web server). */
	buildDir?: string;
	couchdbUrl?: string;
	/** Behind an HTTPS reverse proxy (HOTLINE_TRUST_PROXY=1): cookies get Secure from X-Forwarded-Proto. */
	trustProxy: boolean;
	loadDemo: boolean;
	admin: { name: string; password: string };
}

const projectRoot = path.resolve(import.meta.dirname, '..');

function flag(argv: string[], name: string): string | undefined {
	const index = argv.indexOf(name);
	return index >= 0 ? argv[index + 1] : undefined;
}

/** The embedded server's admin password: from the environment, or generated once and kept in the data folder. */
function embeddedAdminPassword(dataDir: string, env: NodeJS.ProcessEnv): string {
	if (env.COUCHDB_ADMIN_PASSWORD) return env.COUCHDB_ADMIN_PASSWORD;
	const file = path.join(dataDir, 'server-admin-password');
	if (!existsSync(file)) {
		mkdirSync(dataDir, { recursive: true });
		writeFileSync(file, randomBytes(18).toString('base64url'), { mode: 0o600 });
	}
	return readFileSync(file, 'utf8').trim();
}

export function readServerConfig(env: NodeJS.ProcessEnv, argv: string[]): ServerConfig {
	const dataDir = path.resolve(
		flag(argv, '--data') ?? env.HOTLINE_DATA_DIR ?? path.join(projectRoot, 'data')
	);
	const port = Number(flag(argv, '--port') ?? env.PORT ?? 8345);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`端口无效: ${port}`);
	const couchdbUrl = flag(argv, '--couchdb') ?? env.COUCHDB_URL;
	let admin: ServerConfig['admin'];
	if (couchdbUrl) {
		const url = new URL(couchdbUrl);
		if (!url.username) throw new Error('COUCHDB_URL 需要包含管理员账号，例如 http://admin:密码@couchdb:5984');
		admin = { name: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
	} else {
		admin = { name: env.COUCHDB_ADMIN_USER ?? 'couchadmin', password: embeddedAdminPassword(dataDir, env) };
	}
	return {
		host: flag(argv, '--host') ?? env.HOST ?? '127.0.0.1',
		port,
		dataDir,
		buildDir: argv.includes('--sync-only')
			? undefined
			: path.resolve(flag(argv, '--build') ?? path.join(projectRoot, 'build')),
		trustProxy: env.HOTLINE_TRUST_PROXY === '1',
		couchdbUrl,
		loadDemo: !argv.includes('--no-demo') && env.HOTLINE_DEMO !== '0',
		admin
	};
}

/** The URL setup uses: server-admin credentials in the userinfo, as nano expects. */
export function adminUrl(syncUrl: string, admin: ServerConfig['admin']): string {
	const url = new URL(syncUrl);
	url.username = encodeURIComponent(admin.name);
	url.password = encodeURIComponent(admin.password);
	return url.toString().replace(/\/$/, '');
}
