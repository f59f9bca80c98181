// npm run bench:local-store — how fast PouchDB's IndexedDB adapter takes documents in Chromium on this
// machine, alone: the floor under every first sync (bench:scale). 30 000 publications of ~1.2 KB written
// as replicated revisions (new_edits: false) in pages of 2 000, as initial-copy.ts writes them; three runs.
import { build } from 'esbuild';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';

const COUNT = Number(process.env.BENCH_DOCS ?? 30_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const bundled = await build({
	entryPoints: [path.join(import.meta.dirname, 'local-store/page-entry.ts')],
	bundle: true,
	write: false,
	format: 'iife',
	define: { global: 'window' }
});
const script = bundled.outputFiles[0]!.text;
const server = http
	.createServer((request, response) => {
		if (request.url === '/bench.js') response.end(script);
		else response.end('<!doctype html><meta charset="utf-8"><script src="/bench.js"></script>');
	})
	.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const { port } = server.address() as { port: number };

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
	const page = await (await browser.newContext()).newPage();
	await page.goto(`http://127.0.0.1:${port}/`);
	console.log(
		`local store: ${COUNT} documents per run, pages of 2 000; ${os.cpus()[0]?.model.trim()}, ${os.cpus().length} cores; ${browser.version()}; load average ${os
			.loadavg()
			.map((load) => load.toFixed(1))
			.join(' ')}`
	);
	for (let run = 0; run < RUNS; run++) {
		const result = await page.evaluate(
			([count, run]) =>
				(
					window as unknown as {
						writeInPages(count: number, pageSize: number, run: number): Promise<Record<string, number>>;
					}
				).writeInPages(count, 2000, run),
			[COUNT, run] as const
		);
		console.log(`run ${run + 1}: ${result.writeMs} ms, ${result.perSecond} documents a second`);
	}
} finally {
	await browser.close();
	server.close();
}
