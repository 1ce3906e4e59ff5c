import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { inspect } from 'node:util';
import { GitHubPermissionError, type Annotation } from '../../src/github/port.js';
import { startGitHubApiStandIn, type GitHubApiStandIn } from './helpers/api-stand-in.js';
import { REPO, TOKEN, addedLinesPatch, portFor } from './helpers/port-fixture.js';

const { owner, repo } = REPO;
const HEAD = 'c0ffee'.padEnd(40, '0');

let api: GitHubApiStandIn;
/** Set by tests that provoke refused bodies on purpose. */
let invalidExpected = false;

beforeEach(async () => {
  api = await startGitHubApiStandIn({ token: TOKEN });
  invalidExpected = false;
});

afterEach(async () => {
  // Every body the adapter sent fits GitHub's schemas and rules, and every route exists.
  if (!invalidExpected) expect(api.invalid).toEqual([]);
  expect(api.unmatched).toEqual([]);
  // The token goes out as `token …`, on every request.
  for (const request of api.requests) expect(request.headers.authorization).toBe(`token ${TOKEN}`);
  await api.close();
});

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

function expectNoToken(error: unknown): void {
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).message).not.toContain(TOKEN);
  expect(String(error)).not.toContain(TOKEN);
  expect(inspect(error, { depth: 6 })).not.toContain(TOKEN);
}

function annotations(count: number): Annotation[] {
  return Array.from({ length: count }, (_, i) => ({
    path: 'README.md',
    start_line: i + 1,
    end_line: i + 1,
    annotation_level: 'warning' as const,
    message: `finding ${i + 1}`,
  }));
}

