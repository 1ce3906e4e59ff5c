import { describe, expect, it } from '@jest/globals';
import { MAX_COMMENT_BODY } from '../../src/github/github-limits.js';
import { GitHubPermissionError } from '../../src/github/port.js';
import { leaseRef, withLease } from '../../src/use-cases/lease.js';
import { REPO, portFor, rejectionOf, standInPerTest } from './helpers/port-fixture.js';

/** The git side of the Octokit port, against the REST stand-in: refs, commits, trees, comparisons, pulls. */

const { owner, repo } = REPO;
const BRANCH = 'listwarden/maintenance';
const { api, expectRefused } = standInPerTest();

/** main with a list and a doc; returns its head. */
function seedMain(): string {
  return api().pushCommit(owner, repo, 'main', { files: { 'README.md': '# Awesome\n', 'docs/guide.md': 'guide\n' }, message: 'Initial', login: 'maintainer' });
}

describe('repository reads', () => {
  it('reads the default branch', async () => {
    api().setRepository(owner, repo, { defaultBranch: 'trunk' });
    await expect(portFor(api()).port.getDefaultBranch(REPO)).resolves.toBe('trunk');
  });

  it('lists every file at a branch or sha, without directories', async () => {
    const first = seedMain();
    api().pushCommit(owner, repo, 'main', { files: { 'lists/a/b.md': 'b', 'docs/guide.md': null } });
    const { port, log } = portFor(api());
    await expect(port.listFiles(REPO, 'main')).resolves.toEqual(['README.md', 'lists/a/b.md']);
    await expect(port.listFiles(REPO, first)).resolves.toEqual(['README.md', 'docs/guide.md']);
    expect(api().requestsTo('GET', '/repos/{owner}/{repo}/git/trees/*')[0]?.query).toEqual({ recursive: '1' });
    expect(log.warn).toEqual([]);
  });

  it('warns when GitHub cuts a large tree', async () => {
    seedMain();
    api().state.treeEntryLimit = 2;
    const { port, log } = portFor(api());
    await expect(port.listFiles(REPO, 'main')).resolves.toEqual(['README.md']); // the cut came after "docs/"
    expect(log.warn).toEqual([expect.stringContaining('only part of the files')]);
  });

  it('fails for a ref that does not exist', async () => {
    const error = await rejectionOf(portFor(api()).port.listFiles(REPO, 'nope'));
    expect((error as { status?: number }).status).toBe(404);
  });
});

