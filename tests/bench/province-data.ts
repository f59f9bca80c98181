// A province's data for bench:scale part two (scale-browsers.bench.ts), seeded: the staff (150 agents,
// 20 editors, 9 inspectors, the demo accounts among them), 10⁵ entries each in its second published version
// (entry, both versions, the publication agents read) with a few hundred in review, and a year of calls
// (recordings, waveforms and transcripts for some, evaluations). Every document passes the server's checks.
import { createHash } from 'node:crypto';
import type {
	Category,
	Entry,
	EntryVersion,
	Evaluation,
	PublishedEntry,
	Recording,
	Transcript,
	Waveform
} from '../../src/lib/db/generated/documents';
import { plainTextToHtml } from '../../src/lib/knowledge/entry-draft';
import { versionSnapshot } from '../../src/lib/knowledge/workflow/entry-workflow';
import { publicationOf } from '../../src/lib/knowledge/workflow/publication';
import { defaultScorecards } from '../../src/lib/qa/scorecards/default-scorecards';
import { newEvaluation } from '../../src/lib/qa/evaluations/evaluation-draft';
import { scoreEvaluation, type Score } from '../../src/lib/qa/scoring/score-evaluation';
import { BEIJING_OFFSET_MS } from '../../src/lib/time';
import { demoUsers } from '../../sync/demo/users';
import type { UserAccount } from '../../sync/setup/setup';
import { HAINAN_SUB_PLATFORMS } from '../../sync/setup/sub-platforms';
import { seededRandom } from '../../src/lib/seeded-random';
import { generateEntries } from './search-data';

export const PROVINCE_STAFF = { agents: 150, editors: 20, inspectors: 9 };
const CATEGORIES = 40;
/** One entry in ten is a city's (分平台), spread over the 19. */
const CITY_ENTRY_EVERY = 10;

const hasRole = (account: UserAccount, roles: string[]) => roles.some((role) => account.roles.includes(role));

/** The demo accounts, and numbered ones (agent005 …, editor04 …, inspector02 …) up to the province's staff. */
export function provinceAccounts(password: string, staff = PROVINCE_STAFF): UserAccount[] {
	const accounts = [...demoUsers];
	const add = (role: 'agent' | 'editor' | 'inspector', wanted: number, digits: number, label: string) => {
		let number = accounts.filter((account) => hasRole(account, [role])).length;
		while (accounts.filter((account) => hasRole(account, [role])).length < wanted) {
			number++;
			accounts.push({
				name: `${role}${String(number).padStart(digits, '0')}`,
				password,
				roles: [role],
				displayName: `${label}${number}`,
				...(role === 'agent'
					? { employeeNumber: String(5000 + number), team: `话务${1 + (number % 8)}班` }
					: {})
			});
		}
	};
	add('agent', staff.agents, 3, '话务员');
	add('editor', staff.editors, 2, '采编');
	add('inspector', staff.inspectors, 2, '质检员');
	return accounts;
}

export const agentsOf = (accounts: UserAccount[]) =>
	accounts.filter((account) => hasRole(account, ['agent']));
export const inspectorsOf = (accounts: UserAccount[]) =>
	accounts.filter((account) => hasRole(account, ['inspector']));

/** The city of an account's city role, if any. */
export function cityOf(account: UserAccount): string | undefined {
	return account.roles.find((role) => role.startsWith('city:'))?.slice(5);
}

export function benchCategories(): Category[] {
	return Array.from({ length: CATEGORIES }, (_, index) => ({
		_id: `category:bench-${index}`,
		type: 'category',
		name: `测试分类${index}`,
		parentId: null,
		order: 1000 + index
	}));
}

type KnowledgeDocument = Entry | EntryVersion | PublishedEntry;

/**
 * Each entry published twice (v1 in March, v2 in September), as the entry, both versions and its publication,
 * in batches of `batch` entries; the first `inReview / 2` carry a revision in review, and `inReview / 2`
 * new entries wait for their first review.
 */