describe('viewerLogin', () => {
  it('is undefined for GITHUB_TOKEN and installation tokens, which may not read /user', async () => {
    const { port } = portFor(api);
    await expect(port.viewerLogin()).resolves.toBeUndefined();
    await expect(port.viewerLogin()).resolves.toBeUndefined();
    expect(api.requestsTo('GET', '/user')).toHaveLength(1); // a 403 is an answer, not retried, and kept
  });

  it('is the login of a personal token, asked once', async () => {
    const pat = await startGitHubApiStandIn({ token: TOKEN, tokenKind: 'user', login: 'octocat' });
    try {
      const { port } = portFor(pat);
      await expect(port.viewerLogin()).resolves.toBe('octocat');
      await expect(port.viewerLogin()).resolves.toBe('octocat');
      expect(pat.requestsTo('GET', '/user')).toHaveLength(1);
    } finally {
      await pat.close();
    }
  });

  it('throws on bad credentials, without the token in the error', async () => {
    const other = await startGitHubApiStandIn({ token: 'another-token' });
    try {
      const error = await caught(portFor(other).port.viewerLogin());
      expect((error as { status?: number }).status).toBe(401);
      expectNoToken(error);
      expect(other.requests).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});

describe('getFileText', () => {
  it('reads a file at a ref as raw text', async () => {
    api.setFile(owner, repo, 'feature', 'docs/my list.md', '# Awesome ✨\n\n- [a](https://a.example)\n');
    const { port } = portFor(api);
    await expect(port.getFileText(REPO, 'docs/my list.md', 'feature')).resolves.toBe('# Awesome ✨\n\n- [a](https://a.example)\n');
    const [request] = api.requests;
    expect(request?.headers.accept).toBe('application/vnd.github.raw');
    expect(request?.query.ref).toBe('feature');
  });

  it('is undefined for a file or ref that does not exist, and for a directory', async () => {
    api.setFile(owner, repo, 'main', 'docs/README.md', 'x');
    const { port } = portFor(api);
    await expect(port.getFileText(REPO, 'missing.md', 'main')).resolves.toBeUndefined();
    await expect(port.getFileText(REPO, 'docs/README.md', 'other-ref')).resolves.toBeUndefined();
    await expect(port.getFileText(REPO, 'docs', 'main')).resolves.toBeUndefined();
    expect(api.requests).toHaveLength(3); // a 404 is not retried
  });

  it('decodes the JSON form (base64) and raw bytes when a server answers so', async () => {
    const text = 'line one — ü\nline two\n';
    api.route('GET', '/repos/{owner}/{repo}/contents/json.md', () => ({
      status: 200,
      body: { type: 'file', encoding: 'base64', content: Buffer.from(text).toString('base64').replace(/(.{20})/g, '$1\n') },
    }));
    api.route('GET', '/repos/{owner}/{repo}/contents/bytes.md', () => ({
      status: 200,
      text,
      headers: { 'content-type': 'application/vnd.github.raw' },
    }));
    const { port } = portFor(api);
    await expect(port.getFileText(REPO, 'json.md', 'main')).resolves.toBe(text);
    await expect(port.getFileText(REPO, 'bytes.md', 'main')).resolves.toBe(text);
  });
});

describe('listPullFiles', () => {
  it('pages through all files, 100 at a time', async () => {
    const files = Array.from({ length: 250 }, (_, i) => ({ filename: `lists/list-${i}.md` }));
    files[7] = { filename: 'lists/renamed.md', status: 'renamed', previous_filename: 'lists/old.md' } as (typeof files)[number];
    api.addPull(owner, repo, 5, { files });
    const { port } = portFor(api);
    const listed = await port.listPullFiles(REPO, 5);
    expect(listed).toHaveLength(250);
    expect(listed[0]).toEqual({ filename: 'lists/list-0.md', status: 'modified' });
    expect(listed[7]).toEqual({ filename: 'lists/renamed.md', status: 'renamed', previousFilename: 'lists/old.md' });
    const pages = api.requestsTo('GET', '/repos/{owner}/{repo}/pulls/5/files');
    expect(pages.map((r) => r.query)).toEqual([
      { per_page: '100' },
      { per_page: '100', page: '2' },
      { per_page: '100', page: '3' },
    ]);
  });
});

describe('check runs', () => {
  it('creates one with a single request when it has at most 50 annotations', async () => {
    const { port } = portFor(api);
    const { id } = await port.createCheckRun(REPO, {
      name: 'listwarden',
      head_sha: HEAD,
      status: 'completed',
      conclusion: 'failure',
      output: { title: '3 findings', summary: 'summary', text: 'details <!-- marker -->', annotations: annotations(3) },
    });
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]).toMatchObject({ method: 'POST', operation: 'checks/create' });
    const run = api.state.checkRuns[0];
    expect(run).toMatchObject({ id, name: 'listwarden', head_sha: HEAD, status: 'completed', conclusion: 'failure' });
    expect(run?.annotations).toHaveLength(3);
  });

  it('sends more than 50 annotations in batches and completes the run with the last', async () => {
    const { port } = portFor(api);
    const { id } = await port.createCheckRun(REPO, {
      name: 'listwarden',
      head_sha: HEAD,
      status: 'completed',
      conclusion: 'neutral',
      output: { title: '120 findings', summary: 'summary', annotations: annotations(120) },
    });
    const bodies = api.requests.map((r) => r.body as { status?: string; conclusion?: string; output: { annotations: unknown[] } });
    expect(api.requests.map((r) => r.method)).toEqual(['POST', 'PATCH', 'PATCH']);
    expect(bodies.map((b) => b.output.annotations.length)).toEqual([50, 50, 20]);
    expect(bodies.map((b) => [b.status, b.conclusion])).toEqual([
      ['in_progress', undefined],
      [undefined, undefined],
      ['completed', 'neutral'],
    ]);
    const run = api.state.checkRuns.find((r) => r.id === id);
    expect(run?.annotations.map((a) => a.message)).toEqual(annotations(120).map((a) => a.message));
    expect(run).toMatchObject({ status: 'completed', conclusion: 'neutral', writes: 3 });
  });

  it('updates one, appending annotations and leaving out head_sha', async () => {
    const { port } = portFor(api);
    const { id } = await port.createCheckRun(REPO, {
      name: 'listwarden',
      head_sha: HEAD,
      status: 'in_progress',
      output: { title: 'Checking', summary: 'Checking…', annotations: annotations(2) },
    });
    await port.updateCheckRun(REPO, id, {
      head_sha: HEAD,
      status: 'completed',
      conclusion: 'success',
      output: { title: 'Done', summary: 'All good', annotations: annotations(60).slice(2) },
    });
    const patches = api.requestsTo('PATCH', `/repos/${owner}/${repo}/check-runs/${id}`);
    expect(patches).toHaveLength(2);
    for (const patch of patches) expect(patch.body).not.toHaveProperty('head_sha');
    const run = api.state.checkRuns[0];
    expect(run?.annotations).toHaveLength(60);
    expect(run).toMatchObject({ status: 'completed', conclusion: 'success', output: { title: 'Done', summary: 'All good' } });
  });

  it('lists those of a commit by name, with their output text', async () => {
    const { port } = portFor(api);
    const output = (text: string) => ({ title: 't', summary: 's', text });
    const first = await port.createCheckRun(REPO, { name: 'listwarden', head_sha: HEAD, status: 'in_progress', output: output('old <!-- lw -->') });
    const other = await port.createCheckRun(REPO, { name: 'other', head_sha: HEAD, status: 'in_progress', output: output('x') });
    await port.createCheckRun(REPO, { name: 'listwarden', head_sha: 'f'.repeat(40), status: 'in_progress', output: output('other commit') });
    const listed = await port.listCheckRuns(REPO, HEAD, 'listwarden');
    expect(listed).toEqual([{ id: first.id, status: 'in_progress', outputText: 'old <!-- lw -->' }]);
    expect(listed.map((r) => r.id)).not.toContain(other.id);
    const [list] = api.requestsTo('GET', `/repos/${owner}/${repo}/commits/${HEAD}/check-runs`);
    expect(list?.query).toMatchObject({ check_name: 'listwarden', per_page: '100' });
  });
});

describe('review comments and reviews', () => {
  it('lists review comments with their place and author, across pages', async () => {
    api.addPull(owner, repo, 9, { headSha: HEAD });
    for (let i = 0; i < 130; i++) api.addReviewComment(owner, repo, 9, { path: 'README.md', line: i + 1, body: `c${i}` });
    api.addReviewComment(owner, repo, 9, { path: 'README.md', line: null, body: 'outdated', login: 'someone' });
    const { port } = portFor(api);
    const comments = await port.listReviewComments(REPO, 9);
    expect(comments).toHaveLength(131);
    expect(comments[0]).toEqual({ id: expect.any(Number), body: 'c0', login: 'github-actions[bot]', path: 'README.md', line: 1 });
    expect(comments[130]).toMatchObject({ body: 'outdated', login: 'someone', line: null });
    expect(api.requests).toHaveLength(2);
  });

  it('posts one COMMENT review with RIGHT-side line comments, ranges only when they span lines', async () => {
    api.addPull(owner, repo, 9, { headSha: HEAD, files: [{ filename: 'README.md', patch: addedLinesPatch(10, 20) }] });
    const { port } = portFor(api);
    await port.createReview(
      REPO,
      9,
      HEAD,
      [
        { path: 'README.md', line: 12, body: 'one line' },
        { path: 'README.md', line: 18, start_line: 15, body: 'a range' },
        { path: 'README.md', line: 20, start_line: 20, body: 'a range of one line' },
      ],
      'listwarden found 3 things',
    );
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]).toMatchObject({ method: 'POST', path: `/repos/${owner}/${repo}/pulls/9/reviews`, operation: 'pulls/create-review' });
    expect(api.requests[0]?.body).toEqual({
      commit_id: HEAD,
      event: 'COMMENT',
      body: 'listwarden found 3 things',
      comments: [
        { path: 'README.md', line: 12, side: 'RIGHT', body: 'one line' },
        { path: 'README.md', line: 18, side: 'RIGHT', start_line: 15, start_side: 'RIGHT', body: 'a range' },
        { path: 'README.md', line: 20, side: 'RIGHT', body: 'a range of one line' },
      ],
    });
    expect(api.state.reviews).toMatchObject([{ event: 'COMMENT', state: 'COMMENTED', commit_id: HEAD }]);
    const listed = await portFor(api).port.listReviewComments(REPO, 9);
    expect(listed.map((c) => [c.line, c.login])).toEqual([
      [12, 'github-actions[bot]'],
      [18, 'github-actions[bot]'],
      [20, 'github-actions[bot]'],
    ]);
  });

  it('sends nothing for an empty review without a body', async () => {
    api.addPull(owner, repo, 9, { headSha: HEAD });
    await portFor(api).port.createReview(REPO, 9, HEAD, []);
    expect(api.requests).toHaveLength(0);
  });

  it('passes on GitHub’s 422 for a line outside the diff, not as a permission error', async () => {
    invalidExpected = true;
    api.addPull(owner, repo, 9, { headSha: HEAD, files: [{ filename: 'README.md', patch: addedLinesPatch(10, 12) }] });
    const error = await caught(portFor(api).port.createReview(REPO, 9, HEAD, [{ path: 'README.md', line: 40, body: 'x' }]));
    expect(error).not.toBeInstanceOf(GitHubPermissionError);
    expect((error as { status?: number }).status).toBe(422);
    expectNoToken(error);
    expect(api.invalid).toMatchObject([{ kind: 'github', operation: 'pulls/create-review' }]);
    expect(api.requests).toHaveLength(1);
  });
});

