// Who a request acts as, in CouchDB's terms, and the database membership that decides what they may read.

export interface UserContext {
	name: string | null;
	roles: string[];
}

export interface SecurityObject {
	admins?: { names?: string[]; roles?: string[] };
	members?: { names?: string[]; roles?: string[] };
}

export const ANONYMOUS: UserContext = { name: null, roles: [] };

export function isServerAdmin(user: UserContext): boolean {
	return user.roles.includes('_admin');
}

function listed(group: { names?: string[]; roles?: string[] } | undefined, user: UserContext): boolean {
	if (!group) return false;
	if (user.name && group.names?.includes(user.name)) return true;
	return user.roles.some((role) => group.roles?.includes(role));
}

/** CouchDB's rule: server and database admins are members; a database without members is open to all users. */
export function isMember(user: UserContext, security: SecurityObject): boolean {
	if (isServerAdmin(user) || listed(security.admins, user)) return true;
	const hasMembers = Boolean(security.members?.names?.length || security.members?.roles?.length);
	return !hasMembers || listed(security.members, user);
}
