// 替代全省知识点 in the agents' results: a city entry marked as overriding a province entry takes that entry's
// place. Applied to the ranked hits, never to the index, so the province entry stays findable for editors and
// comes back by itself when the city's version lapses, is withdrawn or is filtered out.
import type { SearchHit } from './search-types';

/**
 * The hits with every overridden province entry replaced by the city entry that overrides it (`overriderOf`
 * answers which one, if any, applies to this query): listed once, at the better of the two scores and
 * strengths, with the words either matched for highlighting. Best first; equal scores keep their order.
 */
export function withCityOverrides(
	hits: readonly SearchHit[],
	overriderOf: (id: string) => string | undefined
): SearchHit[] {
	const byId = new Map<string, SearchHit>();
	for (const hit of hits) {
		const id = overriderOf(hit.id) ?? hit.id;
		const seen = byId.get(id);
		if (!seen) {
			byId.set(id, { ...hit, id });
			continue;
		}
		const matchedTerms = [...new Set([...seen.matchedTerms, ...hit.matchedTerms])];
		byId.set(id, {
			id,
			score: Math.max(seen.score, hit.score),
			matchedTerms,
			strength: Math.max(seen.strength, hit.strength)
		});
	}
	return [...byId.values()].sort((a, b) => b.score - a.score);
}
