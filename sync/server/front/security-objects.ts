// Each database's _security object, cached: every request needs it to decide membership. It is stored where
// pouchdb-security kept it (the local document _local/_security, under `security`), so existing data folders
// keep their objects; only the server admin's PUT /db/_security writes it, and that refreshes the cache.
import type { SecurityObject } from './user-context';

type OpenDatabase = (name: string) => Promise<PouchDB.Database>;
const SECURITY_DOC = '_local/_security';

function isNameList(value: unknown): boolean {
	return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** The shape CouchDB accepts: admins and members, each with string lists of names and roles. */
export function securityObjectProblem(value: unknown): string | null {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return '_security 必须是对象';
	for (const [section, group] of Object.entries(value)) {
		if (section !== 'admins' && section !== 'members') return `_security 不支持 ${section}`;
		if (!group || typeof group !== 'object' || Array.isArray(group)) return `${section} 必须是对象`;
		for (const [key, list] of Object.entries(group)) {
			if ((key !== 'names' && key !== 'roles') || !isNameList(list))
				return `${section}.${key} 必须是字符串数组`;
		}
	}
	return null;
}

export class SecurityObjects {
	readonly #cache = new Map<string, Promise<SecurityObject>>();

	constructor(private readonly open: OpenDatabase) {}

	get(name: string): Promise<SecurityObject> {
		let pending = this.#cache.get(name);
		if (!pending) {
			pending = this.#read(name);
			this.#cache.set(name, pending);
			pending.catch(() => this.#cache.delete(name));
		}
		return pending;
	}

	async put(name: string, security: SecurityObject): Promise<void> {
		const db = await this.open(name);
		let rev: string | undefined;
		try {
			rev = (await db.get(SECURITY_DOC))._rev;
		} catch (error) {
			if ((error as { status?: number }).status !== 404) throw error;
		}
		await db.put({
			_id: SECURITY_DOC,
			...(rev ? { _rev: rev } : {}),
			security
		} as PouchDB.Core.PutDocument<object>);
		this.#cache.set(name, Promise.resolve(security));
	}

	forget(name: string): void {
		this.#cache.delete(name);
	}

	async #read(name: string): Promise<SecurityObject> {
		const db = await this.open(name);
		try {
			return (await db.get<{ security?: SecurityObject }>(SECURITY_DOC)).security ?? {};
		} catch (error) {
			if ((error as { status?: number }).status === 404) return {};
			throw error;
		}
	}
}
