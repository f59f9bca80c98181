// 知识更新通知: register a department's notice, link the entries it affects, follow the 24-hour deadline.
import type { ChangeNotice, Entry } from '$lib/db/generated/documents';
import { Repository, type Stored } from '$lib/db/repository';
import { explainFailure } from '$lib/db/validation';
import { failure, success, type Result } from '$lib/result';

export type StoredNotice = Stored<ChangeNotice>;

/** Scanned notices are attachments of the notice document; keep them small enough to sync on a slow line. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export interface NoticeInput {
	issuingDepartment: string;
	documentTitle: string;
	documentNumber: string;
	receivedAt: string;
	summary: string;
}

export function checkNoticeInput(input: NoticeInput, file: File | null): string[] {
	const errors: string[] = [];
	if (!input.issuingDepartment.trim()) errors.push('请填写发文部门');
	if (!input.documentTitle.trim()) errors.push('请填写文件标题');
	if (Number.isNaN(Date.parse(input.receivedAt))) errors.push('请填写收到时间');
	else if (Date.parse(input.receivedAt) > Date.now() + 60_000) errors.push('收到时间不能晚于现在');
	if (file && file.size > MAX_ATTACHMENT_BYTES) errors.push('附件不能超过 10 MB');
	return errors;
}

export async function createNotice(
	userName: string,
	input: NoticeInput,
	file: File | null
): Promise<Result<StoredNotice>> {
	const errors = checkNoticeInput(input, file);
	if (errors.length > 0) return failure(errors.join('；'));
	const now = new Date().toISOString();
	const notice: ChangeNotice = {
		_id: `changeNotice:${crypto.randomUUID()}`,
		type: 'changeNotice',
		issuingDepartment: input.issuingDepartment.trim(),
		documentTitle: input.documentTitle.trim(),
		...(input.documentNumber.trim() ? { documentNumber: input.documentNumber.trim() } : {}),
		receivedAt: new Date(input.receivedAt).toISOString(),
		summary: input.summary.trim(),
		affectedEntries: [],
		createdBy: userName,
		createdAt: now,
		...(file
			? {
					_attachments: { [file.name]: { content_type: file.type || 'application/octet-stream', data: file } }
				}
			: {})
	};
	try {
		return success(await new Repository(userName, 'changeNotice').save(notice));
	} catch (error) {
		return failure(explainFailure(error, '登记通知'));
	}
}

export interface NoticeBoard {
	notices: StoredNotice[];
	entriesById: Map<string, Entry>;
}

/** Every notice, newest first, with the entries they affect (as far as they are on this device). */
export async function loadNoticeBoard(userName: string): Promise<Result<NoticeBoard>> {
	try {
		const notices = await new Repository(userName, 'changeNotice').all();
		notices.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
		const ids = [...new Set(notices.flatMap((notice) => notice.affectedEntries))];
		const entries = await new Repository(userName, 'entry').getMany(ids);
		return success({ notices, entriesById: new Map(entries.map((entry) => [entry._id, entry])) });
	} catch (error) {
		return failure(explainFailure(error, '读取更新通知'));
	}
}

async function updateLinks(userName: string, noticeId: string, change: (ids: string[]) => string[]) {
	try {
		const repository = new Repository(userName, 'changeNotice');
		const notice = await repository.get(noticeId);
		if (!notice) return failure('没有找到这条通知');
		return success(await repository.save({ ...notice, affectedEntries: change(notice.affectedEntries) }));
	} catch (error) {
		return failure(explainFailure(error, '关联知识点'));
	}
}

export const linkNoticeEntry = (userName: string, noticeId: string, entryId: string) =>
	updateLinks(userName, noticeId, (ids) => (ids.includes(entryId) ? ids : [...ids, entryId]));
export const unlinkNoticeEntry = (userName: string, noticeId: string, entryId: string) =>
	updateLinks(userName, noticeId, (ids) => ids.filter((id) => id !== entryId));

export async function noticeAttachmentUrl(
	userName: string,
	noticeId: string,
	name: string
): Promise<Result<string>> {
	try {
		return success(
			URL.createObjectURL(await new Repository(userName, 'changeNotice').attachment(noticeId, name))
		);
	} catch (error) {
		return failure(explainFailure(error, '打开附件'));
	}
}
