// `npm run import -- FILE [--url http://admin:secret@host:port/db]`: loads a data set, all rows or none.
import { readFileSync } from 'node:fs';
import nano from 'nano';
import { adminUrl, readServerConfig } from './config';
import { parseDataset } from './import/tsv-datasets';
import { insertMissingDocuments } from './setup/bulk-insert';
import { ensurePublications } from './setup/publications';

const argv = process.argv.slice(2);
const file = argv.find((arg) => !arg.startsWith('--') && argv[argv.indexOf(arg) - 1] !== '--url');
if (!file) {
	console.error('用法: npm run import -- 文件.tsv [--url http://管理员:密码@主机:端口/db]');
	process.exit(2);
}
const urlIndex = argv.indexOf('--url');
const config = readServerConfig(process.env, argv);
const url =
	urlIndex >= 0
		? argv[urlIndex + 1]!
		: (config.couchdbUrl ?? adminUrl(`http://${config.host}:${config.port}/db`, config.admin));

const started = Date.now();
const parsed = parseDataset(readFileSync(file, 'utf8'), 'import', new Date().toISOString());
if (parsed.problems.length > 0) {
	console.error(`发现 ${parsed.problems.length} 个问题，未写入任何数据：`);
	for (const problem of parsed.problems.slice(0, 50)) console.error(`  ${problem}`);
	if (parsed.problems.length > 50) console.error(`  …另有 ${parsed.problems.length - 50} 个`);
	process.exit(1);
}
const couch = nano({ url, parseUrl: false } as Parameters<typeof nano>[0]);
const db = couch.use<unknown>('kb');
try {
	const added = await insertMissingDocuments(db, parsed.documents, (written, total) =>
		process.stdout.write(`\r已写入 ${written} / ${total}`)
	);
	const what = parsed.kind === 'categories' ? '分类' : '文档（知识点和分类）';
	console.log(`\n${what}：新增 ${added} 个，已有 ${parsed.documents.length - added} 个`);
	// Agents read publications: the published entries just loaded get theirs.
	const published = await ensurePublications(couch, () => {});
	if (published > 0) console.log(`话务员可见的已发布知识点：新增或更新 ${published} 个`);
	console.log(`用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
} catch (error) {
	console.error(`\n导入失败: ${(error as Error).message}`);
	process.exit(1);
}
