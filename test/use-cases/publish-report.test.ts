import { describe, expect, test } from '@jest/globals';
import { resolveConfig, type ResolvedConfig } from '../../src/core/config/resolved-config.js';
import { REPORT_LABEL, REPORT_LABEL_COLOR, REPORT_LABEL_DESCRIPTION, REPORT_MARKER, REPORT_TITLE } from '../../src/report/identity.js';
import { emptyMemory, readMemory, withMemory } from '../../src/report/report-memory.js';
import { tickedBoxes } from '../../src/report/checkboxes.js';
import { leaseRef } from '../../src/use-cases/lease.js';
import { publishReport, type ReportRequest } from '../../src/use-cases/publish-report.js';
import { DAY, farm, LIST, type Farm } from '../report/helpers/report-fixture.js';
import { BOT, FakeGitHub, REPO } from './helpers/fake-github.js';

/** Two links; the farm answers Beta dead unless told otherwise. */
const SIMPLE = `# Awesome Simple

## Tools

- [Alpha](https://alpha.example/) - Alpha does one thing.
- [Beta](https://beta.example/page) - Beta does another.
`;

interface World {
  github: FakeGitHub;
  f: Farm;
  logs: string[];
  request: (over?: Partial<ReportRequest>) => ReportRequest;
}

function world(files: Record<string, string> = { 'README.md': SIMPLE }, config: ResolvedConfig = resolveConfig()): World {
  const github = new FakeGitHub(files, { knowsLogin: true });
  const f = farm(config);
  const logs: string[] = [];
  return {
    github,
    f,
    logs,
    request: (over = {}) => ({ repo: REPO, files: ['**/*.md'], config, links: f.links, now: () => f.clock.now, log: (line) => logs.push(line), ...over }),
  };
}

const writeCalls = (github: FakeGitHub) => github.calls.filter((c) => c.write !== undefined);
const issueWrites = (github: FakeGitHub) => writeCalls(github).filter((c) => !['createCommit', 'createRef', 'deleteRef'].includes(c.method));
/** Issues listwarden would take for report issues, by number. */
const reportIssues = (github: FakeGitHub) => [...github.issues.values()].filter((i) => !i.pull && i.labels.includes(REPORT_LABEL)).sort((a, b) => a.number - b.number);
/** A report issue as an earlier run (or a person, given `login`) left it. */
const seed = (github: FakeGitHub, issue: { body: string; state?: 'open' | 'closed'; login?: string }) =>
  github.addIssue({ title: REPORT_TITLE, labels: [REPORT_LABEL], login: github.login, ...issue });
const leases = (github: FakeGitHub) => [...github.refs.keys()].filter((ref) => ref.startsWith('refs/listwarden/'));

