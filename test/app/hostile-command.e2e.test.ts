/**
 * `/listwarden fix` on a pull request and the scheduled report (a `/listwarden recheck` on an
 * issue, and a scheduler round) over a hostile 1 MB list, delivered to the real server: the
 * lists are parsed and checked in the worker pool, like a pull request's review, so a list
 * past the per-job deadline gets the clear "Too large or too slow to check" result in the
 * reply and the report — in-process the same list would be checked (slowly, on the event
 * loop) and no such result would appear.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { RunningServer } from '../../src/app/server.js';
import { TOO_SLOW } from '../../src/core/parse/inspect-input.js';
import { startGitHubApiStandIn, type GitHubApiStandIn } from '../github/helpers/api-stand-in.js';
import { addAppRoutes } from './helpers/app-routes.js';
import { APP_ID, payloadFor } from './helpers/app-payloads.js';
import { startAppServer, deliverSigned, headingsList } from './helpers/app-server.js';
import { bundleCheckWorker } from './helpers/check-worker-bundle.js';

const OWNER = 'octo';
const REPO = 'awesome-things';
const INSTALLATION = 4713;
const BOT = 'listwarden-e2e[bot]';
const BASE = '# Awesome Things\n\n## Tools\n\n- [Alive](https://alive.example/) - Works.\n';

const hostileList = () => headingsList(BASE);

let api: GitHubApiStandIn;
let server: RunningServer | undefined;
let worker: string;
let deliveries = 0;
let logLines: string[] = [];

async function start(env: Record<string, string> = {}): Promise<RunningServer> {
  ({ server, logLines } = await startAppServer(api, worker, { LISTWARDEN_SCHEDULE_INTERVAL_MS: String(3600_000), LISTWARDEN_CHECK_DEADLINE_MS: '50', ...env }));
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
  const status = await deliverSigned(server!, 'issue_comment', `hostile-command-${++deliveries}`, payload);
  expect(status).toBe(200);
  expect(await server!.settled(120_000)).toBe(true);
}

const botReplies = (issue: number) => api.commentsOn(OWNER, REPO, issue).filter((c) => c.user.login === BOT).map((c) => c.body);

beforeAll(async () => {
  worker = await bundleCheckWorker();
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

describe('commands and reports over a hostile 1 MB list run in the worker pool', () => {
  it('/listwarden fix on a pull request: the reply says the list is too large or too slow to check, and nothing is pushed', async () => {
    await start();
    api.pushCommit(OWNER, REPO, 'hostile', { files: { 'README.md': hostileList() }, message: 'Add parts' });
    const pull = api.openPull(OWNER, REPO, { head: 'hostile', title: 'Add parts' });
    const head = api.branchSha(OWNER, REPO, 'hostile');
    await comment(pull.number, '/listwarden fix', true);
    expect(api.invalid).toEqual([]);
    const replies = botReplies(pull.number);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain(`README.md: ${TOO_SLOW}: checking this file took longer than 50 ms`);
    expect(replies[0]).toContain('Nothing to fix');
    expect(api.branchSha(OWNER, REPO, 'hostile')).toBe(head);
  }, 150_000);

  it('/listwarden fix with room to work: the certain fix is pushed (the pool runs the job, not only refuses it)', async () => {
    await start({ LISTWARDEN_CHECK_DEADLINE_MS: '60000' });
    api.pushCommit(OWNER, REPO, 'small', { files: { 'README.md': `${BASE}- [Other](http://other.example/?utm_source=list) - Also.\n` }, message: 'Add other' });
    const pull = api.openPull(OWNER, REPO, { head: 'small', title: 'Add other' });
    await comment(pull.number, '/listwarden fix', true);
    expect(botReplies(pull.number).join('\n')).toMatch(/pushed 1 fix in 1 file/);
    expect(api.fileAt(OWNER, REPO, 'small', 'README.md')).toContain('- [Other](http://other.example/) - Also.');
  }, 150_000);

  const reports = () => api.issuesOf(OWNER, REPO).filter((i) => i.body.startsWith('<!-- listwarden:report -->'));

  it('/listwarden recheck on an issue: the report says the list is too large or too slow to check', async () => {
    await start();
    api.pushCommit(OWNER, REPO, 'main', { files: { 'README.md': hostileList() }, message: 'Add parts' });
    api.addIssue(OWNER, REPO, 3, { title: 'Links' });
    await comment(3, '/listwarden recheck');
    expect(reports()).toHaveLength(1);
    expect(reports()[0]!.body).toContain(TOO_SLOW);
    expect(botReplies(3).join('\n')).toMatch(/report #\d+ created/);
  }, 150_000);

  it('a scheduler round: the report says the list is too large or too slow to check', async () => {
    const running = await start();
    api.pushCommit(OWNER, REPO, 'main', { files: { 'README.md': hostileList() }, message: 'Add parts' });
    expect(await running.scheduler!.runRound()).toMatchObject({ ran: 1, failed: 0 });
    expect(reports()).toHaveLength(1);
    expect(reports()[0]!.body).toContain(TOO_SLOW);
  }, 150_000);
});
