import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * GitHub's REST request-body schemas (test/fixtures/github-rest-request-schemas.json, cut
 * from GitHub's OpenAPI description, and github-rest-request-schemas-extra.json, ours,
 * written from GitHub's docs for the operations the first lacks), compiled once, and the
 * lookup of the operation a method and path are.
 */

interface SchemaOp {
  method: string;
  path: string;
  schema: object;
  okStatus: string[];
}

export interface RequestOperation {
  /** e.g. "checks/create". */
  id: string;
  okStatus: number[];
  /** Error messages when the body does not fit the schema; empty when it does. */
  validate(body: unknown): string[];
}

const FIXTURES = [
  new URL('../../fixtures/github-rest-request-schemas.json', import.meta.url),
  new URL('../../fixtures/github-rest-request-schemas-extra.json', import.meta.url),
];

// ajv-formats is CommonJS with a default export; under NodeNext the namespace comes through.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

interface CompiledOp {
  id: string;
  method: string;
  pattern: RegExp;
  literalSegments: number;
  okStatus: number[];
  check: ValidateFunction;
}

let compiled: CompiledOp[] | undefined;

/**
 * OpenAPI 3.0's `nullable: true` in JSON Schema terms, which ajv checks: `null` joins the
 * type (and the enum); with no type, the schema becomes "it, or null".
 */
export function withNulls(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withNulls);
  if (typeof schema !== 'object' || schema === null) return schema;
  const { nullable, ...rest } = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === 'properties' ? mapValues(v) : withNulls(v)])) as Record<string, unknown>;
  if (nullable !== true) return rest;
  if (typeof rest.type === 'string') {
    return { ...rest, type: [rest.type, 'null'], ...(Array.isArray(rest.enum) ? { enum: [...rest.enum, null] } : {}) };
  }
  return { anyOf: [rest, { type: 'null' }] };
}

function mapValues(properties: unknown): unknown {
  if (typeof properties !== 'object' || properties === null) return properties;
  return Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, withNulls(schema)]));
}

/** `/repos/{owner}/{repo}/contents/{path}` → a regex; `{path}` of contents and `{ref}` of git refs span segments. */
function templateRegex(template: string): RegExp {
  const source = template
    .split('/')
    .map((part) => (part === '{path}' || part === '{ref}' ? '.+' : part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

function load(): CompiledOp[] {
  if (compiled) return compiled;
  const ops: Record<string, SchemaOp> = {};
  for (const file of FIXTURES) {
    const fixture = JSON.parse(readFileSync(file, 'utf8')) as { ops: Record<string, SchemaOp> };
    for (const [id, op] of Object.entries(fixture.ops)) {
      if (ops[id]) throw new Error(`${file.pathname}: ${id} is in an earlier schema fixture already`);
      ops[id] = op;
    }
  }
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // GitHub's own formats: `owner/name`, and an id that may pass 2^53.
  ajv.addFormat('repo.nwo', /^[\w.-]+\/[\w.-]+$/);
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  compiled = Object.entries(ops)
    .map(([id, op]) => ({
      id,
      method: op.method.toUpperCase(),
      pattern: templateRegex(op.path),
      literalSegments: op.path.split('/').filter((part) => part && !part.startsWith('{')).length,
      okStatus: op.okStatus.map(Number),
      check: ajv.compile(withNulls(op.schema) as object),
    }))
    // Literal segments win: `/issues/comments/{id}` before `/issues/{issue_number}`.
    .sort((a, b) => b.literalSegments - a.literalSegments);
  return compiled;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath || '(body)';
  const extra = error.keyword === 'enum' ? ` (${JSON.stringify(error.params.allowedValues)})` : '';
  return `${where} ${error.message ?? error.keyword}${extra}`;
}

/** Compiles every schema of the fixture now (a broken one fails here, not inside a request). */
export function loadSchemas(): number {
  return load().length;
}

/** The operation a request is, by method and path (the path as GitHub sees it, undecoded). */
export function findOperation(method: string, path: string): RequestOperation | undefined {
  const op = load().find((candidate) => candidate.method === method.toUpperCase() && candidate.pattern.test(path));
  if (!op) return undefined;
  return {
    id: op.id,
    okStatus: op.okStatus,
    validate(body) {
      return op.check(body) ? [] : (op.check.errors ?? []).map(describe);
    },
  };
}
