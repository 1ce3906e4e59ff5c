/**
 * The app on `pull_request`: the Action's review, through probot.receive() with real
 * payloads and nock in front of api.github.com.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { resolveConfig } from '../../src/core/config/resolved-config.js';
import { createGitHubPort } from '../../src/github/octokit-adapter.js';
import { reviewPullRequest } from '../../src/use-cases/review-pull-request.js';
import { API, BOT, GitHubMock, OWNER, PRIVATE_KEY, REPO, SECRET, TOKEN, messages, payloadFor, testProbot } from './helpers/probot-fixture.js';
import { BASE_SHA, HEAD_SHA, PULL, mockReviewReads, mockReviewWrites } from './helpers/pull-fixture.js';

const CONFIG = 'rules:\n  no-tracking-params: warning\n';

interface PullPayload {
  number: number;
  pull_request: { number: number; base: { sha: string; repo: { full_name: string } }; head: { sha: string; repo: { full_name: string } } };
}

function pullRequestEvent(action: string) {
  return payloadFor<PullPayload>('pull_request', action, (payload) => {
    payload.number = payload.pull_request.number = PULL;
    payload.pull_request.base.sha = BASE_SHA;
    payload.pull_request.head.sha = HEAD_SHA;
    payload.pull_request.base.repo.full_name = payload.pull_request.head.repo.full_name = `${OWNER}/${REPO}`;
  });
}

let gh: GitHubMock;
let logText: () => string;

beforeEach(() => {
  gh = new GitHubMock();
});

afterEach(() => {
  gh.done();
  // Nothing secret reaches the log: the installation token, the webhook secret, the key, a JWT.
  const text = logText();
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(PRIVATE_KEY.split('\n')[1]);
  expect(text).not.toMatch(/eyJhbGci/);
});

describe('pull_request', () => {
  it('opened: one check run, one review of suggestions and the sticky summary — the bodies the Action sends', async () => {
    const app = await testProbot();
    logText = app.logText;
    gh.installation().appIdentity().config(CONFIG);
    mockReviewReads(gh);
    mockReviewWrites(gh, BOT);
    await app.probot.receive({ id: 'delivery-1', name: 'pull_request', payload: pullRequestEvent('opened') as never });

    const checkRun = gh.requests('POST', `/repos/${OWNER}/${REPO}/check-runs`);
    expect(checkRun).toHaveLength(1);
    expect(checkRun[0]!.body).toMatchObject({ name: 'listwarden', head_sha: HEAD_SHA, conclusion: 'failure' });
    const annotations = (checkRun[0]!.body as { output: { annotations: { start_line: number; title: string }[] } }).output.annotations;
    expect(annotations.map((a) => `${a.start_line} ${a.title}`)).toEqual(['8 tool-name-spelling', '9 no-duplicate-entry']);
    const review = gh.requests('POST', `/repos/${OWNER}/${REPO}/pulls/${PULL}/reviews`)[0]!.body as { comments: { line: number; body: string }[] };
    expect(review.comments.map((c) => c.line)).toEqual([8, 9]);
    expect(review.comments[0]!.body).toContain('- [Snyk](https://snyk.io/) - Finds vulnerable dependencies.');
    const summary = gh.requests('POST', `/repos/${OWNER}/${REPO}/issues/${PULL}/comments`)[0]!.body as { body: string };
    expect(summary.body).toMatch(/^<!-- listwarden:summary -->/);
    expect(summary.body).toMatch(/2 problems in the lines this (PR|pull request) changes/);
    expect(messages(app.lines).join('\n')).toMatch(/pull request #7: 2 problem\(s\) in the changed lines, \d+ elsewhere \(not gating\), failure; check run 501, 2 new suggestion\(s\), summary comment created/);
    const appWrites = gh.writes.map(({ method, path, body }) => ({ method, path, body }));
    gh.done();

    // The Action's review (the same use case over GITHUB_TOKEN) sends the very same writes.
    gh = new GitHubMock();
    mockReviewReads(gh);
    mockReviewWrites(gh, BOT);
    await reviewPullRequest(createGitHubPort({ token: TOKEN, baseUrl: API, retries: 0, throttle: { spaceWrites: false } }), {
      repo: { owner: OWNER, repo: REPO },
      pull: PULL,
      baseSha: BASE_SHA,
      headSha: HEAD_SHA,
      files: ['README.md'],
      config: resolveConfig({ rules: { 'no-tracking-params': 'warning' } }),
      failOn: 'error',
      checkLinks: 'none',
      botLogin: BOT,
    });
    expect(gh.writes.map(({ method, path, body }) => ({ method, path, body }))).toEqual(appWrites);
  });

  it.each(['synchronize', 'reopened'])('%s: reviewed like opened', async (action) => {
    const app = await testProbot();
    logText = app.logText;
    gh.installation().appIdentity().config(CONFIG);
    mockReviewReads(gh);
    mockReviewWrites(gh, BOT);
    await app.probot.receive({ id: `delivery-${action}`, name: 'pull_request', payload: pullRequestEvent(action) as never });
    expect(gh.requests('POST', `/repos/${OWNER}/${REPO}/check-runs`)).toHaveLength(1);
  });

  it('closed, labeled and other actions: no request at all', async () => {
    const app = await testProbot();
    logText = app.logText;
    for (const action of ['closed', 'labeled', 'assigned']) {
      await app.probot.receive({ id: `delivery-${action}`, name: 'pull_request', payload: pullRequestEvent(action) as never });
    }
    expect(gh.seen).toEqual([]);
  });

  it('no .github/listwarden.yml (nor an org default): a dry run — every read, no write, each write logged', async () => {
    const app = await testProbot();
    logText = app.logText;
    gh.installation().appIdentity().config(undefined);
    mockReviewReads(gh);
    // Only the reads a review makes before each write; no POST or PATCH is mocked.
    gh.scope
      .get(`/repos/${OWNER}/${REPO}/commits/${HEAD_SHA}/check-runs`)
      .query(true)
      .reply(200, { total_count: 0, check_runs: [] })
      .get(`/repos/${OWNER}/${REPO}/pulls/${PULL}/comments`)
      .query(true)
      .reply(200, [])
      .get(`/repos/${OWNER}/${REPO}/issues/${PULL}/comments`)
      .query(true)
      .reply(200, []);
    await app.probot.receive({ id: 'delivery-dry', name: 'pull_request', payload: pullRequestEvent('opened') as never });

    expect(gh.writes).toEqual([]);
    const logged = messages(app.lines).join('\n');
    expect(logged).toContain('no .github/listwarden.yml');
    expect(logged).toMatch(/dry run \(no \.github\/listwarden\.yml\): would create check run "listwarden" on octo\/awesome-things@bbbbbbb \(failure: 2 problems in the changed lines\), 2 annotation\(s\)/);
    expect(logged).toMatch(/would post a review with 2 suggestion\(s\) on octo\/awesome-things#7/);
    expect(logged).toMatch(/would comment on octo\/awesome-things#7/);
    expect(logged).toContain('(dry run: nothing written)');
  });

  it("the owner's .github repository gives the defaults when the repository has no config of its own", async () => {
    const app = await testProbot();
    logText = app.logText;
    gh.installation().appIdentity();
    gh.scope
      .get(`/repos/${OWNER}/${REPO}/contents/.github%2Flistwarden.yml`)
      .reply(404, { message: 'Not Found' })
      .get(`/repos/${OWNER}/.github/contents/.github%2Flistwarden.yml`)
      .reply(200, 'rules:\n  no-duplicate-entry: "off"\n', { 'content-type': 'text/plain; charset=utf-8' });
    mockReviewReads(gh);
    mockReviewWrites(gh, BOT);
    await app.probot.receive({ id: 'delivery-org', name: 'pull_request', payload: pullRequestEvent('opened') as never });

    const body = gh.requests('POST', `/repos/${OWNER}/${REPO}/check-runs`)[0]!.body as { output: { annotations: { title: string }[] } };
    expect(body.output.annotations.map((a) => a.title)).toEqual(['tool-name-spelling']);
    expect(messages(app.lines).join('\n')).not.toContain('dry run');
  });

  it('an invalid config: a failing check run that names the file, the key and what is expected; an error in the log; no crash', async () => {
    const app = await testProbot();
    logText = app.logText;
    gh.installation().config('rules:\n  no-tracking-params: loud\n');
    gh.scope.post(`/repos/${OWNER}/${REPO}/check-runs`).reply(201, { id: 502 });
    await app.probot.receive({ id: 'delivery-bad', name: 'pull_request', payload: pullRequestEvent('opened') as never });

    const body = gh.requests('POST', `/repos/${OWNER}/${REPO}/check-runs`)[0]!.body as { conclusion: string; head_sha: string; output: { title: string; summary: string } };
    expect(body).toMatchObject({ conclusion: 'failure', head_sha: HEAD_SHA });
    expect(body.output.title).toBe('The listwarden configuration cannot be used');
    expect(body.output.summary).toMatch(/^\.github\/listwarden\.yml: "rules\.no-tracking-params": Invalid option: expected one of "error"\|"warning"\|"info"\|"off" — fix the file on the default branch/);
    expect(messages(app.lines, 50)).toEqual([expect.stringMatching(/^pull request #7: \.github\/listwarden\.yml: "rules\.no-tracking-params"/)]);
  });

  it('a config that is not YAML, or names an unknown rule: said as plainly', async () => {
    const app = await testProbot();
    logText = app.logText;
    gh.installation().config('rules: [unclosed\n');
    gh.scope.post(`/repos/${OWNER}/${REPO}/check-runs`).reply(201, { id: 503 });
    await app.probot.receive({ id: 'delivery-yaml', name: 'pull_request', payload: pullRequestEvent('opened') as never });
    gh.config('rules:\n  no-such-rule: error\n');
    gh.scope.post(`/repos/${OWNER}/${REPO}/check-runs`).reply(201, { id: 504 });
    await app.probot.receive({ id: 'delivery-rule', name: 'pull_request', payload: pullRequestEvent('opened') as never });

    const summaries = gh.requests('POST', `/repos/${OWNER}/${REPO}/check-runs`).map((r) => (r.body as { output: { summary: string } }).output.summary.split('\n')[0]);
    expect(summaries[0]).toMatch(/^\.github\/listwarden\.yml:\d+:\d+: invalid YAML — /);
    expect(summaries[1]).toMatch(/^\.github\/listwarden\.yml: "rules\.no-such-rule" is not a listwarden rule — known rules: /);
  });
});
