// `npm run setup -- --url http://admin:secret@couchdb:5984 [--demo]`: prepares an Apache CouchDB 3.x (or the
// embedded server at its …/db URL) as the province's server.
// `npm run setup -- --url <city server> --sub-platform <code> --upstream <province server>`: prepares a city's
// own server and its standing replications with the province (sync/setup/city-node.ts).
import { loadDemoData } from './setup/demo-data';
import { setUpCityNode } from './setup/city-node';
import { runSetup } from './setup/setup';

const argv = process.argv.slice(2);
const option = (name: string) => {
	const index = argv.indexOf(name);
	return index >= 0 ? argv[index + 1] : undefined;
};
const url = option('--url') ?? process.env.COUCHDB_URL;
const subPlatform = option('--sub-platform');
const upstream = option('--upstream');
const log = (line: string) => console.log(line);
if (!url || Boolean(subPlatform) !== Boolean(upstream)) {
	console.error('用法: npm run setup -- --url http://管理员:密码@主机:5984 [--demo]');
	console.error(
		'      npm run setup -- --url <分平台服务器> --sub-platform <分平台代码> --upstream <省平台服务器>'
	);
	process.exit(2);
}
try {
	if (subPlatform && upstream) {
		await setUpCityNode({ url, subPlatform, upstream, log });
		console.log(`完成：分平台 ${subPlatform} 的服务器已就绪，并与省平台持续双向复制。`);
	} else {
		const couch = await runSetup({ url, log });
		if (argv.includes('--demo')) {
			await loadDemoData(couch, log);
		}
		console.log('完成：数据库、权限、设计文档已就绪。');
	}
} catch (error) {
	console.error(`初始化失败: ${(error as Error).message}`);
	process.exit(1);
}
