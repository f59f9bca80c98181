// The scorecard builder's operations on a draft, as pure functions: each returns a new draft and leaves
// the old one untouched, so the builder replaces its draft whole on every edit and tests need no browser.
// Keys are never changed once given: evaluations and comments refer to criteria by key.
import type { Scorecard } from '$lib/db/generated/documents';
import type { Criterion, Section } from '../scoring/score-evaluation';
import { scorecardId } from './scorecard-versions';

export type Deduction = NonNullable<Criterion['deductions']>[number];
/** What the builder may change on a criterion; `weight: undefined` removes the weight. */
export type CriterionPatch = Partial<Omit<Criterion, 'key'>>;

const NEW_CRITERION_POINTS = 10;
const MAX_FAMILY_SLUG = 30;

/** Every section and criterion key on the card: a new key must differ from all of them. */
export function keysOf(scorecard: Scorecard): Set<string> {
	return new Set(
		scorecard.sections.flatMap((section) => [section.key, ...section.criteria.map((item) => item.key)])
	);
}

/** `<prefix>-<n>` with the smallest n ≥ 1 not in `taken`. */
export function unusedKey(prefix: string, taken: ReadonlySet<string>): string {
	let n = 1;
	while (taken.has(`${prefix}-${n}`)) n++;
	return `${prefix}-${n}`;
}

/**
 * A family key (pattern ^[a-z0-9-]{1,40}$) for a new scorecard: `card-` and the name's latin letters and
 * digits (Chinese names keep e.g. their hotline number), numbered when already taken.
 */
export function newScorecardFamily(name: string, takenFamilies: Iterable<string> = []): string {
	const slug = name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.slice(0, MAX_FAMILY_SLUG)
		.replace(/^-+|-+$/g, '');
	const base = slug ? `card-${slug}` : 'card';
	const taken = new Set(takenFamilies);
	if (!taken.has(base)) return base;
	return unusedKey(base, taken);
}

/** A blank draft, version 1, with one section holding one item: the schema wants at least one of each. */
export function newScorecard(options: {
	name: string;
	family: string;
	user: string;
	now: string;
	hotline?: Scorecard['hotline'];
}): Scorecard {
	return {
		_id: scorecardId(options.family, 1),
		type: 'scorecard',
		family: options.family,
		name: options.name,
		...(options.hotline ? { hotline: options.hotline } : {}),
		version: 1,
		sections: [{ key: 'section-1', name: '', criteria: [blankCriterion('item-1')] }],
		updatedBy: options.user,
		updatedAt: options.now
	};
}

function blankCriterion(key: string): Criterion {
	return { key, name: '', maxPoints: NEW_CRITERION_POINTS, redLine: false, allowNotApplicable: false };
}

/** Moves the element at `index` by `offset`; out-of-bounds moves leave the list as it was. */
function moved<T>(list: readonly T[], index: number, offset: -1 | 1): T[] {
	const target = index + offset;
	if (index < 0 || target < 0 || target >= list.length) return [...list];
	const next = [...list];
	const [element] = next.splice(index, 1);
	next.splice(target, 0, element!);
	return next;
}

function withSections(scorecard: Scorecard, sections: Section[]): Scorecard {
	return { ...scorecard, sections };
}

function mapSection(
	scorecard: Scorecard,
	sectionKey: string,
	change: (section: Section) => Section
): Scorecard {
	return withSections(
		scorecard,
		scorecard.sections.map((section) => (section.key === sectionKey ? change(section) : section))
	);
}

function mapCriterion(
	scorecard: Scorecard,
	criterionKey: string,
	change: (item: Criterion) => Criterion
): Scorecard {
	return withSections(
		scorecard,
		scorecard.sections.map((section) =>
			section.criteria.some((item) => item.key === criterionKey)
				? {
						...section,
						criteria: section.criteria.map((item) => (item.key === criterionKey ? change(item) : item))
					}
				: section
		)
	);
}

// Sections

/** Adds a section at the end with one blank item, so it is never empty. */
export function addSection(scorecard: Scorecard, name = ''): Scorecard {
	const taken = keysOf(scorecard);
	const key = unusedKey('section', taken);
	const criterion = blankCriterion(unusedKey('item', taken));
	return withSections(scorecard, [...scorecard.sections, { key, name, criteria: [criterion] }]);
}

export function renameSection(scorecard: Scorecard, sectionKey: string, name: string): Scorecard {
	return mapSection(scorecard, sectionKey, (section) => ({ ...section, name }));
}

export function removeSection(scorecard: Scorecard, sectionKey: string): Scorecard {
	return withSections(
		scorecard,
		scorecard.sections.filter((section) => section.key !== sectionKey)
	);
}

export function moveSection(scorecard: Scorecard, sectionKey: string, offset: -1 | 1): Scorecard {
	const index = scorecard.sections.findIndex((section) => section.key === sectionKey);
	return withSections(scorecard, moved(scorecard.sections, index, offset));
}

// Criteria