describe('three scheduled runs: rot appears, stays, goes away', () => {
  test('leave exactly one issue: created, updated (unchanged on a repeat the same day), then closed with a comment', async () => {
    const { github, f, request } = world();

    // Run 1: Beta fails for the first time.
    const first = await publishReport(github, request());
    expect(first.action).toBe('created');
    expect(reportIssues(github)).toHaveLength(1);
    const issue = reportIssues(github)[0]!;
    expect(first.issue).toBe(issue.number);
    expect(issue).toMatchObject({ title: REPORT_TITLE, labels: [REPORT_LABEL], state: 'open', login: BOT });
    expect(issue.body).toBe(first.body);
    expect(issue.body.startsWith(REPORT_MARKER)).toBe(true);
    expect(issue.body).toContain('### 🟡 Failing, not yet confirmed (1)');
    expect(issue.body).not.toContain('### 🔴 Dead links');
    const methods = issueWrites(github).map((c) => c.method);
    expect(methods).toEqual(['ensureLabel', 'createIssue']);
    expect(github.calls.find((c) => c.method === 'ensureLabel')!.args).toEqual([REPORT_LABEL, REPORT_LABEL_COLOR, REPORT_LABEL_DESCRIPTION]);
    expect(leases(github)).toEqual([]);
    expect(first.memory.runs).toEqual([{ at: '2024-03-04', dead: 0, failing: 1, unverifiable: 0 }]);

    // Run 2, a week later: Beta still fails, now confirmed.
    f.clock.now += 7 * DAY;
    const second = await publishReport(github, request());
    expect(second).toMatchObject({ action: 'updated', issue: issue.number });
    expect(github.issues.get(issue.number)!.body).toContain('### 🔴 Dead links (1)');
    expect(github.issues.get(issue.number)!.body).toContain('failing since 2024-03-04');

    // The same delivery again, the same day: nothing to write.
    const before = writeCalls(github).length;
    const repeat = await publishReport(github, request());
    expect(repeat).toMatchObject({ action: 'unchanged', issue: issue.number });
    expect(writeCalls(github).slice(before).map((c) => c.method)).toEqual(['createCommit', 'createRef', 'deleteRef']);

    // Run 3: Beta is back.
    f.clock.now += 7 * DAY;
    f.prober.set('https://beta.example/page', 'alive');
    const third = await publishReport(github, request());
    expect(third).toMatchObject({ action: 'closed', issue: issue.number });
    const closed = github.issues.get(issue.number)!;
    expect(closed).toMatchObject({ state: 'closed', stateReason: 'completed' });
    expect(github.commentsOn(closed.number).map((c) => c.body)).toEqual(['All links and lists are healthy again as of 2024-03-18 — closing.']);
    expect(closed.body).toContain('✅ **All links and lists are healthy as of 2024-03-18.**');
    expect(readMemory(closed.body).runs.map((r) => [r.at, r.dead, r.failing])).toEqual([['2024-03-04', 0, 1], ['2024-03-11', 1, 0], ['2024-03-18', 0, 0]]);
    expect(reportIssues(github)).toHaveLength(1);

    // Still healthy the week after: the issue stays closed, with no new comment; only its trend moves on.
    f.clock.now += 7 * DAY;
    const fourth = await publishReport(github, request());
    expect(fourth).toMatchObject({ action: 'none', issue: issue.number });
    expect(github.commentsOn(issue.number)).toHaveLength(1);
    expect(github.issues.get(issue.number)!.state).toBe('closed');
    expect(readMemory(github.issues.get(issue.number)!.body).runs.at(-1)!.at).toBe('2024-03-25');
    const writes = writeCalls(github).length;
    await publishReport(github, request());
    expect(writeCalls(github).slice(writes).map((c) => c.method)).toEqual(['createCommit', 'createRef', 'deleteRef']);
  });

  test('when rot returns, the closed issue is reopened with the new body, never a second issue', async () => {
    const { github, f, request } = world();
    await publishReport(github, request());
    f.clock.now += 7 * DAY;
    f.prober.set('https://beta.example/page', 'alive');
    expect((await publishReport(github, request())).action).toBe('closed');

    f.clock.now += 7 * DAY;
    f.prober.set('https://alpha.example/', 'dead');
    const back = await publishReport(github, request());
    expect(back.action).toBe('reopened');
    expect(reportIssues(github)).toHaveLength(1);
    const issue = reportIssues(github)[0]!;
    expect(issue).toMatchObject({ number: back.issue, state: 'open', stateReason: 'reopened', body: back.body });
    expect(issue.body).toContain('`https://alpha.example/` — 404 Not Found');
    expect(github.calls.filter((c) => c.method === 'createIssue')).toHaveLength(1);
  });

  test('nothing to report and no issue: nothing is created', async () => {
    const { github, f, request } = world();
    f.prober.set('https://beta.example/page', 'alive');
    const outcome = await publishReport(github, request());
    expect(outcome.action).toBe('none');
    expect(outcome.issue).toBeUndefined();
    expect(issueWrites(github)).toEqual([]);
    expect(outcome.memory.runs).toHaveLength(1);
  });
});

