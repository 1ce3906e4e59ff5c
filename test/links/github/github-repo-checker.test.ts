import { afterEach, describe, it, expect } from '@jest/globals';
import { GitHubRepoChecker, graphqlEndpoint, type RepoStatus } from '../../../src/links/github/github-repo-checker.js';
import { fakeSleep, type StandInReply } from '../helpers/api-stand-in.js';
import {
  NOW,
  TOKEN,
  githubHeaders,
  secondaryLimit,
  serverError,
  startGraphQLStandIn,
  type GraphQLStandIn,
  type World,
} from './graphql-stand-in.js';

const world: World = {
  'octo/hello': { nameWithOwner: 'octo/hello' },
  'octo/legacy': { nameWithOwner: 'octo/legacy', isArchived: true },
  // renamed in place, and transferred to another owner (GitHub follows both)
  'octo/old': { nameWithOwner: 'octo/new' },
  'alice/tool': { nameWithOwner: 'tool-org/tool' },
  'octo/gone-archived': { nameWithOwner: 'octo/moved-archived', isArchived: true },
};

let standIn: GraphQLStandIn | undefined;

afterEach(async () => {
  if (standIn) {
    expect(standIn.unexpected).toEqual([]);
    await standIn.close();
  }
  standIn = undefined;
});

async function setUp(script: (StandInReply | undefined)[] = [], options: { batchSize?: number; token?: string } = {}) {
  standIn = await startGraphQLStandIn(world, script);
  const sleeper = fakeSleep();
  const checker = new GitHubRepoChecker({
    token: options.token ?? TOKEN,
    apiUrl: standIn.origin,
    fetch: standIn.fetch,
    sleep: sleeper.sleep,
    now: () => NOW,
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
  });
  return { checker, standIn, waits: sleeper.waits };
}

const ref = (key: string) => {
  const [owner, repo] = key.split('/') as [string, string];
  return { owner, repo };
};

function states(result: Map<string, RepoStatus>): Record<string, string> {
  return Object.fromEntries([...result].map(([key, status]) => [key, status.state]));
}

