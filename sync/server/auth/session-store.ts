// Server-side sessions: a random token in the AuthSession cookie, and here only its SHA-256, so that signing
// out (or a password change) ends the session on the server, not just in the browser. A session ends after
// IDLE without a request or at the latest ABSOLUTE after sign-in (a shift). Kept in a file in the data folder
// so a restarted server keeps everyone signed in.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface SessionLimits {
	idleMs: number;
	absoluteMs: number;
}

/** An open browser syncs every few seconds, so only a closed or abandoned one reaches the idle limit. */
export const DEFAULT_SESSION_LIMITS: SessionLimits = {
	idleMs: 4 * 60 * 60_000,
	absoluteMs: 12 * 60 * 60_000
};

interface Session {
	name: string;
	createdAt: number;
	lastSeenAt: number;
}

const LAST_SEEN_PRECISION_MS = 60_000;
const SAVE_DELAY_MS = 200;

function digest(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export class SessionStore {
	readonly #sessions = new Map<string, Session>();
	#saveTimer: NodeJS.Timeout | null = null;

	constructor(
		private readonly file: string | null,
		readonly limits: SessionLimits = DEFAULT_SESSION_LIMITS,
		private readonly clock: () => number = Date.now
	) {
		if (file && existsSync(file)) {
			try {
				const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Session>;
				for (const [key, session] of Object.entries(saved)) this.#sessions.set(key, session);
			} catch {
				// A damaged file signs everyone out; it never stops the server.
			}
		}
	}

	/** Opens a session and returns the cookie token. */
	open(name: string): string {
		const token = randomBytes(32).toString('base64url');
		const now = this.clock();
		this.#sessions.set(digest(token), { name, createdAt: now, lastSeenAt: now });
		this.#scheduleSave();
		return token;
	}

	/** The user name of a live session (and marks it used), or null for unknown, ended or expired tokens. */
	touch(token: string): string | null {
		const key = digest(token);
		const session = this.#sessions.get(key);
		if (!session) return null;
		const now = this.clock();
		if (this.#expired(session, now)) {
			this.#sessions.delete(key);
			this.#scheduleSave();
			return null;
		}
		if (now - session.lastSeenAt >= LAST_SEEN_PRECISION_MS) {
			session.lastSeenAt = now;
			this.#scheduleSave();
		}
		return session.name;
	}

	/** Seconds the cookie should live: until the absolute limit of the session. */
	cookieMaxAgeSeconds(): number {
		return Math.floor(this.limits.absoluteMs / 1000);
	}

	close(token: string): void {
		if (this.#sessions.delete(digest(token))) this.#scheduleSave();
	}

	/** Ends every session of a user (their password or roles changed, or the account was removed). */
	closeAllOf(name: string): void {
		let closed = false;
		for (const [key, session] of this.#sessions) {
			if (session.name === name && this.#sessions.delete(key)) closed = true;
		}
		if (closed) this.#scheduleSave();
	}

	#expired(session: Session, now: number): boolean {
		return now - session.lastSeenAt > this.limits.idleMs || now - session.createdAt > this.limits.absoluteMs;
	}

	#scheduleSave(): void {
		if (!this.file || this.#saveTimer) return;
		this.#saveTimer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
		this.#saveTimer.unref();
	}

	/** Writes the sessions now (also on shutdown); expired ones are dropped. */
	flush(): void {
		if (this.#saveTimer) clearTimeout(this.#saveTimer);
		this.#saveTimer = null;
		if (!this.file) return;
		const now = this.clock();
		const live: Record<string, Session> = {};
		for (const [key, session] of this.#sessions) if (!this.#expired(session, now)) live[key] = session;
		const temporary = `${this.file}.tmp`;
		writeFileSync(temporary, JSON.stringify(live), { mode: 0o600 });
		renameSync(temporary, this.file);
	}
}
