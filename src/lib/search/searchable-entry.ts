// What the search needs of an entry, and which entries agents may find.
import type { Entry } from '$lib/db/generated/documents';
import { isInForce } from '$lib/knowledge/rules/validity';

export interface SearchableEntry {
	id: string;
	standardQuestion: string;
	similarQuestions: readonly string[];
	keywords: readonly string[];
	answerText: string;
	categoryId: string;
	/** 全省 or a city/county */
	region: string;
	template: string;
	validFrom?: string | null;
	validTo?: string | null;
}

/** Entries valid in every region: a search filtered to a city also finds them. */
export const PROVINCE_WIDE_REGION = '全省';

/** Published and in force on `today` (YYYY-MM-DD, Beijing): what agents may be shown. */
export function isSearchable(entry: Pick<Entry, 'status' | 'validFrom' | 'validTo'>, today: string): boolean {
	return entry.status === 'published' && isInForce(entry.validFrom, entry.validTo, today);
}

export function toSearchableEntry(entry: Entry): SearchableEntry {
	return {
		id: entry._id,
		standardQuestion: entry.standardQuestion,
		similarQuestions: entry.similarQuestions,
		keywords: entry.keywords,
		answerText: entry.answerText,
		categoryId: entry.categoryId,
		region: entry.region,
		template: entry.template,
		validFrom: entry.validFrom ?? null,
		validTo: entry.validTo ?? null
	};
}