describe('finding its own issue', () => {
  test('duplicates left by earlier failures are closed in favour of the lowest open one; issues by others are left alone', async () => {
    const { github, request } = world();
    const old = withMemory(`${REPORT_MARKER}\nold`, emptyMemory());
    const closedOne = seed(github, { body: old, state: 'closed' });
    const keep = seed(github, { body: old });
    const twin = seed(github, { body: old });
    const byPerson = seed(github, { body: old, login: 'octocat' });
    const noMarker = seed(github, { body: 'a question about listwarden' });

    const outcome = await publishReport(github, request());
    expect(outcome).toMatchObject({ action: 'updated', issue: keep, duplicatesClosed: [twin] });
    expect(github.issues.get(twin)).toMatchObject({ state: 'closed', stateReason: 'not_planned' });
    expect(github.commentsOn(twin).map((c) => c.body)).toEqual([`Closed in favour of #${keep}.`]);
    expect(github.issues.get(keep)!.body).toBe(outcome.body);
    for (const untouched of [closedOne, byPerson, noMarker]) {
      expect(issueWrites(github).some((c) => c.args[0] === untouched)).toBe(false);
    }
    expect(github.calls.filter((c) => c.method === 'createIssue')).toHaveLength(0);
  });

  test('a closed report issue is kept (and reopened) when no open one exists; the lowest number wins', async () => {
    const { github, request } = world();
    const old = withMemory(`${REPORT_MARKER}\nold`, emptyMemory());
    const first = seed(github, { body: old, state: 'closed' });
    const second = seed(github, { body: old, state: 'closed' });
    const outcome = await publishReport(github, request());
    expect(outcome).toMatchObject({ action: 'reopened', issue: first, duplicatesClosed: [] });
    expect(github.issues.get(second)!.state).toBe('closed');
  });

  test('the bot login comes from the request, else from the token', async () => {
    const { github, request } = world();
    const mine = seed(github, { body: withMemory(`${REPORT_MARKER}\nold`, emptyMemory()), login: 'listwarden[bot]' });
    // As github-actions[bot] (the token's login), the app's issue is someone else's: a new one is created.
    expect((await publishReport(github, request())).action).toBe('created');
    const { github: other, request: otherRequest } = world();
    const appIssue = seed(other, { body: withMemory(`${REPORT_MARKER}\nold`, emptyMemory()), login: 'listwarden[bot]' });
    expect(await publishReport(other, otherRequest({ botLogin: 'listwarden[bot]' }))).toMatchObject({ action: 'updated', issue: appIssue });
    expect(mine).toBe(appIssue);
  });
});

describe('what maintainers ask for in the issue', () => {
  test('a ticked ignore box: the URL is neither checked nor reported from the next run on, and listed as ignored', async () => {
    const { github, f, request } = world();
    const created = await publishReport(github, request());
    github.tick(created.issue!, 'listwarden:ignore url=https://beta.example/page');

    f.clock.now += 7 * DAY;
    const probedBefore = f.prober.probed.length;
    const next = await publishReport(github, request());
    expect(f.prober.probed.slice(probedBefore)).not.toContain('https://beta.example/page');
    expect(next.memory.ignoredUrls).toEqual(['https://beta.example/page']);
    expect(next.findings.some((x) => x.data?.url === 'https://beta.example/page')).toBe(false);
    // Nothing else rots: the issue closes, and remembers the ignore.
    expect(next.action).toBe('closed');
    const body = github.issues.get(created.issue!)!.body;
    expect(body).toContain('### 🙈 Ignored');
    expect(body).toContain('- `https://beta.example/page`');
    expect(body).not.toContain('- [x]');
    expect(readMemory(body).ignoredUrls).toEqual(['https://beta.example/page']);

    // Still ignored the run after (it is in the memory now, no longer a ticked box).
    f.clock.now += 7 * DAY;
    const probed = f.prober.probed.length;
    expect((await publishReport(github, request())).memory.ignoredUrls).toEqual(['https://beta.example/page']);
    expect(f.prober.probed.slice(probed)).toEqual(['https://alpha.example/']);
  });

  test('the ticked fix box is reported once and unticked in the new body', async () => {
    const { github, f, request } = world({ 'README.md': LIST });
    const created = await publishReport(github, request());
    expect(created.body).toContain('<!-- listwarden:fix -->');
    github.tick(created.issue!, 'listwarden:fix');

    f.clock.now += DAY;
    const next = await publishReport(github, request());
    expect(next.fixRequested).toBe(true);
    expect(next.action).toBe('updated');
    expect(tickedBoxes(github.issues.get(created.issue!)!.body).fixRequested).toBe(false);
    f.clock.now += DAY;
    expect((await publishReport(github, request())).fixRequested).toBe(false);
  });

  test('rules ignored in the memory are turned off', async () => {
    const { github, f, request } = world({ 'README.md': LIST });
    f.prober.answers.clear();
    const withDuplicate = await publishReport(github, request());
    expect(withDuplicate.findings.some((x) => x.ruleId === 'no-duplicate-entry')).toBe(true);
    const issue = github.issues.get(withDuplicate.issue!)!;
    issue.body = withMemory(issue.body, { ...readMemory(issue.body), ignoredRules: ['no-duplicate-entry'] });
    f.clock.now += DAY;
    const without = await publishReport(github, request());
    expect(without.findings.some((x) => x.ruleId === 'no-duplicate-entry')).toBe(false);
    expect(without.body).not.toContain('no-duplicate-entry`](');
    expect(without.body).toContain('These rules are turned off for the report: `no-duplicate-entry`.');
  });
});

