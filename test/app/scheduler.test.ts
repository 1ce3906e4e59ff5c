/**
 * The report scheduler: rounds over installations and repositories of a real Probot
 * instance whose API is the local GitHub stand-in (with the app's own endpoints added).
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { Probot, ProbotOctokit } from 'probot';
import type { AppSettings } from '../../src/app/app-settings.js';
import { startScheduler, type Scheduler } from '../../src/app/scheduler.js';
import { REPORT_LABEL, REPORT_MARKER } from '../../src/report/identity.js';
import { memoryBlock } from '../../src/report/report-memory.js';
import { startGitHubApiStandIn, type GitHubApiStandIn } from '../github/helpers/api-stand-in.js';
import { APP_ID, NOW, PRIVATE_KEY, SECRET } from './helpers/app-payloads.js';
import { addAppRoutes, type StandInInstallation } from './helpers/app-routes.js';
import { capturedLog } from './helpers/captured-log.js';

const SLUG = 'listwarden-sched';
const BOT = `${SLUG}[bot]`;
const DAY = 24 * 3600_000;
const CONFIG = 'report:\n  intervalDays: 7\n';
/** A list with a duplicate: something to report without checking links. */
const LIST = '# Awesome\n\n## Tools\n\n- [A](https://a.example/) - One.\n- [B](https://b.example/) - Two.\n- [A](https://a.example/) - One again.\n';

const SETTINGS: AppSettings = {
  files: ['README.md'],
  checkLinks: 'none',
  reportLinks: false,
  maintenance: false,
  now: () => NOW,
  env: {},
  port: { retries: 0, throttle: { spaceWrites: false } },
};

let api: GitHubApiStandIn;
let schedulers: Scheduler[];
/** GitHub's 422 to a second creator of the lease ref: how replicas learn another one is at work. */
const leaseTaken = (i: { operation?: string; errors: string[] }) => i.operation === 'git/create-ref' && i.errors.includes('Reference already exists');

/** A repository with the list on main and a config (null: none). */
function repository(owner: string, repo: string, config: string | null = CONFIG): void {
  api.setRepository(owner, repo, { defaultBranch: 'main' });
  api.pushCommit(owner, repo, 'main', { files: { 'README.md': LIST, ...(config === null ? {} : { '.github/listwarden.yml': config }) } });
}

function scheduler(settings: Partial<AppSettings> = {}): { scheduler: Scheduler; lines: string[] } {
  const { log, lines } = capturedLog();
  const probot = new Probot({ appId: APP_ID, privateKey: PRIVATE_KEY, secret: SECRET, baseUrl: api.url, log, Octokit: ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }) });
  const started = startScheduler(probot, { ...SETTINGS, ...settings }, { intervalMs: 3600_000, firstRoundMs: 3600_000 });
  schedulers.push(started);
  return { scheduler: started, lines };
}

const messages = (lines: string[], minLevel = 30) =>
  lines.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level >= minLevel).map((l) => l.msg);
const reports = (owner: string, repo: string) => api.issuesOf(owner, repo).filter((i) => i.body.startsWith(REPORT_MARKER));
const writes = () => api.requests.filter((r) => r.method !== 'GET' && !r.path.startsWith('/app/'));

function install(installations: StandInInstallation[]): void {
  addAppRoutes(api, { id: APP_ID, slug: SLUG }, installations);
}

/** A report issue of the bot whose memory says the last run was `daysAgo` days before NOW. */
function reportIssue(owner: string, repo: string, daysAgo: number): void {
  const at = new Date(NOW - daysAgo * DAY).toISOString().slice(0, 10);
  api.addIssue(owner, repo, 1, {
    title: 'listwarden: link-rot report',
    body: `${REPORT_MARKER}\n# Link-rot report\n\n${memoryBlock({ version: 1, runs: [{ at, dead: 1, failing: 0, unverifiable: 0 }], ignoredUrls: [], ignoredRules: [] })}\n`,
    labels: [REPORT_LABEL],
    login: BOT,
  });
}

beforeEach(async () => {
  schedulers = [];
  api = await startGitHubApiStandIn({ login: BOT });
});

afterEach(async () => {
  for (const s of schedulers) await s.stop(1_000);
  expect(api.invalid.filter((i) => !leaseTaken(i))).toEqual([]);
  await api.close();
});

