// Throttles password guessing per account and per address: a few free failures in a window, then each
// further failure doubles the wait before the next attempt is even checked (answered 429). The cost: someone
// guessing at an account keeps its owner waiting too, at most MAX_WAIT; a correct sign-in clears the account.

export interface ThrottleSettings {
	/** Failures allowed in the window before attempts must wait. */
	freeFailures: number;
	windowMs: number;
	/** The first wait; each further failure doubles it, up to maxWaitMs. */
	firstWaitMs: number;
	maxWaitMs: number;
}

export const ACCOUNT_THROTTLE: ThrottleSettings = {
	freeFailures: 5,
	windowMs: 15 * 60_000,
	firstWaitMs: 2_000,
	maxWaitMs: 15 * 60_000
};
/** Higher for addresses: a whole call centre may sit behind one NAT address. */
export const ADDRESS_THROTTLE: ThrottleSettings = {
	freeFailures: 30,
	windowMs: 15 * 60_000,
	firstWaitMs: 2_000,
	maxWaitMs: 15 * 60_000
};

interface Record {
	failures: number;
	firstFailureAt: number;
	blockedUntil: number;
}

class FailureCounter {
	readonly #records = new Map<string, Record>();

	constructor(readonly settings: ThrottleSettings) {}

	/** Milliseconds to wait before the next attempt may be checked; 0 when it may go ahead. */
	waitFor(key: string, now: number): number {
		const record = this.#current(key, now);
		return record ? Math.max(0, record.blockedUntil - now) : 0;
	}

	fail(key: string, now: number): void {
		const record = this.#current(key, now) ?? { failures: 0, firstFailureAt: now, blockedUntil: 0 };
		record.failures++;
		const over = record.failures - this.settings.freeFailures;
		if (over > 0) {
			const wait = Math.min(this.settings.maxWaitMs, this.settings.firstWaitMs * 2 ** Math.min(over - 1, 20));
			record.blockedUntil = now + wait;
		}
		this.#records.set(key, record);
	}

	clear(key: string): void {
		this.#records.delete(key);
	}

	#current(key: string, now: number): Record | undefined {
		const record = this.#records.get(key);
		if (!record) return undefined;
		const expired = now - record.firstFailureAt > this.settings.windowMs && record.blockedUntil <= now;
		if (expired) {
			this.#records.delete(key);
			return undefined;
		}
		return record;
	}

	/** Forgets records that can no longer block anyone, so the map stays small under a spray of names. */
	prune(now: number): void {
		for (const key of this.#records.keys()) this.#current(key, now);
	}
}

export class SignInThrottle {
	readonly #accounts: FailureCounter;
	readonly #addresses: FailureCounter;
	#failuresSincePrune = 0;

	constructor(
		accounts: ThrottleSettings = ACCOUNT_THROTTLE,
		addresses: ThrottleSettings = ADDRESS_THROTTLE,
		private readonly clock: () => number = Date.now
	) {
		this.#accounts = new FailureCounter(accounts);
		this.#addresses = new FailureCounter(addresses);
	}

	/** Seconds to wait (rounded up) before this account may try again from this address, or 0. */
	retryAfterSeconds(account: string, address: string): number {
		const now = this.clock();
		const wait = Math.max(this.#accounts.waitFor(account, now), this.#addresses.waitFor(address, now));
		return Math.ceil(wait / 1000);
	}

	recordFailure(account: string, address: string): void {
		const now = this.clock();
		this.#accounts.fail(account, now);
		this.#addresses.fail(address, now);
		if (++this.#failuresSincePrune >= 1000) {
			this.#failuresSincePrune = 0;
			this.#accounts.prune(now);
			this.#addresses.prune(now);
		}
	}

	recordSuccess(account: string): void {
		this.#accounts.clear(account);
	}
}

/** The Chinese sentence the app shows with a 429. */
export function throttledReason(seconds: number): string {
	const wait = seconds >= 60 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`;
	return `登录失败次数过多，请 ${wait}后再试`;
}
