// 分平台: the list admins keep (subPlatform documents, in kb and pub), for choosing where an entry belongs
// and for naming it wherever an entry is shown.
import type { SubPlatform } from '$lib/db/generated/documents';
import { knowledgeChanges } from '$lib/db/live-changes';
import { Repository } from '$lib/db/repository';
import { explainFailure } from '$lib/db/validation';
import { failure, success, type Result } from '$lib/result';
import { inListOrder } from './sub-platforms/sub-platform-edit';
import { subPlatformNames, type SubPlatformNames } from './sub-platforms/sub-platform-names';

/** The sub-platforms in service, in the list's order. */
export async function listSubPlatforms(userName: string): Promise<Result<SubPlatform[]>> {
	try {
		const all = await new Repository(userName, 'subPlatform').all();
		return success(inListOrder(all.filter((platform) => !platform.retired)));
	} catch (error) {
		return failure(explainFailure(error, '读取分平台名单'));
	}
}

/** Names for every code in the local list, retired ones included: old entries still carry them. */
export async function loadSubPlatformNames(userName: string): Promise<Result<SubPlatformNames>> {
	try {
		return success(subPlatformNames(await new Repository(userName, 'subPlatform').all()));
	} catch (error) {
		return failure(explainFailure(error, '读取分平台名单'));
	}
}

/** Calls `apply` with the names now and whenever the local kb changes (an admin's edit arriving by sync). */
export function followSubPlatformNames(
	userName: string,
	apply: (names: SubPlatformNames) => void
): () => void {
	const load = async () => {
		const result = await loadSubPlatformNames(userName);
		if (result.ok) apply(result.value);
	};
	void load();
	return knowledgeChanges(userName, () => void load());
}
