// Finds the category a sheet cell names: a full path (社会保障 › 社保卡 › 补办, with ›, /, > or - between
// levels), the end of a path, or a single name that occurs once in the tree.
import type { Category } from '$lib/db/generated/documents';

export type CategoryMatch = { ok: true; id: string } | { ok: false; error: string };

const LEVEL_SEPARATOR = /\s*(?:›|>|\/|-|»|→)\s*/;
const KEY_JOINER = '\u0001';

function normalizeName(name: string): string {
	return name.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

function namesFromRoot(byId: Map<string, Category>, id: string): string[] {
	const names: string[] = [];
	const seen = new Set<string>();
	let current = byId.get(id);
	while (current && !seen.has(current._id)) {
		seen.add(current._id);
		names.unshift(normalizeName(current.name));
		current = current.parentId ? byId.get(current.parentId) : undefined;
	}
	return names;
}

export function createCategoryMatcher(categories: Category[]): (text: string) => CategoryMatch {
	const byId = new Map(categories.map((category) => [category._id, category]));
	const byFullPath = new Map<string, string>();
	// Every tail of every path (the last name alone included) → the categories it could mean.
	const byPathEnd = new Map<string, Set<string>>();
	for (const category of categories) {
		const names = namesFromRoot(byId, category._id);
		byFullPath.set(names.join(KEY_JOINER), category._id);
		for (let start = 0; start < names.length; start += 1) {
			const key = names.slice(start).join(KEY_JOINER);
			byPathEnd.set(key, (byPathEnd.get(key) ?? new Set()).add(category._id));
		}
	}

	const lookup = (key: string): string[] => {
		const exact = byFullPath.get(key);
		return exact ? [exact] : [...(byPathEnd.get(key) ?? [])];
	};

	const cache = new Map<string, CategoryMatch>();
	return (text) => {
		const value = normalizeName(text);
		let match = cache.get(value);
		if (match) return match;
		// A name that itself contains a separator ("12345-热线") is tried whole before it is split.
		let ids = lookup(value);
		if (ids.length === 0) ids = lookup(value.split(LEVEL_SEPARATOR).filter(Boolean).join(KEY_JOINER));
		if (ids.length === 1) match = { ok: true, id: ids[0]! };
		else if (ids.length > 1) match = { ok: false, error: `分类「${text.trim()}」不唯一，请写完整路径` };
		else match = { ok: false, error: `未知分类「${text.trim()}」` };
		cache.set(value, match);
		return match;
	};
}
