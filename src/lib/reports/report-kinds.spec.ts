import { describe, expect, it } from 'vitest';
import { reportKindsFor } from './report-kinds';

describe('reportKindsFor', () => {
	it('offers the province staff the reports whose databases they are members of', () => {
		expect(reportKindsFor(['supervisor'])).toEqual(['qa', 'knowledge']);
		expect(reportKindsFor(['analyst'])).toEqual(['qa', 'knowledge']);
		expect(reportKindsFor(['admin'])).toEqual(['qa', 'knowledge']);
		expect(reportKindsFor(['reviewer'])).toEqual(['knowledge']);
	});

	it('offers nothing to those outside the report screen, whatever they read', () => {
		expect(reportKindsFor(['inspector'])).toEqual([]);
		expect(reportKindsFor(['editor'])).toEqual([]);
		expect(reportKindsFor(['agent'])).toEqual([]);
	});

	it('offers a city its own calls only: the front-line views are the province’s', () => {
		expect(reportKindsFor(['supervisor'], ['haikou'])).toEqual(['qa']);
		expect(reportKindsFor(['reviewer'], ['haikou'])).toEqual([]);
		// cityqa's members are its inspectors and supervisors: a city analyst would be refused.
		expect(reportKindsFor(['analyst'], ['haikou'])).toEqual([]);
		expect(reportKindsFor(['admin'], ['haikou'])).toEqual(['qa', 'knowledge']);
	});
});
