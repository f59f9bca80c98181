import { describe, expect, it } from 'vitest';
import { areasFor, homeFor, mayOpen, returnPathFrom } from './areas';

describe('role areas', () => {
	it.each([
		[['agent'], ['search', 'my-qa', 'sync']],
		[['editor'], ['search', 'kb', 'sync']],
		[['inspector'], ['search', 'qa', 'sync']],
		[
			['supervisor', 'inspector'],
			['search', 'qa', 'reports', 'sync']
		],
		[
			['reviewer', 'editor'],
			['search', 'kb', 'reports', 'sync']
		],
		[['analyst'], ['reports', 'sync']],
		[['admin'], ['search', 'kb', 'qa', 'reports', 'admin', 'sync']]
	])('%o sees %o', (roles, keys) => {
		expect(areasFor(roles).map((area) => area.key)).toEqual(keys);
	});

	it('closes the editors’ pages to agents, including nested ones', () => {
		expect(mayOpen('/kb/new', ['agent'])).toBe(false);
		expect(mayOpen('/kb/entry%3Ax', ['editor'])).toBe(true);
		expect(mayOpen('/kbx', ['agent'])).toBe(true);
		expect(mayOpen('/login', [])).toBe(true);
	});

	it('keeps the QA desk to inspectors and an agent’s own results to agents', () => {
		expect(mayOpen('/qa/recordings/recording%3AC1', ['agent'])).toBe(false);
		expect(mayOpen('/qa/import', ['inspector'])).toBe(true);
		expect(mayOpen('/my-qa', ['inspector'])).toBe(false);
		expect(mayOpen('/my-qa', ['agent'])).toBe(true);
	});

	it('keeps 系统管理 to admins', () => {
		expect(mayOpen('/admin/sub-platforms', ['admin'])).toBe(true);
		expect(mayOpen('/admin/sub-platforms', ['editor', 'reviewer'])).toBe(false);
		expect(mayOpen('/admin', ['supervisor'])).toBe(false);
		expect(homeFor(['admin'])).toBe('/search');
		expect(homeFor(['analyst'])).toBe('/reports');
	});

	it('sends agents to search and editors to the knowledge base', () => {
		expect(homeFor(['agent'])).toBe('/search');
		expect(homeFor(['editor'])).toBe('/search');
		expect(homeFor(['agent', 'editor'])).toBe('/search');
		expect(homeFor(['inspector'])).toBe('/qa');
		expect(homeFor(['supervisor', 'inspector'])).toBe('/qa');
	});

	it('returns to a path of this app after signing in again, never to another site', () => {
		expect(returnPathFrom('/kb/entry%3Ax?tab=history')).toBe('/kb/entry%3Ax?tab=history');
		expect(returnPathFrom('/search')).toBe('/search');
		expect(returnPathFrom(null)).toBeNull();
		expect(returnPathFrom('https://example.com/')).toBeNull();
		expect(returnPathFrom('//example.com/')).toBeNull();
		expect(returnPathFrom('/\\example.com')).toBeNull();
		expect(returnPathFrom('/login?next=/kb')).toBeNull();
	});
});
