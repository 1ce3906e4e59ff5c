import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { primaryRateLimit, secondaryRateLimit, startGitHubApiStandIn, type GitHubApiStandIn } from './helpers/api-stand-in.js';
import { rightLines } from './helpers/diff-lines.js';
import { withNulls } from './helpers/request-schemas.js';

/** The stand-in itself: what it refuses, records, pages and fails on demand. */

const TOKEN = 'stand-in-token';
let api: GitHubApiStandIn;

beforeEach(async () => {
  api = await startGitHubApiStandIn({ token: TOKEN });
  api.addPull('o', 'r', 1, { headSha: 'h'.repeat(40), files: [{ filename: 'README.md', patch: '@@ -1,2 +1,3 @@\n a\n+b\n c' }] });
});

afterEach(() => api.close());

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: json as Record<string, unknown> };
}

const run = (extra: Record<string, unknown> = {}) => ({ name: 'lw', head_sha: 'h'.repeat(40), output: { title: 't', summary: 's' }, ...extra });

describe('request bodies', () => {
  it('answers a body against the schema with 422 and records it', async () => {
    const annotation = { path: 'README.md', start_line: 1, end_line: 1, annotation_level: 'warning', message: 'm' };
    const tooMany = { title: 't', summary: 's', annotations: Array.from({ length: 51 }, () => annotation) };
    expect((await call('POST', '/repos/o/r/check-runs', { head_sha: 'x' })).status).toBe(422);
    expect((await call('POST', '/repos/o/r/check-runs', run({ output: tooMany }))).status).toBe(422);
    expect((await call('POST', '/repos/o/r/check-runs', run({ status: 'done' }))).status).toBe(422);
    expect((await call('POST', '/repos/o/r/issues/1/comments', { body: 5 })).status).toBe(422);
    expect(api.invalid.map((i) => [i.operation, i.kind, i.errors.join('; ')])).toEqual([
      ['checks/create', 'schema', expect.stringContaining("must have required property 'name'")],
      ['checks/create', 'schema', expect.stringContaining('/output/annotations must NOT have more than 50 items')],
      ['checks/create', 'schema', expect.stringContaining('/status must be equal to one of the allowed values')],
      ['issues/create-comment', 'schema', expect.stringContaining('/body must be string')],
    ]);
    expect(api.state.checkRuns).toEqual([]);
  });

  it('answers unparsable JSON with 400', async () => {
    expect((await call('POST', '/repos/o/r/issues/1/comments', '{"body":')).status).toBe(400);
    expect(api.invalid).toMatchObject([{ kind: 'json' }]);
  });

  it('refuses what GitHub refuses beyond the schema', async () => {
    const spanning = { path: 'a', start_line: 1, end_line: 2, start_column: 1, end_column: 3, annotation_level: 'notice', message: 'm' };
    expect((await call('POST', '/repos/o/r/check-runs', run({ status: 'completed' }))).status).toBe(422);
    expect((await call('POST', '/repos/o/r/check-runs', run({ output: { title: 't', summary: 's', annotations: [spanning] } }))).status).toBe(422);
    const review = (comments: unknown[], extra = {}) => call('POST', '/repos/o/r/pulls/1/reviews', { event: 'COMMENT', comments, ...extra });
    expect((await review([])).status).toBe(422);
    expect((await review([{ path: 'other.md', line: 2, body: 'x' }])).status).toBe(422);
    expect((await review([{ path: 'README.md', line: 9, body: 'x' }])).status).toBe(422);
    expect((await review([{ path: 'README.md', line: 2, start_line: 2, body: 'x' }])).status).toBe(422);
    expect((await review([{ path: 'README.md', line: 2, body: 'x' }], { commit_id: 'nope' })).status).toBe(422);
    expect(api.invalid.map((i) => i.kind)).toEqual(Array(7).fill('github'));
    expect((await review([{ path: 'README.md', line: 2, body: 'x' }])).status).toBe(200);
    expect((await review([{ path: 'README.md', line: 3, start_line: 1, body: 'x' }])).status).toBe(200);
    expect(api.state.reviewComments).toHaveLength(2);
  });
});

