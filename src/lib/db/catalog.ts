// Which database holds which document types, and which roles may read it. One definition for the
// browser (where to put a document) and for sync/setup (the _security objects and design docs).
import type { DocumentType } from './generated/documents';

export const ROLES = ['admin', 'editor', 'reviewer', 'inspector', 'agent', 'supervisor', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
	admin: '系统管理员',
	editor: '知识采编',
	reviewer: '知识审核',
	inspector: '质检员',
	agent: '话务员',
	supervisor: '班长',
	analyst: '数据分析员'
};

export interface DatabaseSpec {
	/** Folder under sync/ddocs/ holding its design documents. */
	designFolder: string;
	documentTypes: DocumentType[];
	/** Roles listed as members in _security: everyone else is refused by the server. */
	readerRoles: Role[];
	/**
	 * Its readers are one audience's: the province's staff (province databases) or one city's (a city's
	 * databases), so _security lists the scoped roles (`editor@province`) rather than the plain ones.
	 */
	scoped?: true;
}

export const KNOWLEDGE_DB = 'kb';
/**
 * What every role but the editors reads of the knowledge base: publications, categories, templates,
 * synonyms and profiles, copied from kb by the server (a standing filtered replication), never drafts,
 * revisions or version history. Browsers of agents, inspectors and supervisors keep it as their local kb.
 */
export const PUBLISHED_DB = 'pub';
export const FEEDBACK_DB = 'feedback';
/**
 * Every agent's search logs, carried in by the server from the agents' own databases, apart from feedback so
 * that the fan-out of reports back to 150 agents never filters 30 000 logs a day. No browser replicates it:
 * its figures are its views. A browser keeps its own logs in its local feedback copy until pushed.
 */
export const SEARCH_LOG_DB = 'searchlog';
export const QA_DB = 'qa';
/** Issued reports (签发的报表): frozen figures as they were sent, for the supervisors and admins. */
export const REPORTS_DB = 'reports';
/**
 * The agents' search index of pub, ready-made by the server's job (sync/search-index): a browser's first
 * sync fetches it instead of indexing 10⁵ publications while it copies them. No browser replicates it.
 */
export const SEARCH_INDEX_DB = 'searchindex';
/** Recordings' audio: fetched by the browser one file at a time, never replicated (see README, 录音存储). */
export const QA_AUDIO_DB = 'qa-audio';
const AGENT_QA_DB_PREFIX = 'qa-agent-';
const AGENT_FEEDBACK_DB_PREFIX = 'feedback-agent-';
const CALIBRATION_DB_PREFIX = 'calib-';

export const databases: Record<string, DatabaseSpec> = {
	[KNOWLEDGE_DB]: {
		designFolder: 'kb',
		documentTypes: [
			'entry',
			'entryVersion',
			'publishedEntry',
			'category',
			'template',
			'synonym',
			'changeNotice',
			'profile',
			'subPlatform'
		],
		// Supervisors and analysts read it for the knowledge report's views; kb's validator lets them write nothing
		// but their own profile. Their browsers do not copy it (replication-plan.ts).
		readerRoles: ['admin', 'editor', 'reviewer', 'supervisor', 'analyst'],
		scoped: true
	},
	[PUBLISHED_DB]: {
		designFolder: 'pub',
		documentTypes: ['publishedEntry', 'category', 'template', 'synonym', 'profile', 'subPlatform'],
		readerRoles: ['admin', 'editor', 'reviewer', 'inspector', 'agent', 'supervisor', 'analyst']
	},
	[SEARCH_INDEX_DB]: {
		designFolder: 'searchindex',
		documentTypes: ['searchIndex'],
		readerRoles: ['admin', 'editor', 'reviewer', 'inspector', 'agent', 'supervisor', 'analyst']
	},
	[FEEDBACK_DB]: {
		designFolder: 'feedback',
		documentTypes: ['searchLog', 'searchMiss', 'correction', 'knowledgeQuestion', 'suggestionDecision'],
		readerRoles: ['admin', 'editor', 'reviewer', 'supervisor', 'analyst']
	},
	[SEARCH_LOG_DB]: {
		designFolder: 'searchlog',
		documentTypes: ['searchLog'],
		readerRoles: ['admin', 'editor', 'reviewer', 'supervisor', 'analyst']
	},
	[QA_DB]: {
		designFolder: 'qa',
		documentTypes: [
			'recording',
			'waveform',
			'transcript',
			'scorecard',
			'evaluation',
			'appeal',
			'acknowledgement',
			'samplingPlan',
			'sampleDraw',
			'sampleInput',
			'problemTag',
			'coachingTask',
			'coachingAck',
			'calibrationSession',
			'calibrationProgress',
			// Copied in by the server's fan-in when a session closes, never written by anyone else.
			'calibrationScore'
		],
		readerRoles: ['admin', 'inspector', 'supervisor', 'analyst'],
		scoped: true
	},
	[REPORTS_DB]: {
		designFolder: 'reports',
		documentTypes: ['issuedReport'],
		readerRoles: ['admin', 'supervisor', 'analyst'],
		scoped: true
	},
	[QA_AUDIO_DB]: {
		designFolder: 'qa-audio',
		// No typed documents: each holds only its audio attachment, under an id that carries the file's MD5,
		// and its validator checks that shape itself (sync/ddocs/qa-audio).
		documentTypes: [],
		readerRoles: ['admin', 'inspector', 'supervisor'],
		scoped: true
	}
};