/** Adds a blank item (or one with `fields`) at the end of a section; returns the draft and the new key. */
export function addCriterion(
	scorecard: Scorecard,
	sectionKey: string,
	fields: CriterionPatch = {}
): { scorecard: Scorecard; key: string } {
	const key = unusedKey('item', keysOf(scorecard));
	const criterion: Criterion = { ...blankCriterion(key), ...fields, key };
	return {
		scorecard: mapSection(scorecard, sectionKey, (section) => ({
			...section,
			criteria: [...section.criteria, criterion]
		})),
		key
	};
}

export function editCriterion(scorecard: Scorecard, criterionKey: string, patch: CriterionPatch): Scorecard {
	return mapCriterion(scorecard, criterionKey, (item) => {
		const next: Criterion = { ...item, ...patch, key: item.key };
		if ('weight' in patch && patch.weight === undefined) delete next.weight;
		if ('description' in patch && !patch.description) delete next.description;
		return next;
	});
}

export function setRedLine(scorecard: Scorecard, criterionKey: string, redLine: boolean): Scorecard {
	return editCriterion(scorecard, criterionKey, { redLine });
}

export function setAllowNotApplicable(
	scorecard: Scorecard,
	criterionKey: string,
	allowed: boolean
): Scorecard {
	return editCriterion(scorecard, criterionKey, { allowNotApplicable: allowed });
}

export function removeCriterion(scorecard: Scorecard, criterionKey: string): Scorecard {
	return withSections(
		scorecard,
		scorecard.sections.map((section) => ({
			...section,
			criteria: section.criteria.filter((item) => item.key !== criterionKey)
		}))
	);
}

/**
 * Moves an item up or down within its section; past the section's edge it moves into the neighbouring
 * section (to its end going up, its start going down), so two buttons reach every place.
 */
export function moveCriterion(scorecard: Scorecard, criterionKey: string, offset: -1 | 1): Scorecard {
	const sectionIndex = scorecard.sections.findIndex((section) =>
		section.criteria.some((item) => item.key === criterionKey)
	);
	if (sectionIndex < 0) return scorecard;
	const section = scorecard.sections[sectionIndex]!;
	const index = section.criteria.findIndex((item) => item.key === criterionKey);
	const target = index + offset;
	if (target >= 0 && target < section.criteria.length)
		return mapSection(scorecard, section.key, () => ({
			...section,
			criteria: moved(section.criteria, index, offset)
		}));
	const neighbour = scorecard.sections[sectionIndex + offset];
	if (!neighbour) return scorecard;
	const criterion = section.criteria[index]!;
	const criteria = offset < 0 ? [...neighbour.criteria, criterion] : [criterion, ...neighbour.criteria];
	return withSections(
		scorecard,
		scorecard.sections.map((candidate) => {
			if (candidate.key === section.key)
				return { ...candidate, criteria: candidate.criteria.filter((item) => item.key !== criterionKey) };
			if (candidate.key === neighbour.key) return { ...candidate, criteria };
			return candidate;
		})
	);
}

// Deduction options

export function addDeduction(
	scorecard: Scorecard,
	criterionKey: string,
	deduction: Deduction = { points: 1, reason: '' }
): Scorecard {
	return mapCriterion(scorecard, criterionKey, (item) => ({
		...item,
		deductions: [...(item.deductions ?? []), deduction]
	}));
}

export function editDeduction(
	scorecard: Scorecard,
	criterionKey: string,
	index: number,
	patch: Partial<Deduction>
): Scorecard {
	return mapCriterion(scorecard, criterionKey, (item) => ({
		...item,
		deductions: (item.deductions ?? []).map((deduction, position) =>
			position === index ? { ...deduction, ...patch } : deduction
		)
	}));
}

export function removeDeduction(scorecard: Scorecard, criterionKey: string, index: number): Scorecard {
	return mapCriterion(scorecard, criterionKey, (item) => {
		const deductions = (item.deductions ?? []).filter((_, position) => position !== index);
		const next: Criterion = { ...item, deductions };
		if (deductions.length === 0) delete next.deductions;
		return next;
	});
}

export function moveDeduction(
	scorecard: Scorecard,
	criterionKey: string,
	index: number,
	offset: -1 | 1
): Scorecard {
	return mapCriterion(scorecard, criterionKey, (item) => ({
		...item,
		deductions: moved(item.deductions ?? [], index, offset)
	}));
}

/** The draft as it will be stored: names and reasons trimmed, empty descriptions and option lists dropped. */
export function tidyScorecard(scorecard: Scorecard): Scorecard {
	const tidy: Scorecard = {
		...scorecard,
		name: scorecard.name.trim(),
		sections: scorecard.sections.map((section) => ({
			...section,
			name: section.name.trim(),
			criteria: section.criteria.map(tidyCriterion)
		}))
	};
	const description = scorecard.description?.trim();
	if (description) tidy.description = description;
	else delete tidy.description;
	return tidy;
}

function tidyCriterion(criterion: Criterion): Criterion {
	const tidy: Criterion = { ...criterion, name: criterion.name.trim() };
	const description = criterion.description?.trim();
	if (description) tidy.description = description;
	else delete tidy.description;
	if (criterion.deductions?.length)
		tidy.deductions = criterion.deductions.map((deduction) => ({
			...deduction,
			reason: deduction.reason.trim()
		}));
	else delete tidy.deductions;
	return tidy;
}
