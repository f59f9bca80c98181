// `npm start`: runs the server (sync/server-process.ts) in a child process and starts it again if it dies,
// after a pause that doubles while it keeps dying (1 s up to 30 s). A restart keeps the port the first run got,
// skips reloading the demo data, and loses no acknowledged write: PouchDB acknowledges once LevelDB has it.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const SERVER_SCRIPT = path.join(import.meta.dirname, 'server-process.ts');
const FIRST_PAUSE_MS = 1_000;
const LONGEST_PAUSE_MS = 30_000;
/** A run this long counts as healthy: the next crash starts from the shortest pause again. */
const HEALTHY_RUN_MS = 60_000;

function withPort(argv: string[], port: string): string[] {
	const copy = [...argv];
	const index = copy.indexOf('--port');
	if (index >= 0) copy.splice(index, 2);
	return [...copy, '--port', port];
}

let argv = process.argv.slice(2);
let child: ChildProcess | null = null;
let stopping = false;
let pause = FIRST_PAUSE_MS;

function run(): void {
	const startedAt = Date.now();
	child = fork(SERVER_SCRIPT, argv, { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
	child.on('message', (message: { type?: string; port?: string }) => {
		// Restarts keep the port (`--port 0` picks a new one each time) and do not load the demo data again.
		if (message.type !== 'listening' || !message.port) return;
		argv = withPort(argv, message.port);
		if (!argv.includes('--no-demo')) argv.push('--no-demo');
	});
	child.on('exit', (code, signal) => {
		child = null;
		if (stopping) process.exit(code ?? 0);
		if (Date.now() - startedAt > HEALTHY_RUN_MS) pause = FIRST_PAUSE_MS;
		console.error(`服务器进程已退出（${signal ?? `代码 ${code}`}），${pause / 1000} 秒后重启`);
		setTimeout(run, pause);
		pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
	});
}

function stop(signal: NodeJS.Signals): void {
	stopping = true;
	if (!child) process.exit(0);
	child.kill(signal);
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
run();
