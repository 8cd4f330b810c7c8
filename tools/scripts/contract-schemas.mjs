// The OpenAPI schemas of every type exported by @laurel/contracts, generated from the TypeScript
// source itself, so the document describes the very shapes the API returns and the console reads
// (no hand-written copy to drift). Written next to the API bundle by build-api.mjs and merged into
// the document by apps/api/src/app/openapi.ts. OpenAPI 3.0 takes a dialect of JSON Schema draft
// 4/5, so the generator's draft-07 output is lowered here: `const` becomes a one-value `enum`,
// a `null` member becomes `nullable`, references point into `components.schemas`.
import { createGenerator } from 'ts-json-schema-generator';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where every request and answer type is written: @laurel/contracts, and nowhere else. */
const SOURCE = 'libs/shared/contracts/src/index.ts';
const TSCONFIG = 'libs/shared/contracts/tsconfig.json';

export function contractSchemas() {
  const generator = createGenerator({
    path: join(root, SOURCE),
    tsconfig: join(root, TSCONFIG),
    type: '*',
    expose: 'export',
    topRef: true,
    // The typecheck targets type-check these files; here only their shapes are read.
    skipTypeCheck: true,
    jsDoc: 'basic',
  });
  const { definitions } = generator.createSchema('*');
  const schemas = {};
  for (const [name, schema] of Object.entries(definitions ?? {})) schemas[name] = toOpenApi30(schema);
  return schemas;
}

function isNull(schema) {
  return schema && typeof schema === 'object' && schema.type === 'null' && Object.keys(schema).length === 1;
}

/** A schema that may also be null, in OpenAPI 3.0's words (a `$ref` takes no siblings there). */
function nullable(schema) {
  return schema.$ref ? { allOf: [schema], nullable: true } : { ...schema, nullable: true };
}

export function toOpenApi30(schema) {
  if (Array.isArray(schema)) return schema.map(toOpenApi30);
  if (!schema || typeof schema !== 'object') return schema;
  let out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema' || key === 'definitions') continue;
    if (key === '$ref') out.$ref = value.replace('#/definitions/', '#/components/schemas/');
    else if (key === 'const') out.enum = [value];
    else if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toOpenApi30(v)]));
    } else if (key === 'items' && Array.isArray(value)) {
      // A tuple: 3.0 has no positional items; its members are described as one of the kinds.
      out.items = value.length === 1 ? toOpenApi30(value[0]) : { anyOf: value.map(toOpenApi30) };
    } else out[key] = toOpenApi30(value);
  }
  if (Array.isArray(out.type)) {
    const types = out.type.filter((t) => t !== 'null');
    const hasNull = types.length < out.type.length;
    if (types.length === 1) out.type = types[0];
    else {
      const { type, ...rest } = out;
      void type;
      out = { ...rest, anyOf: types.map((t) => ({ type: t })) };
    }
    if (hasNull) out.nullable = true;
  }
  if (out.enum && out.enum.includes(null)) {
    out.enum = out.enum.filter((v) => v !== null);
    out.nullable = true;
  }
  for (const combinator of ['anyOf', 'oneOf']) {
    if (!out[combinator]?.some(isNull)) continue;
    const rest = out[combinator].filter((s) => !isNull(s));
    const { [combinator]: _, ...others } = out;
    void _;
    out = rest.length === 1 ? { ...others, ...nullable(rest[0]) } : { ...others, [combinator]: rest, nullable: true };
    if (out.$ref && Object.keys(out).length > 1)
      out = { allOf: [{ $ref: out.$ref }], ...Object.fromEntries(Object.entries(out).filter(([k]) => k !== '$ref')) };
  }
  if (out.enum && !out.type) {
    const kinds = [...new Set(out.enum.map((v) => typeof v))];
    if (kinds.length === 1 && ['string', 'number', 'boolean'].includes(kinds[0])) out.type = kinds[0];
  }
  return out;
}
