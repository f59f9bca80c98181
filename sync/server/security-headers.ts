// Response headers that keep the app's pages from being framed, sniffed or made to run foreign script. The
// policy allows what the app needs: its own scripts and workers, the inline bootstrap script SvelteKit writes
// into index.html (by hash, computed from the built file), WebAssembly (the jieba word segmenter), audio and
// images from blob: URLs (recordings kept in IndexedDB), and inline styles (Svelte and Tiptap set style
// attributes). Nothing is loaded from another origin.
import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

export function inlineScriptHashes(html: string): string[] {
	const hashes: string[] = [];
	for (const match of html.matchAll(INLINE_SCRIPT)) {
		hashes.push(`'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`);
	}
	return hashes;
}

export function appContentSecurityPolicy(indexHtml: string): string {
	return [
		"default-src 'self'",
		`script-src 'self' 'wasm-unsafe-eval' ${inlineScriptHashes(indexHtml).join(' ')}`.trim(),
		"worker-src 'self' blob:",
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data: blob:",
		"media-src 'self' blob:",
		"font-src 'self' data:",
		"connect-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors 'none'"
	].join('; ');
}

/** The sync endpoint serves JSON and attachments, never pages: nothing in its answers may run or be framed. */
export const SYNC_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

export function securityHeaders(contentSecurityPolicy: string) {
	return (_req: Request, res: Response, next: NextFunction) => {
		res.setHeader('Content-Security-Policy', contentSecurityPolicy);
		res.setHeader('X-Frame-Options', 'DENY');
		res.setHeader('X-Content-Type-Options', 'nosniff');
		res.setHeader('Referrer-Policy', 'same-origin');
		res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
		next();
	};
}
