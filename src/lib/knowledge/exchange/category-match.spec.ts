import { describe, expect, it } from 'vitest';
import { createCategoryMatcher } from './category-match';
import { TEST_CATEGORIES } from '../../../../tests/fixtures/import/categories';

const match = createCategoryMatcher([
	...TEST_CATEGORIES,
	{ _id: 'category:hotline', type: 'category', name: '12345-热线', parentId: null, order: 9 }
]);

describe('createCategoryMatcher', () => {
	it.each([
		['社会保障 › 社保卡 › 补办', 'category:shebaoka-buban'],
		['社会保障/社保卡/补办', 'category:shebaoka-buban'],
		['社会保障>社保卡>补办', 'category:shebaoka-buban'],
		['社会保障-社保卡-补办', 'category:shebaoka-buban'],
		['社会保障 ／ 医疗保险', 'category:yibao'],
		['社会保障＞医疗保险', 'category:yibao'],
		['社会保障', 'category:shebao'],
		['补办', 'category:shebaoka-buban'],
		['  医疗保险 ', 'category:yibao'],
		['社保卡/补办', 'category:shebaoka-buban'],
		['公积金/其他', 'category:gjj-other'],
		['12345-热线', 'category:hotline']
	])('%s → %s', (text, id) => {
		expect(match(text)).toEqual({ ok: true, id });
	});

	it.each([
		['其他', '分类「其他」不唯一，请写完整路径'],
		['交通出行', '未知分类「交通出行」'],
		['社会保障/补办', '未知分类「社会保障/补办」'],
		['公积金/社保卡', '未知分类「公积金/社保卡」']
	])('%s is refused: %s', (text, error) => {
		expect(match(text)).toEqual({ ok: false, error });
	});
});
