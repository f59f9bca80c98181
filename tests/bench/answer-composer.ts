// Answers as long and as structured as real entries (issue 16: 300–1 500 characters with headed sections),
// for the 10⁵-entry search benchmark: a policy Q&A's answer (../shared/data/policy-qa.tsv) leads, then
// sections cut from the demo entries' answers (办理材料, 办理流程, 收费标准 …), a citizen's case from
// ../shared/data/citizen-messages.tsv, and details only this entry has: its 文号, its fee and its phone
// number, which the answer-only queries ask for. Seeded: every run composes the same answers.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

interface Section {
	heading: string;
	html: string;
}

const COMMON_HEADINGS = new Set([
	'办理材料',
	'办理流程',
	'办理时限',
	'办理地点',
	'温馨提示',
	'注意事项',
	'办理渠道'
]);
const DEPARTMENTS = [
	'人社部',
	'财政部',
	'国家税务总局',
	'住房城乡建设部',
	'民政部',
	'公安部',
	'省人社厅',
	'省医保局'
];
const FIRST_YEAR = 2019;
const YEARS = 7;

let sections: Section[] | undefined;
let cases: string[] | undefined;

function demoSections(): Section[] {
	const knowledge = JSON.parse(readFileSync(path.join(root, 'sync/demo/knowledge.json'), 'utf8')) as
		Array<{ answerHtml?: string }> | { entries: Array<{ answerHtml?: string }> };
	const entries = Array.isArray(knowledge) ? knowledge : knowledge.entries;
	const found: Section[] = [];
	for (const { answerHtml = '' } of entries)
		for (const match of answerHtml.matchAll(/<h3>(.*?)<\/h3>(.*?)(?=<h3>|$)/gs))
			if (COMMON_HEADINGS.has(match[1]!)) found.push({ heading: match[1]!, html: match[2]! });
	return found;
}

function citizenCases(): string[] {
	return readFileSync(path.join(root, '../shared/data/citizen-messages.tsv'), 'utf8')
		.split('\n')
		.slice(1)
		.map((line) => line.split('\t')[3]?.trim() ?? '')
		.filter((detail) => detail.length >= 60)
		.map((detail) => detail.slice(0, 320));
}

/** The entry's own 文号: unique per index (department × year × number). */
export function documentNumberOf(index: number): string {
	const department = DEPARTMENTS[index % DEPARTMENTS.length]!;
	const year = FIRST_YEAR + (Math.floor(index / DEPARTMENTS.length) % YEARS);
	const number = 1 + Math.floor(index / (DEPARTMENTS.length * YEARS));
	return `${department}发〔${year}〕${number}号`;
}

/** The entry's own service phone number: unique per index. */
export function phoneNumberOf(index: number): string {
	return `0898-6${String(index).padStart(7, '0')}`;
}

const plain = (html: string) =>
	html
		.replace(/<\/(p|h3|li)>/g, '\n')
		.replace(/<[^>]+>/g, '')
		.replace(/\n+/g, '\n')
		.trim();

/** The answer of entry `index` (HTML and plain text) around the policy Q&A's own answer. */
export function composeAnswer(
	index: number,
	policyAnswer: string,
	random: () => number
): { answerHtml: string; answerText: string } {
	sections ??= demoSections();
	cases ??= citizenCases();
	const chosen = new Map<string, Section>();
	const wanted = 3 + Math.floor(random() * 3);
	while (chosen.size < wanted) {
		const section = sections[Math.floor(random() * sections.length)]!;
		if (!chosen.has(section.heading)) chosen.set(section.heading, section);
	}
	const fee = 5 + (index % 46);
	const citizenCase = cases[Math.floor(random() * cases.length)]!;
	const html = [
		`<p>${policyAnswer}</p>`,
		`<h3>政策依据</h3><p>${documentNumberOf(index)}。</p>`,
		...[...chosen.values()].map(({ heading, html }) => `<h3>${heading}</h3>${html}`),
		`<h3>收费标准</h3><p>按规定收取工本费${fee}元，符合减免条件的免收。</p>`,
		`<h3>常见情形</h3><p>来电人反映：${citizenCase}</p>`,
		`<h3>咨询电话</h3><p>${phoneNumberOf(index)}（工作日 9:00—17:00）。</p>`
	].join('');
	return { answerHtml: html, answerText: plain(html) };
}
