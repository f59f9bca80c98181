// Builds CouchDB design documents from the files under sync/ddocs/<folder>/<ddoc>/: validate_doc_update.js
// gets the shared ES5 libraries (lib/) and the JSON Schemas of its database spliced in, because CouchDB
// runs each design function alone.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { DocumentType } from '../../src/lib/db/generated/documents';
import { schemaIdByType, schemasById } from '../../src/lib/db/generated/schema-registry';

const ddocsRoot = import.meta.dirname;

export interface DesignDocument {
	_id: string;
	_rev?: string;
	language: 'javascript';
	validate_doc_update?: string;
	views?: Record<string, { map: string; reduce?: string }>;
	filters?: Record<string, string>;
}

function read(file: string): string {
	return readFileSync(file, 'utf8').trim();
}

function sharedLibrarySource(): string {
	const libDir = path.join(ddocsRoot, 'lib');
	return readdirSync(libDir)
		.filter((file) => file.endsWith('.js'))
		.sort()
		.map((file) => read(path.join(libDir, file)))
		.join('\n');
}

/** The schemas a database's documents need: their own and every file they reference. */
function schemasFor(documentTypes: DocumentType[]): Record<string, object> {
	const needed: Record<string, object> = {};
	const visit = (schemaId: string) => {
		if (needed[schemaId]) return;
		const schema = schemasById[schemaId];
		if (!schema) throw new Error(`unknown schema ${schemaId}`);
		needed[schemaId] = schema;
		for (const match of JSON.stringify(schema).matchAll(/"\$ref":"([^"#]+)#/g)) visit(match[1]!);
	};
	for (const type of documentTypes) visit(schemaIdByType[type]);
	return needed;
}

/** CouchDB needs the bare function expression; our files may open with a comment line. */
function bareFunction(source: string): string {
	return source.slice(source.indexOf('function'));
}

export function composeValidateFunction(ruleSource: string, documentTypes: DocumentType[]): string {
	const fn = bareFunction(ruleSource);
	const brace = fn.indexOf('{');
	if (!fn.startsWith('function') || brace < 0)
		throw new Error('validate_doc_update.js must hold one function');
	const typesForDb = Object.fromEntries(documentTypes.map((type) => [type, schemaIdByType[type]]));
	const injected = [
		`var SCHEMAS = ${JSON.stringify(schemasFor(documentTypes))};`,
		`var SCHEMA_ID_BY_TYPE = ${JSON.stringify(typesForDb)};`,
		`var ALLOWED_TYPES = ${JSON.stringify(documentTypes)};`,
		sharedLibrarySource()
	].join('\n');
	return `${fn.slice(0, brace + 1)}\n${injected}\n${fn.slice(brace + 1)}`;
}

export function buildDesignDocuments(designFolder: string, documentTypes: DocumentType[]): DesignDocument[] {
	const folder = path.join(ddocsRoot, designFolder);
	return readdirSync(folder, { withFileTypes: true })
		.filter((dirent) => dirent.isDirectory())
		.map((dirent) => {
			const ddocDir = path.join(folder, dirent.name);
			const ddoc: DesignDocument = { _id: `_design/${dirent.name}`, language: 'javascript' };
			const validateFile = path.join(ddocDir, 'validate_doc_update.js');
			if (existsSync(validateFile))
				ddoc.validate_doc_update = composeValidateFunction(read(validateFile), documentTypes);
			const viewsDir = path.join(ddocDir, 'views');
			if (existsSync(viewsDir)) {
				ddoc.views = {};
				for (const view of readdirSync(viewsDir).sort()) {
					const reduceFile = path.join(viewsDir, view, 'reduce.js');
					ddoc.views[view] = {
						map: bareFunction(read(path.join(viewsDir, view, 'map.js'))),
						...(existsSync(reduceFile) ? { reduce: read(reduceFile) } : {})
					};
				}
			}
			const filtersDir = path.join(ddocDir, 'filters');
			if (existsSync(filtersDir)) {
				ddoc.filters = Object.fromEntries(
					readdirSync(filtersDir)
						.sort()
						.map((file) => [path.basename(file, '.js'), bareFunction(read(path.join(filtersDir, file)))])
				);
			}
			return ddoc;
		});
}