describe('state', () => {
  it('appends check-run annotations across updates and replaces the rest of the output', async () => {
    const annotation = (n: number) => ({ path: 'a', start_line: n, end_line: n, annotation_level: 'notice', message: `m${n}` });
    const created = await call('POST', '/repos/o/r/check-runs', run({ status: 'in_progress', output: { title: 'a', summary: 'a', annotations: [annotation(1)] } }));
    expect(created.status).toBe(201);
    const id = created.json.id as number;
    const patch = (body: unknown) => call('PATCH', `/repos/o/r/check-runs/${id}`, body);
    expect((await patch({ output: { title: 'b', summary: 'b', annotations: [annotation(2)] } })).status).toBe(200);
    expect((await patch({ status: 'completed' })).status).toBe(422); // no conclusion: the schema's anyOf
    expect((await patch({ conclusion: 'success' })).json).toMatchObject({ status: 'completed', conclusion: 'success', output: { title: 'b', annotations_count: 2 } });
    expect(api.state.checkRuns[0]?.annotations.map((a) => a.message)).toEqual(['m1', 'm2']);
    expect((await call('PATCH', '/repos/o/r/check-runs/999', { conclusion: 'success' })).status).toBe(404);
  });

  it('serves files raw or as GitHub’s JSON, and directories as listings', async () => {
    api.setFile('o', 'r', 'main', 'docs/a b.md', 'text ✓');
    api.setFile('o', 'r', 'main', 'docs/sub/c.md', 'c');
    const raw = await call('GET', '/repos/o/r/contents/docs%2Fa%20b.md', undefined, { accept: 'application/vnd.github.raw' });
    expect([raw.status, raw.text]).toEqual([200, 'text ✓']);
    const json = await call('GET', '/repos/o/r/contents/docs/a%20b.md?ref=main');
    expect(Buffer.from(String(json.json.content), 'base64').toString()).toBe('text ✓');
    expect(json.json).toMatchObject({ type: 'file', encoding: 'base64', path: 'docs/a b.md', name: 'a b.md' });
    const listing = await call('GET', '/repos/o/r/contents/docs');
    expect(listing.json).toEqual([
      { type: 'file', name: 'a b.md', path: 'docs/a b.md' },
      { type: 'dir', name: 'sub', path: 'docs/sub' },
    ]);
    expect((await call('GET', '/repos/o/r/contents/docs/a%20b.md?ref=other')).status).toBe(404);
  });

  it('pages lists with GitHub’s Link header', async () => {
    for (let i = 0; i < 5; i++) api.addIssueComment('o', 'r', 1, `c${i}`);
    const first = await call('GET', '/repos/o/r/issues/1/comments?per_page=2');
    expect((first.json as unknown as unknown[]).length).toBe(2);
    expect(first.headers.get('link')).toBe(
      `<${api.url}/repos/o/r/issues/1/comments?per_page=2&page=2>; rel="next", <${api.url}/repos/o/r/issues/1/comments?per_page=2&page=3>; rel="last"`,
    );
    const last = await call('GET', '/repos/o/r/issues/1/comments?per_page=2&page=3');
    expect(last.json).toMatchObject([{ body: 'c4' }]);
    expect(last.headers.get('link')).not.toContain('rel="next"');
  });

  it('answers 404 for issues that do not exist and records routes it does not know', async () => {
    expect((await call('POST', '/repos/o/r/issues/2/comments', { body: 'x' })).status).toBe(404);
    expect((await call('GET', '/repos/o/r/branches')).status).toBe(404);
    expect(api.unmatched.map((r) => r.path)).toEqual(['/repos/o/r/branches']);
  });
});

