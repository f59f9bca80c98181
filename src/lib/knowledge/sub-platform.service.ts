// 分平台: the list admins keep (subPlatform documents, in kb and pub), for choosing where an entry belongs.
import type { SubPlatform } from '$lib/db/generated/documents';
import { Repository } from '$lib/db/repository';
import { explainFailure } from '$lib/db/validation';
import { failure, success, type Result } from '$lib/result';

/** The sub-platforms in service, in the list's order. */
export async function listSubPlatforms(userName: string): Promise<Result<SubPlatform[]>> {
	try {
		const all = await new Repository(userName, 'subPlatform').all();
		return success(all.filter((platform) => !platform.retired).sort((a, b) => a.order - b.order));
	} catch (error) {
		return failure(explainFailure(error, '读取分平台名单'));
	}
}