export function* knowledgeBatches(
	count: number,
	inReview: number,
	batch = 500
): Generator<KnowledgeDocument[]> {
	const v1At = '2026-03-02T02:00:00.000Z';
	const v2At = '2026-09-15T02:00:00.000Z';
	const all = generateEntries(count);
	for (let start = 0; start < all.length; start += batch) {
		const documents: KnowledgeDocument[] = [];
		all.slice(start, start + batch).forEach((generated, offset) => {
			const index = start + offset;
			const city =
				index % CITY_ENTRY_EVERY === CITY_ENTRY_EVERY - 1
					? HAINAN_SUB_PLATFORMS[Math.floor(index / CITY_ENTRY_EVERY) % HAINAN_SUB_PLATFORMS.length]!
					: undefined;
			const answerV1 = generated.answerText.slice(
				0,
				Math.max(20, Math.floor(generated.answerText.length * 0.7))
			);
			const editor = `editor0${1 + (index % 2)}`;
			const v1: Entry = {
				...generated,
				...(city ? { subPlatform: city[0], region: city[1] } : {}),
				answerHtml: plainTextToHtml(answerV1),
				answerText: answerV1,
				publishedAt: v1At,
				publishedBy: 'reviewer01',
				lastReviewedAt: v1At,
				reviewer: 'reviewer01',
				createdBy: editor,
				createdAt: v1At,
				updatedBy: 'reviewer01',
				updatedAt: v1At,
				history: [
					{ action: 'create', by: editor, at: v1At },
					{ action: 'submit', by: editor, at: v1At },
					{ action: 'publish', by: 'reviewer01', at: v1At }
				]
			};
			const v2: Entry = {
				...v1,
				answerHtml: plainTextToHtml(generated.answerText),
				answerText: generated.answerText,
				version: 2,
				publishedAt: v2At,
				lastReviewedAt: v2At,
				updatedAt: v2At,
				history: [
					...v1.history,
					{ action: 'edit', by: editor, at: v2At, comment: '补充办理说明' },
					{ action: 'submit', by: editor, at: v2At },
					{ action: 'publish', by: 'reviewer01', at: v2At }
				]
			};
			const inRevision = index < inReview / 2;
			const entry: Entry = inRevision
				? {
						...v2,
						revision: {
							status: 'inReview',
							baseVersion: 2,
							template: v2.template,
							standardQuestion: v2.standardQuestion,
							categoryId: v2.categoryId,
							answerHtml: `${v2.answerHtml}<p>（修订中）</p>`,
							answerText: `${v2.answerText}\n（修订中）`,
							sources: [],
							similarQuestions: v2.similarQuestions,
							relatedEntries: [],
							keywords: [],
							region: v2.region,
							templateFields: [],
							createdBy: editor,
							createdAt: '2026-11-20T02:00:00.000Z',
							updatedBy: editor,
							updatedAt: '2026-11-20T02:00:00.000Z'
						}
					}
				: v2;
			documents.push(
				entry,
				versionSnapshot(v1, 'reviewer01', v1At),
				versionSnapshot(v2, 'reviewer01', v2At),
				publicationOf(v2)!
			);
		});
		yield documents;
	}
	const waiting = generateEntries(Math.floor(inReview / 2)).map((generated, index): Entry => ({
		...generated,
		_id: `entry:bench-review-${index}`,
		standardQuestion: `（待审）${generated.standardQuestion}`,
		answerHtml: plainTextToHtml(generated.answerText),
		status: 'inReview',
		createdBy: 'editor02',
		createdAt: '2026-11-25T02:00:00.000Z',
		updatedBy: 'editor02',
		updatedAt: '2026-11-25T02:00:00.000Z',
		history: [
			{ action: 'create', by: 'editor02', at: '2026-11-25T02:00:00.000Z' },
			{ action: 'submit', by: 'editor02', at: '2026-11-25T02:00:00.000Z' }
		]
	}));
	for (let start = 0; start < waiting.length; start += batch) yield waiting.slice(start, start + batch);
}

const BUSINESS_TYPES = [
	'社会保障',
	'环境保护',
	'交通出行',
	'住房保障',
	'医疗卫生',
	'教育',
	'市场监管',
	'城市管理',
	'户籍证件',
	'水电燃气',
	'劳动就业',
	'回访'
];
const HANDLING_RESULTS = ['直接解答', '转办', '回访完成', '记录反馈', '咨询解答'];
const SENTENCES = [
	'您好，12345政务服务便民热线，请问有什么可以帮您？',
	'你好，我想问一下社保卡丢了怎么补办。',
	'请问您是在哪个市县参保的？',
	'我在海口参保，卡是去年办的。',
	'您可以携带身份证到就近的社保经办网点或合作银行网点办理补卡。',
	'需要交费吗？大概多久能拿到？',
	'补卡工本费按当地规定收取，一般即时制卡，部分网点需要几个工作日。',
	'好的，谢谢你。',
	'不客气，请问还有其他问题吗？',
	'没有了，再见。'
];

