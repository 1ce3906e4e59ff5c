/**
 * A fork's pull request with a hostile 1 MB list, delivered to the real server: the delivery
 * is answered at once, the list is checked in the worker pool while the server goes on
 * answering /ping, and a list that needs more than the per-job deadline gets a clear "Too
 * large or too slow to check" result in its check run. No clock is asserted: "still running"
 * is shown by the check run not being there yet when /ping answers.
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
const INSTALLATION = 4712;
const BASE = '# Awesome Things\n\n## Tools\n\n- [Alive](https://alive.example/) - Works.\n';

const hostileList = () => headingsList(BASE);

let api: GitHubApiStandIn;
let server: RunningServer | undefined;
let worker: string;
let deliveries = 0;
let logLines: string[] = [];

async function start(env: Record<string, string> = {}): Promise<RunningServer> {
  ({ server, logLines } = await startAppServer(api, worker, { ...env }));
  return server;
}

async function deliverHostilePull(): Promise<{ status: number; at: number }> {
  api.pushCommit(OWNER, REPO, 'hostile', { files: { 'README.md': hostileList() }, message: 'Add parts' });
  const pull = api.openPull(OWNER, REPO, { head: 'hostile', title: 'Add parts' });
  const payload = payloadFor<{ number: number; pull_request: { number: number; base: { sha: string; ref: string }; head: { sha: string; ref: string } } }>('pull_request', 'opened', (p) => {
    p.number = p.pull_request.number = pull.number;
    p.pull_request.base.sha = pull.base.sha;
    p.pull_request.base.ref = pull.base.ref;
    p.pull_request.head.sha = pull.head.sha;
    p.pull_request.head.ref = pull.head.ref;
    p.installation = { id: INSTALLATION, node_id: 'x' };
  });
  const status = await deliverSigned(server!, 'pull_request', `hostile-${++deliveries}`, payload);
  return { status: status, at: api.state.checkRuns.length };
}

async function waitFor(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeAll(async () => {
  worker = await bundleCheckWorker();
}, 60_000);

beforeEach(async () => {
  api = await startGitHubApiStandIn({ basePath: '/api/v3', login: 'listwarden-e2e[bot]' });
  api.setRepository(OWNER, REPO, { defaultBranch: 'main' });
  api.pushCommit(OWNER, REPO, 'main', { files: { 'README.md': BASE, '.github/listwarden.yml': 'rules:\n  prefer-https: "off"\n' }, message: 'The list' });
  addAppRoutes(api, { id: APP_ID, slug: 'listwarden-e2e' }, [{ id: INSTALLATION, account: OWNER, repositories: [{ owner: OWNER, repo: REPO }] }]);
});

afterEach(async () => {
  if (process.env.SHOW_LOG) console.log(logLines.join(''));
  await server?.close(5_000);
  server = undefined;
  await api.close();
});

describe('a hostile 1 MB pull request', () => {
  it('is answered at once and checked in the worker pool while /ping goes on answering', async () => {
    await start();
    const delivery = await deliverHostilePull();
    // Answered before any work was written: the review runs after the answer.
    expect(delivery).toEqual({ status: 200, at: 0 });
    // The head's README was read: the check job is what runs now.
    await waitFor(() => api.requests.filter((r) => r.path.endsWith('/contents/README.md')).length >= 2);
    const ping = await fetch(`${server!.url}/ping`);
    expect([ping.status, await ping.text()]).toEqual([200, 'PONG']);
    expect(api.state.checkRuns).toEqual([]); // /ping answered while the list was still being checked
    expect(await server!.settled(120_000)).toBe(true);
    expect(api.state.checkRuns.map((run) => run.conclusion)).toEqual(['success']);
  }, 150_000);

  it('past the per-job deadline: a failing check run that says it is too large or too slow to check', async () => {
    await start({ LISTWARDEN_CHECK_DEADLINE_MS: '50' });
    expect((await deliverHostilePull()).status).toBe(200);
    expect(await server!.settled(60_000)).toBe(true);
    const [run] = api.state.checkRuns;
    expect(run).toMatchObject({ name: 'listwarden', conclusion: 'failure' });
    const annotations = run!.annotations;
    expect(annotations.map((a) => [a.title, a.start_line])).toEqual([['unreadable-input', 1]]);
    expect(annotations[0]!.message).toContain(`${TOO_SLOW}: checking this file took longer than 50 ms`);
    const summary = api.state.issueComments.find((c) => c.body.startsWith('<!-- listwarden:summary -->'));
    expect(summary?.body).toContain(TOO_SLOW);
    // The server is still well: the next delivery is answered too.
    const ping = await fetch(`${server!.url}/ping`);
    expect(ping.status).toBe(200);
  }, 120_000);
});
