import { describe, expect, it } from 'vitest';
import { matchRoute, ruleFor } from './route-table';

describe('matchRoute', () => {
	it.each([
		['/', { name: 'serverInfo' }],
		['/_session', { name: 'session' }],
		['/_all_dbs', { name: 'allDbs' }],
		['/kb', { name: 'database', database: 'kb' }],
		['/kb/', { name: 'database', database: 'kb' }],
		['/kb/_changes?feed=longpoll', { name: 'changes', database: 'kb' }],
		['/kb/entry%3A1', { name: 'document', database: 'kb', docId: 'entry:1' }],
		['/kb/entry%2Fwith%2Fslash', { name: 'document', database: 'kb', docId: 'entry/with/slash' }],
		[
			'/qa-audio/audio%3AC1/audio',
			{ name: 'attachment', database: 'qa-audio', docId: 'audio:C1', attachment: 'audio' }
		],
		['/kb/_local/abc', { name: 'localDocument', database: 'kb', docId: '_local/abc' }],
		['/kb/_design/app', { name: 'designDocument', database: 'kb', docId: '_design/app' }],
		['/kb/_design/app/_view/open', { name: 'view', database: 'kb', docId: '_design/app', view: 'app/open' }],
		[
			'/_users/org.couchdb.user%3Aagent01',
			{ name: 'document', database: '_users', docId: 'org.couchdb.user:agent01' }
		]
	])('%s → %o', (path, expected) => {
		expect(matchRoute(path)).toEqual(expected);
	});

	it.each([
		'/_utils/',
		'/_config',
		'/_replicate',
		'/_node/_local/_config',
		'/_secret',
		'/kb/_temp_view',
		'/kb/_design/app/_show/x',
		'/kb/_design/app/_info',
		'/kb/_design/app/attachment',
		'/kb/_explain',
		'/kb/_index',
		'/kb/_purge',
		'/kb/%5Flocal%2F_security',
		'/kb/_local',
		'/Upper',
		'/kb/%E0%A4%A'
	])('%s is not answered', (path) => {
		expect(matchRoute(path)).toBeNull();
	});
});

describe('ruleFor', () => {
	const route = (path: string) => matchRoute(path)!;

	it.each([
		['GET', '/kb/_all_docs', 'member'],
		['HEAD', '/kb/entry%3A1', 'member'],
		['PUT', '/kb/entry%3A1', 'member'],
		['PUT', '/kb/_design/app', 'serverAdmin'],
		['PUT', '/kb/_security', 'serverAdmin'],
		['GET', '/kb/_security', 'serverAdmin'],
		['PUT', '/kb', 'serverAdmin'],
		['POST', '/kb', 'serverAdmin'],
		['POST', '/kb/_find', 'serverAdmin'],
		['GET', '/_users/org.couchdb.user%3Aagent01', 'serverAdmin'],
		['POST', '/_replicator/_bulk_docs', 'serverAdmin'],
		['POST', '/_session', 'anyone']
	])('%s %s → %s', (method, path, access) => {
		expect(ruleFor(route(path), method)?.access).toBe(access);
	});

	it.each([
		['POST', '/kb/entry%3A1'],
		['POST', '/kb/entry%3A1/file'],
		['DELETE', '/kb/_changes'],
		['PUT', '/_session'],
		['OPTIONS', '/kb']
	])('%s %s is not answered', (method, path) => {
		expect(ruleFor(route(path), method)).toBeNull();
	});
});
