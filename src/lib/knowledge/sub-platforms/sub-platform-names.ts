// How screens name an entry's 分平台: the list's name, never the code, and 全省 for a province entry.
import type { SubPlatform } from '$lib/db/generated/documents';

/** What an entry without a sub-platform belongs to: the province, read by every agent. */
export const PROVINCE_LABEL = '全省';

export interface SubPlatformNames {
	/** The name for a code; a retired one says so, a code not (yet) in the local list shows as itself. */
	nameOf(code: string | undefined): string;
}

export function subPlatformNames(platforms: readonly SubPlatform[]): SubPlatformNames {
	const byCode = new Map(platforms.map((platform) => [platform.code, platform]));
	return {
		nameOf(code) {
			if (!code) return PROVINCE_LABEL;
			const platform = byCode.get(code);
			if (!platform) return code;
			return platform.retired ? `${platform.name}（已停用）` : platform.name;
		}
	};
}