describe('issue comments', () => {
  it('lists all of them with their authors, 100 a page', async () => {
    api.addPull(owner, repo, 3);
    for (let i = 0; i < 120; i++) api.addIssueComment(owner, repo, 3, `comment ${i}`, i % 2 ? 'github-actions[bot]' : 'maintainer');
    const comments = await portFor(api).port.listIssueComments(REPO, 3);
    expect(comments).toHaveLength(120);
    expect(comments[0]).toEqual({ id: expect.any(Number), body: 'comment 0', login: 'maintainer' });
    expect(comments[119]).toEqual({ id: expect.any(Number), body: 'comment 119', login: 'github-actions[bot]' });
    expect(api.requests.map((r) => r.query)).toEqual([{ per_page: '100' }, { per_page: '100', page: '2' }]);
  });

  it('creates one as the token’s bot and updates it in place', async () => {
    api.addPull(owner, repo, 3);
    const { port } = portFor(api);
    const { id } = await port.createIssueComment(REPO, 3, 'first <!-- listwarden -->');
    await port.updateIssueComment(REPO, id, 'second <!-- listwarden -->');
    expect(api.state.issueComments).toMatchObject([{ id, issue: 3, body: 'second <!-- listwarden -->', user: { login: 'github-actions[bot]' } }]);
    expect(api.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `POST /repos/${owner}/${repo}/issues/3/comments 201`,
      `PATCH /repos/${owner}/${repo}/issues/comments/${id} 200`,
    ]);
    expect(await port.listIssueComments(REPO, 3)).toEqual([{ id, body: 'second <!-- listwarden -->', login: 'github-actions[bot]' }]);
  });

  it('cuts a body over GitHub’s 65,536 characters instead of being refused', async () => {
    api.addPull(owner, repo, 3);
    const { port, log } = portFor(api);
    await port.createIssueComment(REPO, 3, 'x'.repeat(70_000));
    expect(api.state.issueComments[0]?.body.length).toBeLessThanOrEqual(65536);
    expect(log.warn).toHaveLength(1);
  });
});

