// Reads a number field while the user types: points and weights in the builder, points in the scoring form.

/** A typed number: empty is `empty`, half-typed input ("8.") is `null` (ignore it until it reads as a number). */
export function readNumberInput(
	input: Pick<HTMLInputElement, 'validity' | 'value' | 'valueAsNumber'>,
	empty: number | undefined
): number | undefined | null {
	if (input.validity.badInput) return null;
	return input.value === '' ? empty : input.valueAsNumber;
}
