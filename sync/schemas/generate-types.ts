// Generates src/lib/db/generated/ from schemas/: the TypeScript types of every document and the schema registry.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

const root = path.resolve(import.meta.dirname, '../..');
const schemasDir = path.join(root, 'schemas');
const outDir = path.join(root, 'src/lib/db/generated');
const banner = '// Generated from schemas/ by sync/schemas/generate-types.ts. Do not edit.\n';

interface DocumentSchema {
	$id: string;
	title: string;
	properties?: { type?: { const?: string } };
}

const files = (await readdir(schemasDir)).filter((file) => file.endsWith('.schema.json')).sort();
const schemas: DocumentSchema[] = await Promise.all(
	files.map(async (file) => JSON.parse(await readFile(path.join(schemasDir, file), 'utf8')) as DocumentSchema)
);
const documentSchemas = schemas.filter((schema) => schema.properties?.type?.const);

// One root schema referencing every document keeps shared definitions declared once.
const rootSchema: JSONSchema = {
	title: 'AllDocuments',
	type: 'object',
	additionalProperties: false,
	properties: Object.fromEntries(documentSchemas.map((schema) => [schema.title, { $ref: schema.$id }]))
};
const types = await compile(rootSchema, 'AllDocuments', {
	cwd: schemasDir,
	bannerComment: banner,
	declareExternallyReferenced: true,
	additionalProperties: false,
	// Bounded arrays as plain arrays: tuples ([T, ...T[]] for minItems: 1, unions of up to 20 members for
	// maxItems) make every edit a type error; the schema validation enforces the bounds.
	ignoreMinAndMaxItems: true,
	format: false
});

const typeMap = documentSchemas
	.map((schema) => `\t${schema.properties!.type!.const}: ${schema.title};`)
	.join('\n');
const documentTypesTs = `${types}
/** Every stored document type, by its \`type\` field (which is also its \`_id\` prefix). */
export interface DocumentTypeMap {
${typeMap}
}
export type DocumentType = keyof DocumentTypeMap;
export type AnyDocument = DocumentTypeMap[DocumentType];
`;

const imports = schemas
	.map((schema, index) => `import schema${index} from '../../../../schemas/${files[index]}';`)
	.join('\n');
const registryTs = `${banner}${imports}

/** Every JSON Schema under schemas/, keyed by $id. */
export const schemasById: Record<string, object> = {
${schemas.map((schema, index) => `\t'${schema.$id}': schema${index},`).join('\n')}
};

/** The schema $id of each document type. */
export const schemaIdByType = {
${documentSchemas.map((schema) => `\t${schema.properties!.type!.const}: '${schema.$id}',`).join('\n')}
} as const;
`;

// The browser's validators are compiled here, not at run time: Ajv compiles with new Function, which the
// app's Content-Security-Policy (no 'unsafe-eval') forbids. Same options as before the change.
const ajv = new Ajv({
	allErrors: true,
	allowUnionTypes: true,
	strict: true,
	code: { source: true, esm: true }
});
for (const schema of schemas) ajv.addSchema(schema as object);
const validatorByType = Object.fromEntries(
	documentSchemas.map((schema) => [schema.properties!.type!.const!, schema.$id])
);
// Ajv's ESM output still require()s its string-length helper (minLength counts code points, not UTF-16
// units); the same count is written inline, so the module loads alike in the browser and in Node.
const standalone = standaloneCode(ajv, validatorByType).replace(
	/const (\w+) = require\("ajv\/dist\/runtime\/ucs2length"\)\.default;/,
	'const $1 = (text) => { let length = 0; for (const _ of text) length++; return length; };'
);
if (standalone.includes('require(')) throw new Error('the compiled validators still call require()');
const validatorsJs = `// @ts-nocheck\n${banner}${standalone}\n`;
const validatorsDts = `${banner}import type { ValidateFunction } from 'ajv';
${documentSchemas.map((schema) => `export declare const ${schema.properties!.type!.const}: ValidateFunction;`).join('\n')}
`;

await mkdir(outDir, { recursive: true });
await writeFile(path.join(outDir, 'validators.js'), validatorsJs);
await writeFile(path.join(outDir, 'validators.d.ts'), validatorsDts);
await writeFile(path.join(outDir, 'documents.ts'), documentTypesTs);
await writeFile(path.join(outDir, 'schema-registry.ts'), registryTs);
console.log(`schemas: ${documentSchemas.length} document types → ${path.relative(root, outDir)}/`);