describe('retries', () => {
  it('retries a 502 on a read: one call, two requests', async () => {
    api.addPull(owner, repo, 3);
    api.addIssueComment(owner, repo, 3, 'hello');
    api.failNext('GET', '/repos/{owner}/{repo}/issues/3/comments', { status: 502, body: { message: 'Server Error' } });
    const comments = await portFor(api).port.listIssueComments(REPO, 3);
    expect(comments.map((c) => c.body)).toEqual(['hello']);
    expect(api.requests.map((r) => r.status)).toEqual([502, 200]);
  });

  it('retries a 502 on a write, which lands once', async () => {
    api.addPull(owner, repo, 3);
    api.failNext('POST', '/repos/{owner}/{repo}/issues/3/comments', { status: 502 });
    await portFor(api).port.createIssueComment(REPO, 3, 'body');
    expect(api.requests.map((r) => r.status)).toEqual([502, 201]);
    expect(api.state.issueComments).toHaveLength(1);
  });

  it('gives up after the configured retries with the server’s error', async () => {
    api.failNext('GET', '/repos/{owner}/{repo}/contents/README.md', { status: 503, times: 5 });
    const error = await caught(portFor(api, { retries: 1 }).port.getFileText(REPO, 'README.md', 'main'));
    expect((error as { status?: number }).status).toBe(503);
    expectNoToken(error);
    expect(api.requests).toHaveLength(2);
  });

  it('waits out a secondary rate limit (403, retry-after) and tries again', async () => {
    api.addPull(owner, repo, 3);
    api.failNext('POST', '/repos/{owner}/{repo}/issues/3/comments', {
      status: 403,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
    });
    const { port, log } = portFor(api);
    const started = Date.now();
    await port.createIssueComment(REPO, 3, 'body');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(api.requests.map((r) => r.status)).toEqual([403, 201]);
    expect(api.state.issueComments).toHaveLength(1);
    expect(log.info.join('\n')).toMatch(/secondary rate limit on POST .*retrying in 1 s/);
  });

  it('waits out a secondary rate limit answered 429', async () => {
    api.failNext('GET', '/user', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit.' },
    });
    await expect(portFor(api).port.viewerLogin()).resolves.toBeUndefined();
    expect(api.requests.map((r) => r.status)).toEqual([429, 403]);
  });

  it('waits out a primary rate limit (x-ratelimit-remaining: 0) until its reset', async () => {
    api.setFile(owner, repo, 'main', 'README.md', 'text');
    api.failNext('GET', '/repos/{owner}/{repo}/contents/README.md', {
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) - 5) },
      body: { message: 'API rate limit exceeded for installation ID 1.' },
    });
    await expect(portFor(api).port.getFileText(REPO, 'README.md', 'main')).resolves.toBe('text');
    expect(api.requests.map((r) => r.status)).toEqual([403, 200]);
  });

  it('stops after the allowed rate-limit retries, with a rate-limit error that is not a permission error', async () => {
    api.addPull(owner, repo, 3);
    api.failNext('POST', '/repos/{owner}/{repo}/issues/3/comments', {
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) - 5) },
      body: { message: 'API rate limit exceeded for installation ID 1.' },
      times: 10,
    });
    const { port, log } = portFor(api, { throttle: { onRateLimitRetries: 2 } });
    const error = await caught(port.createIssueComment(REPO, 3, 'body'));
    expect(error).not.toBeInstanceOf(GitHubPermissionError);
    expect((error as { status?: number }).status).toBe(403);
    expectNoToken(error);
    expect(api.requests).toHaveLength(3);
    expect(log.warn.join('\n')).toMatch(/giving up after 2 retries/);
  });

  it('does not wait longer than the cap', async () => {
    api.failNext('GET', '/repos/{owner}/{repo}/contents/README.md', {
      status: 403,
      headers: { 'retry-after': '3600' },
      body: { message: 'You have exceeded a secondary rate limit.' },
    });
    const { port, log } = portFor(api);
    const started = Date.now();
    const error = await caught(port.getFileText(REPO, 'README.md', 'main'));
    expect((error as { status?: number }).status).toBe(403);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(api.requests).toHaveLength(1);
    expect(log.warn.join('\n')).toMatch(/lifts in 3600 s \(more than 60 s\)/);
  });
});

