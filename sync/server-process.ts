// One run of the server (started and watched by sync/start.ts): the app and its sync server on one origin,
// set up and loaded with demo data. Anything unexpected is logged; an uncaught exception ends the process,
// and the supervisor starts a new one (acknowledged writes are in LevelDB by then).
import { adminUrl, readServerConfig } from './config';
import { demoUsers } from './demo/users';
import { startAppServer } from './server/app-server';
import { loadDemoKnowledge } from './setup/demo-knowledge';
import { loadDemoRecordings } from './setup/demo-qa';
import { loadDemoActivity } from './setup/demo-activity';
import { ensureUser, runSetup } from './setup/setup';
import { ROLE_LABELS, type Role } from '../src/lib/db/catalog';

process.on('uncaughtException', (error) => {
	console.error(`服务器进程出现未处理的异常，即将由守护进程重启: ${error.stack ?? error.message}`);
	process.exit(1);
});
process.on('unhandledRejection', (reason) => {
	console.error('未处理的 Promise 拒绝（服务器继续运行）:', reason instanceof Error ? reason.stack : reason);
});

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
		await loadDemoActivity(couch, log);
	}
} catch (error) {
	console.error(`初始化失败: ${(error as Error).message}`);
	await server.close();
	process.exit(1);
}

console.log('');
if (config.buildDir) console.log(`App: ${server.appUrl}/`);
console.log(
	`Sync: ${config.couchdbUrl ? `${server.syncUrl} → ${new URL(config.couchdbUrl).origin}` : server.syncUrl}`
);
if (!config.couchdbUrl) console.log(`Data: ${config.dataDir}`);
console.log(`Process: ${process.pid} (restarted by npm start if it stops)`);
if (config.loadDemo) {
	console.log('Demo accounts (password for all):');
	for (const user of demoUsers) {
		const roles = user.roles.map((role) => ROLE_LABELS[role as Role]).join('、');
		console.log(`  ${user.name.padEnd(13)} ${user.password}  ${user.displayName}（${roles}）`);
	}
}
process.send?.({ type: 'listening', port: new URL(server.syncUrl).port });

const shutdown = async () => {
	await server.close();
	process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
