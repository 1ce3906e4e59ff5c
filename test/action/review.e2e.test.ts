/**
 * The bundled Action (dist/index.js) reviewing a pull request the way a runner runs it: a
 * child process with the event payload (a real one from @octokit/webhooks-examples, edited
 * to point at the test repository), INPUT_* variables, the runner's files, and
 * GITHUB_API_URL pointing at a local stand-in of GitHub's REST API that records and
 * validates every request. Uses the committed dist/ (check-dist keeps it current).
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { structuredPatch } from 'diff';
import { examplePayload, runBundle, type BundleRun } from './helpers/run-bundle.js';
import { startGitHubApiStandIn, type GitHubApiStandIn } from '../github/helpers/api-stand-in.js';
import { startLinkFarm } from '../links/helpers/link-farm.js';

const OWNER = 'octo';
const REPO = 'awesome-things';
const BASE = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);

/** The base list: an old tracking parameter (an existing problem, not this PR's). */
const BASE_LIST = [
  '# Awesome Things',
  '',
  '## Scanners',
  '',
  '- [Trivy](https://trivy.dev/) - Scans container images.',
  '- [Semgrep](https://semgrep.dev/?utm_source=old) - Static analysis.',
  '- [Gitleaks](https://gitleaks.io/) - Finds secrets.',
  '',
].join('\n');

/** The PR adds "Synk" (a misspelling) and Trivy a second time (a duplicate). */
const HEAD_LIST = BASE_LIST.replace(
  '- [Gitleaks](https://gitleaks.io/) - Finds secrets.\n',
  '- [Gitleaks](https://gitleaks.io/) - Finds secrets.\n- [Synk](https://snyk.io/) - Finds vulnerable dependencies.\n- [Trivy](https://trivy.dev/) - Scans container images.\n',
);

