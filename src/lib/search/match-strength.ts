// When a search's best hit is too weak to trust (匹配度低): its matched question holds less than this share
// of the query (characters and pairs weighed by rarity). Chosen on both dev sets with bench:relevance (README,
// Confidence): on LCQMC it flags 3 % of right first hits and 39 % of queries whose answer is not there; on
// AFQMC, one product's questions, strength does not tell right from wrong (27 % and 33 %).
import type { SearchHit } from './search-types';

export const WEAK_MATCH_BELOW = 0.45;

/** Whether the results open on a weak match: the screen says 匹配度低 and offers 查无信息 first. */
export function opensOnWeakMatch(hits: readonly Pick<SearchHit, 'strength'>[]): boolean {
	return hits.length > 0 && hits[0]!.strength < WEAK_MATCH_BELOW;
}
