// Validators compiled from schemas/ when the types are generated (Ajv standalone code, so no new Function at run
// time, which the app's Content-Security-Policy forbids): every write is checked here before it reaches
// PouchDB (the server checks again).
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { AnyDocument, DocumentType } from './generated/documents';
import { schemaIdByType } from './generated/schema-registry';
import * as compiledValidators from './generated/validators';

const validators = compiledValidators as unknown as Record<DocumentType, ValidateFunction>;

function validatorFor(type: DocumentType): ValidateFunction {
	const validate = validators[type];
	if (!validate) throw new Error(`no schema for ${type}`);
	return validate;
}

function describe(error: ErrorObject): string {
	const field = error.instancePath.replace(/^\//, '').replaceAll('/', '.') || '文档';
	switch (error.keyword) {
		case 'required':
			return `${field === '文档' ? '' : field + '.'}${String(error.params.missingProperty)} 必填`;
		case 'minLength':
			return `${field} 太短`;
		case 'maxLength':
			return `${field} 太长`;
		case 'additionalProperties':
			return `${field === '文档' ? '' : field + '.'}${String(error.params.additionalProperty)} 不是允许的字段`;
		case 'pattern':
			return `${field} 格式不正确`;
		case 'enum':
		case 'const':
			return `${field} 取值无效`;
		case 'type':
			return `${field} 类型应为 ${String(error.params.type)}`;
		case 'minimum':
		case 'maximum':
			return `${field} 超出范围`;
		case 'minItems':
		case 'maxItems':
			return `${field} 项数不符合要求`;
		default:
			return `${field} ${error.message ?? '不符合要求'}`;
	}
}

export type ValidationResult = { ok: true } | { ok: false; errors: string[] };

export function isDocumentType(value: unknown): value is DocumentType {
	return typeof value === 'string' && value in schemaIdByType;
}

export function validateDocument(doc: unknown): ValidationResult {
	const type = (doc as { type?: unknown } | null)?.type;
	if (!isDocumentType(type)) return { ok: false, errors: [`未知的文档类型 ${String(type)}`] };
	const id = (doc as { _id?: unknown })._id;
	if (typeof id !== 'string' || !id.startsWith(`${type}:`))
		return { ok: false, errors: [`_id 必须以 ${type}: 开头`] };
	const validate = validatorFor(type);
	if (validate(doc)) return { ok: true };
	return { ok: false, errors: (validate.errors ?? []).map(describe) };
}

export function assertValidDocument(doc: AnyDocument): void {
	const result = validateDocument(doc);
	if (!result.ok) throw new DocumentValidationError(result.errors);
}

export class DocumentValidationError extends Error {
	constructor(readonly errors: string[]) {
		super(`文档不符合格式: ${errors.join('；')}`);
		this.name = 'DocumentValidationError';
	}
}

/** A failed read or write as one sentence for the user: what the schema refused, or the error's own message. */
export function explainFailure(error: unknown, action: string): string {
	if (error instanceof DocumentValidationError) return `${action}失败：${error.errors.join('；')}`;
	return `${action}失败：${(error as Error | undefined)?.message ?? String(error)}`;
}
