import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'data/',
			'src/lib/db/generated/',
			'test-results/',
			'playwright-report/',
			// Design functions are bare function expressions (CouchDB's format); tests compile and run them.
			'sync/ddocs/*/*/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// CouchDB design functions are ES5 run by the server's JavaScript engine, not modules.
		files: ['sync/ddocs/**/*.js'],
		languageOptions: {
			sourceType: 'script',
			ecmaVersion: 5,
			globals: { emit: 'readonly', log: 'readonly' }
		},
		rules: {
			'no-unused-vars': 'off',
			'@typescript-eslint/no-unused-vars': 'off',
			'no-var': 'off',
			'svelte/no-inner-declarations': 'off',
			'no-inner-declarations': 'off'
		}
	}
);