export interface CallPlan {
	calls: number;
	/** Calls with a waveform and a transcript (about this many; also the last call of every day). */
	details: number;
	evaluations: number;
	agents: UserAccount[];
	inspectors: string[];
	now: Date;
}

const DAY_MS = 86_400_000;
const PEAKS_PER_SECOND = 50;

/** Beijing date (YYYY-MM-DD) of an instant. */
export function beijingDate(at: number): string {
	return new Date(at + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** When call `index` started: evenly over the 365 days before `now`, oldest first. */
export function callStart(plan: CallPlan, index: number): number {
	return plan.now.getTime() - 365 * DAY_MS + ((index + 0.5) * 365 * DAY_MS) / plan.calls;
}

function callId(plan: CallPlan, index: number): string {
	return `C${beijingDate(callStart(plan, index)).replaceAll('-', '')}-${String(index).padStart(7, '0')}`;
}

/** Whether call `index` has a waveform and transcript: every n-th, and each day's last (the list's first of that day). */
export function hasDetails(plan: CallPlan, index: number): boolean {
	const every = Math.max(1, Math.floor(plan.calls / plan.details));
	if (index % every === 0) return true;
	return (
		index + 1 >= plan.calls || beijingDate(callStart(plan, index)) !== beijingDate(callStart(plan, index + 1))
	);
}

/** Base64 of pseudo-random peak bytes, sliced from one pool (content does not matter, size does). */
const PEAK_POOL = (() => {
	const next = seededRandom(4242);
	const bytes = Buffer.alloc(600 * PEAKS_PER_SECOND + 3);
	for (let index = 0; index < bytes.length; index++) bytes[index] = Math.floor(next() * 128);
	return bytes;
})();

function peaksFor(seconds: number, offset: number): string {
	const length = Math.ceil(seconds * PEAKS_PER_SECOND);
	const start = offset % (PEAK_POOL.length - length);
	return PEAK_POOL.subarray(start, start + length).toString('base64');
}

export function recordingOf(plan: CallPlan, index: number): Recording {
	const next = seededRandom(index + 1);
	const agent = plan.agents[(index * 7) % plan.agents.length]!;
	const startedAt = callStart(plan, index);
	const id = callId(plan, index);
	const durationSeconds = Math.round((30 + next() * 420) * 100) / 100;
	const roll = next();
	const city = cityOf(agent);
	return {
		_id: `recording:${id}`,
		type: 'recording',
		...(city ? { subPlatform: city } : {}),
		callId: id,
		agentName: agent.name,
		agentDisplayName: agent.displayName,
		...(agent.employeeNumber ? { agentEmployeeNumber: agent.employeeNumber } : {}),
		startedAt: new Date(startedAt).toISOString(),
		durationSeconds,
		direction: roll < 0.85 ? 'inbound' : roll < 0.9 ? 'outbound' : 'callback',
		businessType: BUSINESS_TYPES[Math.floor(next() * BUSINESS_TYPES.length)]!,
		handlingResult: HANDLING_RESULTS[Math.floor(next() * HANDLING_RESULTS.length)]!,
		ticketId: `GD${beijingDate(startedAt).replaceAll('-', '')}${String(index % 100_000).padStart(5, '0')}`,
		callerNumber: `13${String(Math.floor(next() * 1e9)).padStart(9, '0')}`,
		channels: 2,
		hotline: next() < 0.9 ? '12345' : '12355',
		audio: {
			fileName: `${id}.ogg`,
			contentType: 'audio/ogg',
			byteLength: Math.round(durationSeconds * 8000),
			md5: createHash('md5').update(id).digest('base64url')
		},
		hasTranscript: hasDetails(plan, index),
		importedBy: plan.inspectors[index % plan.inspectors.length]!,
		importedAt: new Date(Math.min(startedAt + DAY_MS, plan.now.getTime())).toISOString()
	};
}

function detailsOf(recording: Recording, index: number): [Waveform, Transcript] {
	const key = recording.callId;
	const seconds = recording.durationSeconds;
	const segments = Math.max(4, Math.round(seconds / 8));
	return [
		{
			_id: `waveform:${key}`,
			type: 'waveform',
			...(recording.subPlatform ? { subPlatform: recording.subPlatform } : {}),
			recordingId: recording._id,
			channels: 2,
			peaksPerSecond: PEAKS_PER_SECOND,
			durationSeconds: seconds,
			peaks: [peaksFor(seconds, index * 31), peaksFor(seconds, index * 57 + 11)]
		},
		{
			_id: `transcript:${key}`,
			type: 'transcript',
			...(recording.subPlatform ? { subPlatform: recording.subPlatform } : {}),
			recordingId: recording._id,
			segments: Array.from({ length: segments }, (_, segment) => ({
				startSeconds: (segment * seconds) / segments,
				endSeconds: ((segment + 0.9) * seconds) / segments,
				speaker: segment % 2 === 0 ? ('agent' as const) : ('caller' as const),
				text: SENTENCES[(segment + index) % SENTENCES.length]!
			}))
		}
	];
}

/** Recordings with their waveforms and transcripts, oldest first, in batches of about `batch` documents. */
export function* callBatches(
	plan: CallPlan,
	batch = 1000
): Generator<Array<Recording | Waveform | Transcript>> {
	let documents: Array<Recording | Waveform | Transcript> = [];
	for (let index = 0; index < plan.calls; index++) {
		const recording = recordingOf(plan, index);
		documents.push(recording);
		if (hasDetails(plan, index)) documents.push(...detailsOf(recording, index));
		if (documents.length >= batch) {
			yield documents;
			documents = [];
		}
	}
	if (documents.length) yield documents;
}

const SCORECARD = { ...defaultScorecards[0]!, updatedBy: 'system', updatedAt: '2026-01-01T00:00:00.000Z' };

function scoresFor(next: () => number): Score[] {
	return SCORECARD.sections.flatMap((section) =>
		section.criteria.map((criterion): Score => {
			if (criterion.redLine) return { criterionKey: criterion.key, points: null, redLineFailed: false };
			const deduction = next() < 0.2 ? criterion.deductions?.[0] : undefined;
			return {
				criterionKey: criterion.key,
				points: Math.max(0, criterion.maxPoints - (deduction?.points ?? 0)),
				...(deduction ? { deductionReasons: [deduction.reason] } : {})
			};
		})
	);
}

/** An inspector's evaluation of a call, scored with a few deductions drawn from the seed. */
export function evaluationOf(
	recording: Recording,
	inspector: string,
	at: string,
	draft: boolean,
	seed: number
): Evaluation {
	const scores = scoresFor(seededRandom(seed));
	return {
		...newEvaluation(recording, SCORECARD, inspector, at),
		status: draft ? 'draft' : 'submitted',
		scores,
		total: draft ? null : scoreEvaluation(SCORECARD, scores).total,
		...(draft ? {} : { submittedAt: at })
	};
}

/**
 * Evaluations of every n-th call over the year, by the inspectors in turn: submitted, except one in five
 * of the last two weeks' (drafts).
 */
export function* evaluationBatches(plan: CallPlan, batch = 1000): Generator<Evaluation[]> {
	const every = Math.max(1, Math.floor(plan.calls / plan.evaluations));
	let documents: Evaluation[] = [];
	for (let number = 0; number < plan.evaluations; number++) {
		const index = Math.min(plan.calls - 1, number * every + (number % every));
		const recording = recordingOf(plan, index);
		const inspector = plan.inspectors[number % plan.inspectors.length]!;
		const startedAt = Date.parse(recording.startedAt);
		const at = new Date(Math.min(startedAt + 2 * DAY_MS, plan.now.getTime())).toISOString();
		const draft = plan.now.getTime() - startedAt < 14 * DAY_MS && number % 5 === 0;
		documents.push(evaluationOf(recording, inspector, at, draft, number + 7));
		if (documents.length >= batch) {
			yield documents;
			documents = [];
		}
	}
	if (documents.length) yield documents;
}
