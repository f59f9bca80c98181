// The scopes a report may be read for: the province, its sub-platforms, teams and agents, from this browser's
// copy of the profiles and the sub-platform list.
import { Repository } from '$lib/db/repository';
import { scopeChoices, type ScopeChoice } from './qa-report';

export type { ScopeChoice };

export async function reportScopes(userName: string): Promise<ScopeChoice[]> {
	const [profiles, subPlatforms] = await Promise.all([
		new Repository(userName, 'profile').all(),
		new Repository(userName, 'subPlatform').all()
	]);
	return scopeChoices(profiles, subPlatforms);
}
