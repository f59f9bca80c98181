import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// PouchDB's browser build expects Node's `global`.
	define: { global: 'globalThis' },
	server: { proxy: { '/db': { target: 'http://127.0.0.1:5984', rewrite: (path) => path } } },
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'server',
					environment: 'node',
					include: ['src/**/*.spec.ts', 'sync/**/*.spec.ts', 'tests/integration/**/*.spec.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			}
		]
	}
});
