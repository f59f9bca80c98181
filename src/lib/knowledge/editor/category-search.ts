// Finding a category among hundreds by any part of its path (pure).
import type { CategoryOption } from '../category-tree';

export const MAX_SHOWN_CATEGORIES = 200;

/** Options whose path holds every space-separated word of the query, in tree order. */
export function filterCategoryOptions(options: readonly CategoryOption[], query: string): CategoryOption[] {
	const words = query
		.toLowerCase()
		.split(/[\s›>/]+/)
		.filter(Boolean);
	if (words.length === 0) return [...options];
	return options.filter((option) => {
		const path = option.path.toLowerCase();
		return words.every((word) => path.includes(word));
	});
}
