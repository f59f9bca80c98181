// Chinese labels of the knowledge vocabulary.
import type { Entry } from '$lib/db/generated/documents';
import { VALIDITY_LABELS, validityState } from './rules/validity';

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

/** 已失效 past validTo, 即将失效 within 30 days, otherwise nothing to say (agents' result badges). */
export function validityLabel(
	entry: Pick<Entry, 'validFrom' | 'validTo'>,
	today: string
): '已失效' | '即将失效' | null {
	const state = validityState(entry, today);
	return state === 'expired' || state === 'expiringSoon'
		? (VALIDITY_LABELS[state] as '已失效' | '即将失效')
		: null;
}
