// What a question asks (how, why, where, …), read from its interrogative words. Two questions about the
// same thing that ask different things (社保卡在哪里办 vs 社保卡怎么办) should not rank as equals, and the
// interrogatives are too frequent for IDF to give them that weight. Input is normalized text.
export type QuestionType =
	'when' | 'why' | 'where' | 'which' | 'who' | 'howMuch' | 'how' | 'what' | 'whether' | 'recommend';

const INTERROGATIVES: [QuestionType, string[]][] = [
	['when', ['什么时候', '何时', '几点', '哪天', '哪一天', '多久', '多长时间', '几天', '几号', '期限']],
	['why', ['为什么', '怎么回事', '什么原因', '原因', '怎么会', '干嘛']],
	['where', ['哪里', '在哪', '什么地方', '何处', '去哪', '哪有', '地址', '地点']],
	['which', ['哪个', '哪些', '哪家', '哪种', '哪款', '哪位', '什么牌子', '哪一个']],
	['who', ['谁']],
	['howMuch', ['多少', '几个', '几种', '多大', '多高', '多重', '多远', '几岁', '几年', '几次']],
	['how', ['怎么', '怎么办', '方法', '步骤', '流程', '手续', '办法', '怎么弄']],
	['what', ['什么', '是指', '意思', '含义']],
	['whether', ['可以', '能不能', '能', '是否', '会不会', '有没有', '行不行', '吗']],
	['recommend', ['推荐', '介绍', '好看', '好玩', '好用', '比较好', '哪个好', '什么好', '求']]
];

// Longest patterns first, so 什么时候 is read as "when" and not also as "what".
const PATTERNS = INTERROGATIVES.flatMap(([type, words]) => words.map((word) => ({ type, word }))).sort(
	(a, b) => b.word.length - a.word.length
);

// One pass: at each position the longest interrogative that starts there (alternatives longest first).
const PATTERN = new RegExp(PATTERNS.map(({ word }) => word).join('|'), 'g');
const TYPE_OF = new Map(PATTERNS.map(({ type, word }) => [word, type]));

export function questionTypes(normalized: string): Set<QuestionType> {
	const types = new Set<QuestionType>();
	for (const match of normalized.matchAll(PATTERN)) types.add(TYPE_OF.get(match[0])!);
	return types;
}

/** 1 when both ask the same things, 0 when either asks nothing recognizable, −0.5 when they differ. */
export function questionTypeAgreement(a: Set<QuestionType>, b: Set<QuestionType>): number {
	if (a.size === 0 || b.size === 0) return 0;
	let shared = 0;
	for (const type of a) if (b.has(type)) shared++;
	return shared === 0 ? -0.5 : shared / Math.max(a.size, b.size);
}

/** Every interrogative word, for the query analysis to weigh them down. */
export const INTERROGATIVE_WORDS: readonly string[] = PATTERNS.map(({ word }) => word);