describe('GitHubRepoChecker', () => {
  it('reports an existing repository as ok (letter case aside), in one aliased query with variables', async () => {
    const { checker, standIn } = await setUp();
    const result = await checker.check([ref('Octo/Hello')]);
    expect(result.get('octo/hello')).toEqual({
      key: 'octo/hello',
      state: 'ok',
      nameWithOwner: 'octo/hello',
      url: 'https://github.com/octo/hello',
      isArchived: false,
      reason: 'exists',
    });
    expect(standIn.requests).toHaveLength(1);
    const [sent] = standIn.graphql();
    expect(sent!.query).toBe('query($o0: String!, $n0: String!) {\n  r0: repository(owner: $o0, name: $n0) { nameWithOwner url isArchived description pushedAt }\n}');
    expect(sent!.variables).toEqual({ o0: 'Octo', n0: 'Hello' });
  });

  it('reports an archived repository', async () => {
    const { checker } = await setUp();
    const status = (await checker.check([ref('octo/legacy')])).get('octo/legacy');
    expect(status).toMatchObject({ state: 'archived', isArchived: true, nameWithOwner: 'octo/legacy' });
  });

  it('reports a renamed or transferred repository with its current name and URL', async () => {
    const { checker } = await setUp();
    const result = await checker.check([ref('octo/old'), ref('alice/tool'), ref('octo/gone-archived')]);
    expect(result.get('octo/old')).toEqual({
      key: 'octo/old',
      state: 'renamed',
      nameWithOwner: 'octo/new',
      url: 'https://github.com/octo/new',
      isArchived: false,
      reason: 'moved to octo/new',
    });
    expect(result.get('alice/tool')).toMatchObject({ state: 'renamed', nameWithOwner: 'tool-org/tool', url: 'https://github.com/tool-org/tool' });
    // renamed wins over archived; isArchived still tells
    expect(result.get('octo/gone-archived')).toMatchObject({ state: 'renamed', isArchived: true, reason: 'moved to octo/moved-archived (archived)' });
  });

  it('reports a NOT_FOUND alias as missing, next to the answered ones', async () => {
    const { checker, standIn } = await setUp();
    const result = await checker.check([ref('octo/hello'), ref('octo/nope'), ref('octo/legacy')]);
    expect(states(result)).toEqual({ 'octo/hello': 'ok', 'octo/nope': 'missing', 'octo/legacy': 'archived' });
    expect(result.get('octo/nope')).toEqual({ key: 'octo/nope', state: 'missing', reason: "Could not resolve to a Repository with the name 'octo/nope'." });
    expect(standIn.requests.filter((r) => !r.body.includes('object(expression:'))).toHaveLength(1);  // the archived one also had its README asked (no successor in its description)
  });

  it('asks once per repository, whatever the letter case or repetition', async () => {
    const { checker, standIn } = await setUp();
    const result = await checker.check([ref('octo/hello'), ref('OCTO/HELLO'), ref('octo/hello'), ref('octo/old')]);
    expect([...result.keys()]).toEqual(['octo/hello', 'octo/old']);
    expect([...standIn.graphql()[0]!.asked.values()]).toEqual([['octo', 'hello'], ['octo', 'old']]);
  });

  it('splits 120 repositories into 3 queries of at most 50', async () => {
    const { checker, standIn } = await setUp([], { batchSize: 50 });
    const repos = Array.from({ length: 120 }, (_, i) => ref(i % 2 === 0 ? `octo/r${i}` : `Octo/R${i}`));
    const result = await checker.check(repos);
    expect(standIn.requests).toHaveLength(3);
    expect(standIn.graphql().map((r) => r.asked.size)).toEqual([50, 50, 20]);
    expect(result.size).toBe(120);
    expect(new Set([...result.values()].map((s) => s.state))).toEqual(new Set(['missing']));
    expect(result.get('octo/r119')?.reason).toBe("Could not resolve to a Repository with the name 'Octo/R119'.");
  });

  it('sends owners and names as variables, never inside the query text', async () => {
    const { checker, standIn } = await setUp();
    const evil = { owner: 'o"){ viewer { login } }#', repo: 'r\\"\n' };
    const result = await checker.check([evil]);
    const [sent] = standIn.graphql();
    expect(sent!.query).not.toContain('viewer');
    expect(sent!.variables).toEqual({ o0: evil.owner, n0: evil.repo });
    expect([...result.values()][0]!.state).toBe('missing');
  });

  it('reports another per-repository error (e.g. FORBIDDEN by SAML) as unknown, not missing', async () => {
    const forbidden: StandInReply = {
      status: 200,
      headers: githubHeaders(),
      body: {
        data: { r0: null },
        errors: [{ type: 'FORBIDDEN', path: ['r0'], locations: [{ line: 2, column: 3 }], message: 'Resource protected by organization SAML enforcement.' }],
      },
    };
    const { checker } = await setUp([forbidden]);
    const status = (await checker.check([ref('corp/secret')])).get('corp/secret');
    expect(status).toEqual({ key: 'corp/secret', state: 'unknown', reason: 'GitHub GraphQL FORBIDDEN: Resource protected by organization SAML enforcement.' });
  });

  it('sends the bearer token, a user-agent and a JSON content type', async () => {
    const { checker, standIn } = await setUp();
    await checker.check([ref('octo/hello')]);
    const headers = standIn.requests[0]!.headers;
    expect(headers.authorization).toBe(`bearer ${TOKEN}`);
    expect(headers['user-agent']).toMatch(/^listwarden/);
    expect(headers['content-type']).toBe('application/json');
    expect(standIn.requests[0]!.method).toBe('POST');
  });

  describe('rate limits', () => {
    it('waits out a secondary rate limit (403 + retry-after) and retries', async () => {
      const { checker, standIn, waits } = await setUp([secondaryLimit('1')]);
      const result = await checker.check([ref('octo/hello')]);
      expect(states(result)).toEqual({ 'octo/hello': 'ok' });
      expect(waits).toEqual([1000]);
      expect(standIn.requests).toHaveLength(2);
    });

    it('waits a minute on a secondary rate limit without retry-after', async () => {
      const { checker, waits } = await setUp([secondaryLimit()]);
      expect(states(await checker.check([ref('octo/hello')]))).toEqual({ 'octo/hello': 'ok' });
      expect(waits).toEqual([60_000]);
    });

    it('waits until the reset on a 429 with x-ratelimit-remaining: 0', async () => {
      const limited: StandInReply = { status: 429, headers: githubHeaders(0, NOW / 1000 + 30), body: { message: 'API rate limit exceeded' } };
      const { checker, waits, standIn } = await setUp([limited]);
      expect(states(await checker.check([ref('octo/hello')]))).toEqual({ 'octo/hello': 'ok' });
      expect(waits).toEqual([30_000]);
      expect(standIn.requests).toHaveLength(2);
    });

    it("retries GraphQL's RATE_LIMITED error (HTTP 200)", async () => {
      const limited: StandInReply = {
        status: 200,
        headers: githubHeaders(0, NOW / 1000 + 5),
        body: { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] },
      };
      const { checker, waits } = await setUp([limited]);
      expect(states(await checker.check([ref('octo/hello')]))).toEqual({ 'octo/hello': 'ok' });
      expect(waits).toEqual([5000]);
    });

    it('does not wait past the cap: an hour-long reset leaves the repositories unknown, later batches unsent', async () => {
      const limited: StandInReply = { status: 403, headers: githubHeaders(0), body: { message: 'API rate limit exceeded for user ID 1.' } };
      const { checker, waits, standIn } = await setUp([limited], { batchSize: 1 });
      const result = await checker.check([ref('octo/hello'), ref('octo/legacy')]);
      expect(states(result)).toEqual({ 'octo/hello': 'unknown', 'octo/legacy': 'unknown' });
      expect(waits).toEqual([]);
      expect(standIn.requests).toHaveLength(1);
      expect(result.get('octo/hello')!.reason).toMatch(/^GitHub API 403 rate limit: API rate limit exceeded.*longer than allowed$/);
      expect(result.get('octo/legacy')!.reason).toBe(`GitHub API rate limit exhausted until ${new Date(NOW + 3_600_000).toISOString()}`);
    });

    it('pauses before the next batch when the last answer used up the quota', async () => {
      const lastOne: StandInReply = {
        status: 200,
        headers: githubHeaders(0, NOW / 1000 + 7),
        body: { data: { r0: { nameWithOwner: 'octo/hello', url: 'https://github.com/octo/hello', isArchived: false } } },
      };
      const { checker, waits, standIn } = await setUp([lastOne], { batchSize: 1 });
      const result = await checker.check([ref('octo/hello'), ref('octo/legacy')]);
      expect(states(result)).toEqual({ 'octo/hello': 'ok', 'octo/legacy': 'archived' });
      expect(waits).toEqual([7000]);
      expect(standIn.requests.filter((r) => !r.body.includes('object(expression:'))).toHaveLength(2);  // the archived one also had its README asked (no successor in its description)
    });

    it('treats a 403 that is not a rate limit as final', async () => {
      const denied: StandInReply = { status: 403, headers: githubHeaders(), body: { message: 'Resource not accessible by integration' } };
      const { checker, waits, standIn } = await setUp([denied]);
      const status = (await checker.check([ref('octo/hello')])).get('octo/hello');
      expect(status).toEqual({ key: 'octo/hello', state: 'unknown', reason: 'GitHub API 403: Resource not accessible by integration' });
      expect(waits).toEqual([]);
      expect(standIn.requests).toHaveLength(1);
    });
  });

  describe('server errors', () => {
    it('retries a 502 after a backoff', async () => {
      const { checker, waits, standIn } = await setUp([serverError(502)]);
      expect(states(await checker.check([ref('octo/hello'), ref('octo/nope')]))).toEqual({ 'octo/hello': 'ok', 'octo/nope': 'missing' });
      expect(waits).toEqual([1000]);
      expect(standIn.requests).toHaveLength(2);
    });

    it('leaves the batch unknown (never missing) after a persistent 500', async () => {
      const { checker, waits, standIn } = await setUp([serverError(500), serverError(500), serverError(500)]);
      const result = await checker.check([ref('octo/hello'), ref('octo/nope')]);
      expect(states(result)).toEqual({ 'octo/hello': 'unknown', 'octo/nope': 'unknown' });
      expect(result.get('octo/nope')!.reason).toBe('GitHub API 500 (gave up after 3 attempts)');
      expect(waits).toEqual([1000, 2000]);
      expect(standIn.requests).toHaveLength(3);
    });

    it("retries GitHub's 'Something went wrong' timeout answer", async () => {
      const flaky: StandInReply = {
        status: 200,
        headers: githubHeaders(),
        body: { data: null, errors: [{ message: 'Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug.' }] },
      };
      const { checker, standIn } = await setUp([flaky]);
      expect(states(await checker.check([ref('octo/hello')]))).toEqual({ 'octo/hello': 'ok' });
      expect(standIn.requests).toHaveLength(2);
    });
  });

  describe('the token', () => {
    it('a rejected token (401) leaves everything unknown, sends nothing more, and is never quoted', async () => {
      const { checker, standIn, waits } = await setUp([], { batchSize: 1, token: `${TOKEN}-revoked` });
      const result = await checker.check([ref('octo/hello'), ref('octo/legacy')]);
      expect(states(result)).toEqual({ 'octo/hello': 'unknown', 'octo/legacy': 'unknown' });
      expect(result.get('octo/hello')!.reason).toBe('GitHub API 401: Bad credentials (check the token)');
      expect(standIn.requests).toHaveLength(1);
      expect(waits).toEqual([]);
      for (const status of result.values()) expect(status.reason).not.toContain(TOKEN);
    });

    it('is redacted from a failure message that would quote it', async () => {
      const sleeper = fakeSleep();
      const leaky: typeof fetch = async () => {
        throw new Error(`connect failed for bearer ${TOKEN}`);
      };
      const checker = new GitHubRepoChecker({ token: TOKEN, apiUrl: 'http://127.0.0.1:9', fetch: leaky, sleep: sleeper.sleep });
      const status = (await checker.check([ref('octo/hello')])).get('octo/hello')!;
      expect(status.state).toBe('unknown');
      expect(status.reason).toBe('GitHub API request failed: connect failed for bearer *** (gave up after 3 attempts)');
      expect(sleeper.waits).toEqual([1000, 2000]);
    });

    it('is required', () => {
      expect(() => new GitHubRepoChecker({ token: '' })).toThrow('GitHubRepoChecker needs a token');
    });
  });

  describe('endpoint', () => {
    it('is /graphql under api.github.com and /api/graphql for GitHub Enterprise Server', () => {
      expect(graphqlEndpoint('https://api.github.com')).toBe('https://api.github.com/graphql');
      expect(graphqlEndpoint('https://api.github.com/')).toBe('https://api.github.com/graphql');
      expect(graphqlEndpoint('https://ghe.example.com/api/v3')).toBe('https://ghe.example.com/api/graphql');
      expect(graphqlEndpoint('https://ghe.example.com/api/v3/')).toBe('https://ghe.example.com/api/graphql');
      expect(graphqlEndpoint('https://ghe.example.com/api/graphql')).toBe('https://ghe.example.com/api/graphql');
    });

    it('talks to a GHES-style /api/v3 root at /api/graphql', async () => {
      standIn = await startGraphQLStandIn(world, [], '/api/graphql');
      const checker = new GitHubRepoChecker({ token: TOKEN, apiUrl: `${standIn.origin}/api/v3`, fetch: standIn.fetch });
      expect(states(await checker.check([ref('octo/hello')]))).toEqual({ 'octo/hello': 'ok' });
      expect(standIn.requests.map((r) => r.url)).toEqual(['/api/graphql']);
    });
  });

  it('sends nothing for an empty list', async () => {
    const { checker, standIn } = await setUp();
    expect((await checker.check([])).size).toBe(0);
    expect(standIn.requests).toHaveLength(0);
  });
});
