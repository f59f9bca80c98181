// A client-only SPA: data lives in the browser's IndexedDB, so there is nothing to render on a server.
export const ssr = false;
export const prerender = false;