describe('refs', () => {
  it('reads a branch’s head (slashes and all), undefined when there is none', async () => {
    seedMain();
    const sha = api().pushCommit(owner, repo, BRANCH, { files: { 'README.md': '# Fixed\n' } });
    const { port } = portFor(api());
    await expect(port.getBranchSha(REPO, BRANCH)).resolves.toBe(sha);
    await expect(port.getBranchSha(REPO, 'gone')).resolves.toBeUndefined();
    await expect(port.getRefSha(REPO, `refs/heads/${BRANCH}`)).resolves.toBe(sha);
    await expect(port.getRefSha(REPO, 'refs/listwarden/lease-x')).resolves.toBeUndefined();
  });

  it('creates a ref once: the second creation is false (GitHub’s 422), so it can serve as a lock', async () => {
    const head = seedMain();
    const { port } = portFor(api());
    await expect(port.createRef(REPO, 'refs/listwarden/lease-report', head)).resolves.toBe(true);
    await expect(port.createRef(REPO, 'refs/listwarden/lease-report', head)).resolves.toBe(false);
    expect(expectRefused()).toMatchObject([{ operation: 'git/create-ref', kind: 'github', errors: ['Reference already exists'] }]);
    await expect(port.getRefSha(REPO, 'refs/listwarden/lease-report')).resolves.toBe(head);
    await port.deleteRef(REPO, 'refs/listwarden/lease-report');
    await port.deleteRef(REPO, 'refs/listwarden/lease-report'); // gone already: fine
    expect(api().refsOf(owner, repo)).toEqual({ 'refs/heads/main': head });
  });

  it('holds a lease through the port: a second run meanwhile is turned away', async () => {
    const head = seedMain();
    const { port } = portFor(api());
    const options = { now: () => Date.UTC(2025, 5, 1), baseSha: head };
    const outcome = await withLease(port, REPO, 'report', options, async () => {
      expect(Object.keys(api().refsOf(owner, repo))).toContain(leaseRef('report'));
      return withLease(port, REPO, 'report', options, async () => 'twin');
    });
    expect(outcome).toEqual({ ran: true, value: { ran: false, heldUntil: '2025-06-01T00:30:00.000Z' } });
    expect(api().refsOf(owner, repo)).toEqual({ 'refs/heads/main': head });
    expectRefused(); // the twin's createRef was GitHub's 422
  });

  it('creates a branch, and throws when it exists', async () => {
    const head = seedMain();
    const { port } = portFor(api());
    await port.createBranch(REPO, BRANCH, head);
    expect(api().branchSha(owner, repo, BRANCH)).toBe(head);
    expect((await rejectionOf(port.createBranch(REPO, BRANCH, head)) as { status?: number }).status).toBe(422);
    expectRefused();
  });

  it('moves a branch forward; back or sideways only with force', async () => {
    const first = seedMain();
    const second = api().pushCommit(owner, repo, 'main', { files: { 'README.md': '# Two\n' } });
    api().setRef(owner, repo, `refs/heads/${BRANCH}`, first);
    const { port } = portFor(api());
    await port.updateBranch(REPO, BRANCH, second, false);
    const error = await rejectionOf(port.updateBranch(REPO, BRANCH, first, false));
    expect((error as { status?: number }).status).toBe(422);
    expect(expectRefused()).toMatchObject([{ operation: 'git/update-ref', errors: ['Update is not a fast forward'] }]);
    expect(api().branchSha(owner, repo, BRANCH)).toBe(second);
    await port.updateBranch(REPO, BRANCH, first, true);
    expect(api().branchSha(owner, repo, BRANCH)).toBe(first);
  });
});

describe('commits', () => {
  it('reads a commit’s message and parents, undefined for an unknown sha', async () => {
    const first = seedMain();
    const second = api().pushCommit(owner, repo, 'main', { files: { 'a.md': 'a' }, message: 'Add a\n\nbecause' });
    const { port } = portFor(api());
    await expect(port.getCommit(REPO, second)).resolves.toEqual({ sha: second, message: 'Add a\n\nbecause', parents: [first] });
    await expect(port.getCommit(REPO, 'f'.repeat(40))).resolves.toBeUndefined();
  });

  it('creates a commit on a parent with files replaced, moving no branch', async () => {
    const head = seedMain();
    const { port } = portFor(api());
    const sha = await port.createCommit(REPO, { message: 'Fix links', parentSha: head, files: [{ path: 'README.md', content: '# Fixed ✓\n' }, { path: 'new/file.md', content: 'n' }] });
    expect(api().commitAt(owner, repo, sha)).toMatchObject({ message: 'Fix links', parents: [head], author: 'github-actions[bot]' });
    expect(Object.fromEntries(api().commitAt(owner, repo, sha)?.files ?? [])).toEqual({ 'README.md': '# Fixed ✓\n', 'docs/guide.md': 'guide\n', 'new/file.md': 'n' });
    expect(api().branchSha(owner, repo, 'main')).toBe(head);
    expect(api().requestsTo('POST', '/repos/{owner}/{repo}/git/trees')[0]?.body).toMatchObject({
      base_tree: api().commitAt(owner, repo, head)?.treeSha,
      tree: [{ path: 'README.md', mode: '100644', type: 'blob', content: '# Fixed ✓\n' }, expect.anything()],
    });
  });

  it('makes an empty commit (the parent’s tree) when no files are given', async () => {
    const head = seedMain();
    const { port } = portFor(api());
    const sha = await port.createCommit(REPO, { message: 'lease', parentSha: head, files: [] });
    expect(sha).not.toBe(head);
    expect(api().commitAt(owner, repo, sha)?.treeSha).toBe(api().commitAt(owner, repo, head)?.treeSha);
    expect(api().requestsTo('POST', '/repos/{owner}/{repo}/git/trees')).toEqual([]);
  });

  it('says what to do when the parent is unknown', async () => {
    const error = await rejectionOf(portFor(api()).port.createCommit(REPO, { message: 'm', parentSha: 'f'.repeat(40), files: [] }));
    expect((error as Error).message).toMatch(/no such commit — fetch the branch again/);
  });

  it('lists the commits between two refs, oldest first, with their people’s logins', async () => {
    const base = seedMain();
    const { port } = portFor(api());
    const bot = await port.createCommit(REPO, { message: 'Fix', parentSha: base, files: [{ path: 'README.md', content: 'fixed' }] });
    await port.createBranch(REPO, BRANCH, bot);
    const human = api().pushCommit(owner, repo, BRANCH, { files: { 'README.md': 'mine' }, message: 'Tweak', login: 'maintainer' });
    const commits = await port.listCommitsBetween(REPO, 'main', BRANCH);
    expect(commits).toEqual([
      { sha: bot, message: 'Fix', authorLogin: 'github-actions[bot]', committerLogin: 'github-actions[bot]', parents: [base] },
      { sha: human, message: 'Tweak', authorLogin: 'maintainer', committerLogin: 'maintainer', parents: [bot] },
    ]);
    await expect(port.listCommitsBetween(REPO, BRANCH, 'main')).resolves.toEqual([]);
  });

  it('pages through long comparisons', async () => {
    seedMain();
    for (let i = 0; i < 130; i++) api().pushCommit(owner, repo, BRANCH, { files: { 'n.md': String(i) }, message: `c${i}` });
    const commits = await portFor(api()).port.listCommitsBetween(REPO, 'main', BRANCH);
    expect(commits.map((c) => c.message)).toEqual(Array.from({ length: 130 }, (_, i) => `c${i}`));
    expect(api().requestsTo('GET', '/repos/{owner}/{repo}/compare/*').map((r) => r.query.page)).toEqual(['1', '2']);
  });
});