describe('access and faults', () => {
  it('asks for the token', async () => {
    expect((await call('GET', '/repos/o/r/pulls/1', undefined, { authorization: 'token wrong' })).status).toBe(401);
    expect((await call('GET', '/repos/o/r/pulls/1', undefined, { authorization: `bearer ${TOKEN}` })).status).toBe(200);
  });

  it('refuses writes in read-only mode and still serves reads', async () => {
    api.readOnly = true;
    const refused = await call('POST', '/repos/o/r/issues/1/comments', { body: 'x' });
    expect([refused.status, refused.json.message]).toEqual([403, 'Resource not accessible by integration']);
    expect((await call('GET', '/repos/o/r/issues/1/comments')).status).toBe(200);
    expect(api.state.issueComments).toEqual([]);
  });

  it('fails the next matching requests as told, then answers normally', async () => {
    api.failNext('GET', '/repos/{owner}/{repo}/pulls/*', { status: 502, times: 2 });
    api.failNext('*', '/user', secondaryRateLimit(1));
    expect((await call('GET', '/repos/o/r/pulls/1')).status).toBe(502);
    expect((await call('GET', '/repos/o/r/pulls/1/files')).status).toBe(502);
    expect((await call('GET', '/repos/o/r/pulls/1')).status).toBe(200);
    const limited = await call('GET', '/user');
    expect([limited.status, limited.headers.get('retry-after'), limited.json.message]).toEqual([403, '1', expect.stringMatching(/secondary rate limit/)]);
    expect(primaryRateLimit().headers).toMatchObject({ 'x-ratelimit-remaining': '0' });
    expect(api.requests.map((r) => r.status)).toEqual([502, 502, 200, 403]);
  });

  it('takes extra routes, tried before its own', async () => {
    api.route('GET', '/repos/{owner}/{repo}/pulls/{pull_number}', ({ params }) => ({ status: 200, body: { custom: params.pull_number } }));
    expect((await call('GET', '/repos/o/r/pulls/1')).json).toEqual({ custom: '1' });
  });

  it('turns a throwing route into a recorded 400 rather than a hang', async () => {
    api.route('GET', '/boom', () => {
      throw new Error('broken route');
    });
    expect((await call('GET', '/boom')).status).toBe(400);
    expect(api.invalid).toMatchObject([{ kind: 'stand-in' }]);
  });
});

describe('helpers', () => {
  it('reads the head-side lines of a patch and their hunks', () => {
    const patch = '@@ -1,2 +1,3 @@\n a\n+b\n c\n@@ -10,2 +11,1 @@\n-x\n y\n\\ No newline at end of file';
    expect([...rightLines(patch)]).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
      [11, 1],
    ]);
  });

  it('turns OpenAPI nullable into JSON Schema', () => {
    expect(withNulls({ type: 'string', nullable: true, enum: ['a'] })).toEqual({ type: ['string', 'null'], enum: ['a', null] });
    expect(withNulls({ properties: { m: { oneOf: [{ type: 'string' }], nullable: true } } })).toEqual({
      properties: { m: { anyOf: [{ oneOf: [{ type: 'string' }] }, { type: 'null' }] } },
    });
  });
});

