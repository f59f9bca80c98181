// `npm start`: the app and its sync server on one origin, set up and loaded with demo data.
import { adminUrl, readServerConfig } from './config';
import { demoUsers } from './demo/users';
import { startAppServer } from './server/app-server';
import { loadDemoKnowledge } from './setup/demo-knowledge';
import { loadDemoRecordings } from './setup/demo-qa';
import { ensureUser, runSetup } from './setup/setup';
import { ROLE_LABELS, type Role } from '../src/lib/db/catalog';

const config = readServerConfig(process.env, process.argv.slice(2));
const server = await startAppServer(config);
const log = (line: string) => console.log(line);
try {
	const setupUrl = config.couchdbUrl ?? adminUrl(server.syncUrl, config.admin);
	const couch = await runSetup({ url: setupUrl, log });
	if (config.loadDemo) {
		for (const user of demoUsers) await ensureUser(couch, user, log);
		await loadDemoKnowledge(couch, log);
		await loadDemoRecordings(couch, demoUsers, log);
	}
} catch (error) {
	console.error(`初始化失败: ${(error as Error).message}`);
	await server.close();
	process.exit(1);
}

console.log('');
console.log(`App: ${server.appUrl}/`);
console.log(
	`Sync: ${config.couchdbUrl ? `${server.syncUrl} → ${new URL(config.couchdbUrl).origin}` : server.syncUrl}`
);
if (!config.couchdbUrl) console.log(`Data: ${config.dataDir}`);
if (config.loadDemo) {
	console.log('Demo accounts (password for all):');
	for (const user of demoUsers) {
		const roles = user.roles.map((role) => ROLE_LABELS[role as Role]).join('、');
		console.log(`  ${user.name.padEnd(13)} ${user.password}  ${user.displayName}（${roles}）`);
	}
}

const shutdown = async () => {
	await server.close();
	process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
