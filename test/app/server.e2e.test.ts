/**
 * The real server (`npm run app`'s startServer) on 127.0.0.1, configured the way an operator
 * configures it — APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, PORT, HOST and GHE_HOST/GHE_PROTOCOL
 * pointing at the local GitHub API stand-in under /api/v3 — receiving webhook deliveries
 * over HTTP, signed as GitHub signs them. The stand-in records and validates every request;
 * a loopback link farm answers the links.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { ProbotOctokit } from 'probot';
import { startServer, type RunningServer } from '../../src/app/server.js';
import { startGitHubApiStandIn, type GitHubApiStandIn } from '../github/helpers/api-stand-in.js';
import { startLinkFarm, type LinkFarm } from '../links/helpers/link-farm.js';
import { addAppRoutes, tokenFor, type AppRoutes } from './helpers/app-routes.js';
import { APP_ID, PRIVATE_KEY, SECRET, payloadFor } from './helpers/app-payloads.js';
import { capturedLog } from './helpers/captured-log.js';

const OWNER = 'octo';
const REPO = 'awesome-things';
const SLUG = 'listwarden-e2e';
const BOT = `${SLUG}[bot]`;
const INSTALLATION = 4711;
const CONFIG = 'rules:\n  prefer-https: "off"\nreport:\n  confirmRuns: 2\n  confirmDays: 0\n';

let api: GitHubApiStandIn;
let farm: LinkFarm;
let routes: AppRoutes;
let server: RunningServer | undefined;
let logLines: string[];

function baseList(): string {
  return ['# Awesome Things', '', '## Tools', '', `- [Alive](${farm.url('/alive')}) - Works.`, `- [Other](${farm.url('/other')}) - Also works.`, ''].join('\n');
}

/** The PR adds a dead link and the first entry a second time. */
function headList(): string {
  return baseList().replace('Also works.\n', `Also works.\n- [Gone](${farm.url('/gone')}) - Went away.\n- [Alive](${farm.url('/alive')}) - Works.\n`);
}

async function start(): Promise<RunningServer> {
  const captured = capturedLog();
  logLines = captured.lines;
  const origin = new URL(api.url);
  server = await startServer(
    {
      APP_ID: String(APP_ID),
      PRIVATE_KEY,
      WEBHOOK_SECRET: SECRET,
      PORT: '0',
      HOST: '127.0.0.1',
      GHE_HOST: origin.host,
      GHE_PROTOCOL: 'http',
      LOG_LEVEL: 'debug',
      LISTWARDEN_ALLOW_PRIVATE: 'true',
      LISTWARDEN_WAYBACK_URL: farm.url(''),
      LISTWARDEN_SCHEDULE_INTERVAL_MS: String(3600_000),
    },
    {
      // As an operator's LOG_FORMAT=json would, but into the test; no retries, so a failure shows at once.
      probot: { log: captured.log, Octokit: ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }) },
      settings: { port: { retries: 0, throttle: { spaceWrites: false } } },
      scheduler: { firstRoundMs: 3600_000 },
    },
  );
  return server;
}

function sign(body: string, secret = SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

let deliveries = 0;
/** A webhook delivery as GitHub makes it: JSON, the event name, a delivery id, the HMAC of the body. */
async function deliver(event: string, payload: unknown, signature: string | null | ((body: string) => string) = sign): Promise<{ status: number; text: string }> {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'GitHub-Hookshot/e2e',
    'x-github-event': event,
    'x-github-delivery': `e2e-${++deliveries}`,
    'x-github-hook-installation-target-type': 'integration',
  };
  if (signature !== null) headers['x-hub-signature-256'] = typeof signature === 'function' ? signature(body) : signature;
  const response = await fetch(`${server!.url}/api/github/webhooks`, { method: 'POST', headers, body });
  const answer = { status: response.status, text: await response.text() };
  // The delivery is answered at once; its work goes on: wait for it before looking at GitHub.
  await server?.settled(15_000);
  return answer;
}

