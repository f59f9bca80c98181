// Forwards /db/* to an external Apache CouchDB (COUCHDB_URL), so the app and its sync endpoint share one
// origin and CouchDB's AuthSession cookie works without CORS.
import http from 'node:http';
import https from 'node:https';
import type { Request, Response } from 'express';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host']);

export function createCouchDbProxy(couchdbUrl: string) {
	const upstream = new URL(couchdbUrl);
	upstream.username = '';
	upstream.password = '';
	const client = upstream.protocol === 'https:' ? https : http;
	const basePath = upstream.pathname.replace(/\/$/, '');

	return (req: Request, res: Response) => {
		const headers: http.OutgoingHttpHeaders = {};
		for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
		const forward = client.request(
			{
				protocol: upstream.protocol,
				hostname: upstream.hostname,
				port: upstream.port,
				method: req.method,
				path: basePath + req.url,
				headers
			},
			(upstreamResponse) => {
				res.status(upstreamResponse.statusCode ?? 502);
				for (const [name, value] of Object.entries(upstreamResponse.headers)) {
					if (!HOP_BY_HOP.has(name) && value !== undefined) res.setHeader(name, value);
				}
				upstreamResponse.pipe(res);
			}
		);
		forward.on('error', (error) => {
			if (!res.headersSent)
				res.status(502).json({ error: 'bad_gateway', reason: `CouchDB 无法连接: ${error.message}` });
			else res.end();
		});
		req.pipe(forward);
	};
}