describe('writes that race the report', () => {
  test('an ignore recorded while the links were being checked survives the report\'s write', async () => {
    const { github, f, request } = world();
    const first = await publishReport(github, request());
    const issue = github.issues.get(first.issue!)!;
    f.clock.now += DAY;
    // `/listwarden ignore` writes into the issue while this run is checking links.
    const links = { ...f.links, prober: { probe: async (url: string, signal?: AbortSignal) => {
      issue.body = withMemory(issue.body, { ...readMemory(issue.body), ignoredUrls: ['https://beta.example/page'] });
      return f.prober.probe(url, signal);
    } } };
    const second = await publishReport(github, request({ links }));
    expect(readMemory(github.issues.get(first.issue!)!.body).ignoredUrls).toEqual(['https://beta.example/page']);
    expect(second.findings.some((x) => x.data?.url === 'https://beta.example/page')).toBe(false);
  });
});

describe('safety', () => {
  test('a dry run writes nothing, takes no lease, and returns what it would write', async () => {
    const { github, request, logs } = world();
    const outcome = await publishReport(github, request({ dryRun: true }));
    expect(outcome.action).toBe('created');
    expect(outcome.body).toContain('https://beta.example/page');
    expect(github.writes).toEqual([]);
    expect(logs).toContain('would create the report issue');

    const old = withMemory(`${REPORT_MARKER}\nold`, emptyMemory());
    const keep = seed(github, { body: old });
    const twin = seed(github, { body: old });
    const again = await publishReport(github, request({ dryRun: true }));
    expect(again).toMatchObject({ action: 'updated', issue: keep, duplicatesClosed: [twin] });
    expect(github.writes).toEqual([]);
    expect(github.issues.get(twin)!.state).toBe('open');
    expect(logs).toContain(`would close duplicate report issue #${twin} in favour of #${keep}`);
  });

  test('a run that finds the lease held does nothing; an expired lease is taken over', async () => {
    const { github, f, request } = world();
    const head = (await github.getBranchSha(REPO, 'main'))!;
    const until = new Date(f.clock.now + 10 * 60_000).toISOString();
    const sha = await github.createCommit(REPO, { message: `listwarden lease until ${until}`, parentSha: head, files: [] });
    await github.createRef(REPO, leaseRef('report'), sha);
    const writes = writeCalls(github).length;

    const skipped = await publishReport(github, request());
    expect(skipped.action).toBe('skipped');
    // It tried to take the lease (and GitHub said no), and wrote nothing else.
    expect(writeCalls(github).slice(writes).map((c) => c.method)).toEqual(['createCommit', 'createRef']);
    expect(reportIssues(github)).toEqual([]);

    f.clock.now += 31 * 60_000;
    const taken = await publishReport(github, request());
    expect(taken.action).toBe('created');
    expect(leases(github)).toEqual([]);
  });

  test('the lease outlasts the time budget of the link checks', async () => {
    const { github, f, request } = world();
    await publishReport(github, request({ links: { ...f.links, budgetMs: 3 * 3600_000 } }));
    const lease = github.calls.find((c) => c.method === 'createCommit')!.args[0] as { message: string };
    const until = Date.parse(/until (\S+)/.exec(lease.message)![1]!);
    expect(until - f.clock.now).toBeGreaterThan(3 * 3600_000);
  });

  test('20 concurrent deliveries create one issue', async () => {
    const { github, request } = world();
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => publishReport(github, request())));
    expect(outcomes.filter((o) => o.action === 'created')).toHaveLength(1);
    expect(outcomes.every((o) => o.action === 'created' || o.action === 'skipped' || o.action === 'unchanged')).toBe(true);
    expect(reportIssues(github)).toHaveLength(1);
    expect(github.calls.filter((c) => c.method === 'createIssue')).toHaveLength(1);
    expect(leases(github)).toEqual([]);
  });

  test('a run whose network is down leaves the issue as it is', async () => {
    const { github, f, request } = world();
    const created = await publishReport(github, request());
    f.clock.now += 7 * DAY;
    f.prober.set('https://alpha.example/', 'offline').set('https://beta.example/page', 'offline');
    const down = await publishReport(github, request({ links: { ...f.links, networkCheck: async () => false } }));
    expect(down.action).toBe('unchanged');
    expect(github.issues.get(created.issue!)).toMatchObject({ state: 'open', body: created.body });
    expect(issueWrites(github).map((c) => c.method)).toEqual(['ensureLabel', 'createIssue']);
  });

  test('a run that ran out of time keeps the failures it could not re-check, and does not close the issue', async () => {
    const { github, f, request } = world();
    const created = await publishReport(github, request());
    f.clock.now += 7 * DAY;
    f.prober.delayMs = 5_000;
    const partial = await publishReport(github, request({ links: { ...f.links, budgetMs: 20 } }));
    expect(partial.evidence!.run.leftForNextRun).toBe(2);
    expect(partial.action).toBe('updated');
    expect(partial.body).toContain('time budget spent: 2 links left for the next run');
    expect(partial.body).toContain('### 🟡 Failing, not yet confirmed (1)');
    expect(partial.body).toContain('- `https://beta.example/page` — 404 Not Found · failing since 2024-03-04');
    expect(github.issues.get(created.issue!)!.state).toBe('open');

    // Nothing remembered as failing: no problem found, but no claim that all is healthy either.
    f.clock.now += 7 * DAY;
    f.prober.delayMs = 0;
    f.prober.set('https://beta.example/page', 'alive');
    expect((await publishReport(github, request())).action).toBe('closed');
    const other = world();
    other.f.prober.delayMs = 5_000;
    const outcome = await publishReport(other.github, other.request({ links: { ...other.f.links, budgetMs: 20 } }));
    expect(outcome.action).toBe('none');
  });
});

