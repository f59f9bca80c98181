// One run of the server (started and watched by sync/start.ts): the app and its sync server on one origin,
// set up and loaded with demo data. Anything unexpected is logged; an uncaught exception ends the process,
// and the supervisor starts a new one (acknowledged writes are in LevelDB by then).
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { adminUrl, readServerConfig } from './config';
import { demoUsers } from './demo/users';
import { startAppServer } from './server/app-server';
import { loadDemoActivity } from './setup/demo-activity';
import { loadDemoData } from './setup/demo-data';
import { watchCalibrationSessions } from './calibration/fan-in';
import { runSetup } from './setup/setup';
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
/** Seconds between looks for closed calibration sessions whose blind scores are to be copied into qa. */
const CALIBRATION_FAN_IN_EVERY_SECONDS = 2;
/** Minutes between checks whether pub changed and the agents' search index must be built again. */
const SEARCH_INDEX_EVERY_MINUTES = 10;

/**
 * The agents' search index is built beside the server, in a process of its own (10⁵ entries take a minute of
 * one core), now and every few minutes while pub changes; resolves after the first build.
 */
function startSearchIndexJob(url: string): Promise<ChildProcess> {
	const job = fork(
		path.join(import.meta.dirname, 'search-index-cli.ts'),
		['--every', String(SEARCH_INDEX_EVERY_MINUTES)],
		{ execArgv: ['--import', 'tsx'], stdio: 'inherit', env: { ...process.env, COUCHDB_URL: url } }
	);
	return new Promise((resolve) => {
		job.once('message', () => resolve(job));
		job.once('exit', () => resolve(job));
	});
}

let searchIndexJob: ChildProcess | undefined;
let stopCalibrationFanIn: (() => void) | undefined;
try {
	const setupUrl = config.couchdbUrl ?? adminUrl(server.syncUrl, config.admin);
	const couch = await runSetup({ url: setupUrl, log });
	if (config.loadDemo) {
		await loadDemoData(couch, log);
		await loadDemoActivity(couch, log);
	}
	stopCalibrationFanIn = watchCalibrationSessions(couch, CALIBRATION_FAN_IN_EVERY_SECONDS, log);
	searchIndexJob = await startSearchIndexJob(setupUrl);
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
	stopCalibrationFanIn?.();
	searchIndexJob?.kill();
	await server.close();
	process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