describe('git model', () => {
  it('commits setFile on a branch (new branches start from the default branch) and serves contents at any revision', async () => {
    api.setFile('o', 'r', 'main', 'README.md', 'one');
    const first = api.branchSha('o', 'r', 'main') ?? '';
    api.setFile('o', 'r', 'main', 'README.md', 'two');
    api.setFile('o', 'r', 'feature', 'extra.md', 'x');
    expect(api.historyOf('o', 'r', 'main').map((c) => c.sha)).toEqual([api.branchSha('o', 'r', 'main'), first]);
    expect(api.fileAt('o', 'r', 'feature', 'README.md')).toBe('two');
    const raw = (path: string) => call('GET', path, undefined, { accept: 'application/vnd.github.raw' });
    expect((await raw('/repos/o/r/contents/README.md')).text).toBe('two');
    expect((await raw(`/repos/o/r/contents/README.md?ref=${first}`)).text).toBe('one');
    expect((await raw(`/repos/o/r/contents/README.md?ref=${first.slice(0, 7)}`)).text).toBe('one');
    expect((await raw('/repos/o/r/contents/extra.md?ref=refs/heads/feature')).text).toBe('x');
    expect((await raw('/repos/o/r/contents/extra.md?ref=main')).status).toBe(404);
  });

  it('fills a made-up sha’s commit in place', async () => {
    const sha = 'c'.repeat(40);
    api.setFile('o', 'r', sha, 'a.md', 'a');
    api.setFile('o', 'r', sha, 'b.md', 'b');
    expect(Object.fromEntries(api.commitAt('o', 'r', sha)?.files ?? [])).toEqual({ 'a.md': 'a', 'b.md': 'b' });
    expect(api.refsOf('o', 'r')).toEqual({});
  });

  it('keeps open pulls on their branches: pushes move the head and its files, a deleted head branch closes the pull', async () => {
    api.pushCommit('o', 'r', 'main', { files: { 'README.md': 'a\nb\nc\n' } });
    api.pushCommit('o', 'r', 'fix', { files: { 'README.md': 'a\nB\nc\n' }, login: 'contributor' });
    const pull = api.openPull('o', 'r', { head: 'fix', login: 'contributor' });
    expect(pull.files).toEqual([{ filename: 'README.md', status: 'modified', patch: '@@ -1,3 +1,3 @@\n a\n-b\n+B\n c' }]);
    const pushed = api.pushCommit('o', 'r', 'fix', { files: { 'new.md': 'n' } });
    expect(pull.head.sha).toBe(pushed);
    expect(pull.commits).toHaveLength(2);
    expect(pull.files.map((f) => [f.filename, f.status])).toEqual([['README.md', 'modified'], ['new.md', 'added']]);
    // A review may sit on the pull's lines, as GitHub checks them.
    expect((await call('POST', `/repos/o/r/pulls/${pull.number}/reviews`, { event: 'COMMENT', comments: [{ path: 'README.md', line: 2, body: 'x' }] })).status).toBe(200);
    api.setRef('o', 'r', 'refs/heads/fix', undefined);
    expect(pull.state).toBe('closed');
    expect((await call('PATCH', `/repos/o/r/pulls/${pull.number}`, { state: 'open' })).status).toBe(422);
    expect(api.invalid.map((i) => i.errors)).toEqual([['state cannot be changed. The fix branch has been deleted.']]);
  });

  it('merges a pull with a merge commit that keeps the base’s own later changes', async () => {
    api.pushCommit('o', 'r', 'main', { files: { 'README.md': 'list', 'other.md': 'o' } });
    api.pushCommit('o', 'r', 'fix', { files: { 'README.md': 'fixed list' } });
    const pull = api.openPull('o', 'r', { head: 'fix' });
    const later = api.pushCommit('o', 'r', 'main', { files: { 'other.md': 'changed' } });
    const merge = api.mergePull('o', 'r', pull.number, { deleteBranch: true });
    expect(api.branchSha('o', 'r', 'main')).toBe(merge);
    expect(api.commitAt('o', 'r', merge ?? '')).toMatchObject({ parents: [later, pull.head.sha], committer: 'web-flow' });
    expect(Object.fromEntries(api.commitAt('o', 'r', 'main')?.files ?? [])).toEqual({ 'README.md': 'fixed list', 'other.md': 'changed' });
    expect(pull).toMatchObject({ state: 'closed', merged_at: expect.any(String) });
    expect(pull.files).toHaveLength(1); // a merged pull keeps its files
    expect(api.branchSha('o', 'r', 'fix')).toBeUndefined();
    expect((await call('GET', `/repos/o/r/pulls/${pull.number}`)).json).toMatchObject({ state: 'closed', merged: true });
  });

  it('refuses what GitHub refuses of refs and trees', async () => {
    const head = api.pushCommit('o', 'r', 'main', { files: { 'a.md': 'a' } });
    expect((await call('POST', '/repos/o/r/git/refs', { ref: 'refs/x', sha: head })).status).toBe(422);
    expect((await call('POST', '/repos/o/r/git/refs', { ref: 'refs/heads/x', sha: 'f'.repeat(40) })).status).toBe(422);
    expect((await call('PATCH', '/repos/o/r/git/refs/heads/nope', { sha: head })).status).toBe(422);
    expect((await call('DELETE', '/repos/o/r/git/refs/heads/nope')).status).toBe(422);
    expect((await call('POST', '/repos/o/r/git/trees', { tree: [{ path: 'a', mode: '100644', type: 'blob', content: 'x', sha: 'y' }] })).status).toBe(422);
    expect((await call('POST', '/repos/o/r/git/commits', { message: 'm', tree: 'f'.repeat(40) })).status).toBe(422);
    expect(api.invalid.map((i) => i.kind)).toEqual(Array(6).fill('github'));
    expect((await call('PATCH', '/repos/o/r/git/refs/heads/main', { sha: 5 })).status).toBe(422);
    expect(api.invalid[6]).toMatchObject({ kind: 'schema', operation: 'git/update-ref' });
  });
});

