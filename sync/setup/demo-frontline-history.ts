// Three months of the front line for the knowledge report (September to November 2026): about thirty searches a
// working day by the demo agents, most opening one of the demo entries, a few finding nothing, and now and then
// a 查无信息, 纠错 or 知识提问 that the editors closed within hours or days. Written where the server's jobs would
// have carried them (searchlog and feedback), seeded, with fixed ids: every `npm start` makes the same history
// and a restart adds nothing twice. The current month's activity is demo-activity.ts's.
import type { ServerScope } from 'nano';
import { FEEDBACK_DB, SEARCH_LOG_DB } from '../../src/lib/db/catalog';
import type {
	Correction,
	KnowledgeQuestion,
	SearchLog,
	SearchMiss
} from '../../src/lib/db/generated/documents';
import { seededRandom } from '../../src/lib/seeded-random';
import { BEIJING_OFFSET_MS } from '../../src/lib/time';
import { insertMissingDocuments } from './bulk-insert';

const FIRST_DAY = '2026-09-01';
const LAST_DAY = '2026-11-30';
const DAY_MS = 86_400_000;
const AGENTS: Array<{ name: string; subPlatform?: string }> = [
	{ name: 'agent01' },
	{ name: 'agent02' },
	{ name: 'agent05' },
	{ name: 'agent03', subPlatform: 'haikou' },
	{ name: 'agent04', subPlatform: 'sanya' }
];
/** What agents type, and the demo entry they open when the search works. */
const ANSWERED: Array<[string, string]> = [
	['社保卡丢了', 'entry:shebao-card-reissue'],
	['社保卡补办', 'entry:shebao-card-reissue'],
	['公积金提取', 'entry:gjj-withdraw-rent'],
	['租房提取公积金', 'entry:gjj-withdraw-rent'],
	['身份证到期', 'entry:idcard-renew'],
	['换身份证', 'entry:idcard-renew'],
	['海口电动车上牌', 'entry:haikou-ebike-plate'],
	['三亚海滩停车', 'entry:sanya-beach-parking']
];
/** Questions the demo knowledge base has no answer for. */
const UNANSWERED = ['电动车上牌', '无人机备案', '养犬证怎么办', '居住证续签', '老年卡办理', '燃气报装'];

function beijingDays(): string[] {
	const days: string[] = [];
	for (let at = Date.parse(`${FIRST_DAY}T00:00:00Z`); at <= Date.parse(`${LAST_DAY}T00:00:00Z`); at += DAY_MS)
		days.push(new Date(at).toISOString().slice(0, 10));
	return days;
}

/** A moment of the Beijing day, `hours` after midnight, as UTC ISO. */
const at = (day: string, hours: number) =>
	new Date(Date.parse(`${day}T00:00:00Z`) - BEIJING_OFFSET_MS + hours * 3_600_000).toISOString();

type Item = SearchMiss | Correction | KnowledgeQuestion;

export function frontLineHistory(): { searches: SearchLog[]; feedback: Item[] } {
	const random = seededRandom(20260902);
	const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
	const searches: SearchLog[] = [];
	const feedback: Item[] = [];
	for (const day of beijingDays()) {
		const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
		// Busier on working days; the unanswered share falls month by month as the knowledge base grows.
		const count = (weekend ? 8 : 24) + Math.floor(random() * 12);
		const unansweredShare = [0.16, 0.11, 0.07][Number(day.slice(5, 7)) - 9] ?? 0.07;
		for (let n = 0; n < count; n++) {
			const agent = pick(AGENTS);
			const createdAt = at(day, 8 + random() * 10);
			const key = `demo-${day.replaceAll('-', '')}-${String(n).padStart(2, '0')}`;
			const base = {
				_id: `searchLog:${key}:${agent.name}`,
				type: 'searchLog' as const,
				createdBy: agent.name,
				createdAt,
				...(agent.subPlatform ? { subPlatform: agent.subPlatform } : {})
			};
			if (random() < unansweredShare) {
				const query = pick(UNANSWERED);
				searches.push({ ...base, query, resultCount: random() < 0.6 ? 0 : 2 });
				if (random() < 0.25) feedback.push(item('searchMiss', key, agent, createdAt, query, random));
				continue;
			}
			const [query, entryId] = pick(ANSWERED);
			const opened = random() < 0.8;
			searches.push({ ...base, query, resultCount: 3, ...(opened ? { openedEntryId: entryId } : {}) });
			if (opened && random() < 0.01)
				feedback.push(
					item(
						random() < 0.5 ? 'correction' : 'knowledgeQuestion',
						key,
						agent,
						createdAt,
						query,
						random,
						entryId
					)
				);
		}
	}
	return { searches, feedback };
}

function item(
	type: Item['type'],
	key: string,
	agent: { name: string; subPlatform?: string },
	createdAt: string,
	query: string,
	random: () => number,
	entryId?: string
): Item {
	// Most are closed within the working day; a few take days. November's last ones are still open.
	const hours = random() < 0.8 ? 0.5 + random() * 6 : 24 + random() * 72;
	const closedAt = new Date(Date.parse(createdAt) + hours * 3_600_000).toISOString();
	const open = closedAt > `${LAST_DAY}T00:00:00Z`;
	return {
		_id: `${type}:${key}:${agent.name}`,
		type,
		text: type === 'searchMiss' ? query : `演示：${query}的答案需要更新`,
		...(entryId ? { entryId } : {}),
		status: open ? 'open' : 'closed',
		createdBy: agent.name,
		createdAt,
		...(agent.subPlatform ? { subPlatform: agent.subPlatform } : {}),
		...(open ? {} : { updatedBy: 'editor01', updatedAt: closedAt, resolution: '演示：已处理' })
	} as Item;
}

export async function loadDemoFrontLineHistory(server: ServerScope, log: (line: string) => void) {
	const { searches, feedback } = frontLineHistory();
	const added =
		(await insertMissingDocuments(server.use(SEARCH_LOG_DB), searches as never)) +
		(await insertMissingDocuments(server.use(FEEDBACK_DB), feedback as never));
	if (added > 0)
		log(`  loaded ${searches.length} demo searches and ${feedback.length} reports of September to November`);
}
