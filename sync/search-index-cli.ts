// `npm run search-index -- --url http://admin:secret@couchdb:5984 [--every MINUTES] [--force]`: builds the
// agents' search index of pub on the server (sync/search-index), once or every so many minutes (a cron job
// or systemd timer on an Apache CouchDB install; `npm start` runs it itself). Rebuilds only when pub changed.
// The URL may also come from COUCHDB_URL, which keeps the password out of the process list.
import nano from 'nano';
import { publishSearchIndex } from './search-index/publish-search-index';

const argv = process.argv.slice(2);
const option = (name: string) => {
	const index = argv.indexOf(name);
	return index >= 0 ? argv[index + 1] : undefined;
};
const url = option('--url') ?? process.env.COUCHDB_URL;
const every = Number(option('--every') ?? 0);
if (!url || !Number.isFinite(every) || every < 0) {
	console.error('用法: npm run search-index -- --url http://管理员:密码@主机:5984 [--every 分钟] [--force]');
	process.exit(2);
}
const server = nano({ url, parseUrl: false } as Parameters<typeof nano>[0]);

async function runOnce(force: boolean): Promise<void> {
	try {
		const index = await publishSearchIndex(server, { force });
		if (index.built)
			console.log(
				`检索索引已生成：${index.entries} 条，${(index.bytes / 1024 / 1024).toFixed(1)} MB，用时 ${index.seconds.toFixed(1)} 秒`
			);
		process.send?.({ type: 'search-index', ...index });
	} catch (error) {
		console.error(`检索索引生成失败: ${(error as Error).message}`);
		process.send?.({ type: 'search-index', failed: true });
		if (!every) process.exitCode = 1;
	}
}

// Started by the server (npm start): ends with it.
process.on('disconnect', () => process.exit(0));

await runOnce(argv.includes('--force'));
if (every > 0) {
	// One build at a time: the next waits for the last to end.
	const loop = async () => {
		await runOnce(false);
		setTimeout(loop, every * 60_000);
	};
	setTimeout(loop, every * 60_000);
}
