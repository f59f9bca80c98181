import { describe, expect, it } from 'vitest';
import { checkSource, emptySource, sourcesAreValid, withSourceField } from './entry-sources';

describe('entry sources', () => {
	it('leaves out empty optional fields', () => {
		let source = withSourceField(emptySource(), 'url', 'https://www.gov.cn');
		source = withSourceField(source, 'issuedOn', '2024-01-31');
		expect(source).toEqual({ title: '', url: 'https://www.gov.cn', issuedOn: '2024-01-31' });
		expect(withSourceField(source, 'url', '  ')).toEqual({ title: '', issuedOn: '2024-01-31' });
		expect(withSourceField(source, 'title', '')).toHaveProperty('title', '');
	});

	it.each([
		[{ title: '社会保险法' }, {}],
		[{ title: ' ' }, { title: '请填写出处标题' }],
		[{ title: '办法', url: 'www.gov.cn' }, { url: '链接须以 http:// 或 https:// 开头' }],
		[{ title: '办法', url: 'javascript:alert(1)' }, { url: '链接须以 http:// 或 https:// 开头' }],
		[{ title: '办法', url: 'HTTPS://www.gov.cn/a b' }, { url: '链接须以 http:// 或 https:// 开头' }],
		[
			{ title: '办法', url: 'http://rsj.example.gov.cn/2024/1.html', issuedOn: '2024-1-3' },
			{ issuedOn: '请填写正确的日期' }
		]
	])('checks %o', (source, errors) => {
		expect(checkSource(source)).toEqual(errors);
	});

	it('says whether every row can be saved', () => {
		expect(sourcesAreValid([])).toBe(true);
		expect(sourcesAreValid([{ title: '条例' }, { title: '' }])).toBe(false);
	});
});
