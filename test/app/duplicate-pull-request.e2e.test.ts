/**
 * The app on a pull request that inserts an entry the list already has ABOVE the original,
 * delivered to the real server, the rules run in its worker pool (the changed lines travel
 * with the job): the review fails on the line the pull request added, and its suggestion
 * removes that line — never the original below it.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { RunningServer } from '../../src/app/server.js';
import { startGitHubApiStandIn, type GitHubApiStandIn } from '../github/helpers/api-stand-in.js';
import { addAppRoutes } from './helpers/app-routes.js';
import { APP_ID, payloadFor } from './helpers/app-payloads.js';
import { startAppServer, deliverSigned } from './helpers/app-server.js';
import { bundleCheckWorker } from './helpers/check-worker-bundle.js';

const OWNER = 'octo';
const REPO = 'awesome-things';
const INSTALLATION = 4712;
const FOO = '- [Foo](https://foo.example) - Foo.';
const BASE = `# Awesome Things\n\n## Tools\n\n- [Bar](https://bar.example) - Bar.\n${FOO}\n`;

let api: GitHubApiStandIn;
let server: RunningServer | undefined;
let worker: string;
let deliveries = 0;
let logLines: string[] = [];

async function start(env: Record<string, string> = {}): Promise<RunningServer> {
  ({ server, logLines } = await startAppServer(api, worker, { ...env }));
  return server;
}

async function deliverPull(head: string): Promise<number> {
  api.pushCommit(OWNER, REPO, 'add-foo', { files: { 'README.md': head }, message: 'Add Foo' });
  const pull = api.openPull(OWNER, REPO, { head: 'add-foo', title: 'Add Foo' });
  const payload = payloadFor<{ number: number; pull_request: { number: number; base: { sha: string; ref: string }; head: { sha: string; ref: string } } }>('pull_request', 'opened', (p) => {
    p.number = p.pull_request.number = pull.number;
    p.pull_request.base.sha = pull.base.sha;
    p.pull_request.base.ref = pull.base.ref;
    p.pull_request.head.sha = pull.head.sha;
    p.pull_request.head.ref = pull.head.ref;
    p.installation = { id: INSTALLATION, node_id: 'x' };
  });
  const status = await deliverSigned(server!, 'pull_request', `duplicate-${++deliveries}`, payload);
  return status;
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

describe('a pull request that inserts a duplicate above the original', () => {
  it('fails on the added line 5, with a suggestion that removes line 5 and keeps the original', async () => {
    await start();
    const head = BASE.replace('- [Bar]', `${FOO}\n- [Bar]`);
    expect(await deliverPull(head)).toBe(200);
    expect(await server!.settled(60_000)).toBe(true);
    const [run] = api.state.checkRuns;
    expect(run).toMatchObject({ name: 'listwarden', conclusion: 'failure' });
    expect(run!.annotations.map((a) => [a.title, a.start_line])).toEqual([['no-duplicate-entry', 5]]);
    expect(run!.annotations[0]!.message).toContain('already listed at 7:3 ("Foo")');
    const comments = api.state.reviewComments.map((c) => [c.path, c.line, c.start_line]);
    expect(comments).toEqual([['README.md', 5, null]]);
    // The suggestion replaces line 5 with nothing: the original on line 7 stays.
    expect(api.state.reviewComments[0]!.body).toContain('```suggestion\n```');
  }, 120_000);
});
