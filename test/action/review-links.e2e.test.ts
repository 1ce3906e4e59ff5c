/**
 * The Action's pull-request review with link checks, run as a runner runs it (a child
 * process with the event payload, INPUT_* variables and the GitHub API stand-in), from a
 * bundle of the current sources (built here, so the test follows src/ rather than the
 * committed dist/): a host that asks to wait a minute must not end the run silently (it
 * exited 13 and wrote nothing), and "network unavailable" comes from the network probe.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { structuredPatch } from 'diff';
import { ROOT, examplePayload, runBundle, type BundleRun } from './helpers/run-bundle.js';
import { startGitHubApiStandIn, type GitHubApiStandIn } from '../github/helpers/api-stand-in.js';
import { startLinkFarm, type LinkFarm } from '../links/helpers/link-farm.js';

/** A loopback address and port nothing listens on (port 1 cannot be bound without root): connections are refused. */
const CLOSED = 'http://127.0.0.254:1';

const OWNER = 'octo';
const REPO = 'awesome-things';
const BASE = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);
const BASE_LIST = '# Awesome\n\n## Things\n\n- [Old](https://old.example/) - Was here before.\n';

let bundle: string;
let farm: LinkFarm;
let api: GitHubApiStandIn;
let dir: string;

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'listwarden-action-bundle-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'bundle.mjs'), out], { cwd: ROOT });
  bundle = join(out, 'index.js');
  farm = await startLinkFarm({
    '/ok': { status: 200 },
    '/gone': { status: 404 },
    '/wait-a-minute': { status: 429, headers: { 'retry-after': '60' } },
  });
}, 60_000);
afterAll(async () => farm.close());

beforeEach(async () => {
  api = await startGitHubApiStandIn({ login: 'github-actions[bot]' });
  dir = mkdtempSync(join(tmpdir(), 'listwarden-review-links-'));
});
afterEach(async () => api.close());

function patchOf(base: string, head: string): string {
  const patch = structuredPatch('a', 'b', base, head, '', '', { context: 3 });
  return patch.hunks.map((h) => [`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines].join('\n')).join('\n');
}

/** A pull request that appends `added` to the list, reviewed by the Action with link checks. */
function reviewPr(added: string[], env: NodeJS.ProcessEnv = {}): Promise<BundleRun> {
  const head = `${BASE_LIST}${added.join('\n')}\n`;
  api.setFile(OWNER, REPO, BASE, 'README.md', BASE_LIST);
  api.setFile(OWNER, REPO, HEAD, 'README.md', head);
  api.addPull(OWNER, REPO, 7, { headSha: HEAD, files: [{ filename: 'README.md', status: 'modified', patch: patchOf(BASE_LIST, head) }] });
  const event = examplePayload<{
    number: number;
    pull_request: { number: number; base: { sha: string; repo: { full_name: string } }; head: { sha: string; repo: { full_name: string } } };
    repository: { full_name: string; name: string; owner: { login: string } };
  }>('pull_request', 'opened');
  event.pull_request.number = event.number = 7;
  event.pull_request.base.sha = BASE;
  event.pull_request.head.sha = HEAD;
  event.pull_request.base.repo.full_name = event.pull_request.head.repo.full_name = `${OWNER}/${REPO}`;
  event.repository.full_name = `${OWNER}/${REPO}`;
  event.repository.name = REPO;
  event.repository.owner.login = OWNER;
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(event));
  return runBundle({
    api,
    dir,
    owner: OWNER,
    repo: REPO,
    eventName: 'pull_request',
    eventPath,
    bundle,
    inputs: { 'check-links': 'changed' },
    env: { LISTWARDEN_ALLOW_PRIVATE: 'true', LISTWARDEN_NETWORK_PROBE: farm.url('/ok'), ...env },
  });
}

const annotations = () => (api.state.checkRuns[0]?.annotations ?? []).map((a: { start_line: number; title?: string; message: string }) => `${a.start_line} ${a.title}`);
const summary = () => api.state.issueComments.find((c: { body: string }) => c.body.includes('<!-- listwarden:summary -->'))?.body ?? '';

describe('the Action reviewing links', () => {
  it('a host answering 429 with Retry-After: 60 for more links than the per-host limit: the review is written and fails on the dead link', async () => {
    const slow = Array.from({ length: 8 }, (_, i) => `- [Slow ${i}](${farm.url(`/wait-a-minute?n=${i}`, '127.0.0.2')}) - Rate limited.`);
    const run = await reviewPr([...slow, `- [Stale](${farm.url('/gone')}) - Dead (named to keep the section in order).`]);
    expect(run.code).toBe(1);
    expect(annotations()).toEqual([...Array.from({ length: 8 }, (_, i) => `${6 + i} link-unverifiable`), '14 no-dead-link']);
    const messages = (api.state.checkRuns[0]!.annotations as { message: string }[]).map((a) => a.message);
    expect(messages.filter((m) => /asked to wait 60 s/.test(m))).toHaveLength(8);
    expect(summary()).toMatch(/9 problems in the lines this (PR|pull request) changes/);
  }, 60_000);

  it('links that all point to one unreachable host are reported dead when the network probe answers', async () => {
    const run = await reviewPr(Array.from({ length: 3 }, (_, i) => `- [Tool ${i}](${CLOSED}/t${i}) - Host down.`));
    expect(run.code).toBe(1);
    expect(annotations()).toEqual(['6 no-dead-link', '7 no-dead-link', '8 no-dead-link']);
  }, 60_000);

  it('they are "not checked" (said in the summary) when the network probe fails', async () => {
    const run = await reviewPr(
      Array.from({ length: 3 }, (_, i) => `- [Tool ${i}](${CLOSED}/t${i}) - Host down.`),
      { LISTWARDEN_NETWORK_PROBE: `${CLOSED}/` },
    );
    expect(run.code).toBe(0);
    expect(annotations()).toEqual([]);
    expect(summary()).toContain('network unavailable: 3 links not checked');
  }, 60_000);
});
