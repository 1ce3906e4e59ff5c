import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { resolveConfig } from '../../src/core/config/resolved-config.js';
import { LinkState } from '../../src/links/link-state.js';
import { RotAwareProber } from '../../src/links/rot-prober.js';
import { checkLists, type LinkPorts } from '../../src/use-cases/check-lists.js';
import { buildReportModel } from '../../src/report/report-model.js';
import { renderReportBody } from '../../src/report/report-body.js';
import { emptyMemory } from '../../src/report/report-memory.js';
import { farmProber } from '../links/helpers/farm-prober.js';
import { startRotFarm, type RotFarm } from '../links/helpers/rot-farm.js';
import { fakeRepoLookup } from './helpers/fake-prober.js';

const DAY = 24 * 3600_000;
let farm: RotFarm;
beforeAll(async () => {
  farm = await startRotFarm();
});
afterAll(async () => farm.close());

function list(): string {
  return [
    '# Awesome Tools',
    '',
    `- [OldTool](${farm.url('parked', '/')}) - A parked domain now.`,
    `- [ToolDocs config](${farm.url('docs', '/guide/old-config')}) - A soft 404.`,
    `- [Legacy](${farm.url('lonely', '/legacy/tool.html')}) - One sign only.`,
    `- [Dashboardly](${farm.url('spa', '/app/settings')}) - A single-page app.`,
    `- [Teamspace](${farm.url('loginWall', '/dashboard/reports')}) - Behind a login.`,
    `- [Status codes](${farm.url('blog', '/posts/http-status-codes')}) - Mentions 404 in its text.`,
    '- [Scanner](https://github.com/aqua/scanner-old) - Now part of Trivy.',
    '- [Quiet](https://github.com/quiet/tool) - Nobody pushes.',
    '',
  ].join('\n');
}

async function report() {
  const config = resolveConfig();
  const state = LinkState.empty();
  // The prober stamps its verdicts with the real time: the run's clock starts there.
  const clock = { now: Date.now() };
  const { prober, close } = farmProber({ titles: true });
  const links: LinkPorts = {
    prober: new RotAwareProber(prober, { state, now: () => clock.now }),
    state,
    now: () => clock.now,
    github: fakeRepoLookup({
      'aqua/scanner-old': { state: 'archived', isArchived: true, nameWithOwner: 'aqua/scanner-old', reason: 'archived', successor: { url: 'https://github.com/aqua/trivy', evidence: 'This project is now part of Trivy.', source: 'description' } },
      'quiet/tool': { state: 'ok', isArchived: false, nameWithOwner: 'quiet/tool', reason: 'exists', pushedAt: '2019-05-02T10:00:00Z' },
    }),
    wayback: { closest: async (url) => (url === farm.url('parked', '/') ? { url: `https://web.archive.org/web/2020/${url}` } : undefined) },
  };
  try {
    await checkLists([{ path: 'README.md', source: list() }], config, links);
    clock.now += 7 * DAY;
    const result = await checkLists([{ path: 'README.md', source: list() }], config, links);
    const model = buildReportModel({ findings: result.findings, outcomes: result.evidence!.run.outcomes, archived: result.evidence!.archived, deadLinks: 'archive' });
    const body = renderReportBody({ repo: { owner: 'octo', repo: 'awesome' }, sha: 'a'.repeat(40), date: '2026-03-09', files: ['README.md'], linksChecked: result.evidence!.run.outcomes.size, model, notes: result.notes, memory: emptyMemory() });
    return { model, body };
  } finally {
    await close();
  }
}

