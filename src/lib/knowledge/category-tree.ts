// The business-category tree as paths and indented options (pure).
import type { Category } from '$lib/db/generated/documents';

export interface CategoryOption {
	id: string;
	name: string;
	path: string;
	depth: number;
}

export function categoryPath(categories: Map<string, Category>, id: string): string {
	const names: string[] = [];
	const seen = new Set<string>();
	let current = categories.get(id);
	while (current && !seen.has(current._id)) {
		seen.add(current._id);
		names.unshift(current.name);
		current = current.parentId ? categories.get(current.parentId) : undefined;
	}
	return names.join(' › ');
}

/** Depth-first, siblings by `order`: the order a tree picker shows. */
export function categoryOptions(categories: Category[]): CategoryOption[] {
	const byId = new Map(categories.map((category) => [category._id, category]));
	const children = new Map<string | null, Category[]>();
	for (const category of categories) {
		const parent = category.parentId && byId.has(category.parentId) ? category.parentId : null;
		children.set(parent, [...(children.get(parent) ?? []), category]);
	}
	const options: CategoryOption[] = [];
	const visited = new Set<string>();
	const visit = (parent: string | null, depth: number) => {
		const siblings = [...(children.get(parent) ?? [])].sort(
			(a, b) => a.order - b.order || a.name.localeCompare(b.name, 'zh')
		);
		for (const category of siblings) {
			if (visited.has(category._id)) continue;
			visited.add(category._id);
			options.push({ id: category._id, name: category.name, path: categoryPath(byId, category._id), depth });
			visit(category._id, depth + 1);
		}
	};
	visit(null, 0);
	return options;
}
