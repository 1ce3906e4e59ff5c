import { describe, expect, it } from '@jest/globals';
import { MAX_COMMENT_BODY } from '../../src/github/github-limits.js';
import { GitHubPermissionError } from '../../src/github/port.js';
import { REPO, portFor, rejectionOf, standInPerTest } from './helpers/port-fixture.js';

/** The issue side of the Octokit port, against the REST stand-in: issues, labels, reactions, permissions. */

const { owner, repo } = REPO;
const LABEL = 'listwarden-report';
const { api, expectRefused } = standInPerTest();

describe('listIssuesWithLabel', () => {
  it('lists the issues carrying the label, newest first, without pull requests', async () => {
    api().addIssue(owner, repo, 1, { title: 'old report', labels: [LABEL], login: 'github-actions[bot]' });
    api().addIssue(owner, repo, 2, { title: 'unrelated', labels: ['bug'] });
    api().addPull(owner, repo, 3, { title: 'a pull with the label', labels: [LABEL] });
    api().addIssue(owner, repo, 4, { title: 'new report', body: 'memory', labels: ['bug', LABEL], login: 'github-actions[bot]' });
    api().addIssue(owner, repo, 5, { title: 'closed report', labels: [LABEL], state: 'closed' });
    const { port } = portFor(api());

    const open = await port.listIssuesWithLabel(REPO, LABEL, 'open');
    expect(open).toEqual([
      { number: 4, title: 'new report', body: 'memory', state: 'open', login: 'github-actions[bot]', labels: ['bug', LABEL], createdAt: expect.any(String) },
      { number: 1, title: 'old report', body: '', state: 'open', login: 'github-actions[bot]', labels: [LABEL], createdAt: expect.any(String) },
    ]);
    expect(Date.parse(open[0]?.createdAt ?? '')).toBeGreaterThan(Date.parse(open[1]?.createdAt ?? ''));
    expect((await port.listIssuesWithLabel(REPO, LABEL, 'closed')).map((i) => i.number)).toEqual([5]);
    expect((await port.listIssuesWithLabel(REPO, LABEL, 'all')).map((i) => i.number)).toEqual([5, 4, 1]);
    expect(api().requestsTo('GET', '/repos/{owner}/{repo}/issues')[0]?.query).toEqual({
      labels: LABEL,
      state: 'open',
      sort: 'created',
      direction: 'desc',
      per_page: '100',
    });
  });

  it('pages through more than 100 issues', async () => {
    for (let n = 1; n <= 130; n++) api().addIssue(owner, repo, n, { labels: [LABEL] });
    const { port } = portFor(api());
    const issues = await port.listIssuesWithLabel(REPO, LABEL, 'open');
    expect(issues).toHaveLength(130);
    expect(issues[0]?.number).toBe(130);
    expect(api().requestsTo('GET', '/repos/{owner}/{repo}/issues')).toHaveLength(2);
  });
});

describe('createIssue and updateIssue', () => {
  it('opens an issue with labels (made when missing) and numbers it after the pulls and issues', async () => {
    api().addPull(owner, repo, 7);
    const { port } = portFor(api());
    const { number } = await port.createIssue(REPO, { title: 'Link report', body: 'body', labels: [LABEL] });
    expect(number).toBe(8);
    expect(api().issue(owner, repo, 8)).toMatchObject({ title: 'Link report', body: 'body', labels: [LABEL], state: 'open', user: { login: 'github-actions[bot]' } });
    expect(api().labelsOf(owner, repo).map((l) => l.name)).toEqual([LABEL]);
  });

  it('cuts a body past GitHub’s limit and says so', async () => {
    const { port, log } = portFor(api());
    await port.createIssue(REPO, { title: 'big', body: 'x'.repeat(MAX_COMMENT_BODY + 10) });
    expect(api().issue(owner, repo, 1)?.body.length).toBeLessThanOrEqual(MAX_COMMENT_BODY);
    expect(log.warn).toEqual([expect.stringContaining('cut')]);
  });

  it('sends only the fields given, and closes with a reason', async () => {
    api().addIssue(owner, repo, 3, { title: 'report', body: 'old' });
    const { port } = portFor(api());
    await port.updateIssue(REPO, 3, { body: 'new' });
    await port.updateIssue(REPO, 3, { state: 'closed', state_reason: 'not_planned' });
    expect(api().requestsTo('PATCH', '/repos/{owner}/{repo}/issues/3').map((r) => r.body)).toEqual([
      { body: 'new' },
      { state: 'closed', state_reason: 'not_planned' },
    ]);
    expect(api().issue(owner, repo, 3)).toMatchObject({ title: 'report', body: 'new', state: 'closed', state_reason: 'not_planned' });
    await port.updateIssue(REPO, 3, { state: 'open' });
    expect(api().issue(owner, repo, 3)).toMatchObject({ state: 'open', state_reason: 'reopened', closed_at: null });
  });

  it('fails on an issue that does not exist, as GitHub’s 404 (not as a refusal)', async () => {
    const { port } = portFor(api());
    const error = await rejectionOf(port.updateIssue(REPO, 99, { body: 'x' }));
    expect(error).not.toBeInstanceOf(GitHubPermissionError);
    expect((error as { status?: number }).status).toBe(404);
  });
});

