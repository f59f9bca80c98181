// Password hashes in the _users database, in Apache CouchDB 3.4's format and strength: PBKDF2 with SHA-256 and
// 600 000 iterations (about 130 ms on this machine, off the event loop). Hashes written by the earlier server
// (pouchdb-auth: PBKDF2-SHA1, 10 iterations) still verify, and are replaced at the user's next sign-in.
import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const derive = promisify(pbkdf2);

export const PASSWORD_ITERATIONS = 600_000;
const KEY_BYTES = 32;

export interface PasswordFields {
	password_scheme: 'pbkdf2';
	pbkdf2_prf: 'sha256';
	iterations: number;
	salt: string;
	derived_key: string;
}

export interface StoredUser {
	name?: unknown;
	roles?: unknown;
	password_scheme?: unknown;
	pbkdf2_prf?: unknown;
	iterations?: unknown;
	salt?: unknown;
	derived_key?: unknown;
}

export async function hashPassword(
	password: string,
	iterations = PASSWORD_ITERATIONS
): Promise<PasswordFields> {
	const salt = randomBytes(16).toString('hex');
	const key = await derive(password, salt, iterations, KEY_BYTES, 'sha256');
	return {
		password_scheme: 'pbkdf2',
		pbkdf2_prf: 'sha256',
		iterations,
		salt,
		derived_key: key.toString('hex')
	};
}

const PRFS = new Set(['sha1', 'sha224', 'sha256', 'sha384', 'sha512']);

/** Whether the password matches the stored hash; a malformed or unknown scheme never matches. */
export async function verifyPassword(user: StoredUser, password: string): Promise<boolean> {
	const { salt, derived_key: stored, iterations } = user;
	if (user.password_scheme !== 'pbkdf2') return false;
	const prf = typeof user.pbkdf2_prf === 'string' ? user.pbkdf2_prf : 'sha1';
	if (!PRFS.has(prf) || typeof salt !== 'string' || typeof stored !== 'string') return false;
	if (typeof iterations !== 'number' || !Number.isInteger(iterations) || iterations < 1) return false;
	if (!/^(?:[0-9a-f]{2})+$/.test(stored)) return false;
	const expected = Buffer.from(stored, 'hex');
	const actual = await derive(password, salt, iterations, expected.length, prf);
	return timingSafeEqual(new Uint8Array(actual), new Uint8Array(expected));
}

/** True for hashes weaker than the ones we write: they are rewritten after the next successful sign-in. */
export function needsRehash(user: StoredUser): boolean {
	return (
		user.pbkdf2_prf !== 'sha256' ||
		typeof user.iterations !== 'number' ||
		user.iterations < PASSWORD_ITERATIONS
	);
}