/** GitHub's `patch` for a file: the hunks of a unified diff. */
function patchOf(base: string, head: string): string {
  const patch = structuredPatch('a', 'b', base, head, '', '', { context: 3 });
  return patch.hunks.map((h) => [`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines].join('\n')).join('\n');
}

function pullRequestEvent(dir: string): string {
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
  const path = join(dir, 'event.json');
  writeFileSync(path, JSON.stringify(event));
  return path;
}

function runAction(api: GitHubApiStandIn, dir: string, inputs: Record<string, string> = {}, extraEnv: NodeJS.ProcessEnv = {}): Promise<BundleRun> {
  return runBundle({ api, dir, owner: OWNER, repo: REPO, eventName: 'pull_request', eventPath: pullRequestEvent(dir), inputs: { 'check-links': 'none', ...inputs }, env: extraEnv });
}

let api: GitHubApiStandIn;
let dir: string;

beforeEach(async () => {
  api = await startGitHubApiStandIn({ login: 'github-actions[bot]' });
  dir = mkdtempSync(join(tmpdir(), 'listwarden-review-'));
  api.setFile(OWNER, REPO, BASE, 'README.md', BASE_LIST);
  api.setFile(OWNER, REPO, HEAD, 'README.md', HEAD_LIST);
  api.addPull(OWNER, REPO, 7, { headSha: HEAD, files: [{ filename: 'README.md', status: 'modified', patch: patchOf(BASE_LIST, HEAD_LIST) }] });
});
afterEach(async () => api.close());

const writes = (method: string, fragment: string) => api.requests.filter((r) => r.method === method && r.path.includes(fragment));

describe('the Action on a pull request', () => {
  it('fails the check on what the PR adds, with two suggestions and one sticky comment; a re-run duplicates nothing', async () => {
    const first = await runAction(api, dir);
    expect(first.code).toBe(1);
    expect(api.invalid).toEqual([]);
    const checkRuns = api.state.checkRuns;
    expect(checkRuns).toHaveLength(1);
    expect(checkRuns[0]).toMatchObject({ name: 'listwarden', head_sha: HEAD, conclusion: 'failure' });
    expect(checkRuns[0]!.annotations.map((a: { start_line: number; title?: string }) => `${a.start_line} ${a.title}`)).toEqual(['8 tool-name-spelling', '9 no-duplicate-entry']);
    const suggestions = api.state.reviewComments;
    expect(suggestions.map((c) => [c.line, c.body.includes('```suggestion')])).toEqual([
      [8, true],
      [9, true],
    ]);
    expect(suggestions[0]!.body).toContain('- [Snyk](https://snyk.io/) - Finds vulnerable dependencies.');
    const comments = api.state.issueComments.filter((c: { body: string }) => c.body.includes('<!-- listwarden:summary -->'));
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toMatch(/2 problems in the lines this (PR|pull request) changes/);
    // The old tracking parameter is counted, not gating.
    expect(comments[0]!.body).toContain('no-tracking-params');
    // The token is masked for the runner's log (::add-mask::) and appears nowhere else.
    expect(first.stdout.split('\n').filter((l) => l.includes('ghs_e2eToken'))).toEqual(['::add-mask::ghs_e2eTokenThatMustNeverBeLogged00000']);

    const second = await runAction(api, dir);
    expect(second.code).toBe(1);
    expect(api.state.checkRuns).toHaveLength(1);
    expect(api.state.reviewComments).toHaveLength(2);
    expect(api.state.issueComments.filter((c: { body: string }) => c.body.includes('<!-- listwarden:summary -->'))).toHaveLength(1);
    expect(writes('PATCH', '/issues/comments/')).toEqual([]);
    expect(api.invalid).toEqual([]);
  }, 120_000);

  it('a PR touching an unrelated line of a list with old problems passes', async () => {
    const head = BASE_LIST.replace('Finds secrets.', 'Finds secrets in git history.');
    api.setFile(OWNER, REPO, HEAD, 'README.md', head);
    api.addPull(OWNER, REPO, 7, { headSha: HEAD, files: [{ filename: 'README.md', status: 'modified', patch: patchOf(BASE_LIST, head) }] });
    const run = await runAction(api, dir);
    expect(run.code).toBe(0);
    expect(api.state.checkRuns[0]).toMatchObject({ conclusion: 'success' });
    expect(api.state.reviewComments).toEqual([]);
  }, 120_000);

  it('checks only the links the PR adds: one request for a one-line PR on a list of old links', async () => {
    const farm = await startLinkFarm({ '/new': { status: 404 }, '/old': { status: 404 } });
    try {
      const old = Array.from({ length: 30 }, (_, i) => `- [Old ${i}](${farm.url('/old')}?n=${i}) - An old link.`).join('\n');
      const base = `# Awesome\n\n## Things\n\n${old}\n`;
      const head = `${base}- [New](${farm.url('/new')}) - Added by this PR.\n`;
      api.setFile(OWNER, REPO, BASE, 'README.md', base);
      api.setFile(OWNER, REPO, HEAD, 'README.md', head);
      api.addPull(OWNER, REPO, 7, { headSha: HEAD, files: [{ filename: 'README.md', status: 'modified', patch: patchOf(base, head) }] });
      const run = await runAction(api, dir, { 'check-links': 'changed' }, { LISTWARDEN_ALLOW_PRIVATE: 'true' });
      expect(run.code).toBe(1);
      expect(farm.requests.map((r) => r.path)).toEqual(farm.requests.map(() => '/new'));
      expect(farm.requests.length).toBeGreaterThan(0);
      expect(farm.requests.length).toBeLessThanOrEqual(2);
      expect(api.state.checkRuns[0]!.annotations.map((a) => a.title)).toEqual(['no-dead-link']);
    } finally {
      await farm.close();
    }
  }, 120_000);

  it('a fork PR with a read-only token finishes green with annotations', async () => {
    api.readOnly = true;
    const head = BASE_LIST.replace('https://gitleaks.io/', 'https://gitleaks.io/?utm_source=fork');
    api.setFile(OWNER, REPO, HEAD, 'README.md', head);
    api.addPull(OWNER, REPO, 7, { headSha: HEAD, files: [{ filename: 'README.md', status: 'modified', patch: patchOf(BASE_LIST, head) }] });
    const run = await runAction(api, dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/::warning title=no-tracking-params,file=README\.md,line=7/);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('no-tracking-params');
    expect(api.state.checkRuns).toEqual([]);
  }, 120_000);

  it('retries a 502 and a secondary rate limit and still ends with one check run and one comment', async () => {
    api.failNext('POST', `/repos/${OWNER}/${REPO}/check-runs`, { status: 502, times: 1 });
    api.failNext('POST', `/repos/${OWNER}/${REPO}/issues/{n}/comments`, {
      status: 403,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
      times: 1,
    });
    const run = await runAction(api, dir);
    expect(run.code).toBe(1);
    expect(api.state.checkRuns).toHaveLength(1);
    expect(api.state.issueComments).toHaveLength(1);
    expect(api.invalid).toEqual([]);
  }, 120_000);
});
