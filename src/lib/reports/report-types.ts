// What a report holds: the figures of one period and scope and of the period before, as the screen, the
// print, the xlsx export and an issued snapshot all read them. Plain data: computed once, shown many ways.
import type { CoachingEffect } from './coaching-effect';
import type { SampleCoverage } from './sample-coverage';
import type { KnowledgeFigures } from './knowledge-figures';
import type { ReportPeriod } from './report-periods';

/** Whose figures: the whole province, one sub-platform (or the province's own calls), a team, an agent. */
export type ReportScope =
	| { kind: 'province' }
	| { kind: 'sub'; code: string; name: string }
	| { kind: 'team'; team: string; agents: string[] }
	| { kind: 'agent'; name: string; displayName: string };

export interface CountAndAverage {
	name: string;
	/** The person's display name (陈质检) where the name is a user's; shown beside the user name. */
	label?: string;
	evaluations: number;
	/** Mean total, red-line zeros included; null with no evaluation. */
	average: number | null;
}

export interface ItemLoss {
	scorecardId: string;
	key: string;
	name: string;
	redLine: boolean;
	/** Evaluations that scored the item (not 不适用). */
	scored: number;
	/** Points lost over all of them; for a red line, how many failed it. */
	lost: number;
	/** lost ÷ (scored × the item's maximum); for a red line, failed ÷ scored. */
	lostShare: number;
}

export interface TypicalCaseRow {
	day: string;
	kind: 'good' | 'bad';
	reason: string;
	callId: string;
	agentName: string;
	inspector: string;
}

export interface CalibrationRow {
	title: string;
	closedAt: string;
	inspectors: number;
	calls: number;
	/** Krippendorff's alpha over the totals; NaN when it cannot be computed. */
	totalsAlpha: number;
	passFailKappa: number | null;
	meanAbsoluteDeviation: number;
}

export interface QaFigures {
	evaluations: number;
	averageScore: number | null;
	passMark: number;
	/** Share of evaluations with a total at or above the pass mark and no red line failed. */
	passRate: number | null;
	redLineFailures: number;
	/** 红线, 0–59, 60–69, 70–79, 80–89, 90–100: counts of evaluations. */
	distribution: Array<{ band: string; count: number }>;
	byDay: Array<{ day: string; evaluations: number; average: number | null }>;
	byInspector: CountAndAverage[];
	byAgent: CountAndAverage[];
	byBusinessType: CountAndAverage[];
	/** 失分项排行: most points lost first. */
	itemsLost: ItemLoss[];
	appeals: {
		received: number;
		open: number;
		upheld: number;
		rejected: number;
		expired: number;
		/** Mean hours from an appeal to its ruling, over those ruled; null with none ruled. */
		meanHoursToRule: number | null;
	};
	/** 共性问题、热门问题: results tagged with each problem type, most first. */
	problemTags: Array<{ key: string; name: string; count: number }>;
	/** 典型案例 marked in the period, oldest first. */
	typicalCases: TypicalCaseRow[];
	/** Coaching tasks opened in the period, and how many of them are closed by now. */
	coaching: { opened: number; closed: number };
}

export interface QaReport {
	period: ReportPeriod;
	previous: ReportPeriod;
	scope: ReportScope;
	scopeLabel: string;
	/** When the figures were read from the server (UTC ISO). */
	computedAt: string;
	current: QaFigures;
	before: QaFigures;
	/** Calibration sessions closed in the period (the province's programme: its report only). */
	calibrations: CalibrationRow[];
	/** The coached items before and after each task opened in the period (absent in reports issued before). */
	coachingEffect?: CoachingEffect;
	/** 抽检覆盖率 of the draws whose periods overlap the report's (absent in reports issued before). */
	coverage?: SampleCoverage;
}

/** 知识库与一线: the knowledge base's and the front line's figures of a period and the period before. */
export interface KnowledgeReport {
	kind: 'knowledge';
	period: ReportPeriod;
	previous: ReportPeriod;
	scope: ReportScope;
	scopeLabel: string;
	/** When the figures were read from the server (UTC ISO). */
	computedAt: string;
	current: KnowledgeFigures;
	before: KnowledgeFigures;
}

export type AnyReport = QaReport | KnowledgeReport;

export function isKnowledgeReport(report: AnyReport): report is KnowledgeReport {
	return (report as { kind?: string }).kind === 'knowledge';
}
