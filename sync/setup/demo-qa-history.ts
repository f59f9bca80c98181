// Three months of QA for the reports (September to mid-November 2026): about two calls a day of 赵话务 (agent05)
// and the two cities' agents, each a copy of one of the demo 12345 calls (the same audio, so every one plays), scored
// by inspector01 or inspector03 with deductions that grow rarer month by month, a few red lines and appeals.
// Seeded, so every `npm start` makes the same history; it ends before the demo plan's week (16–22 November),
// whose draw the QA programme's demo and tests rely on.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ServerScope } from 'nano';
import type {
	Acknowledgement,
	Appeal,
	CoachingAck,
	CoachingTask,
	Evaluation,
	Recording,
	Scorecard
} from '../../src/lib/db/generated/documents';
import { QA_DB } from '../../src/lib/db/catalog';
import { criteriaOf, scoreEvaluation, type Score } from '../../src/lib/qa/scoring/score-evaluation';
import { withUndecidedAtFullPoints } from '../../src/lib/qa/scoring/score-lines';
import { pointsAfterDeductions } from '../../src/lib/qa/scoring/evaluation-checks';
import { seededRandom } from '../../src/lib/seeded-random';
import { coachingAckIdOf } from '../../src/lib/qa/coaching/coaching-ids';
import { acknowledgementIdOf } from '../../src/lib/qa/evaluations/evaluation-ids';
import { insertMissingDocuments } from './bulk-insert';
import { callDocuments, readDemoCalls } from './demo-qa';
import type { UserAccount } from './setup';

const FIRST_DAY = '2026-09-01';
const LAST_DAY = '2026-11-15';
const AGENTS = [
	{ name: 'agent05', subPlatform: undefined },
	{ name: 'agent03', subPlatform: 'haikou' },
	{ name: 'agent04', subPlatform: 'sanya' }
];
const BUSINESS = ['社会保障', '公积金', '户籍办理', '交通出行', '教育', '医疗卫生', '劳动就业'];
const DAY_MS = 86_400_000;
/** The problem type an inspector tags a deduction on each item with (the shipped types, default-problem-tags). */
const PROBLEM_OF_ITEM: Record<string, string> = {
	warmth: 'attitude',
	listening: 'attitude',
	emotion: 'no-soothing',
	opening: 'script',
	closing: 'script',
	courtesy: 'script',
	policy: 'wrong-policy',
	knowledge: 'knowledge-gap',
	resolution: 'shirking',
	complaint: 'record-incomplete',
	contact: 'no-verify',
	unit: 'wrong-dispatch',
	category: 'wrong-dispatch'
};

function scoresFor(scorecard: Scorecard, random: () => number, month: number, redLine: boolean): Score[] {
	// September's calls lose points on about one item in five, November's on one in twelve.
	const chance = [0.2, 0.13, 0.08][month] ?? 0.08;
	const lines = withUndecidedAtFullPoints(scorecard, []);
	const criteria = new Map(criteriaOf(scorecard).map((criterion) => [criterion.key, criterion]));
	let failedOne = false;
	return lines.map((line) => {
		const criterion = criteria.get(line.criterionKey)!;
		if (criterion.redLine) {
			if (redLine && !failedOne && criterion.maxPoints === 0) {
				failedOne = true;
				return { ...line, redLineFailed: true, comment: '演示：触发红线' };
			}
			return line;
		}
		const deductions = criterion.deductions ?? [];
		if (deductions.length === 0 || random() >= chance) return line;
		const reasons = [deductions[Math.floor(random() * deductions.length)]!.reason];
		return { ...line, points: pointsAfterDeductions(criterion, reasons), deductionReasons: reasons };
	});
}

function coachingTask(evaluation: Evaluation, criterionKeys: string[]): CoachingTask {
	const createdAt = new Date(Date.parse(evaluation.submittedAt!) + DAY_MS).toISOString();
	const closedAt = new Date(Date.parse(createdAt) + 14 * DAY_MS).toISOString();
	return {
		_id: `coachingTask:${evaluation.call!.callId}.${evaluation.inspector}`,
		type: 'coachingTask',
		evaluationId: evaluation._id,
		recordingId: evaluation.recordingId,
		agentName: evaluation.agentName,
		...(evaluation.subPlatform ? { subPlatform: evaluation.subPlatform } : {}),
		scorecardId: evaluation.scorecardId,
		criterionKeys,
		notes: '演示：对照评分表逐项复盘',
		commentIds: [],
		due: closedAt.slice(0, 10),
		followUpCalls: 0,
		status: 'closed',
		createdBy: evaluation.inspector,
		createdAt,
		closedBy: evaluation.inspector,
		closedAt,
		closingNote: '演示：已完成复盘'
	};
}

function confirmation(task: CoachingTask): CoachingAck {
	return {
		_id: coachingAckIdOf(task._id),
		type: 'coachingAck',
		taskId: task._id,
		agentName: task.agentName,
		...(task.subPlatform ? { subPlatform: task.subPlatform } : {}),
		acknowledgedAt: new Date(Date.parse(task.createdAt) + 2 * 3_600_000).toISOString()
	};
}

