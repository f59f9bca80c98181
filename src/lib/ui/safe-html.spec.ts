// Stored HTML reaches the page only through SafeHtml: a stray {@html} is how an answer ran script on
// /kb/compilation, and a lint comment beside it was all that stood in the way.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const srcRoot = path.join(import.meta.dirname, '../..');
const safeHtmlFile = path.join(import.meta.dirname, 'SafeHtml.svelte');
const RAW_HTML_TAG = /\{\s*@html\b/g;
const rawHtmlTagsIn = (file: string) => readFileSync(file, 'utf8').match(RAW_HTML_TAG) ?? [];

function svelteFilesUnder(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((dirent) => {
		const file = path.join(folder, dirent.name);
		if (dirent.isDirectory()) return svelteFilesUnder(file);
		return dirent.name.endsWith('.svelte') ? [file] : [];
	});
}

describe('{@html}', () => {
	it('appears in no component but SafeHtml', () => {
		const files = svelteFilesUnder(srcRoot);
		expect(files).toContain(safeHtmlFile);
		const offenders = files
			.filter((file) => file !== safeHtmlFile && rawHtmlTagsIn(file).length > 0)
			.map((file) => path.relative(path.dirname(srcRoot), file));
		expect(offenders).toEqual([]);
	});

	it('in SafeHtml shows only what the answer allowlist kept', () => {
		const source = readFileSync(safeHtmlFile, 'utf8');
		expect(rawHtmlTagsIn(safeHtmlFile)).toHaveLength(1);
		expect(source).toContain('sanitizeAnswerHtml(html)');
		expect(source).toContain('{@html safeHtml}');
	});
});
