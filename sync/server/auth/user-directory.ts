// The users the server knows: the server admin from its configuration, and the _users database. User
// documents are cached (each request needs its user's roles) and forgotten when the document is written.
// Verified Basic credentials are cached by a digest of the password, so a replication sending Basic auth
// on every request costs one PBKDF2 per user, not one per request.
import { createHash, timingSafeEqual } from 'node:crypto';
import { needsRehash, verifyPassword, type StoredUser } from './password-hash';
import type { UserContext } from '../front/user-context';

export interface UserRecord extends StoredUser {
	_id: string;
	_rev?: string;
	name: string;
	roles: string[];
}

export interface ServerAdmin {
	name: string;
	password: string;
}

const USER_PREFIX = 'org.couchdb.user:';
const VERIFIED_CACHE_MS = 10 * 60_000;

function sha256(text: string): Uint8Array {
	return new Uint8Array(createHash('sha256').update(text).digest());
}

export class UserDirectory {
	readonly #users = new Map<string, Promise<UserRecord | null>>();
	readonly #verified = new Map<string, { rev: string | undefined; until: number }>();
	readonly #adminDigest: Uint8Array;

	constructor(
		private readonly openUsers: () => Promise<PouchDB.Database>,
		private readonly admin: ServerAdmin,
		private readonly onWeakHash: (user: UserRecord, password: string) => void
	) {
		this.#adminDigest = sha256(admin.password);
	}

	/** The user context of a name, or null when no such user exists any more. */
	async contextOf(name: string): Promise<UserContext | null> {
		if (name === this.admin.name) return { name, roles: ['_admin'] };
		const user = await this.#user(name);
		return user ? { name: user.name, roles: [...user.roles] } : null;
	}

	/** Checks a name and password; null when they do not match. */
	async authenticate(name: string, password: string): Promise<UserContext | null> {
		if (name === this.admin.name) {
			return timingSafeEqual(sha256(password), this.#adminDigest) ? { name, roles: ['_admin'] } : null;
		}
		const user = await this.#user(name);
		if (!user) return null;
		const key = `${name}\u0000${Buffer.from(sha256(password)).toString('hex')}`;
		const cached = this.#verified.get(key);
		if (cached && cached.rev === user._rev && cached.until > Date.now())
			return { name, roles: [...user.roles] };
		if (!(await verifyPassword(user, password))) return null;
		this.#verified.set(key, { rev: user._rev, until: Date.now() + VERIFIED_CACHE_MS });
		if (needsRehash(user)) this.onWeakHash(user, password);
		return { name, roles: [...user.roles] };
	}

	/** Called by the _users write wrapper: the next request reads the user again. */
	forget(name: string): void {
		this.#users.delete(name);
		for (const key of this.#verified.keys()) if (key.startsWith(`${name}\u0000`)) this.#verified.delete(key);
	}

	#user(name: string): Promise<UserRecord | null> {
		let pending = this.#users.get(name);
		if (!pending) {
			pending = this.openUsers()
				.then((db) => db.get<UserRecord>(`${USER_PREFIX}${name}`))
				.then(
					(doc) => (Array.isArray(doc.roles) ? (doc as UserRecord) : null),
					(error: { status?: number }) => {
						this.#users.delete(name);
						if (error.status === 404) return null;
						throw error;
					}
				);
			this.#users.set(name, pending);
		}
		return pending;
	}
}

export function userNameFromId(id: string): string | null {
	return id.startsWith(USER_PREFIX) ? id.slice(USER_PREFIX.length) : null;
}