export async function loadDemoQaHistory(
	server: ServerScope,
	users: UserAccount[],
	log: (line: string) => void
) {
	const calls = readDemoCalls().filter((call) => call.hotline === '12345');
	if (calls.length === 0) return;
	const scorecard = (await server.use(QA_DB).get('scorecard:hotline-12345-v1')) as unknown as Scorecard;
	const people = new Map(users.map((user) => [user.name, user]));
	const random = seededRandom(20260901);
	const documents: object[] = [];
	const audio = new Map(
		calls.map((call) => [
			call.callId,
			readFileSync(path.join(import.meta.dirname, '../demo/recordings', call.audioFile))
		])
	);
	let count = 0;
	for (
		let at = Date.parse(`${FIRST_DAY}T00:00:00Z`);
		at <= Date.parse(`${LAST_DAY}T00:00:00Z`);
		at += DAY_MS
	) {
		const day = new Date(at).toISOString().slice(0, 10);
		const month = Number(day.slice(5, 7)) - 9;
		const perDay = 1 + Math.floor(random() * 3);
		for (let n = 1; n <= perDay; n++) {
			const base = calls[count % calls.length]!;
			const agent = AGENTS[Math.floor(random() * AGENTS.length)]!;
			const account = people.get(agent.name);
			const callId = `H${day.replaceAll('-', '')}-${String(n).padStart(2, '0')}`;
			// 09:00–17:00 Beijing.
			const startedAt = new Date(at + (1 + random() * 8) * 3_600_000).toISOString();
			const copy = callDocuments({ ...base, callId, startedAt }, agent.name, audio.get(base.callId)!);
			const recording: Recording = {
				...copy.recording,
				businessType: BUSINESS[Math.floor(random() * BUSINESS.length)]!,
				...(account
					? { agentDisplayName: account.displayName, agentEmployeeNumber: account.employeeNumber }
					: {}),
				...(agent.subPlatform ? { subPlatform: agent.subPlatform } : {}),
				importedAt: startedAt
			};
			const inspector = count % 2 === 0 ? 'inspector01' : 'inspector03';
			const scores = scoresFor(scorecard, random, month, random() < 0.02);
			const submittedAt = new Date(Date.parse(startedAt) + (1 + random() * 2) * DAY_MS).toISOString();
			const evaluation: Evaluation = {
				_id: `evaluation:${callId}.${inspector}`,
				type: 'evaluation',
				recordingId: recording._id,
				scorecardId: scorecard._id,
				scorecardVersion: scorecard.version,
				agentName: agent.name,
				...(agent.subPlatform ? { subPlatform: agent.subPlatform } : {}),
				call: {
					callId,
					startedAt,
					durationSeconds: recording.durationSeconds,
					direction: recording.direction,
					businessType: recording.businessType!
				},
				inspector,
				status: 'submitted',
				scores,
				comments: [],
				total: scoreEvaluation(scorecard, scores).total,
				problemTags: [
					...new Set(
						scores.flatMap((line) =>
							line.deductionReasons?.length && PROBLEM_OF_ITEM[line.criterionKey]
								? [PROBLEM_OF_ITEM[line.criterionKey]!]
								: []
						)
					)
				],
				// About one call in twenty-five is kept for training: the good ones and the bad.
				...(random() < 0.04
					? {
							typicalCase: {
								kind: scores.some((line) => line.deductionReasons?.length)
									? ('bad' as const)
									: ('good' as const),
								reason: scores.some((line) => line.deductionReasons?.length)
									? '演示：扣分典型，用于培训'
									: '演示：规范接听，用于培训',
								commentIds: [],
								markedBy: inspector,
								markedAt: submittedAt
							}
						}
					: {}),
				submittedAt,
				updatedAt: submittedAt
			};
			documents.push(recording, copy.waveform, copy.transcript, evaluation);
			const coached = scores.filter((line) => line.deductionReasons?.length).map((line) => line.criterionKey);
			// About one result with deductions in four leads to coaching on those items, closed two weeks later.
			if (coached.length > 0 && random() < 0.25) {
				const task = coachingTask(evaluation, coached);
				documents.push(task, confirmation(task));
			}
			// The agent confirmed having read the result the day it arrived, as the desk expects of them.
			documents.push({
				_id: acknowledgementIdOf(evaluation._id),
				type: 'acknowledgement',
				evaluationId: evaluation._id,
				agentName: agent.name,
				...(agent.subPlatform ? { subPlatform: agent.subPlatform } : {}),
				acknowledgedAt: new Date(Date.parse(submittedAt) + 3 * 3_600_000).toISOString()
			} satisfies Acknowledgement);
			if (random() < 0.05) {
				const createdAt = new Date(Date.parse(submittedAt) + DAY_MS).toISOString();
				const upheld = random() < 0.5;
				const appeal: Appeal = {
					_id: `appeal:${callId}.${inspector}`,
					type: 'appeal',
					evaluationId: evaluation._id,
					agentName: agent.name,
					...(agent.subPlatform ? { subPlatform: agent.subPlatform } : {}),
					reason: '演示：对扣分有异议',
					status: upheld ? 'upheld' : 'rejected',
					ruling: upheld ? '复核后扣分不当' : '复核后维持原评分',
					ruledBy: 'supervisor01',
					ruledAt: new Date(Date.parse(createdAt) + (4 + random() * 40) * 3_600_000).toISOString(),
					createdAt
				};
				documents.push(appeal);
			}
			count++;
		}
	}
	const added = await insertMissingDocuments(server.use(QA_DB), documents as never);
	if (added > 0) log(`  loaded ${count} demo calls of September to November with their results`);
}
