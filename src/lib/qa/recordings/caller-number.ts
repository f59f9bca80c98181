// Caller numbers are personal data: most roles see 138****1234; supervisors and admins, who call back
// and handle complaints, see them whole.
import type { Role } from '$lib/db/catalog';

const FULL_NUMBER_ROLES: readonly Role[] = ['supervisor', 'admin'];

export function mayViewCallerNumbers(roles: readonly Role[]): boolean {
	return roles.some((role) => FULL_NUMBER_ROLES.includes(role));
}

/** Keeps the area code or mobile prefix and the last four digits; hides the rest, whatever the length. */
export function maskCallerNumber(number: string): string {
	const landline = /^(0\d{2,3}-)(\d+)$/.exec(number);
	if (landline) return `${landline[1]}${'****'}${landline[2]!.slice(-4)}`;
	const digits = number.replace(/\D/g, '');
	if (digits.length >= 11) return `${number.slice(0, number.length - 8)}****${number.slice(-4)}`;
	if (digits.length > 4) return `${'*'.repeat(number.length - 4)}${number.slice(-4)}`;
	return '*'.repeat(number.length);
}
