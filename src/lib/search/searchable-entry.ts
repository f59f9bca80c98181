// What the search needs of an entry, and which entries agents may find. The index is built from entries'
// publications (publishedEntry, written by reviewers only), never from the entry documents editors write.
import type { Entry, PublishedEntry } from '$lib/db/generated/documents';
import { isInForce } from '$lib/knowledge/rules/validity';
import { sourcesText } from './answer-terms';

export interface SearchableEntry {
	/** The entry's id (entry:<key>), which search logs, reports and links keep. */
	id: string;
	standardQuestion: string;
	similarQuestions: readonly string[];
	keywords: readonly string[];
	answerText: string;
	/** Its sources' titles, 文号 and articles (sourcesText), searched with the answer. */
	sources?: string;
	categoryId: string;
	/** 全省 or a city/county */
	region: string;
	template: string;
	validFrom?: string | null;
	validTo?: string | null;
	/** A city entry's 替代全省知识点: the province entry it stands in for in its agents' results. */
	overrides?: string | null;
}

/** Entries valid in every region: a search filtered to a city also finds them. */
export const PROVINCE_WIDE_REGION = '全省';

/** Published and in force on `today` (YYYY-MM-DD, Beijing): what agents may be shown. */
export function isSearchable(entry: Pick<Entry, 'status' | 'validFrom' | 'validTo'>, today: string): boolean {
	return entry.status === 'published' && isInForce(entry.validFrom, entry.validTo, today);
}

export function toSearchableEntry(publication: PublishedEntry): SearchableEntry {
	return {
		id: publication.entryId,
		standardQuestion: publication.standardQuestion,
		similarQuestions: publication.similarQuestions,
		keywords: publication.keywords,
		answerText: publication.answerText,
		sources: sourcesText(publication.sources),
		categoryId: publication.categoryId,
		region: publication.region,
		template: publication.template,
		validFrom: publication.validFrom ?? null,
		validTo: publication.validTo ?? null,
		overrides: publication.overrides ?? null
	};
}
