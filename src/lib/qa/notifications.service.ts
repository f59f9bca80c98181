// 通知 for the header: this person's QA notices from their own databases, and which of them they have seen
// (kept in this browser: a notice is only a view of documents every device already holds).
import { agentQaDatabaseName, QA_DB, type Role } from '$lib/db/catalog';
import { Repository } from '$lib/db/repository';
import { agentNotices, staffNotices, type Notice } from './notifications/qa-notices';

export type { Notice };

const SHOWN = 30;

export interface NoticeReader {
	/** The local databases whose changes change the notices. */
	databases: string[];
	read(): Promise<Notice[]>;
}

export function noticeReader(userName: string, roles: readonly Role[]): NoticeReader | null {
	const staff = roles.some((role) => role === 'inspector' || role === 'supervisor' || role === 'admin');
	if (staff) {
		const lead = roles.includes('supervisor') || roles.includes('admin');
		return {
			databases: [QA_DB],
			async read() {
				const [appeals, acknowledgements, rescored, draws, coachingTasks, coachingAcks, calibrations] =
					await Promise.all([
						new Repository(userName, 'appeal').all(),
						new Repository(userName, 'acknowledgement').all(),
						new Repository(userName, 'evaluation').recent({
							selector: { inspector: userName, scoreHistory: { $exists: true } },
							limit: SHOWN
						}),
						new Repository(userName, 'sampleDraw').all(),
						new Repository(userName, 'coachingTask').all(),
						new Repository(userName, 'coachingAck').all(),
						new Repository(userName, 'calibrationSession').all()
					]);
				return staffNotices(userName, lead, {
					appeals,
					acknowledgements,
					rescored,
					draws,
					coachingTasks,
					coachingAcks,
					calibrations
				}).slice(0, SHOWN);
			}
		};
	}
	if (!roles.includes('agent')) return null;
	const own = agentQaDatabaseName(userName);
	return {
		databases: [own],
		async read() {
			const [evaluations, appeals, coaching] = await Promise.all([
				new Repository(userName, 'evaluation', own).all(),
				new Repository(userName, 'appeal', own).all(),
				new Repository(userName, 'coachingTask', own).all()
			]);
			return agentNotices(
				evaluations.filter((evaluation) => evaluation.agentName === userName),
				appeals,
				coaching.filter((task) => task.agentName === userName)
			).slice(0, SHOWN);
		}
	};
}

const seenKey = (userName: string) => `hotline:notices-seen:${userName}`;

/** The newest notice time this person has seen here ('' when none). */
export function noticesSeenUntil(userName: string): string {
	return localStorage.getItem(seenKey(userName)) ?? '';
}

export function markNoticesSeen(userName: string, until: string): void {
	localStorage.setItem(seenKey(userName), until);
}