/** The per-agent QA database: readable by that agent alone (CouchDB has no per-document read control). */
export const agentQaDatabase: DatabaseSpec = {
	designFolder: 'qa-agent',
	documentTypes: ['evaluation', 'scorecard', 'appeal', 'acknowledgement', 'coachingTask', 'coachingAck'],
	readerRoles: ['admin']
};

/**
 * An inspector's (or supervisor's) own calibration database (calib-<hex name>): their blind scores of the
 * calibration sessions they take part in. Only they read it, so no one sees another's scores before the
 * session closes and the server copies them into qa (sync/calibration).
 */
export const calibrationDatabase: DatabaseSpec = {
	designFolder: 'calib',
	documentTypes: ['calibrationScore'],
	readerRoles: ['admin']
};

/**
 * The per-agent feedback database: that agent's search logs and reports (查无信息, 纠错, 提问), pushed from
 * their browser and carried to feedback by the server; the editors' answers come back the same way.
 * Agents never read feedback itself, where every agent's typing lands.
 */
export const agentFeedbackDatabase: DatabaseSpec = {
	designFolder: 'feedback-agent',
	documentTypes: ['searchLog', 'searchMiss', 'correction', 'knowledgeQuestion'],
	readerRoles: ['admin']
};

/**
 * A sub-platform's (分平台) published entries: what its agents see besides the province's (pub). Readable by
 * the users holding its city role; the server copies them from kb (filter app/for-city). Same design as pub.
 */
export const cityPublishedDatabase: DatabaseSpec = {
	// The same design as pub (one design folder builds one design document); only publications arrive.
	designFolder: 'pub',
	documentTypes: ['publishedEntry', 'category', 'template', 'synonym', 'profile', 'subPlatform'],
	readerRoles: ['admin']
};
const CITY_PUBLISHED_DB_PREFIX = 'pub-';
const SUB_PLATFORM_CODE = /^[a-z][a-z0-9-]{1,30}$/;

export function cityPublishedDatabaseName(code: string): string {
	return CITY_PUBLISHED_DB_PREFIX + code;
}

/**
 * A sub-platform's editorial desk (citykb-<code>): its own entries in every state with their versions, and
 * what its editors read of the province's (publications, categories, templates, synonyms, profiles, the
 * list), exchanged with kb by the server. City editors and reviewers work here, never in kb, where every
 * city's drafts are; a city's own CouchDB server replicates with it.
 */
export const cityDeskDatabase: DatabaseSpec = {
	designFolder: 'kb',
	documentTypes: databases[KNOWLEDGE_DB]!.documentTypes,
	readerRoles: ['admin', 'editor', 'reviewer'],
	scoped: true
};

/** A sub-platform's calls (cityqa-<code>): its recordings and their evaluations, the scorecards. */
export const cityQaDatabase: DatabaseSpec = {
	designFolder: 'qa',
	documentTypes: databases[QA_DB]!.documentTypes,
	readerRoles: ['admin', 'inspector', 'supervisor'],
	scoped: true
};

/** A sub-platform's audio (cityaudio-<code>): what its inspectors upload, carried up to qa-audio. */
export const cityAudioDatabase: DatabaseSpec = {
	designFolder: 'qa-audio',
	documentTypes: [],
	readerRoles: ['admin', 'inspector', 'supervisor'],
	scoped: true
};

/**
 * Where a city's own CouchDB server sends its agents' reports and logs (cityfeedback-<code>), and receives the
 * editors' handling of them: only that city's node reads it.
 */
export const cityFeedbackDatabase: DatabaseSpec = {
	designFolder: 'feedback',
	documentTypes: databases[FEEDBACK_DB]!.documentTypes,
	readerRoles: ['admin'],
	scoped: true
};

const CITY_DATABASES = {
	citykb: cityDeskDatabase,
	cityqa: cityQaDatabase,
	cityaudio: cityAudioDatabase,
	cityfeedback: cityFeedbackDatabase
} as const;
export type CityDatabaseKind = keyof typeof CITY_DATABASES;

/** citykb-haikou, cityqa-haikou, …: prefixes no other database name starts with, whatever the code. */
export function cityDatabaseName(kind: CityDatabaseKind, code: string): string {
	return `${kind}-${code}`;
}

export const cityDeskDatabaseName = (code: string) => cityDatabaseName('citykb', code);
export const cityQaDatabaseName = (code: string) => cityDatabaseName('cityqa', code);
export const cityAudioDatabaseName = (code: string) => cityDatabaseName('cityaudio', code);
export const cityFeedbackDatabaseName = (code: string) => cityDatabaseName('cityfeedback', code);

/** The scope word of province staff in scoped roles. */
export const PROVINCE_SCOPE = 'province';

