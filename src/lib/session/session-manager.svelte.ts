// Who is signed in. The last signed-in user and roles are remembered in localStorage so the app opens and
// works offline; the server's cookie decides whether sync may run.
import { replicationPlan } from '$lib/db/replication-plan';
import { ROLES, subPlatformsOf, type Role } from '$lib/db/catalog';
import { rememberServerDatabases } from '$lib/db/server-databases';
import { syncManager } from '$lib/db/sync-manager.svelte';
import { offlineSearch } from '$lib/search/offline-search.svelte';
import { audioUploads } from '$lib/qa/audio-uploads.svelte';
import { failure, success, type Result } from '$lib/result';
import { nowIso } from '$lib/time';
import { fetchServerSession, signInOnServer, signOutOnServer, syncBaseUrl } from './session.service';

const STORAGE_KEY = 'hotline.session';

export interface SignedInUser {
	name: string;
	roles: Role[];
	/** 分平台: the sub-platforms the user's city roles name; empty for province staff. */
	subPlatforms?: string[];
	signedInAt: string;
}

function knownRoles(roles: string[]): Role[] {
	return roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role));
}

function remembered(): SignedInUser | null {
	if (typeof localStorage === 'undefined') return null;
	try {
		const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as SignedInUser | null;
		return stored && typeof stored.name === 'string' && Array.isArray(stored.roles) ? stored : null;
	} catch {
		return null;
	}
}

export class SessionManager {
	user = $state<SignedInUser | null>(remembered());
	/** The server no longer accepts our cookie: work goes on locally, sync waits for a new sign-in. */
	needsSignIn = $state(false);

	constructor() {
		// Screens read the server databases of the plan on demand (history, calls) before sync has started:
		// a page mounts before the layout that starts it.
		if (this.user) rememberServerDatabases(this.#plans(this.user));
	}

	#plans(user: SignedInUser) {
		return replicationPlan(user.name, user.roles, undefined, user.subPlatforms ?? []);
	}

	async signIn(name: string, password: string): Promise<Result<SignedInUser>> {
		const result = await signInOnServer(name.trim(), password);
		if (!result.ok) return result;
		const roles = knownRoles(result.value.roles);
		if (roles.length === 0) return failure('此账号没有分配角色，请联系管理员');
		const user: SignedInUser = {
			name: result.value.name,
			roles,
			subPlatforms: subPlatformsOf(result.value.roles),
			signedInAt: nowIso()
		};
		if (this.user && this.user.name !== user.name)
			await Promise.all([syncManager.stop(), offlineSearch.stop(), audioUploads.stop()]);
		this.user = user;
		this.needsSignIn = false;
		localStorage.setItem(STORAGE_KEY, JSON.stringify(user));
		await this.startSync();
		return success(user);
	}

	async signOut(): Promise<void> {
		await Promise.all([syncManager.stop(), offlineSearch.stop(), audioUploads.stop()]);
		await signOutOnServer();
		this.user = null;
		localStorage.removeItem(STORAGE_KEY);
	}

	/** On app start: resume sync for the remembered user if the server still knows them. */
	async resume(): Promise<void> {
		if (!this.user) return;
		const server = await fetchServerSession();
		if (server === 'signed-out' || (typeof server === 'object' && server.name !== this.user.name)) {
			this.needsSignIn = true;
			return;
		}
		if (typeof server === 'object') {
			this.user = {
				...this.user,
				roles: knownRoles(server.roles),
				subPlatforms: subPlatformsOf(server.roles)
			};
			localStorage.setItem(STORAGE_KEY, JSON.stringify(this.user));
		}
		// Unreachable: replication retries with backoff until the server answers. Just signed in: it runs already.
		await this.startSync({ unlessRunning: true });
	}

	async startSync(options: { unlessRunning?: boolean } = {}): Promise<void> {
		if (!this.user) return;
		await syncManager.start(this.user.name, this.#plans(this.user), syncBaseUrl(), options);
		// Only the QA roles import recordings; their audio waits here until the server has it.
		if (this.user.roles.some((role) => role === 'inspector' || role === 'supervisor' || role === 'admin'))
			void audioUploads.start(this.user.name);
	}
}

export const session = new SessionManager();