describe('the scheduler', () => {
  it('walks every installation and repository: runs the due reports, skips archived repositories and suspended installations', async () => {
    repository('octo', 'one');
    repository('octo', 'two');
    repository('octo', 'old');
    repository('acme', 'list');
    install([
      { id: 1, account: 'octo', repositories: [{ owner: 'octo', repo: 'one' }, { owner: 'octo', repo: 'two' }, { owner: 'octo', repo: 'old', archived: true }] },
      { id: 2, account: 'acme', repositories: [{ owner: 'acme', repo: 'list' }], suspended: true },
    ]);
    const { scheduler: s, lines } = scheduler();
    expect(await s.runRound()).toEqual({ repositories: 3, ran: 2, skipped: 1, failed: 0, interrupted: false });
    expect(reports('octo', 'one')).toHaveLength(1);
    expect(reports('octo', 'two')).toHaveLength(1);
    expect(reports('octo', 'old')).toEqual([]);
    expect(api.issuesOf('acme', 'list')).toEqual([]);
    expect(messages(lines)).toContain('installation 2 (acme) is suspended: skipped');
    expect(messages(lines)).toContain('scheduler round: 2 report(s) run, 1 skipped, 0 failed, of 3 repositories');
  });

  it('skips a report its issue says ran inside the interval — on any replica — and runs one that is overdue', async () => {
    repository('octo', 'fresh');
    repository('octo', 'stale');
    reportIssue('octo', 'fresh', 2);
    reportIssue('octo', 'stale', 8);
    install([{ id: 1, account: 'octo', repositories: [{ owner: 'octo', repo: 'fresh' }, { owner: 'octo', repo: 'stale' }] }]);
    const { scheduler: s } = scheduler();
    expect(await s.runRound()).toMatchObject({ ran: 1, skipped: 1 });
    expect(writes().filter((w) => w.path.startsWith('/repos/octo/fresh/'))).toEqual([]);
    expect(writes().filter((w) => w.path.startsWith('/repos/octo/stale/')).length).toBeGreaterThan(0);
    expect(reports('octo', 'stale')).toHaveLength(1);
  });

  it('two replicas in the same round: one report issue, not two', async () => {
    repository('octo', 'one');
    install([{ id: 1, account: 'octo', repositories: [{ owner: 'octo', repo: 'one' }] }]);
    const [a, b] = [scheduler().scheduler, scheduler().scheduler];
    const rounds = await Promise.all([a.runRound(), b.runRound()]);
    expect(rounds.map((r) => r.failed)).toEqual([0, 0]);
    expect(reports('octo', 'one')).toHaveLength(1);
    expect(Object.keys(api.refsOf('octo', 'one')).filter((ref) => ref.startsWith('refs/listwarden/'))).toEqual([]);
  });

  it('a repository without config: a dry run, logged, nothing written; one with a broken config: skipped with a warning', async () => {
    repository('octo', 'quiet', null);
    repository('octo', 'broken', 'report:\n  intervalDays: weekly\n');
    install([{ id: 1, account: 'octo', repositories: [{ owner: 'octo', repo: 'quiet' }, { owner: 'octo', repo: 'broken' }] }]);
    const { scheduler: s, lines } = scheduler();
    expect(await s.runRound()).toMatchObject({ ran: 1, skipped: 1, failed: 0 });
    expect(writes()).toEqual([]);
    expect(api.issuesOf('octo', 'quiet')).toEqual([]);
    expect(messages(lines)).toContain('would create the report issue');
    expect(messages(lines, 40)).toEqual([expect.stringMatching(/^scheduled report skipped: \.github\/listwarden\.yml: "report\.intervalDays": .* — fix the file on the default branch$/)]);
    // In memory, the dry run counts as run: the next round leaves it until it is due.
    expect(await s.runRound()).toMatchObject({ ran: 0, skipped: 2 });
  });

  it('one repository failing does not stop the round; it is tried again next round', async () => {
    repository('octo', 'one');
    repository('octo', 'two');
    install([{ id: 1, account: 'octo', repositories: [{ owner: 'octo', repo: 'one' }, { owner: 'octo', repo: 'two' }] }]);
    api.failNext('GET', '/repos/octo/one/git/trees/{sha}', { status: 500, times: 1 });
    const { scheduler: s, lines } = scheduler();
    expect(await s.runRound()).toMatchObject({ ran: 1, failed: 1 });
    expect(messages(lines, 50)).toEqual([expect.stringMatching(/^scheduled report failed in octo\/one: .* — retried at a later round$/)]);
    expect(reports('octo', 'two')).toHaveLength(1);
    expect(await s.runRound()).toMatchObject({ ran: 1 });
    expect(reports('octo', 'one')).toHaveLength(1);
  });

  it('stop() starts no new repository and waits for the report under way, within its bound', async () => {
    repository('octo', 'one');
    repository('octo', 'two');
    install([{ id: 1, account: 'octo', repositories: [{ owner: 'octo', repo: 'one' }, { owner: 'octo', repo: 'two' }] }]);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    api.route('GET', '/repos/octo/one/issues', async ({ page }) => {
      await gate;
      return page([]);
    });
    const { scheduler: s } = scheduler();
    const round = s.runRound();
    await waitFor(() => api.requestsTo('GET', '/repos/octo/one/issues').length > 0);
    expect(await s.stop(50)).toBe(false); // still running after 50 ms
    const stopped = s.stop(5_000);
    release();
    expect(await stopped).toBe(true);
    expect(await round).toMatchObject({ repositories: 1, interrupted: true });
    expect(api.requestsTo('*', '/repos/octo/two/*')).toEqual([]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
