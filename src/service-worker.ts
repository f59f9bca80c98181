/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Precaches the app shell so that after one visit the app opens with no network. Data never goes through
// here: /db (sync) requests pass straight to the network and PouchDB handles being offline.
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `app-shell-${version}`;
const SHELL = '/index.html';
const PRECACHE = [...build, ...files, SHELL];

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(PRECACHE))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
			.then(() => sw.clients.claim())
	);
});

async function respond(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	const url = new URL(request.url);
	if (PRECACHE.includes(url.pathname)) {
		const cached = await cache.match(url.pathname);
		if (cached) return cached;
	}
	if (request.mode === 'navigate') {
		// Network first so a new version shows at once; the cached shell when the network is down.
		try {
			return await fetch(request);
		} catch {
			const shell = await cache.match(SHELL);
			if (shell) return shell;
			throw new Error('offline and no cached shell');
		}
	}
	return fetch(request);
}

sw.addEventListener('fetch', (event) => {
	const url = new URL(event.request.url);
	if (event.request.method !== 'GET' || url.origin !== sw.location.origin || url.pathname.startsWith('/db/'))
		return;
	event.respondWith(respond(event.request));
});
