/**
 * The bundled Action on `schedule`: the link-rot report issue and the maintenance pull
 * request, run after run, against the GitHub API stand-in and a loopback link farm. The
 * link state lives in RUNNER_TEMP between runs (no cache service here), as on a machine
 * that keeps it.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { examplePayload, runBundle, TOKEN, type BundleRun } from './helpers/run-bundle.js';
import { startGitHubApiStandIn, type GitHubApiStandIn } from '../github/helpers/api-stand-in.js';
import { startLinkFarm, type LinkFarm } from '../links/helpers/link-farm.js';

const OWNER = 'octo';
const REPO = 'awesome-things';
const BOT = 'github-actions[bot]';

let api: GitHubApiStandIn;
let farm: LinkFarm;
let dir: string;
let goneIsBack = false;

function list(links: { moved: string }): string {
  return [
    '# Awesome Things',
    '',
    '## Tools',
    '',
    `- [Alive](${farm.url('/alive')}) - Works.`,
    `- [Gone](${farm.url('/gone')}) - Went away.`,
    `- [Moved](${links.moved}) - Moved house.`,
    '',
  ].join('\n');
}

function scheduleEvent(): string {
  const event = examplePayload<{ repository: { full_name: string; name: string; owner: { login: string } } }>('workflow_dispatch');
  event.repository.full_name = `${OWNER}/${REPO}`;
  event.repository.name = REPO;
  event.repository.owner.login = OWNER;
  const path = join(dir, 'schedule.json');
  writeFileSync(path, JSON.stringify(event));
  return path;
}

let runs = 0;
function scheduledRun(runId = String(++runs)): Promise<BundleRun> {
  return runBundle({
    api,
    dir,
    owner: OWNER,
    repo: REPO,
    eventName: 'schedule',
    eventPath: scheduleEvent(),
    runId,
    env: { LISTWARDEN_ALLOW_PRIVATE: 'true', LISTWARDEN_WAYBACK_URL: farm.url('') },
  });
}

const reportIssues = () => api.issuesOf(OWNER, REPO).filter((i) => i.body.startsWith('<!-- listwarden:report -->'));
const maintenancePulls = () => api.pullsOf(OWNER, REPO).filter((p) => p.head.ref === 'listwarden/maintenance');

beforeEach(async () => {
  goneIsBack = false;
  farm = await startLinkFarm({
    '/alive': { status: 200, body: '<title>Alive</title>' },
    '/new-home': { status: 200, body: '<title>Moved</title>' },
    '/moved': { status: 301, headers: { location: '/new-home' } },
    '/gone': (_req, res) => {
      res.writeHead(goneIsBack ? 200 : 404, { 'content-type': 'text/html' }).end('<title>Gone</title>');
    },
    '/wayback/available': (req, res) => {
      const url = new URL(req.url ?? '/', 'http://x').searchParams.get('url') ?? '';
      const snapshot = url.endsWith('/gone') ? { closest: { available: true, status: '200', timestamp: '20240101000000', url: `https://web.archive.org/web/20240101000000/${url}` } } : {};
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ url, archived_snapshots: snapshot }));
    },
  });
  api = await startGitHubApiStandIn({ login: BOT, token: TOKEN });
  api.setRepository(OWNER, REPO, { defaultBranch: 'main' });
  api.setFile(OWNER, REPO, 'main', 'README.md', list({ moved: farm.url('/moved') }));
  dir = mkdtempSync(join(tmpdir(), 'listwarden-report-'));
  mkdirSync(join(dir, '.github'));
  // Plain-http loopback links: prefer-https would never let the list be healthy. The scheduled
  // run reads the config on the default branch through the API, never from the workspace.
  api.setFile(OWNER, REPO, 'main', '.github/listwarden.yml', 'rules:\n  prefer-https: "off"\nreport:\n  confirmRuns: 2\n  confirmDays: 0\n');
});
afterEach(async () => {
  await api.close();
  await farm.close();
});

describe('the scheduled report through the bundled Action', () => {
  it('three runs — rot appears, stays, goes away — leave one issue, updated, then closed; the maintenance PR is opened, updated, then left to the person who pushed to it', async () => {
    // Run 1: the dead link is failing (not yet confirmed); the redirect is fixable.
    const first = await scheduledRun();
    expect(first.stdout).not.toContain('::error');
    expect(first.code).toBe(0);
    expect(api.invalid).toEqual([]);
    expect(reportIssues()).toHaveLength(1);
    const issue = reportIssues()[0]!;
    expect(issue.state).toBe('open');
    expect(issue.labels).toContain('listwarden');
    expect(issue.body).toMatch(/not yet confirmed/i);
    expect(issue.body).toContain(farm.url('/gone'));
    expect(issue.body).toContain('```mermaid');
    expect(maintenancePulls()).toHaveLength(1);
    const pull = maintenancePulls()[0]!;
    expect(api.fileAt(OWNER, REPO, 'listwarden/maintenance', 'README.md')).toContain(farm.url('/new-home'));
    expect(pull.body).toMatch(/301/);

    // Run 2: the same link fails again → confirmed; the PR now also swaps in the archived copy.
    const second = await scheduledRun();
    expect(second.code).toBe(0);
    expect(reportIssues()).toHaveLength(1);
    expect(reportIssues()[0]!.body).toMatch(/Dead links \(1\)/);
    expect(reportIssues()[0]!.body).toContain('https://web.archive.org/web/20240101000000/');
    expect(maintenancePulls()).toHaveLength(1);
    expect(api.fileAt(OWNER, REPO, 'listwarden/maintenance', 'README.md')).toContain('https://web.archive.org/web/20240101000000/');

    // A person pushes to the maintenance branch; the list is fixed by hand and the link comes back.
    const personal = api.pushCommit(OWNER, REPO, 'listwarden/maintenance', { files: { 'NOTES.md': 'mine\n' }, login: 'octocat' });
    goneIsBack = true;
    api.setFile(OWNER, REPO, 'main', 'README.md', list({ moved: farm.url('/new-home') }));

    const third = await scheduledRun();
    expect(third.code).toBe(0);
    expect(api.invalid).toEqual([]);
    const [closed] = reportIssues();
    expect(reportIssues()).toHaveLength(1);
    expect(closed!.state).toBe('closed');
    expect(api.commentsOn(OWNER, REPO, closed!.number).map((c) => c.body).join('\n')).toMatch(/healthy/i);
    expect(api.branchSha(OWNER, REPO, 'listwarden/maintenance')).toBe(personal);
    expect(maintenancePulls()).toHaveLength(1);
    expect(third.stdout).toMatch(/person|pushed/i);

    // Rot returns (a new link that is gone; links seen alive today are not asked again):
    // the same issue is reopened, not duplicated.
    api.setFile(OWNER, REPO, 'main', 'README.md', `${list({ moved: farm.url('/new-home') })}- [Lost](${farm.url('/lost')}) - Never there.\n`);
    const fourth = await scheduledRun();
    expect(fourth.code).toBe(0);
    expect(reportIssues()).toHaveLength(1);
    expect(reportIssues()[0]!.state).toBe('open');
    expect(api.invalid).toEqual([]);
  }, 300_000);

  it('20 concurrent deliveries of the same scheduled event create one issue and one pull request', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => scheduledRun('77')));
    expect(results.map((r) => r.code)).toEqual(results.map(() => 0));
    expect(reportIssues()).toHaveLength(1);
    expect(maintenancePulls()).toHaveLength(1);
    expect(api.commentsOn(OWNER, REPO, reportIssues()[0]!.number)).toEqual([]);
    // The runs that found the lease taken were told so by GitHub's 422; nothing else was refused.
    const refused = api.invalid.filter((r) => !(r.operation === 'git/create-ref' && r.errors.join() === 'Reference already exists'));
    expect(refused).toEqual([]);
    expect(api.invalid.length).toBeGreaterThan(0);
    // Nobody is left holding the lock.
    expect(Object.keys(api.refsOf(OWNER, REPO)).filter((ref) => ref.startsWith('refs/listwarden/'))).toEqual([]);
  }, 300_000);
});
