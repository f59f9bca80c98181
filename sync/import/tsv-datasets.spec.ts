import { describe, expect, it } from 'vitest';
import { parseDataset, POLICY_CATEGORY } from './tsv-datasets';

const AT = '2026-03-01T08:00:00.000Z';

describe('the category tree file', () => {
	it('builds one node per distinct path with stable ids and sibling order', () => {
		const text =
			'level1\tlevel2\tlevel3\n城乡建设\t安全生产\t事故处理\n城乡建设\t安全生产\t安全生产管理\n交通运输\t出租车\t拒载\n';
		const parsed = parseDataset(text, 'import', AT);
		expect(parsed.problems).toEqual([]);
		expect(parsed.documents.map((doc) => doc.type === 'category' && [doc.name, doc.order])).toEqual([
			['城乡建设', 1],
			['安全生产', 1],
			['事故处理', 1],
			['安全生产管理', 2],
			['交通运输', 2],
			['出租车', 1],
			['拒载', 1]
		]);
		expect(parseDataset(text, 'import', AT).documents.map((doc) => doc._id)).toEqual(
			parsed.documents.map((doc) => doc._id)
		);
	});
});

describe('the policy Q&A file', () => {
	it('turns rows into published policy entries under 政策问答', () => {
		const parsed = parseDataset(
			'id\tdoc_id\tquestion\tanswer\nq1\td1\t复工补贴怎么申请？\t向人社部门提交申请。\n',
			'import',
			AT
		);
		expect(parsed.problems).toEqual([]);
		expect(parsed.documents[0]).toEqual(POLICY_CATEGORY);
		expect(parsed.documents[1]).toMatchObject({
			_id: 'entry:policy-q1',
			status: 'published',
			template: 'policy',
			answerHtml: '<p>向人社部门提交申请。</p>'
		});
	});

	it('reports every bad row by line and keeps going, so the whole file can be fixed at once', () => {
		const text = [
			'id\tdoc_id\tquestion\tanswer',
			'q1\td1\t问\t太短的问题',
			'q2\td1\t有三列',
			'q1\td2\t重复的编号可以吗？\t不可以',
			'\td3\t没有编号怎么办？\t报错',
			'q5\td5\t正常的问题？\t正常的答案'
		].join('\n');
		const parsed = parseDataset(text, 'import', AT);
		expect(parsed.problems).toEqual([
			'第 3 行：应有 4 列，实际 3 列',
			'第 4 行：id q1 重复',
			'第 5 行：缺少 id',
			'entry:policy-q1：standardQuestion 太短'
		]);
	});

	it('refuses a file it does not recognise', () => {
		expect(() => parseDataset('问题\t答案\n', 'import', AT)).toThrow('无法识别的文件表头: 问题,答案');
	});
});
