// `npm run calibration-fan-in -- --url http://admin:secret@couchdb:5984 [--every SECONDS]`: copies the blind
// scores of closed calibration sessions into qa (sync/calibration/fan-in.ts), once or every few seconds, as a
// service beside Apache CouchDB (`npm start` runs it itself). The URL may also come from COUCHDB_URL.
import nano from 'nano';
import { revealClosedSessions, watchCalibrationSessions } from './calibration/fan-in';

const argv = process.argv.slice(2);
const option = (name: string) => {
	const index = argv.indexOf(name);
	return index >= 0 ? argv[index + 1] : undefined;
};
const url = option('--url') ?? process.env.COUCHDB_URL;
const every = Number(option('--every') ?? 0);
if (!url || !Number.isFinite(every) || every < 0) {
	console.error('用法: npm run calibration-fan-in -- --url http://管理员:密码@主机:5984 [--every 秒]');
	process.exit(2);
}
const server = nano({ url, parseUrl: false } as Parameters<typeof nano>[0]);
const log = (line: string) => console.log(line);

if (every > 0) watchCalibrationSessions(server, every, log);
else {
	try {
		const revealed = await revealClosedSessions(server, log);
		console.log(`已汇总 ${revealed} 个结束的校准`);
	} catch (error) {
		console.error(`校准汇总失败: ${(error as Error).message}`);
		process.exitCode = 1;
	}
}