describe('ensureLabel', () => {
  it('creates a missing label with its color and description', async () => {
    const { port } = portFor(api());
    await port.ensureLabel(REPO, LABEL, '#0e8a16', 'Reports of listwarden');
    expect(api().labelsOf(owner, repo)).toEqual([{ id: expect.any(Number), name: LABEL, color: '0e8a16', description: 'Reports of listwarden' }]);
  });

  it('leaves an existing label as it is, whatever its case', async () => {
    api().addLabel(owner, repo, 'Listwarden-Report', 'ff0000', 'the maintainer’s own');
    const { port } = portFor(api());
    await port.ensureLabel(REPO, LABEL, '0e8a16', 'Reports of listwarden');
    expect(api().labelsOf(owner, repo)).toMatchObject([{ name: 'Listwarden-Report', color: 'ff0000', description: 'the maintainer’s own' }]);
    expect(api().requestsTo('POST', '/repos/{owner}/{repo}/labels')).toEqual([]);
  });

  it('takes a label another run created meanwhile (GitHub’s 422 already_exists)', async () => {
    api().addLabel(owner, repo, LABEL);
    api().failNext('GET', '/repos/{owner}/{repo}/labels/*', { status: 404 }); // the read before the other run's write
    const { port } = portFor(api());
    await port.ensureLabel(REPO, LABEL, '0e8a16', 'Reports of listwarden');
    expect(expectRefused()).toMatchObject([{ operation: 'issues/create-label', kind: 'github', errors: [expect.stringContaining('already_exists')] }]);
    expect(api().labelsOf(owner, repo)).toHaveLength(1);
  });
});

describe('addReaction', () => {
  it('reacts once: a second identical reaction is GitHub’s 200, not a twin', async () => {
    const comment = api().addIssueComment(owner, repo, 4, '/listwarden recheck', 'maintainer');
    api().addIssue(owner, repo, 4);
    const { port } = portFor(api());
    await port.addReaction(REPO, comment.id, 'eyes');
    await port.addReaction(REPO, comment.id, 'eyes');
    await port.addReaction(REPO, comment.id, '+1');
    expect(api().requestsTo('POST', `/repos/{owner}/{repo}/issues/comments/${comment.id}/reactions`).map((r) => r.status)).toEqual([201, 200, 201]);
    expect(api().reactionsOn(owner, repo, comment.id).map((r) => [r.content, r.user.login])).toEqual([
      ['eyes', 'github-actions[bot]'],
      ['+1', 'github-actions[bot]'],
    ]);
  });
});

describe('getPermission', () => {
  it('reads the role, telling maintain and triage apart from write and read', async () => {
    api().setPermission(owner, repo, 'keeper', 'maintain');
    api().setPermission(owner, repo, 'helper', 'triage');
    api().setPermission(owner, repo, 'writer', 'write');
    const { port } = portFor(api());
    await expect(port.getPermission(REPO, owner)).resolves.toBe('admin');
    await expect(port.getPermission(REPO, 'keeper')).resolves.toBe('maintain');
    await expect(port.getPermission(REPO, 'helper')).resolves.toBe('triage');
    await expect(port.getPermission(REPO, 'writer')).resolves.toBe('write');
  });

  it('is read for anyone on a public repository and none on a private one', async () => {
    const { port } = portFor(api());
    await expect(port.getPermission(REPO, 'passer-by')).resolves.toBe('read');
    api().setRepository(owner, repo, { private: true });
    await expect(port.getPermission(REPO, 'passer-by')).resolves.toBe('none');
  });

  it('falls back to the base permission for a custom role, and is none for a user GitHub does not know', async () => {
    api().route('GET', '/repos/{owner}/{repo}/collaborators/custom/permission', () => ({
      status: 200,
      body: { permission: 'write', role_name: 'release-manager', user: { login: 'custom' } },
    }));
    api().failNext('GET', '/repos/{owner}/{repo}/collaborators/ghost/permission', { status: 404 });
    const { port } = portFor(api());
    await expect(port.getPermission(REPO, 'custom')).resolves.toBe('write');
    await expect(port.getPermission(REPO, 'ghost')).resolves.toBe('none');
  });
});

describe('a read-only token', () => {
  it('turns every refused write, and the refused permission read, into GitHubPermissionError', async () => {
    const comment = api().addIssueComment(owner, repo, 2, 'hi', 'maintainer');
    api().addIssue(owner, repo, 2);
    api().readOnly = true;
    const { port } = portFor(api());
    const attempts = [
      () => port.createIssue(REPO, { title: 't', body: 'b' }),
      () => port.updateIssue(REPO, 2, { body: 'x' }),
      () => port.ensureLabel(REPO, LABEL, '0e8a16', 'd'),
      () => port.addReaction(REPO, comment.id, 'eyes'),
      () => port.getPermission(REPO, 'maintainer'),
    ];
    for (const attempt of attempts) {
      const error = await rejectionOf(attempt());
      expect(error).toBeInstanceOf(GitHubPermissionError);
      expect((error as GitHubPermissionError).status).toBe(403);
    }
    expect(api().issuesOf(owner, repo)).toMatchObject([{ number: 2, body: '' }]);
    expect(api().labelsOf(owner, repo)).toEqual([]);
    expect(api().reactionsOn(owner, repo, comment.id)).toEqual([]);
  });
});
