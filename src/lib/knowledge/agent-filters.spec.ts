import { describe, expect, it } from 'vitest';
import {
	categoryWithDescendants,
	passesAgentFilters,
	toSearchFilters,
	NO_AGENT_FILTER
} from './agent-filters';

const options = [
	{ id: 'c:social', name: '社会保障和就业', path: '社会保障和就业', depth: 0 },
	{ id: 'c:card', name: '社会保障卡', path: '社会保障和就业 › 社会保障卡', depth: 1 },
	{ id: 'c:card-loss', name: '挂失', path: '社会保障和就业 › 社会保障卡 › 挂失', depth: 2 },
	{ id: 'c:social2', name: '社会保障和就业服务', path: '社会保障和就业服务', depth: 0 }
];

describe('agent filters', () => {
	it('takes a category with everything under it, not a sibling whose name starts the same', () => {
		expect(categoryWithDescendants(options, 'c:social')).toEqual(['c:social', 'c:card', 'c:card-loss']);
		expect(categoryWithDescendants(options, 'c:card-loss')).toEqual(['c:card-loss']);
	});

	it('asks nothing of the index when nothing is chosen', () => {
		expect(toSearchFilters(NO_AGENT_FILTER, options)).toBeUndefined();
	});

	it('keeps province-wide entries for a city and filters type and category like the index', () => {
		const filters = toSearchFilters({ categoryId: 'c:card', region: '西江市', template: 'faq' }, options);
		expect(filters).toEqual({ categoryIds: ['c:card', 'c:card-loss'], region: '西江市', template: 'faq' });
		const entry = { categoryId: 'c:card-loss', region: '全省', template: 'faq' as const };
		expect(passesAgentFilters(entry, filters)).toBe(true);
		expect(passesAgentFilters({ ...entry, region: '北湖市' }, filters)).toBe(false);
		expect(passesAgentFilters({ ...entry, template: 'policy' }, filters)).toBe(false);
		expect(passesAgentFilters({ ...entry, categoryId: 'c:social2' }, filters)).toBe(false);
	});
});
