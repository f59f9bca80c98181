// Compiles a database's validate_doc_update exactly as setup stores it, to run it in tests.
import vm from 'node:vm';
import { buildDesignDocuments } from '../../sync/ddocs/build-design-docs';
import type { DatabaseSpec } from '../../src/lib/db/catalog';

export type ValidateFunction = (
	newDoc: object,
	oldDoc: object | null,
	userCtx: { name: string | null; roles: string[] },
	secObj: object
) => void;

export function compileValidateFunction(spec: DatabaseSpec): ValidateFunction {
	const [ddoc] = buildDesignDocuments(spec.designFolder, spec.documentTypes);
	if (!ddoc?.validate_doc_update) throw new Error(`no validate_doc_update for ${spec.designFolder}`);
	return vm.runInNewContext(`(${ddoc.validate_doc_update})`) as ValidateFunction;
}

/** The `forbidden` message a validate function threw, or null when it accepted the write. */
export function refusal(run: () => void): string | null {
	try {
		run();
		return null;
	} catch (error) {
		const forbidden = (error as { forbidden?: string }).forbidden;
		if (forbidden === undefined) throw error;
		return forbidden;
	}
}
