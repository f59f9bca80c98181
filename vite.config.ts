import { availableParallelism } from 'node:os';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vitest/config';

/** The search worker always tells the segmenter where its WebAssembly is (the page's precached copy, see
 * word-segmenter-url.ts); jieba's default address would only put a second 4 MB copy in the build. */
const withoutJiebaDefaultWasm: Plugin = {
	name: 'without-jieba-default-wasm',
	transform(code, id) {
		if (!id.includes('jieba-wasm/pkg/web/')) return undefined;
		return code.replace("new URL('jieba_rs_wasm_bg.wasm', import.meta.url)", 'undefined');
	}
};

export default defineConfig({
	plugins: [sveltekit()],
	// PouchDB's browser build expects Node's `global`.
	define: { global: 'globalThis' },
	worker: { plugins: () => [withoutJiebaDefaultWasm] },
	server: { proxy: { '/db': { target: 'http://127.0.0.1:5984', rewrite: (path) => path } } },
	test: {
		expect: { requireAssertions: true },
		// Vitest leaves a core free by default; these files mostly wait on a server or LevelDB, so every core
		// runs one (on 2 cores: 3 min 17 s instead of 5 min 15 s).
		maxWorkers: availableParallelism(),
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'server',
					environment: 'node',
					include: [
						'src/**/*.spec.ts',
						'sync/**/*.spec.ts',
						'tests/integration/**/*.spec.ts',
						'tests/security/**/*.spec.ts'
					],
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			}
		]
	}
});
