import { startStandIn, type RecordedRequest, type StandIn, type StandInReply } from '../helpers/api-stand-in.js';

/**
 * A stand-in for GitHub's GraphQL endpoint. It answers `repository(owner:, name:)` aliases
 * from a small world of repositories with the shapes GitHub uses: the node, or null plus a
 * NOT_FOUND error whose path is the alias. Renames and transfers are entries whose asked
 * key differs from their nameWithOwner (GitHub's GraphQL API follows the redirect).
 */

export const TOKEN = 'ghp_TESTtoken0123456789abcdefABCDEF0123';

export interface WorldRepo {
  nameWithOwner: string;
  isArchived?: boolean;
  description?: string;
  /** ISO time of the last push. */
  pushedAt?: string;
  /** README.md's text, served to `object(expression: "HEAD:README.md")`. */
  readme?: string;
}

/** Asked key (`owner/name`, lower-cased) → the repository GitHub resolves it to. */
export type World = Record<string, WorldRepo>;

export interface GraphQLRequest {
  query: string;
  variables: Record<string, string>;
  /** alias → [owner, name] after substituting the variables. */
  asked: Map<string, [string, string]>;
}

export function parseGraphQLRequest(request: RecordedRequest): GraphQLRequest {
  const { query, variables } = JSON.parse(request.body) as { query: string; variables: Record<string, string> };
  const asked = new Map<string, [string, string]>();
  for (const match of query.matchAll(/(\w+): repository\(owner: \$(\w+), name: \$(\w+)\)/g)) {
    const [, alias, ownerVar, nameVar] = match as unknown as [string, string, string, string];
    const owner = variables[ownerVar];
    const name = variables[nameVar];
    if (owner === undefined || name === undefined) throw new Error(`variable missing for ${alias}`);
    asked.set(alias, [owner, name]);
  }
  return { query, variables, asked };
}

/** The tests' clock (epoch ms); the quota resets an hour later. */
export const NOW = 1_700_000_000_000;
const RESET = NOW / 1000 + 3600;

export function githubHeaders(remaining = 4990, resetAt = RESET): Record<string, string> {
  return {
    'content-type': 'application/json; charset=utf-8',
    'x-github-media-type': 'github.v4; format=json',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': String(resetAt),
    'x-ratelimit-used': String(5000 - remaining),
    'x-ratelimit-resource': 'graphql',
    'x-github-request-id': 'C0DE:1234:5678:9ABC:DEF0',
  };
}

/** GitHub's answer to a query, as its GraphQL API gives it (200, partial data, errors). */
export function answer(world: World, request: GraphQLRequest): StandInReply {
  const data: Record<string, unknown> = {};
  const errors: unknown[] = [];
  const lines = request.query.split('\n');
  for (const [alias, [owner, name]] of request.asked) {
    const repo = world[`${owner}/${name}`.toLowerCase()];
    if (repo && request.query.includes('object(expression:')) {
      // A README query: each README name asked is an alias; GitHub answers null for a missing file.
      const node: Record<string, unknown> = {};
      for (const m of request.query.matchAll(/(\w+): object\(expression: "HEAD:([^"]+)"\)/g)) {
        if (node[m[1]!] !== undefined) continue;
        node[m[1]!] = m[2] === 'README.md' && repo.readme !== undefined ? { text: repo.readme } : null;
      }
      data[alias] = node;
    } else if (repo) {
      data[alias] = {
        nameWithOwner: repo.nameWithOwner,
        url: `https://github.com/${repo.nameWithOwner}`,
        isArchived: repo.isArchived ?? false,
        description: repo.description ?? null,
        pushedAt: repo.pushedAt ?? null,
      };
    } else {
      data[alias] = null;
      const line = lines.findIndex((l) => l.trimStart().startsWith(`${alias}:`)) + 1;
      errors.push({
        type: 'NOT_FOUND',
        path: [alias],
        locations: [{ line, column: 3 }],
        message: `Could not resolve to a Repository with the name '${owner}/${name}'.`,
      });
    }
  }
  return { status: 200, headers: githubHeaders(), body: errors.length > 0 ? { data, errors } : { data } };
}

export interface GraphQLStandIn extends StandIn {
  /** Each request as GraphQL. */
  graphql(): GraphQLRequest[];
}

/**
 * Serves `world` at `path`; `script` replies are used first, one per request (undefined in
 * it means "answer from the world"). A wrong token gets GitHub's 401; a request that is not
 * a JSON POST to the path is recorded as unexpected.
 */
export async function startGraphQLStandIn(world: World, script: (StandInReply | undefined)[] = [], path = '/graphql'): Promise<GraphQLStandIn> {
  const queue = [...script];
  const standIn = await startStandIn((request) => {
    if (request.method !== 'POST' || request.url !== path) throw new Error(`${request.method} ${request.url}`);
    if (!String(request.headers['content-type']).startsWith('application/json')) throw new Error('not JSON');
    if (request.headers.authorization !== `bearer ${TOKEN}`) {
      return { status: 401, headers: githubHeaders(), body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/graphql' } };
    }
    const scripted = queue.shift();
    return scripted ?? answer(world, parseGraphQLRequest(request));
  });
  return { ...standIn, graphql: () => standIn.requests.map(parseGraphQLRequest) };
}

/** GitHub's secondary rate limit answer. */
export function secondaryLimit(retryAfter?: string): StandInReply {
  return {
    status: 403,
    headers: { ...githubHeaders(4000), ...(retryAfter ? { 'retry-after': retryAfter } : {}) },
    body: {
      documentation_url: 'https://docs.github.com/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api#secondary-rate-limits',
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID C0DE:1234:5678:9ABC:DEF0.',
    },
  };
}

export function serverError(status: number): StandInReply {
  return { status, headers: { 'content-type': 'text/html' }, body: `<html><body><h1>${status}</h1>Server Error</body></html>` };
}