function pullOpened(): unknown {
  api.pushCommit(OWNER, REPO, 'add-tools', { files: { 'README.md': headList() }, message: 'Add tools' });
  const pull = api.openPull(OWNER, REPO, { head: 'add-tools', title: 'Add tools' });
  return payloadFor<{ number: number; pull_request: { number: number; base: { sha: string; ref: string }; head: { sha: string; ref: string } } }>('pull_request', 'opened', (p) => {
    p.number = p.pull_request.number = pull.number;
    p.pull_request.base.sha = pull.base.sha;
    p.pull_request.base.ref = pull.base.ref;
    p.pull_request.head.sha = pull.head.sha;
    p.pull_request.head.ref = pull.head.ref;
    p.installation = { id: INSTALLATION, node_id: 'x' };
  });
}

beforeEach(async () => {
  logLines = [];
  farm = await startLinkFarm({
    '/alive': { status: 200, body: '<title>Alive</title>' },
    '/other': { status: 200, body: '<title>Other</title>' },
    '/gone': { status: 404, body: '<title>Gone</title>' },
    '/wayback/available': { status: 200, headers: { 'content-type': 'application/json' }, body: '{"archived_snapshots":{}}' },
  });
  api = await startGitHubApiStandIn({ basePath: '/api/v3', login: BOT });
  api.setRepository(OWNER, REPO, { defaultBranch: 'main' });
  api.pushCommit(OWNER, REPO, 'main', { files: { 'README.md': baseList(), '.github/listwarden.yml': CONFIG }, message: 'The list' });
  api.setPermission(OWNER, REPO, 'Codertocat', 'write');
  routes = addAppRoutes(api, { id: APP_ID, slug: SLUG }, [{ id: INSTALLATION, account: OWNER, repositories: [{ owner: OWNER, repo: REPO }] }]);
});

afterEach(async () => {
  await server?.close(5_000);
  server = undefined;
  await api.close();
  await farm.close();
  // Nothing secret in the log: the installation token, the webhook secret, the key, a JWT.
  const log = logLines.join('');
  expect(log).not.toContain(tokenFor(INSTALLATION));
  expect(log).not.toContain(SECRET);
  expect(log).not.toContain(PRIVATE_KEY.split('\n')[1]);
  expect(log).not.toMatch(/eyJhbGci/);
});

