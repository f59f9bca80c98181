// 分平台 in kb's validate_doc_update: city staff (city:<code>) edit and publish their city's entries only;
// the province's entries, categories, synonyms, templates, notices and the list itself are not theirs.
import { describe, expect, it } from 'vitest';
import { agentFeedbackDatabase, databases } from '../../src/lib/db/catalog';
import { publicationOf } from '../../src/lib/knowledge/workflow/publication';
import { AT, category, draftEntry } from '../../tests/fixtures/documents';
import { compileValidateFunction, refusal } from '../../tests/support/design-functions';

const kb = compileValidateFunction(databases.kb!);
const user = (name: string, ...roles: string[]) => ({ name, roles });
const haikouEditor = user('editor03', 'editor', 'city:haikou');
const haikouReviewer = user('reviewer03', 'reviewer', 'editor', 'city:haikou');
const provinceEditor = user('editor01', 'editor');
const admin = user('admin01', 'admin');

const drafted = (by: string, subPlatform?: string) =>
	draftEntry({
		createdBy: by,
		updatedBy: by,
		history: [{ action: 'create', by, at: AT }],
		...(subPlatform ? { subPlatform } : {})
	});
const accepted = (run: () => void) => refusal(run) === null;

describe('kb: 分平台 staff', () => {
	it.each([
		['drafts an entry of their city', haikouEditor, drafted('editor03', 'haikou'), null, true],
		['drafts a province entry', haikouEditor, drafted('editor03'), null, false],
		['drafts an entry of another city', haikouEditor, drafted('editor03', 'sanya'), null, false],
		[
			'edits a province entry',
			haikouEditor,
			drafted('editor01', undefined),
			drafted('editor01', undefined),
			false
		],
		[
			'moves a province draft to their city',
			haikouEditor,
			drafted('editor01', 'haikou'),
			drafted('editor01', undefined),
			false
		],
		['(province) drafts an entry of any city', provinceEditor, drafted('editor01', 'sanya'), null, true]
	])('%s', (_case, who, doc, old, allowed) => {
		expect(accepted(() => kb(doc, old, who, {}))).toBe(allowed);
	});

	it('publishes their city’s entries only, and never into the province’s pub', () => {
		const cityEntry = drafted('editor03', 'haikou');
		const published = {
			...cityEntry,
			status: 'published' as const,
			publishedAt: AT,
			publishedBy: 'reviewer03'
		};
		const cityPublication = publicationOf(published)!;
		expect(cityPublication.subPlatform).toBe('haikou');
		expect(accepted(() => kb(cityPublication, null, haikouReviewer, {}))).toBe(true);
		const { subPlatform: _dropped, ...provincePublication } = cityPublication;
		expect(refusal(() => kb(provincePublication, null, haikouReviewer, {}))).toMatch(/分平台/);
		expect(
			refusal(() =>
				kb({ _id: provincePublication._id, _deleted: true }, provincePublication, haikouReviewer, {})
			)
		).toMatch(/分平台/);
	});

	it('may not change where a published entry belongs, whoever asks', () => {
		const published = { ...drafted('editor01', 'haikou'), status: 'published' as const, publishedAt: AT };
		const moved = { ...published, subPlatform: 'sanya', updatedBy: 'admin01' };
		expect(refusal(() => kb(moved, published, admin, {}))).toMatch(/不能改变适用分平台/);
	});

	it('leaves categories, synonyms and the sub-platform list to the province', () => {
		expect(refusal(() => kb(category(), null, haikouEditor, {}))).toMatch(/省平台/);
		const listed = {
			_id: 'subPlatform:haikou',
			type: 'subPlatform',
			code: 'haikou',
			name: '海口市',
			order: 0,
			updatedBy: 'editor01',
			updatedAt: AT
		};
		expect(refusal(() => kb(listed, null, provinceEditor, {}))).not.toBeNull();
		expect(accepted(() => kb({ ...listed, updatedBy: 'admin01' }, null, admin, {}))).toBe(true);
	});

	it('lets nobody but an admin move a profile to another sub-platform', () => {
		const profile = {
			_id: 'profile:agent03',
			type: 'profile',
			userName: 'agent03',
			displayName: '王',
			roles: ['agent']
		};
		const own = user('agent03', 'agent', 'city:haikou');
		expect(
			refusal(() => kb({ ...profile, subPlatform: 'sanya' }, { ...profile, subPlatform: 'haikou' }, own, {}))
		).toMatch(/分平台只能由管理员设置/);
		expect(
			accepted(() =>
				kb(
					{ ...profile, subPlatform: 'haikou', displayName: '王小' },
					{ ...profile, subPlatform: 'haikou' },
					own,
					{}
				)
			)
		).toBe(true);
	});
});

describe('feedback: the sub-platform a report counts for', () => {
	const agentFeedback = compileValidateFunction(agentFeedbackDatabase);
	const own = { members: { names: ['agent03'], roles: [] } };
	const log = (subPlatform?: string) => ({
		_id: 'searchLog:20261205T010000000Z-1a2b3c4d:agent03',
		type: 'searchLog',
		query: '电动车上牌',
		resultCount: 0,
		createdBy: 'agent03',
		createdAt: AT,
		...(subPlatform ? { subPlatform } : {})
	});
	const haikouAgent = user('agent03', 'agent', 'city:haikou');

	it('is the reporter’s own city, or none', () => {
		expect(accepted(() => agentFeedback(log('haikou'), null, haikouAgent, own))).toBe(true);
		expect(accepted(() => agentFeedback(log(), null, haikouAgent, own))).toBe(true);
		expect(refusal(() => agentFeedback(log('sanya'), null, haikouAgent, own))).toMatch(/分平台/);
		expect(refusal(() => agentFeedback(log('haikou'), null, user('agent03', 'agent'), own))).toMatch(
			/分平台/
		);
	});
});