describe('the lists read', () => {
  test('files matching the globs at the default branch head, minus ignored files; relative links checked against the tree', async () => {
    const config = resolveConfig({ ignore: { files: ['vendor/**'] } });
    const { github, f, request } = world(
      {
        'README.md': '# A\n\n## B\n\n- [Guide](docs/guide.md) - Here.\n- [Gone](docs/gone.md) - Not here.\n- [Docs](docs) - A folder.\n',
        'docs/guide.md': '# Guide\n\n## Use\n\n- [Alpha](https://alpha.example/) - Fine.\n',
        'vendor/list.md': '# V\n\n- [Beta](https://beta.example/page) - Dead, but ignored.\n',
        'notes.txt': 'not a list',
      },
      config,
    );
    const outcome = await publishReport(github, request({ files: ['**/*.md'], config }));
    expect(outcome.files.map((x) => x.path)).toEqual(['README.md', 'docs/guide.md']);
    expect(outcome.baseSha).toBe(await github.getBranchSha(REPO, 'main'));
    expect(outcome.defaultBranch).toBe('main');
    expect(f.prober.probed).not.toContain('https://beta.example/page');
    expect(outcome.body).toContain('- `docs/gone.md` — no such file in the repository');
    expect(outcome.body).not.toContain('`docs/guide.md` —');
    expect(outcome.body).not.toContain('`docs` —');
  });

  test('without link checks: static findings only, and no trend point', async () => {
    const { github, request } = world({ 'README.md': LIST });
    const outcome = await publishReport(github, request({ links: undefined }));
    expect(outcome.action).toBe('created');
    expect(outcome.evidence).toBeUndefined();
    expect(outcome.memory.runs).toEqual([]);
    expect(outcome.body).toContain('without link checks');
    expect(outcome.body).toContain('no-duplicate-entry');
  });
});
