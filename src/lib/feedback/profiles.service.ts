// Who is who: user profiles (display names, roles, 工号) for picking an assignee.
import type { Profile } from '$lib/db/generated/documents';
import { Repository } from '$lib/db/repository';
import { failure, success, type Result } from '$lib/result';

export async function listProfiles(userName: string): Promise<Result<Profile[]>> {
	try {
		return success(await new Repository(userName, 'profile').all());
	} catch (error) {
		return failure(`读取用户资料失败：${(error as Error).message}`);
	}
}