describe('the app server', () => {
  it('refuses unsigned and wrongly signed deliveries with 400, asking nothing of GitHub', async () => {
    await start();
    const payload = pullOpened();
    const unsigned = await deliver('pull_request', payload, null);
    const forged = await deliver('pull_request', payload, (body) => sign(body, 'not-the-secret'));
    const tampered = await deliver('pull_request', payload, () => sign(JSON.stringify({ ...(payload as object), action: 'closed' })));
    expect([unsigned.status, forged.status, tampered.status]).toEqual([400, 400, 400]);
    expect(unsigned.text).toMatch(/x-hub-signature-256/);
    expect(forged.text).toMatch(/signature does not match/);
    expect(api.requests).toEqual([]);
    expect(api.state.checkRuns).toEqual([]);
  });

  it('a signed pull_request opened: the installation token is fetched, the list reviewed, one check run, a suggestion and one summary comment', async () => {
    await start();
    const payload = pullOpened();
    const response = await deliver('pull_request', payload);
    expect(response.status).toBe(200);
    expect(api.invalid).toEqual([]);
    expect(api.unmatched).toEqual([]);
    expect(routes.exchanges()).toEqual([INSTALLATION]);

    const [run] = api.state.checkRuns;
    expect(api.state.checkRuns).toHaveLength(1);
    expect(run).toMatchObject({ name: 'listwarden', conclusion: 'failure' });
    expect(run!.annotations.map((a) => `${a.start_line} ${a.title}`)).toEqual(['7 no-dead-link', '8 no-duplicate-entry']);
    // One suggestion: remove the duplicate (the dead link has no certain fix).
    expect(api.state.reviewComments.map((c) => [c.line, c.user.login, c.body.includes('```suggestion\n```')])).toEqual([[8, BOT, true]]);
    const summaries = api.state.issueComments.filter((c) => c.body.startsWith('<!-- listwarden:summary -->'));
    expect(summaries.map((c) => c.user.login)).toEqual([BOT]);
    // Only the links on the lines the PR adds were checked; every API request but the app's own carried the installation token.
    expect([...new Set(farm.requests.map((r) => r.path))].sort()).toEqual(['/alive', '/gone']);
    for (const request of api.requests.filter((r) => !r.path.startsWith('/app'))) expect(request.headers.authorization).toBe(`token ${tokenFor(INSTALLATION)}`);

    // GitHub redelivers: nothing is duplicated.
    expect((await deliver('pull_request', payload)).status).toBe(200);
    expect(api.state.checkRuns).toHaveLength(1);
    expect(api.state.issueComments.filter((c) => c.body.startsWith('<!-- listwarden:summary -->'))).toHaveLength(1);
  });

  it('a signed /listwarden help comment: 👀, the reply, 🚀', async () => {
    await start();
    api.addIssue(OWNER, REPO, 3, { title: 'Question' });
    const comment = api.addIssueComment(OWNER, REPO, 3, '/listwarden help', 'Codertocat');
    const payload = payloadFor<{ issue: { number: number }; comment: { id: number; body: string } }>('issue_comment', 'created', (p) => {
      p.issue.number = 3;
      p.comment.id = comment.id;
      p.comment.body = comment.body;
      p.installation = { id: INSTALLATION, node_id: 'x' };
    });
    expect((await deliver('issue_comment', payload)).status).toBe(200);
    expect(api.invalid).toEqual([]);
    expect(api.reactionsOn(OWNER, REPO, comment.id).map((r) => `${r.content} ${r.user.login}`)).toEqual([`eyes ${BOT}`, `rocket ${BOT}`]);
    const replies = api.commentsOn(OWNER, REPO, 3).filter((c) => c.user.login === BOT);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body).toContain('**listwarden commands**');
    // The lease it took is given back.
    expect(Object.keys(api.refsOf(OWNER, REPO)).filter((ref) => ref.startsWith('refs/listwarden/'))).toEqual([]);
  });

  it('a scheduler round: the report issue and the link state on listwarden/state; the next round leaves the report, not due yet', async () => {
    const running = await start();
    api.pushCommit(OWNER, REPO, 'main', { files: { 'README.md': headList() }, message: 'Rot' });
    const first = await running.scheduler!.runRound();
    expect(first).toMatchObject({ repositories: 1, ran: 1, failed: 0 });
    expect(api.invalid).toEqual([]);
    expect(api.unmatched).toEqual([]);
    const issues = api.issuesOf(OWNER, REPO).filter((i) => i.body.startsWith('<!-- listwarden:report -->'));
    expect(issues.map((i) => [i.state, i.user.login, i.labels])).toEqual([['open', BOT, ['listwarden']]]);
    expect(issues[0]!.body).toContain(farm.url('/gone'));
    const state = JSON.parse(api.fileAt(OWNER, REPO, 'listwarden/state', '.listwarden/link-state.json') ?? '{}') as { urls: Record<string, { verdict: string }> };
    expect(Object.fromEntries(Object.entries(state.urls).map(([url, memory]) => [url, memory.verdict]))).toEqual({
      [farm.url('/alive')]: 'alive',
      [farm.url('/other')]: 'alive',
      [farm.url('/gone')]: 'dead',
    });
    expect(api.commitAt(OWNER, REPO, 'listwarden/state')!.message).toMatch(/\[skip ci\]/);
    expect(api.historyOf(OWNER, REPO, 'listwarden/state')[1]!.sha).toBe(api.branchSha(OWNER, REPO, 'main'));

    const requestsBefore = api.requests.length;
    const second = await running.scheduler!.runRound();
    expect(second).toMatchObject({ repositories: 1, ran: 0, skipped: 1 });
    expect(api.requests.slice(requestsBefore).filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('stops gracefully: no new connections, and the review under way finishes before close() resolves', async () => {
    const running = await start();
    const payload = pullOpened();
    // The PR's files come only when the test says: the review is still running when the stop begins.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    api.route('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/files', async ({ params, page }) => {
      await gate;
      return page(api.pull(OWNER, REPO, Number(params.pull_number))!.files);
    });
    const delivery = deliver('pull_request', payload);
    await waitFor(() => api.requestsTo('GET', `/repos/${OWNER}/${REPO}/pulls/{n}/files`).length === 1);
    const closing = running.close(10_000);
    let closed = false;
    void closing.then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(closed).toBe(false);
    await expect(fetch(`${running.url}/ping`)).rejects.toThrow();
    release();
    expect(await closing).toBe(true);
    expect((await delivery).status).toBe(200);
    expect(api.state.checkRuns).toHaveLength(1);
  });

  it('answers /ping for health checks', async () => {
    const running = await start();
    const response = await fetch(`${running.url}/ping`);
    expect([response.status, await response.text()]).toEqual([200, 'PONG']);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