/**
 * An app role within one audience: `editor@province`, `inspector@haikou`. CouchDB's _security cannot
 * intersect roles ("an editor _and_ of 海口"), so each user carries the intersections as roles of their own
 * (accountRoles) and a database of one audience lists them as members.
 */
export function scopedRole(role: Role, scope: string): string {
	return `${role}@${scope}`;
}

/**
 * The role a city's own CouchDB server replicates with at the province: member of that city's databases
 * only, and allowed to relay its city's documents as they are (sync/ddocs/lib/roles.js, isCityNode).
 */
export function cityNodeRole(code: string): string {
	return `node@${code}`;
}

/** Every city's server also holds this role: it reads the province's publications (pub) like everyone. */
export const CITY_NODE_ROLE = 'node';

/**
 * The CouchDB roles of an account: its app and city roles as given, plus each app role but admin and agent
 * scoped to its cities, or to the province when it has none. Scoped roles given by hand are recomputed.
 */
export function accountRoles(roles: readonly string[]): string[] {
	const given = roles.filter((role) => !role.includes('@') || role.startsWith('node@'));
	const cities = subPlatformsOf(given);
	const scopes = cities.length > 0 ? cities : [PROVINCE_SCOPE];
	const scoped = given
		.filter((role): role is Role => (ROLES as readonly string[]).includes(role))
		.filter((role) => role !== 'admin' && role !== 'agent')
		.flatMap((role) => scopes.map((scope) => scopedRole(role, scope)));
	return [...given, ...scoped];
}

/** The _security member roles of a database: its readers, scoped to the province or to one city. */
export function memberRoles(spec: DatabaseSpec, city?: string): string[] {
	if (!spec.scoped) return [...spec.readerRoles];
	return spec.readerRoles.map((role) => (role === 'admin' ? role : scopedRole(role, city ?? PROVINCE_SCOPE)));
}

/**
 * The CouchDB role that places a user in a sub-platform. CouchDB's _security cannot intersect roles, so the
 * city is a role of its own: a city's databases list it as their members.
 */
export function cityRole(code: string): string {
	return `city:${code}`;
}

/** The sub-platforms a user's CouchDB roles place them in (none: province staff). */
export function subPlatformsOf(roles: readonly string[]): string[] {
	return roles.flatMap((role) =>
		role.startsWith('city:') && SUB_PLATFORM_CODE.test(role.slice(5)) ? [role.slice(5)] : []
	);
}

/** Database names allow only a-z0-9 and a few signs, so the user name is hex-encoded (as couch_peruser does). */
/** A user name as lowercase hex of its UTF-8: safe in database names and document ids, whatever the name. */
export function hexOf(userName: string): string {
	let hex = '';
	for (const byte of new TextEncoder().encode(userName)) hex += byte.toString(16).padStart(2, '0');
	return hex;
}

export function agentQaDatabaseName(userName: string): string {
	return AGENT_QA_DB_PREFIX + hexOf(userName);
}

export function agentFeedbackDatabaseName(userName: string): string {
	return AGENT_FEEDBACK_DB_PREFIX + hexOf(userName);
}

export function calibrationDatabaseName(userName: string): string {
	return CALIBRATION_DB_PREFIX + hexOf(userName);
}

function hasHexSuffix(name: string, prefix: string): boolean {
	return name.startsWith(prefix) && /^[0-9a-f]+$/.test(name.slice(prefix.length));
}

export function isAgentQaDatabaseName(name: string): boolean {
	return hasHexSuffix(name, AGENT_QA_DB_PREFIX);
}

export function isAgentFeedbackDatabaseName(name: string): boolean {
	return hasHexSuffix(name, AGENT_FEEDBACK_DB_PREFIX);
}

/** The spec of a personal (per-agent) database, from its name. */
export function personalDatabaseSpec(name: string): DatabaseSpec | undefined {
	if (isAgentQaDatabaseName(name)) return agentQaDatabase;
	if (isAgentFeedbackDatabaseName(name)) return agentFeedbackDatabase;
	if (hasHexSuffix(name, CALIBRATION_DB_PREFIX)) return calibrationDatabase;
	if (
		name.startsWith(CITY_PUBLISHED_DB_PREFIX) &&
		SUB_PLATFORM_CODE.test(name.slice(CITY_PUBLISHED_DB_PREFIX.length))
	)
		return cityPublishedDatabase;
	const dash = name.indexOf('-');
	const kind = name.slice(0, dash) as CityDatabaseKind;
	if (dash > 0 && Object.hasOwn(CITY_DATABASES, kind) && SUB_PLATFORM_CODE.test(name.slice(dash + 1)))
		return CITY_DATABASES[kind];
	return undefined;
}

/** The database a type lives in, by the name of its local copy: pub's types live in kb (a browser that may not
 * read kb keeps its copy of pub under that name; see sync-manager). */
export function databaseForType(type: DocumentType): string {
	for (const [name, spec] of Object.entries(databases)) if (spec.documentTypes.includes(type)) return name;
	throw new Error(`no database holds documents of type ${type}`);
}
