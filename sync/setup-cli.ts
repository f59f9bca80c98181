// `npm run setup -- --url http://admin:secret@couchdb:5984 [--demo]`: prepares an Apache CouchDB 3.x.
import { demoUsers } from './demo/users';
import { loadDemoKnowledge } from './setup/demo-knowledge';
import { loadDemoRecordings } from './setup/demo-qa';
import { ensureUser, runSetup } from './setup/setup';

const argv = process.argv.slice(2);
const urlIndex = argv.indexOf('--url');
const url = urlIndex >= 0 ? argv[urlIndex + 1] : process.env.COUCHDB_URL;
if (!url) {
	console.error('用法: npm run setup -- --url http://管理员:密码@主机:5984 [--demo]');
	process.exit(2);
}
try {
	const couch = await runSetup({ url, log: (line) => console.log(line) });
	if (argv.includes('--demo')) {
		for (const user of demoUsers) await ensureUser(couch, user, (line) => console.log(line));
		await loadDemoKnowledge(couch, (line) => console.log(line));
		await loadDemoRecordings(couch, demoUsers, (line) => console.log(line));
	}
	console.log('完成：数据库、权限、设计文档已就绪。');
} catch (error) {
	console.error(`初始化失败: ${(error as Error).message}`);
	process.exit(1);
}
