import { describe, expect, it } from 'vitest';
import type { StoredPublishedEntry } from '$lib/knowledge';
import { publicationOf } from '$lib/knowledge/workflow/publication';
import { beijingToday } from '$lib/time';
import { draftEntry } from '../../../tests/fixtures/documents';
import { AgentSearchScreen } from './agent-search-screen.svelte';

/** The publication of entry:<id>, as agents read it: the screen knows it by the entry's id. */
const entry = (id: string): StoredPublishedEntry => ({
	...publicationOf(draftEntry({ _id: `entry:${id}`, status: 'published' }))!,
	_rev: '1-a'
});

function screenWith(...ids: string[]): AgentSearchScreen {
	const screen = new AgentSearchScreen();
	screen.show(ids.map(entry), new Map(ids.map((id) => [`entry:${id}`, []])), '');
	return screen;
}

describe('AgentSearchScreen', () => {
	it('keeps whether the results open on a weak match and how the query was read, until the next results', () => {
		const screen = new AgentSearchScreen();
		screen.show([entry('a')], new Map(), '设保卡补办', { weakMatch: true, readAs: '社保卡补办' });
		expect(screen.weakMatch).toBe(true);
		expect(screen.readAs).toBe('社保卡补办');
		// No results: nothing to call weak (查无信息 is primary anyway).
		screen.show([], new Map(), '不存在的问题', { weakMatch: true });
		expect(screen.weakMatch).toBe(false);
		expect(screen.readAs).toBe('');
		screen.show([entry('a')], new Map(), '社保卡');
		expect(screen.weakMatch).toBe(false);
	});

	it('keeps the answer passage of the results that matched in their answer, and focuses the open one', () => {
		const screen = screenWith('old');
		screen.show([entry('a'), entry('b'), entry('c')], new Map(), '经办窗口', {
			answerTerms: new Map([
				['entry:a', ['经办', '办窗', '窗口']],
				['entry:b', []],
				['entry:c', ['公积']]
			])
		});
		// b matched nothing in its answer, c's term is not in it: neither shows a passage.
		expect([...screen.passages.keys()]).toEqual(['entry:a']);
		expect(screen.passages.get('entry:a')?.segments).toEqual([
			{ text: '携带身份证到社保', match: false },
			{ text: '经办窗口', match: true },
			{ text: '办理。', match: false }
		]);
		expect(screen.openedFocus).toBeNull();
		screen.open(0);
		expect(screen.openedFocus).toEqual({ text: '经办窗口', occurrence: 0 });
		screen.open(1);
		expect(screen.openedFocus).toBeNull();
		// Results shown without answer terms (the plain word match before the index is ready) show none.
		screen.show([entry('a')], new Map(), '经办窗口');
		expect(screen.passages.size).toBe(0);
	});

	it('moves the selection with the arrows and stops at the first row', () => {
		const screen = screenWith('a', 'b');
		screen.selectNext();
		screen.selectNext();
		expect(screen.selectedIndex).toBe(1);
		screen.selectPrevious();
		screen.selectPrevious();
		expect(screen.selectedIndex).toBe(0);
	});

	it('opens a result by its row, and nothing past the last one', () => {
		const screen = screenWith('a', 'b');
		expect(screen.open(1)?.entryId).toBe('entry:b');
		expect(screen.selectedIndex).toBe(1);
		expect(screen.opened?.entryId).toBe('entry:b');
		expect(screen.open(2)).toBeNull();
		expect(screen.openedId).toBe('entry:b');
	});

	it('keeps the copy message for the same entry and drops it when another opens', () => {
		const screen = screenWith('a', 'b');
		screen.open(0);
		screen.copied = '已复制，可粘贴到工单或短信';
		screen.open(0);
		expect(screen.copied).toBe('已复制，可粘贴到工单或短信');
		screen.open(1);
		expect(screen.copied).toBe('');
	});

	it('clears the query and closes the entry on Esc', () => {
		const screen = screenWith('a');
		screen.query = '社保卡';
		screen.open(0);
		screen.clear();
		expect(screen.query).toBe('');
		expect(screen.opened).toBeNull();
	});

	it('turns the filter choice into search filters', () => {
		const screen = new AgentSearchScreen();
		expect(screen.filters).toBeUndefined();
		screen.filterChoice.template = 'faq';
		expect(screen.filters).toEqual({ template: 'faq' });
	});

	it('keeps the selection on a row that exists', () => {
		const screen = new AgentSearchScreen();
		screen.selectNext();
		expect(screen.selectedIndex).toBe(0);
		screen.show([entry('a'), entry('b'), entry('c')], new Map(), '');
		screen.selectNext();
		screen.selectNext();
		screen.show([entry('a')], new Map(), '');
		expect(screen.selectedIndex).toBe(0);
		expect(screen.open(screen.selectedIndex)?.entryId).toBe('entry:a');
		screen.selectNext();
		screen.clear();
		expect(screen.selectedIndex).toBe(0);
	});

	it('opens a related entry without losing the results', () => {
		const screen = screenWith('a', 'b');
		screen.open(0);
		screen.openLinked(entry('elsewhere'));
		expect(screen.opened?.entryId).toBe('entry:elsewhere');
		expect(screen.results.map((result) => result.entryId)).toEqual(['entry:a', 'entry:b']);
		screen.open(1);
		expect(screen.opened?.entryId).toBe('entry:b');
	});

	it('opens the first result of a query whose results are still on their way when Enter comes first', () => {
		const screen = screenWith('old');
		screen.query = '社保卡';
		expect(screen.openSelected()).toBeNull();
		expect(screen.opened).toBeNull();
		// A late answer for an earlier query opens nothing.
		expect(screen.show([entry('stale')], new Map(), '社保')).toBeNull();
		expect(screen.show([entry('card')], new Map(), '社保卡')?.entryId).toBe('entry:card');
		expect(screen.opened?.entryId).toBe('entry:card');
		// Once shown, Enter opens the selected row at once, and later results open nothing by themselves.
		expect(screen.openSelected()?.entryId).toBe('entry:card');
		screen.openedId = null;
		expect(screen.show([entry('card')], new Map(), '社保卡')).toBeNull();
	});

	it("judges validity on Beijing's date taken at each query, so a screen opened before midnight moves on", () => {
		let now = new Date('2026-03-09T15:59:00.000Z'); // 23:59 in Beijing
		const screen = new AgentSearchScreen(() => beijingToday(now));
		expect(screen.today).toBe('2026-03-09');
		expect(screen.dayForQuery()).toBe('2026-03-09');
		now = new Date('2026-03-09T16:00:00.000Z'); // 00:00: the UTC date is still 9 March
		expect(screen.dayForQuery()).toBe('2026-03-10');
		expect(screen.today).toBe('2026-03-10');
		now = new Date('2026-03-09T23:59:00.000Z'); // 07:59
		expect(screen.dayForQuery()).toBe('2026-03-10');
	});

	it('asks for no date when expired entries are wanted too, and still moves the badges on', () => {
		let now = new Date('2026-03-09T15:59:00.000Z');
		const screen = new AgentSearchScreen(() => beijingToday(now));
		screen.includeExpired = true;
		now = new Date('2026-03-09T16:00:00.000Z');
		expect(screen.dayForQuery()).toBeUndefined();
		expect(screen.today).toBe('2026-03-10');
	});
});