describe('pulls', () => {
  it('opens a pull from a branch and reads it back', async () => {
    const base = seedMain();
    const { port } = portFor(api());
    const fix = await port.createCommit(REPO, { message: 'Fix', parentSha: base, files: [{ path: 'README.md', content: '# Awesome!\n' }] });
    await port.createBranch(REPO, BRANCH, fix);
    const { number } = await port.createPull(REPO, { title: 'listwarden: maintenance', body: 'Fixes', head: BRANCH, base: 'main' });
    await expect(port.getPull(REPO, number)).resolves.toEqual({
      number,
      state: 'open',
      merged: false,
      title: 'listwarden: maintenance',
      body: 'Fixes',
      headRef: BRANCH,
      headSha: fix,
      headRepo: `${owner}/${repo}`,
      baseRef: 'main',
      baseSha: base,
    });
    await expect(port.listPullFiles(REPO, number)).resolves.toEqual([{ filename: 'README.md', status: 'modified' }]);
    await expect(port.getPull(REPO, 999)).resolves.toBeUndefined();
  });

  it('cuts a pull body past GitHub’s limit', async () => {
    seedMain();
    api().pushCommit(owner, repo, BRANCH, { files: { 'x.md': 'x' } });
    const { port, log } = portFor(api());
    const { number } = await port.createPull(REPO, { title: 't', body: 'y'.repeat(MAX_COMMENT_BODY + 1), head: BRANCH, base: 'main' });
    expect(api().pull(owner, repo, number)?.body.length).toBeLessThanOrEqual(MAX_COMMENT_BODY);
    expect(log.warn).toHaveLength(1);
  });

  it('is refused a twin of an open pull and a pull without commits', async () => {
    seedMain();
    api().setRef(owner, repo, 'refs/heads/empty', api().branchSha(owner, repo, 'main'));
    api().pushCommit(owner, repo, BRANCH, { files: { 'x.md': 'x' } });
    const { port } = portFor(api());
    await port.createPull(REPO, { title: 't', body: 'b', head: BRANCH, base: 'main' });
    expect((await rejectionOf(port.createPull(REPO, { title: 't', body: 'b', head: BRANCH, base: 'main' })) as { status?: number }).status).toBe(422);
    expect((await rejectionOf(port.createPull(REPO, { title: 't', body: 'b', head: 'empty', base: 'main' })) as { status?: number }).status).toBe(422);
    expect(expectRefused().map((r) => r.errors)).toEqual([[`A pull request already exists for ${owner}:${BRANCH}.`], ['No commits between main and empty']]);
  });

  it('lists a branch’s pulls by state, merged ones told apart', async () => {
    seedMain();
    api().pushCommit(owner, repo, BRANCH, { files: { 'x.md': 'x' } });
    const merged = api().openPull(owner, repo, { head: BRANCH, title: 'first' }).number;
    api().mergePull(owner, repo, merged);
    api().pushCommit(owner, repo, BRANCH, { files: { 'y.md': 'y' } });
    const closed = api().openPull(owner, repo, { head: BRANCH, title: 'second' }).number;
    api().closePull(owner, repo, closed);
    api().pushCommit(owner, repo, BRANCH, { files: { 'z.md': 'z' } });
    const open = api().openPull(owner, repo, { head: BRANCH, title: 'third' }).number;
    api().pushCommit(owner, repo, 'other', { files: { 'o.md': 'o' } });
    api().openPull(owner, repo, { head: 'other' });
    const { port } = portFor(api());
    await expect(port.listPullsForBranch(REPO, BRANCH, 'open')).resolves.toMatchObject([{ number: open, state: 'open', merged: false }]);
    await expect(port.listPullsForBranch(REPO, BRANCH, 'all')).resolves.toMatchObject([
      { number: open, state: 'open', merged: false },
      { number: closed, state: 'closed', merged: false },
      { number: merged, state: 'closed', merged: true },
    ]);
    await expect(port.getPull(REPO, merged)).resolves.toMatchObject({ state: 'closed', merged: true });
    expect(api().requestsTo('GET', '/repos/{owner}/{repo}/pulls')[0]?.query).toMatchObject({ head: `${owner}:${BRANCH}`, state: 'open' });
  });

  it('has no head repository when the fork is gone', async () => {
    api().addPull(owner, repo, 4, { headRepo: null });
    await expect(portFor(api()).port.getPull(REPO, 4)).resolves.not.toHaveProperty('headRepo');
  });

  it('updates only the fields given, and closes', async () => {
    seedMain();
    api().pushCommit(owner, repo, BRANCH, { files: { 'x.md': 'x' } });
    const { number } = api().openPull(owner, repo, { head: BRANCH, title: 'old', body: 'old body' });
    const { port } = portFor(api());
    await port.updatePull(REPO, number, { body: 'new body' });
    await port.updatePull(REPO, number, { state: 'closed' });
    expect(api().requestsTo('PATCH', '/repos/{owner}/{repo}/pulls/*').map((r) => r.body)).toEqual([{ body: 'new body' }, { state: 'closed' }]);
    expect(api().pull(owner, repo, number)).toMatchObject({ title: 'old', body: 'new body', state: 'closed', merged_at: null });
  });
});