describe('issues, labels, reactions, permissions', () => {
  it('lists issues and pulls by all labels given and state, pulls marked as such', async () => {
    api.addIssue('o', 'r', 2, { labels: ['a', 'b'] });
    api.addIssue('o', 'r', 3, { labels: ['a'] });
    api.addPull('o', 'r', 4, { labels: ['A', 'b'] });
    const listed = await call('GET', '/repos/o/r/issues?labels=a,b');
    expect((listed.json as unknown as { number: number; pull_request?: unknown }[]).map((i) => [i.number, i.pull_request !== undefined])).toEqual([
      [4, true],
      [2, false],
    ]);
    expect((await call('GET', '/repos/o/r/issues?state=closed')).json).toEqual([]);
    // A pull's number reads and writes the pull through the issues API, as on GitHub.
    expect((await call('PATCH', '/repos/o/r/issues/4', { state: 'closed', labels: ['b'] })).json).toMatchObject({ state: 'closed', pull_request: {} });
    expect(api.pull('o', 'r', 4)).toMatchObject({ state: 'closed', labels: ['b'] });
  });

  it('validates the bodies of the operations of our own schema fixture', async () => {
    const comment = api.addIssueComment('o', 'r', 1, 'hi');
    expect((await call('POST', `/repos/o/r/issues/comments/${comment.id}/reactions`, { content: 'party' })).status).toBe(422);
    expect((await call('POST', '/repos/o/r/labels', { color: 'ffffff' })).status).toBe(422);
    expect((await call('PATCH', '/repos/o/r/pulls/1', { state: 'merged' })).status).toBe(422);
    expect(api.invalid.map((i) => [i.operation, i.kind])).toEqual([
      ['reactions/create-for-issue-comment', 'schema'],
      ['issues/create-label', 'schema'],
      ['pulls/update', 'schema'],
    ]);
  });

  it('refuses a label that exists (in any case) and a bad color', async () => {
    api.addLabel('o', 'r', 'Bug');
    expect((await call('POST', '/repos/o/r/labels', { name: 'bug' })).json).toMatchObject({ errors: [{ code: 'already_exists' }] });
    expect((await call('POST', '/repos/o/r/labels', { name: 'new', color: 'red' })).status).toBe(422);
    expect(api.labelsOf('o', 'r').map((l) => l.name)).toEqual(['Bug']);
  });

  it('answers permissions as GitHub does: legacy permission and role name', async () => {
    api.setPermission('o', 'r', 'keeper', 'maintain');
    expect((await call('GET', '/repos/o/r/collaborators/keeper/permission')).json).toMatchObject({ permission: 'write', role_name: 'maintain', user: { login: 'keeper' } });
    expect((await call('GET', '/repos/o/r/collaborators/anyone/permission')).json).toMatchObject({ permission: 'read', role_name: 'read' });
  });
});