describe('the link-rot report: rot that answers 200 under its own heading', () => {
  let body = '';
  let model: Awaited<ReturnType<typeof report>>['model'];
  beforeAll(async () => {
    ({ body, model } = await report());
  });

  const section = () => {
    const start = body.indexOf('### 🕳️ Gone, though they answer');
    const next = body.indexOf('\n### ', start + 4);
    return start < 0 ? '' : body.slice(start, next < 0 ? undefined : next);
  };

  it('lists each kind with its evidence, places and suggested replacement', () => {
    const text = section();
    expect(text).toContain('### 🕳️ Gone, though they answer (5)');
    const parked = farm.url('parked', '/');
    expect(text).toContain(`- \`${parked}\` — **parked or for-sale domain** · dead`);
    expect(text).toContain('  - evidence: loads img.sedoparking.com; a 20-word landing page that says "this domain may be for sale"');
    expect(text).toContain(`  - suggested replacement (archived copy, check it first): <https://web.archive.org/web/2020/${parked}>`);
    expect(text).toContain(`- \`${farm.url('docs', '/guide/old-config')}\` — **soft 404** · dead`);
    expect(text).toMatch(/ {2}- evidence: its title says "Page Not Found \\\| ToolDocs"; an invented path on the same host \(.*\) gives the same page/);
    expect(text).toContain(`- \`${farm.url('lonely', '/legacy/tool.html')}\` — **looks like a soft 404 (one sign only: check it)**`);
    expect(text).toContain('- `https://github.com/aqua/scanner-old` — **archived; the project moved on**');
    expect(text).toContain('  - evidence: aqua/scanner-old is archived; its description says "This project is now part of Trivy."');
    expect(text).toContain('  - suggested replacement (successor the project names, check it first): <https://github.com/aqua/trivy>');
    expect(text).toContain('- `https://github.com/quiet/tool` — **no push for years**');
    expect(text).toContain('  - evidence: last push 2019-05-02');
    expect(text).toMatch(/used at \[`README\.md:3`\]/);
  });

  it('keeps them out of the other sections, and the false alarms out of the report', () => {
    expect(model.dead.map((d) => d.url)).toEqual([]);
    expect(model.unverifiable).toEqual([]);
    expect(model.archived).toEqual([]);
    for (const url of [farm.url('spa', '/app/settings'), farm.url('loginWall', '/dashboard/reports'), farm.url('blog', '/posts/http-status-codes')]) expect(body).not.toContain(url);
    expect(body).toMatch(/🕳️ 5 gone but answering/);
  });
});

describe('the rot section in the model', () => {
  const place = { start: { line: 3, column: 3, offset: 0 }, end: { line: 3, column: 30, offset: 27 } };
  const finding = (ruleId: string, url: string, severity: 'info' | 'warning' | 'error' = 'info') => ({ ruleId, severity, message: 'm', file: 'README.md', span: place, data: { url } });
  const repoOutcome = (url: string, repo: Record<string, unknown>) => ({
    url,
    result: { url, verdict: 'alive' as const, cause: 'ok' as const, status: 200, reason: 'exists', redirects: [], finalUrl: url, permanentRedirect: false, titles: [], checkedAt: '2026-03-09T00:00:00Z', requests: 0, durationMs: 0 },
    fromCache: false,
    confirmedDead: false,
    repo: { key: 'k', state: 'ok' as const, reason: 'exists', ...repo },
  });

  it('a repository that only went quiet is listed, but is no reason to open a report', async () => {
    const { hasSomethingToReport } = await import('../../src/report/report-model.js');
    const url = 'https://github.com/quiet/tool';
    const model = buildReportModel({ findings: [finding('repo-unmaintained', url)], outcomes: new Map([[url, repoOutcome(url, { nameWithOwner: 'quiet/tool', pushedAt: '2019-05-02T00:00:00Z' })]]) });
    expect(model.rot).toEqual([{ url, kind: 'unmaintained', evidence: 'last push 2019-05-02', places: [{ file: 'README.md', line: 3 }] }]);
    expect(model.infoCount).toBe(0);
    expect(hasSomethingToReport(model)).toBe(false);
  });

  it('an archived repository without a named successor stays in the archived section', () => {
    const url = 'https://github.com/old/plain';
    const model = buildReportModel({ findings: [finding('no-archived-repo', url, 'warning')], outcomes: new Map([[url, repoOutcome(url, { state: 'archived', isArchived: true, nameWithOwner: 'old/plain' })]]) });
    expect(model.rot).toBeUndefined();
    expect(model.archived.map((a) => a.name)).toEqual(['old/plain']);
  });

  it('counts parked domains and soft 404s as dead or failing in the trend; warnings and repositories not', async () => {
    const { rotDeadCounts } = await import('../../src/report/rot-items.js');
    const item = (kind: 'parked-domain' | 'soft-404' | 'looks-like-soft-404' | 'moved-on', confirmed?: boolean) => ({ url: `https://x.dev/${kind}`, kind, evidence: '', places: [], ...(confirmed !== undefined ? { confirmed } : {}) });
    expect(rotDeadCounts([item('parked-domain', true), item('soft-404', false), item('soft-404', true), item('looks-like-soft-404'), item('moved-on')])).toEqual({ dead: 2, failing: 1 });
    expect(rotDeadCounts(undefined)).toEqual({ dead: 0, failing: 0 });
  });
});