describe('a read-only token', () => {
  it('turns every refused write into GitHubPermissionError and changes nothing', async () => {
    const head = seedMain();
    api().pushCommit(owner, repo, BRANCH, { files: { 'x.md': 'x' } });
    const { number } = api().openPull(owner, repo, { head: BRANCH });
    const before = api().refsOf(owner, repo);
    api().readOnly = true;
    const { port } = portFor(api());
    const attempts = [
      () => port.createCommit(REPO, { message: 'm', parentSha: head, files: [{ path: 'a', content: 'a' }] }),
      () => port.createCommit(REPO, { message: 'm', parentSha: head, files: [] }),
      () => port.createBranch(REPO, 'new', head),
      () => port.updateBranch(REPO, BRANCH, head, true),
      () => port.createRef(REPO, 'refs/listwarden/lease-x', head),
      () => port.deleteRef(REPO, `refs/heads/${BRANCH}`),
      () => port.createPull(REPO, { title: 't', body: 'b', head: BRANCH, base: 'main' }),
      () => port.updatePull(REPO, number, { state: 'closed' }),
    ];
    for (const attempt of attempts) {
      const error = await rejectionOf(attempt());
      expect(error).toBeInstanceOf(GitHubPermissionError);
    }
    expect(api().refsOf(owner, repo)).toEqual(before);
    expect(api().pull(owner, repo, number)?.state).toBe('open');
  });
});
