import type { RepoRef, RepoStatus } from './repo-status.js';

/** One batch as a single GraphQL query: aliases `r0…rN`, owners and names as variables. */
export interface RepoQuery {
  query: string;
  variables: Record<string, string>;
}

export function buildRepoQuery(batch: RepoRef[]): RepoQuery {
  const params: string[] = [];
  const fields: string[] = [];
  const variables: Record<string, string> = {};
  batch.forEach((ref, i) => {
    params.push(`$o${i}: String!`, `$n${i}: String!`);
    fields.push(`  r${i}: repository(owner: $o${i}, name: $n${i}) { nameWithOwner url isArchived description pushedAt }`);
    variables[`o${i}`] = ref.owner;
    variables[`n${i}`] = ref.repo;
  });
  return { query: `query(${params.join(', ')}) {\n${fields.join('\n')}\n}`, variables };
}

export interface GraphQLError {
  type?: string;
  path?: (string | number)[];
  message?: string;
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: GraphQLError[];
}

interface RepoNode {
  nameWithOwner: string;
  url: string;
  isArchived: boolean;
  description?: string | null;
  pushedAt?: string | null;
}

/** Characters of a description kept. */
const MAX_DESCRIPTION = 500;

function isRepoNode(value: unknown): value is RepoNode {
  if (typeof value !== 'object' || value === null) return false;
  const node = value as Record<string, unknown>;
  return typeof node.nameWithOwner === 'string' && typeof node.url === 'string' && typeof node.isArchived === 'boolean';
}

function fromNode(key: string, node: RepoNode): RepoStatus {
  const base = {
    key,
    nameWithOwner: node.nameWithOwner,
    url: node.url,
    isArchived: node.isArchived,
    ...(typeof node.description === 'string' && node.description.trim() !== '' ? { description: node.description.slice(0, MAX_DESCRIPTION) } : {}),
    ...(typeof node.pushedAt === 'string' && !Number.isNaN(Date.parse(node.pushedAt)) ? { pushedAt: node.pushedAt } : {}),
  };
  if (node.nameWithOwner.toLowerCase() !== key) {
    const archived = node.isArchived ? ' (archived)' : '';
    return { ...base, state: 'renamed', reason: `moved to ${node.nameWithOwner}${archived}` };
  }
  if (node.isArchived) return { ...base, state: 'archived', reason: 'archived by its owner (read-only)' };
  return { ...base, state: 'ok', reason: 'exists' };
}

function describe(error: GraphQLError): string {
  const message = error.message ?? 'no message';
  return error.type ? `GitHub GraphQL ${error.type}: ${message}` : `GitHub GraphQL error: ${message}`;
}

/** The verdict on each repository of the batch (`keys[i]` was asked as alias `r${i}`). */
export function interpretRepoResponse(keys: string[], body: GraphQLBody): RepoStatus[] {
  const errors = Array.isArray(body.errors) ? body.errors : [];
  const data = body.data ?? {};
  const global = errors.find((e) => !Array.isArray(e.path) || e.path.length === 0);
  return keys.map((key, i) => {
    const alias = `r${i}`;
    const node = data[alias];
    if (isRepoNode(node)) return fromNode(key, node);
    const error = errors.find((e) => Array.isArray(e.path) && e.path[0] === alias);
    if (error?.type === 'NOT_FOUND') {
      return { key, state: 'missing', reason: error.message ?? 'not found' };
    }
    if (error) return { key, state: 'unknown', reason: describe(error) };
    if (global) return { key, state: 'unknown', reason: describe(global) };
    return { key, state: 'unknown', reason: 'GitHub returned no answer for this repository' };
  });
}
