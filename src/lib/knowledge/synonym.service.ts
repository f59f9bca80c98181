// The synonym table editors maintain: groups of words that mean the same to a caller. The agents' search
// index follows these documents like entries, so a saved group applies to the next query.
import type { Synonym } from '$lib/db/generated/documents';
import { Repository, type Stored } from '$lib/db/repository';
import { explainFailure } from '$lib/db/validation';
import { failure, success, type Result } from '$lib/result';
import { nowIso } from '$lib/time';
import { parseSynonymTerms } from './synonym-terms';

export async function listSynonyms(userName: string): Promise<Result<Stored<Synonym>[]>> {
	try {
		const groups = await new Repository(userName, 'synonym').all();
		return success(groups.sort((a, b) => a.terms[0]!.localeCompare(b.terms[0]!, 'zh-CN')));
	} catch (error) {
		return failure(explainFailure(error, '读取同义词'));
	}
}

export async function saveSynonym(
	userName: string,
	current: Stored<Synonym> | null,
	text: string
): Promise<Result<Stored<Synonym>>> {
	const terms = parseSynonymTerms(text);
	if (!terms.ok) return terms;
	try {
		return success(
			await new Repository(userName, 'synonym').save({
				...(current ?? { _id: `synonym:${crypto.randomUUID()}`, type: 'synonym' as const }),
				terms: terms.value,
				updatedBy: userName,
				updatedAt: nowIso()
			})
		);
	} catch (error) {
		return failure(explainFailure(error, '保存同义词'));
	}
}

export async function removeSynonym(userName: string, id: string): Promise<Result<void>> {
	try {
		await new Repository(userName, 'synonym').remove(id);
		return success(undefined);
	} catch (error) {
		return failure(explainFailure(error, '删除同义词'));
	}
}
