// The agents' result filters (业务分类 with its sub-categories, 适用地区, 条目类型) for the offline index
// and for the plain match used before the index is ready (pure).
import type { Entry } from '$lib/db/generated/documents';
import type { SearchFilters } from '$lib/search/search-types';
import { PROVINCE_WIDE_REGION } from '$lib/search/searchable-entry';
import type { CategoryOption } from './category-tree';

export interface AgentFilterChoice {
	/** '' for every category. */
	categoryId: string;
	/** '' for every region; a city also keeps the province-wide entries. */
	region: string;
	/** '' for every entry type. */
	template: '' | Entry['template'];
}

export const NO_AGENT_FILTER: AgentFilterChoice = { categoryId: '', region: '', template: '' };

/** A category and everything filed under it. */
export function categoryWithDescendants(options: readonly CategoryOption[], categoryId: string): string[] {
	const chosen = options.find((option) => option.id === categoryId);
	if (!chosen) return [categoryId];
	const prefix = `${chosen.path} › `;
	return options
		.filter((option) => option.id === categoryId || option.path.startsWith(prefix))
		.map((option) => option.id);
}

export function toSearchFilters(
	choice: AgentFilterChoice,
	options: readonly CategoryOption[]
): SearchFilters | undefined {
	if (!choice.categoryId && !choice.region && !choice.template) return undefined;
	return {
		...(choice.categoryId ? { categoryIds: categoryWithDescendants(options, choice.categoryId) } : {}),
		...(choice.region ? { region: choice.region } : {}),
		...(choice.template ? { template: choice.template } : {})
	};
}

/** The same rule as the index's, for entries matched without it. */
export function passesAgentFilters(
	entry: Pick<Entry, 'categoryId' | 'region' | 'template'>,
	filters: SearchFilters | undefined
): boolean {
	if (!filters) return true;
	if (filters.categoryIds?.length && !filters.categoryIds.includes(entry.categoryId)) return false;
	if (filters.template && entry.template !== filters.template) return false;
	if (filters.region && entry.region !== filters.region && entry.region !== PROVINCE_WIDE_REGION)
		return false;
	return true;
}
