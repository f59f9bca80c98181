import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// SPA fallback: the app is static files that any web server (or CouchDB itself) can host.
		adapter: adapter({ fallback: 'index.html', strict: true }),
		alias: { $schemas: 'schemas' },
		typescript: {
			// The Node side (sync server, setup, scripts) is type-checked with the app.
			config: (tsconfig) => {
				tsconfig.include.push('../sync/**/*.ts');
				return tsconfig;
			}
		}
	}
};

export default config;
