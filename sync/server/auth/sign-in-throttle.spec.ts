import { describe, expect, it } from 'vitest';
import { SignInThrottle, throttledReason } from './sign-in-throttle';

const settings = { freeFailures: 3, windowMs: 60_000, firstWaitMs: 1_000, maxWaitMs: 8_000 };

function throttleAt(clock: { now: number }) {
	return new SignInThrottle(settings, { ...settings, freeFailures: 10 }, () => clock.now);
}

describe('SignInThrottle', () => {
	it('lets a few failures go, then doubles the wait with each failure, up to the longest', () => {
		const clock = { now: 0 };
		const throttle = throttleAt(clock);
		const waits: number[] = [];
		for (let failure = 0; failure < 7; failure++) {
			throttle.recordFailure('agent01', '10.0.0.1');
			waits.push(throttle.retryAfterSeconds('agent01', '10.0.0.1'));
		}
		expect(waits).toEqual([0, 0, 0, 1, 2, 4, 8]);
	});

	it('keeps other accounts free until the address itself is throttled', () => {
		const clock = { now: 0 };
		const throttle = throttleAt(clock);
		for (let failure = 0; failure < 5; failure++) throttle.recordFailure('agent01', '10.0.0.1');
		expect(throttle.retryAfterSeconds('agent02', '10.0.0.1')).toBe(0);
		for (let failure = 0; failure < 6; failure++) throttle.recordFailure(`x${failure}`, '10.0.0.1');
		expect(throttle.retryAfterSeconds('agent02', '10.0.0.1')).toBeGreaterThan(0);
		expect(throttle.retryAfterSeconds('agent02', '10.0.0.2')).toBe(0);
	});

	it('forgets an account’s failures after a correct sign-in, and old failures after the window', () => {
		const clock = { now: 0 };
		const throttle = throttleAt(clock);
		for (let failure = 0; failure < 3; failure++) throttle.recordFailure('agent01', '10.0.0.1');
		throttle.recordSuccess('agent01');
		throttle.recordFailure('agent01', '10.0.0.1');
		expect(throttle.retryAfterSeconds('agent01', '10.0.0.1')).toBe(0);
		for (let failure = 0; failure < 2; failure++) throttle.recordFailure('agent01', '10.0.0.1');
		clock.now = 61_000;
		throttle.recordFailure('agent01', '10.0.0.1');
		expect(throttle.retryAfterSeconds('agent01', '10.0.0.1')).toBe(0);
	});

	it.each([
		[5, '登录失败次数过多，请 5 秒后再试'],
		[61, '登录失败次数过多，请 2 分钟后再试']
	])('says how long to wait: %i s', (seconds, sentence) => {
		expect(throttledReason(seconds)).toBe(sentence);
	});
});
