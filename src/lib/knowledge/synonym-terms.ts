// A synonym group as editors type it: "医保 = 医疗保险 = 基本医疗保险" (or separated by commas, 、 or spaces).
import { failure, success, type Result } from '$lib/result';

export const MAX_TERMS = 30;
export const MAX_TERM_LENGTH = 40;

export function parseSynonymTerms(text: string): Result<string[]> {
	const terms = [
		...new Set(
			text
				.normalize('NFKC')
				.split(/[=＝,，、;；\s]+/)
				.map((term) => term.trim())
				.filter(Boolean)
		)
	];
	if (terms.length < 2) return failure('同义词组至少要有两个词，用“=”隔开，如：医保 = 医疗保险');
	if (terms.length > MAX_TERMS) return failure(`一组最多 ${MAX_TERMS} 个词`);
	const long = terms.find((term) => [...term].length > MAX_TERM_LENGTH);
	if (long) return failure(`“${long.slice(0, 12)}…”太长，每个词最多 ${MAX_TERM_LENGTH} 个字`);
	return success(terms);
}

export const formatSynonymTerms = (terms: readonly string[]) => terms.join(' = ');
