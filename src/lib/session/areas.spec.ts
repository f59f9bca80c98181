import { describe, expect, it } from 'vitest';
import { areasFor, homeFor, mayOpen } from './areas';

describe('role areas', () => {
	it.each([
		[['agent'], ['search', 'sync']],
		[['editor'], ['search', 'kb', 'sync']],
		[['inspector'], ['search', 'sync']],
		[
			['reviewer', 'editor'],
			['search', 'kb', 'sync']
		]
	])('%o sees %o', (roles, keys) => {
		expect(areasFor(roles).map((area) => area.key)).toEqual(keys);
	});

	it('closes the editors’ pages to agents, including nested ones', () => {
		expect(mayOpen('/kb/new', ['agent'])).toBe(false);
		expect(mayOpen('/kb/entry%3Ax', ['editor'])).toBe(true);
		expect(mayOpen('/kbx', ['agent'])).toBe(true);
		expect(mayOpen('/login', [])).toBe(true);
	});

	it('sends agents to search and editors to the knowledge base', () => {
		expect(homeFor(['agent'])).toBe('/search');
		expect(homeFor(['editor'])).toBe('/search');
		expect(homeFor(['agent', 'editor'])).toBe('/search');
	});
});
