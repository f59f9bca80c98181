// The session cookie lives as long as the server accepts the session (8 hours), through browser restarts.
// express-pouchdb's own allow_persistent_cookies passes the timeout in seconds where Express expects
// milliseconds: the cookie then expired 28.8 s after a request, and a quiet minute signed the user out.
import type { CookieOptions, Response } from 'express';

export const SESSION_COOKIE = 'AuthSession';

/** Makes every AuthSession cookie this response sets last `sessionSeconds`; clearing it still clears it. */
export function persistSessionCookie(res: Response, sessionSeconds: number): void {
	const setCookie = res.cookie.bind(res) as (name: string, value: string, options: CookieOptions) => Response;
	res.cookie = ((name: string, value: unknown, options: CookieOptions = {}) => {
		const signingIn = name === SESSION_COOKIE && value !== '' && !options.expires;
		return setCookie(
			name,
			value as string,
			signingIn ? { ...options, maxAge: sessionSeconds * 1000 } : options
		);
	}) as Response['cookie'];
}