describe('read-only tokens', () => {
  it('refuses every write with GitHubPermissionError, unretried, while reads work', async () => {
    api.readOnly = true;
    api.setFile(owner, repo, HEAD, 'README.md', '# list');
    api.addPull(owner, repo, 4, { headSha: HEAD, files: [{ filename: 'README.md' }] });
    const existing = api.addIssueComment(owner, repo, 4, 'old');
    api.state.checkRuns.push({
      owner, repo, id: 77, name: 'listwarden', head_sha: HEAD, status: 'in_progress', conclusion: null,
      output: { title: null, summary: null, text: null }, annotations: [], writes: 0,
    });
    const { port } = portFor(api);
    const output = { title: 't', summary: 's' };
    const writes: [string, () => Promise<unknown>][] = [
      ['createCheckRun', () => port.createCheckRun(REPO, { name: 'listwarden', head_sha: HEAD, status: 'in_progress', output })],
      ['updateCheckRun', () => port.updateCheckRun(REPO, 77, { status: 'completed', conclusion: 'success', output })],
      ['createReview', () => port.createReview(REPO, 4, HEAD, [{ path: 'README.md', line: 1, body: 'x' }])],
      ['createIssueComment', () => port.createIssueComment(REPO, 4, 'new')],
      ['updateIssueComment', () => port.updateIssueComment(REPO, existing.id, 'new')],
    ];
    for (const [name, write] of writes) {
      const error = await caught(write());
      expect([name, error]).toEqual([name, expect.any(GitHubPermissionError)]);
      expect((error as GitHubPermissionError).status).toBe(403);
      expect((error as Error).message).toMatch(/Resource not accessible by integration/);
      expectNoToken(error);
    }
    expect(api.requests.filter((r) => r.method !== 'GET').map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    await expect(port.getFileText(REPO, 'README.md', HEAD)).resolves.toBe('# list');
    await expect(port.listPullFiles(REPO, 4)).resolves.toEqual([{ filename: 'README.md', status: 'modified' }]);
    await expect(port.listIssueComments(REPO, 4)).resolves.toHaveLength(1);
    await expect(port.listCheckRuns(REPO, HEAD, 'listwarden')).resolves.toHaveLength(1);
    expect(api.state.issueComments.map((c) => c.body)).toEqual(['old']);
  });

  it('takes a 404 on a create as a refusal, but a 404 on an update as the thing being gone', async () => {
    const { port } = portFor(api);
    const created = await caught(port.createIssueComment(REPO, 404, 'body')); // GitHub hides what the token may not see
    expect(created).toBeInstanceOf(GitHubPermissionError);
    expect((created as GitHubPermissionError).status).toBe(404);
    const updated = await caught(port.updateIssueComment(REPO, 999_999, 'body'));
    expect(updated).not.toBeInstanceOf(GitHubPermissionError);
    expect((updated as { status?: number }).status).toBe(404);
  });
});

describe('connection', () => {
  it('works under a base path with a trailing slash, as GITHUB_API_URL may be on GHES', async () => {
    const ghes = await startGitHubApiStandIn({ token: TOKEN, basePath: '/api/v3' });
    try {
      ghes.setFile(owner, repo, 'main', 'README.md', 'ghes');
      const { port } = portFor(ghes, { baseUrl: `${ghes.url}/` });
      await expect(port.getFileText(REPO, 'README.md', 'main')).resolves.toBe('ghes');
      expect(ghes.requests).toMatchObject([{ path: `/repos/${owner}/${repo}/contents/README.md`, status: 200 }]);
      expect(ghes.requests[0]?.headers['user-agent']).toMatch(/^listwarden /);
    } finally {
      await ghes.close();
    }
  });

  it('sends the user agent it is given', async () => {
    api.setFile(owner, repo, 'main', 'README.md', 'x');
    await portFor(api, { userAgent: 'listwarden-action/1.2.3' }).port.getFileText(REPO, 'README.md', 'main');
    expect(api.requests[0]?.headers['user-agent']).toMatch(/^listwarden-action\/1\.2\.3 octokit-core/);
  });
});
