/**
 * The certain fixes of `/listwarden fix` (on a pull request, and on an issue: the maintenance
 * pull request) are computed in the worker pool, within the per-job deadline, like the check:
 * a fix job past it gives the clear "Too large or too slow to check" result and nothing is
 * pushed. The worker here is the real one with a fix job that never ends (a stand-in for a
 * list whose fixes take longer than the deadline while its check does not); computed on the
 * event loop, as before, the fix would be pushed and that job never run.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { RunningServer } from '../../src/app/server.js';
import { TOO_SLOW } from '../../src/core/parse/inspect-input.js';
import { startGitHubApiStandIn, type GitHubApiStandIn } from '../github/helpers/api-stand-in.js';
import { addAppRoutes } from './helpers/app-routes.js';
import { APP_ID, payloadFor } from './helpers/app-payloads.js';
import { startAppServer, deliverSigned } from './helpers/app-server.js';
import { bundleSlowFixWorker } from './helpers/check-worker-bundle.js';

const OWNER = 'octo';
const REPO = 'awesome-things';
const INSTALLATION = 4713;
const BOT = 'listwarden-e2e[bot]';
const BASE = '# Awesome Things\n\n## Tools\n\n- [Alive](https://alive.example/) - Works.\n';

let api: GitHubApiStandIn;
let server: RunningServer | undefined;
let worker: string;
let deliveries = 0;
let logLines: string[] = [];

async function start(env: Record<string, string> = {}): Promise<RunningServer> {
  ({ server, logLines } = await startAppServer(api, worker, { LISTWARDEN_SCHEDULE_INTERVAL_MS: String(3600_000), LISTWARDEN_CHECK_DEADLINE_MS: '2000', ...env }));
  return server;
}

async function comment(issue: number, body: string, isPull = false): Promise<void> {
  const added = api.addIssueComment(OWNER, REPO, issue, body, OWNER);
  const payload = payloadFor<{ issue: { number: number; pull_request?: unknown }; comment: { id: number; body: string; user: { login: string; type: string } } }>('issue_comment', 'created', (p) => {
    p.issue.number = issue;
    if (isPull) p.issue.pull_request = { url: `${api.url}/repos/${OWNER}/${REPO}/pulls/${issue}` };
    else delete p.issue.pull_request;
    p.comment.id = added.id;
    p.comment.body = added.body;
    p.comment.user.login = OWNER;
    p.installation = { id: INSTALLATION, node_id: 'x' };
  });
  const status = await deliverSigned(server!, 'issue_comment', `hostile-fix-job-${++deliveries}`, payload);
  expect(status).toBe(200);
  expect(await server!.settled(120_000)).toBe(true);
}

const botReplies = (issue: number) => api.commentsOn(OWNER, REPO, issue).filter((c) => c.user.login === BOT).map((c) => c.body);

beforeAll(async () => {
  worker = await bundleSlowFixWorker();
}, 60_000);

beforeEach(async () => {
  api = await startGitHubApiStandIn({ basePath: '/api/v3', login: BOT });
  api.setRepository(OWNER, REPO, { defaultBranch: 'main' });
  api.pushCommit(OWNER, REPO, 'main', { files: { 'README.md': BASE, '.github/listwarden.yml': 'files: [README.md]\n' }, message: 'The list' });
  addAppRoutes(api, { id: APP_ID, slug: 'listwarden-e2e' }, [{ id: INSTALLATION, account: OWNER, repositories: [{ owner: OWNER, repo: REPO }] }]);
});

afterEach(async () => {
  if (process.env.SHOW_LOG) console.log(logLines.join(''));
  await server?.close(5_000);
  server = undefined;
  await api.close();
});

const FIXABLE = `${BASE}- [Other](http://other.example/?utm_source=list) - Also.\n`;

describe('a fix job past its deadline', () => {
  it('/listwarden fix on a pull request: the reply says the list is too large or too slow, and nothing is pushed', async () => {
    await start();
    api.pushCommit(OWNER, REPO, 'small', { files: { 'README.md': FIXABLE }, message: 'Add other' });
    const pull = api.openPull(OWNER, REPO, { head: 'small', title: 'Add other' });
    const head = api.branchSha(OWNER, REPO, 'small');
    await comment(pull.number, '/listwarden fix', true);
    expect(api.invalid).toEqual([]);
    const replies = botReplies(pull.number);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('Nothing to fix');
    expect(replies[0]).toContain(`README.md: ${TOO_SLOW}: checking this file took longer than 2 s`);
    expect(api.branchSha(OWNER, REPO, 'small')).toBe(head);
    expect(api.fileAt(OWNER, REPO, 'small', 'README.md')).toBe(FIXABLE);
  }, 150_000);

  it('/listwarden fix on an issue: no maintenance pull request is opened, and the log says why', async () => {
    await start();
    api.pushCommit(OWNER, REPO, 'main', { files: { 'README.md': FIXABLE }, message: 'Add other' });
    api.addIssue(OWNER, REPO, 3, { title: 'Links' });
    await comment(3, '/listwarden fix');
    expect(api.invalid).toEqual([]);
    expect(api.pullsOf(OWNER, REPO)).toEqual([]);
    expect(api.requestsTo('POST', /\/pulls$/)).toEqual([]);
    expect(api.fileAt(OWNER, REPO, 'main', 'README.md')).toBe(FIXABLE);
    expect(logLines.join('')).toContain(`README.md left out — ${TOO_SLOW}: checking this file took longer than 2 s`);
    expect(botReplies(3)).toHaveLength(1);
  }, 150_000);
});
