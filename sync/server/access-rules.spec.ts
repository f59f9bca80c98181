import { describe, expect, it } from 'vitest';
import {
	decideDatabaseRoute,
	decideServerRoute,
	type RouteRequest,
	type SecurityObject
} from './access-rules';

const request = (method: string, path: string, extra: Partial<RouteRequest> = {}): RouteRequest => ({
	method,
	path,
	contentType: 'application/json',
	bodyDocumentIds: [],
	...extra
});
const anonymous = { name: null, roles: [] };
const agent = { name: 'agent01', roles: ['agent'] };
const serverAdmin = { name: 'couchadmin', roles: ['_admin'] };
const membersOnly: SecurityObject = { admins: { roles: ['admin'] }, members: { roles: ['editor', 'agent'] } };

describe('server routes', () => {
	it.each([
		['GET', '/', anonymous, true],
		['POST', '/_session', anonymous, true],
		['GET', '/_uuids', anonymous, true],
		['GET', '/_all_dbs', agent, false],
		['GET', '/_users/org.couchdb.user:agent01', agent, false],
		['POST', '/_replicate', agent, false],
		['GET', '/_all_dbs', serverAdmin, true],
		['PUT', '/newdb', agent, false],
		['DELETE', '/kb', agent, false],
		['PUT', '/newdb', serverAdmin, true]
	])('%s %s by %o → allowed: %s', (method, path, user, allowed) => {
		expect(decideServerRoute(request(method, path), user)?.allow ?? true).toBe(allowed);
	});

	it('leaves database routes to the database decision', () => {
		expect(decideServerRoute(request('GET', '/kb/_all_docs'), agent)).toBeNull();
	});

	it('answers 401 to the anonymous and 403 to the signed-in', () => {
		expect(decideServerRoute(request('GET', '/_all_dbs'), anonymous)).toMatchObject({ status: 401 });
		expect(decideServerRoute(request('GET', '/_all_dbs'), agent)).toMatchObject({ status: 403 });
	});
});

describe('database routes', () => {
	it.each([
		['a member reads', request('POST', '/kb/_find'), agent, true],
		['a non-member reads', request('POST', '/kb/_find'), { name: 'x', roles: ['inspector'] }, false],
		['a member writes a document', request('PUT', '/kb/entry:1'), agent, true],
		['a member writes a design document', request('PUT', '/kb/_design/app'), agent, false],
		[
			'a member smuggles a design document into _bulk_docs',
			request('POST', '/kb/_bulk_docs', { bodyDocumentIds: ['entry:1', '_design/x'] }),
			agent,
			false
		],
		['a member queries a view with POST', request('POST', '/kb/_design/app/_view/by-status'), agent, true],
		['a member reads _security', request('GET', '/kb/_security'), agent, true],
		['a member changes _security', request('PUT', '/kb/_security'), agent, false],
		['a member compacts', request('POST', '/kb/_compact'), agent, false],
		[
			'a database admin changes _security',
			request('PUT', '/kb/_security'),
			{ name: 'boss', roles: ['admin'] },
			true
		],
		['a member writes a checkpoint', request('PUT', '/kb/_local/abc'), agent, true],
		[
			'a member uploads an attachment',
			request('PUT', '/kb/entry:1/file.pdf', { contentType: 'application/pdf' }),
			agent,
			true
		]
	])('%s → allowed: %s', (_name, route, user, allowed) => {
		expect(decideDatabaseRoute(route, user, membersOnly).allow).toBe(allowed);
	});

	it('treats a database without members as public, as CouchDB does', () => {
		expect(decideDatabaseRoute(request('GET', '/open/_all_docs'), anonymous, {}).allow).toBe(true);
	});

	it('refuses a document body that is not JSON', () => {
		const decision = decideDatabaseRoute(
			request('PUT', '/kb/entry:1', { contentType: 'text/plain' }),
			agent,
			membersOnly
		);
		expect(decision).toMatchObject({ allow: false, status: 415 });
	});

	it('accepts multipart documents for CouchDB-to-CouchDB replication', () => {
		const route = request('PUT', '/kb/entry:1', { contentType: 'multipart/related; boundary=x' });
		expect(decideDatabaseRoute(route, agent, membersOnly).allow).toBe(true);
	});
});
