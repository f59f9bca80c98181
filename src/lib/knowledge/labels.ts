// Chinese labels of the knowledge vocabulary.
import type { Entry } from '$lib/db/generated/documents';

export const TEMPLATE_LABELS: Record<Entry['template'], string> = {
	serviceGuide: '办事指南',
	policy: '政策法规',
	faq: '常见问题',
	case: '案例'
};

export const STATUS_LABELS: Record<Entry['status'], string> = {
	draft: '草稿',
	inReview: '待审核',
	published: '已发布',
	archived: '已下线'
};

/** 已失效 past validTo, 即将失效 within 30 days, otherwise nothing to say. */
export function validityLabel(entry: Pick<Entry, 'validTo'>, today: string): '已失效' | '即将失效' | null {
	if (!entry.validTo) return null;
	if (entry.validTo < today) return '已失效';
	const soon = new Date(`${today}T00:00:00Z`);
	soon.setUTCDate(soon.getUTCDate() + 30);
	return entry.validTo <= soon.toISOString().slice(0, 10) ? '即将失效' : null;
}
