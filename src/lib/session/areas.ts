// The work areas of the app and the roles that see them; a user with several roles sees several areas.
import type { Role } from '$lib/db/catalog';

export interface Area {
	key: string;
	label: string;
	href: string;
	roles: readonly Role[];
}

const EVERYONE = ['admin', 'editor', 'reviewer', 'inspector', 'agent', 'supervisor', 'analyst'] as const;

export const AREAS: readonly Area[] = [
	// Analysts take no calls: their browsers keep no feedback copy a 查无信息 report could go up from.
	{ key: 'search', label: '知识检索', href: '/search', roles: EVERYONE.filter((role) => role !== 'analyst') },
	{ key: 'kb', label: '知识库管理', href: '/kb', roles: ['editor', 'reviewer', 'admin'] },
	{ key: 'qa', label: '质检工作台', href: '/qa', roles: ['inspector', 'supervisor', 'admin'] },
	{ key: 'my-qa', label: '我的质检', href: '/my-qa', roles: ['agent'] },
	// Each report reads views of databases only their members may read: QA (qa) for supervisors, admins and
	// analysts; knowledge and front line (kb, feedback, searchlog) for those and the reviewers.
	{
		key: 'reports',
		label: '统计报表',
		href: '/reports',
		roles: ['supervisor', 'admin', 'analyst', 'reviewer']
	},
	{ key: 'admin', label: '系统管理', href: '/admin', roles: ['admin'] },
	{ key: 'sync', label: '同步与存储', href: '/sync', roles: EVERYONE }
];

export function areasFor(roles: readonly string[]): Area[] {
	return AREAS.filter((area) => area.roles.some((role) => roles.includes(role)));
}

/** The area a path belongs to, or null for pages every signed-in user may open. */
export function areaOfPath(pathname: string): Area | null {
	return AREAS.find((area) => pathname === area.href || pathname.startsWith(`${area.href}/`)) ?? null;
}

export function mayOpen(pathname: string, roles: readonly string[]): boolean {
	const area = areaOfPath(pathname);
	return !area || area.roles.some((role) => roles.includes(role));
}

export function homeFor(roles: readonly string[]): string {
	if (roles.includes('agent')) return '/search';
	// Inspectors spend their day on recordings; they search knowledge only now and then.
	if (roles.includes('inspector') || roles.includes('supervisor')) return '/qa';
	if (roles.includes('analyst')) return '/reports';
	return areasFor(roles).find((area) => area.key !== 'sync')?.href ?? '/sync';
}

/** The `next` of /login?next=… when it is a path of this app (never another site, never /login itself). */
export function returnPathFrom(next: string | null): string | null {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return null;
	if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login/')) return null;
	return next;
}
