import { describe, expect, it } from '@jest/globals';
import { planMaintenance, type MaintenancePlanInput } from '../../src/maintenance/plan-maintenance.js';
import type { MaintenanceChange } from '../../src/maintenance/change-list.js';
import type { ConfigInput } from '../../src/core/config/resolved-config.js';
import { fixText } from '../../src/use-cases/fix-text.js';
import { runFixJob, type FixJob, type FixRunner } from '../../src/use-cases/fix-job.js';
import { tooSlow } from '../../src/app/check-pool.js';
import { TOO_SLOW } from '../../src/core/parse/inspect-input.js';
import { checkWith, config, NOT_FOUND, redirect, type LinkWorld } from './helpers/link-evidence.js';
import { applyChanges, ARCHIVE, LIST } from './helpers/lists.js';

const WORLD: LinkWorld = {
  answers: {
    'https://old.example/alpha': redirect('https://old.example/alpha', 'https://old.example/new/alpha', [301, 308], ['https://old.example/mid/alpha']),
    'https://gone.example/page': NOT_FOUND,
    'https://lost.example/': NOT_FOUND,
    'https://cited.example/': NOT_FOUND,
    'https://vanished.example/': NOT_FOUND,
  },
  repos: { 'old-owner/beta': { state: 'renamed', nameWithOwner: 'new-owner/beta', url: 'https://github.com/new-owner/beta', reason: 'renamed to new-owner/beta' } },
  archived: { 'https://gone.example/page': ARCHIVE },
  confirmed: ['https://gone.example/page', 'https://lost.example/', 'https://cited.example/', 'https://vanished.example/'],
};

async function plan(source = LIST, world: LinkWorld = WORLD, configInput: ConfigInput = {}, extra: Partial<MaintenancePlanInput> = {}) {
  const cfg = config(configInput);
  const files = [{ path: 'README.md', source }];
  const checked = await checkWith(files, cfg, world);
  return planMaintenance({ files, findings: checked.findings, config: cfg, ...(checked.evidence ? { evidence: checked.evidence } : {}), ...extra });
}

function at(changes: MaintenanceChange[], line: number): MaintenanceChange[] {
  return changes.filter((c) => c.line === line);
}

function written(p: Awaited<ReturnType<typeof plan>>): string {
  return p.writes.find((w) => w.path === 'README.md')?.content ?? LIST;
}

describe('the maintenance plan with a fixer (the app\'s worker pool)', () => {
  it('hands each list\'s fixes to the fixer as plain data, with the link facts, and plans exactly what in-process fixing plans', async () => {
    const jobs: FixJob[] = [];
    const fixer: FixRunner = async (job) => {
      const plain = structuredClone(job);
      jobs.push(plain);
      return structuredClone(runFixJob(plain));
    };
    const here = await plan();
    const there = await plan(LIST, WORLD, {}, { fixes: fixer });
    expect(jobs.map((j) => [j.path, j.source, j.trace])).toEqual([['README.md', LIST, true]]);
    expect(jobs[0]!.facts).toBeDefined();
    expect(there.writes).toEqual(here.writes);
    expect(there.changes).toEqual(here.changes);
    expect(there.writes.length).toBe(1);
  });

  it('leaves a list out, and says why, when its fix job passed the deadline', async () => {
    const slow: FixRunner = async (job) => ({ output: job.source, applied: [], rejected: [], tooSlow: tooSlow(job, 50) });
    const p = await plan(LIST, WORLD, {}, { fixes: slow });
    expect(p.writes).toEqual([]);
    expect(p.changes).toEqual([]);
    expect(p.refused).toEqual([`README.md left out — ${TOO_SLOW}: checking this file took longer than 50 ms, the most listwarden gives one list — split the list into smaller files, shorten its longest lines, or exclude it with ignore.files`]);
  });
});

describe('which fixes the maintenance PR makes', () => {
  it('leaves out a list the check refused as too large or too slow (never parsed again here to fix it), and says so', async () => {
    const cfg = config({});
    const files = [{ path: 'README.md', source: LIST }];
    const checked = await checkWith(files, cfg, WORLD);
    const slow = tooSlow(files[0]!, 50);
    const p = await planMaintenance({ files, findings: [...checked.findings, slow], config: cfg, ...(checked.evidence ? { evidence: checked.evidence } : {}) });
    expect(p.writes).toEqual([]);
    expect(p.changes).toEqual([]);
    expect(p.refused).toEqual([`README.md left out — ${TOO_SLOW.toLowerCase()}`]);
  });

  it('makes the certain link and static fixes and records each on its original line', async () => {
    const p = await plan();
    const lines = written(p).split('\n');
    expect(lines[4]).toBe('- [Alpha](https://old.example/new/alpha) - Moved permanently.');
    expect(lines[5]).toBe('- [Beta](https://github.com/new-owner/beta) - Renamed repository.');
    expect(lines[6]).toBe(`- [Gone](${ARCHIVE}) - Dead, with an archived copy.`);
    expect(lines[7]).toBe('- [Gitleaks](https://gitleaks.io/) - Finds secrets.');
    expect(lines[8]).toBe('- [Semgrep](https://semgrep.dev/) - Static analysis.');
    expect(p.changes.map((c) => `${c.line} ${c.ruleId}`)).toEqual(['5 no-redirect', '6 no-redirect', '7 no-dead-link', '8 tool-name-spelling', '9 no-tracking-params']);
    expect(p.unexplained).toEqual([]);
  });

  it('leaves dead links without an archived copy to a person by default, and says why', async () => {
    const p = await plan();
    expect(written(p)).toContain('- [Lost](https://lost.example/)');
    expect(p.leftAlone.map((l) => `${l.line} ${l.url}`)).toEqual(['10 https://lost.example/', '11 https://cited.example/', '17 https://vanished.example/']);
    expect(p.leftAlone[0]!.why).toMatch(/no archived copy.*archive-or-remove/);
  });

  it('removes a dead entry that is alone on its line with archive-or-remove, never a table row or an entry that only cites the page', async () => {
    const p = await plan(LIST, WORLD, { maintenance: { deadLinks: 'archive-or-remove' } });
    const out = written(p);
    expect(out).not.toContain('[Lost]');
    expect(out).toContain('- [Kept](https://kept.example/) - Cites [a dead page](https://cited.example/)');
    expect(out).toContain('| [Vanished](https://vanished.example/) | Dead, no copy. |');
    const removal = at(p.changes, 10);
    expect(removal).toEqual([expect.objectContaining({ ruleId: 'no-dead-link', before: '- [Lost](https://lost.example/) - Dead, no copy anywhere.', after: '' })]);
    expect(removal[0]!.reason).toMatch(/entry removed.*no archived copy/);
    expect(removal[0]!.evidence).toMatch(/404 Not Found; failing since 2024-05-20, 3 runs in a row; no archived copy found/);
    expect(p.leftAlone.map((l) => [l.line, l.why])).toEqual([
      [11, "the dead link is in the entry's description, not the link that names it"],
      [17, 'it is in a table; listwarden does not remove table rows'],
    ]);
  });

  it('touches no dead link when maintenance.deadLinks is off, and none that is dead but not yet confirmed', async () => {
    const off = await plan(LIST, WORLD, { maintenance: { deadLinks: 'off' } });
    expect(written(off)).toContain('(https://gone.example/page)');
    const unconfirmed = await plan(LIST, { ...WORLD, confirmed: [] }, { maintenance: { deadLinks: 'archive-or-remove' } });
    expect(written(unconfirmed)).toContain('(https://gone.example/page)');
    expect(written(unconfirmed)).toContain('[Lost]');
    expect(unconfirmed.changes.some((c) => c.ruleId === 'no-dead-link')).toBe(false);
  });

  it('never touches an ignored URL nor applies an ignored rule', async () => {
    const p = await plan(LIST, WORLD, {}, { ignoredUrls: ['https://old.example/alpha', 'https://semgrep.dev/?utm_source=newsletter'], ignoredRules: ['tool-name-spelling'] });
    const out = written(p);
    expect(out).toContain('[Alpha](https://old.example/alpha)');
    expect(out).toContain('utm_source=newsletter');
    expect(out).toContain('[Gitleak](https://gitleaks.io/)');
    expect(p.changes.map((c) => c.line)).toEqual([6, 7]);
  });

  it('changes nothing when nothing is certain', async () => {
    const p = await plan('# List\n\n- [Fine](https://fine.example/) - All good.\n', {});
    expect(p.writes).toEqual([]);
    expect(p.changes).toEqual([]);
  });
});

describe('the change list: reasons and evidence', () => {
  it('a permanent redirect cites its chain of status codes', async () => {
    const [change] = at((await plan()).changes, 5);
    expect(change).toMatchObject({
      before: '- [Alpha](https://old.example/alpha) - Moved permanently.',
      after: '- [Alpha](https://old.example/new/alpha) - Moved permanently.',
      reason: 'link updated to where it permanently redirects (https://old.example/new/alpha)',
      evidence: '301 → https://old.example/mid/alpha, 308 → https://old.example/new/alpha, which answered 200',
    });
  });

  it("a renamed repository cites GitHub's answer", async () => {
    const [change] = at((await plan()).changes, 6);
    expect(change!.reason).toBe("link updated to the repository's new name (new-owner/beta)");
    expect(change!.evidence).toBe('GitHub API: renamed to new-owner/beta');
  });

  it('an archived copy cites the failures and the copy', async () => {
    const [change] = at((await plan()).changes, 7);
    expect(change!.reason).toBe('dead link replaced by its archived copy');
    expect(change!.evidence).toBe(`404 Not Found; failing since 2024-05-20, 3 runs in a row; archived copy ${ARCHIVE}`);
  });

  it('a tool-name spelling cites the canonical name and what it was matched on', async () => {
    const [change] = at((await plan()).changes, 8);
    expect(change!.reason).toBe('tool name written as its project writes it ("Gitleaks")');
    expect(change!.evidence).toMatch(/"Gitleak" looks like a misspelling of "Gitleaks"/);
  });

  it('tracking parameters name the parameters removed', async () => {
    const [change] = at((await plan()).changes, 9);
    expect(change!.reason).toBe('tracking parameter removed');
    expect(change!.evidence).toMatch(/^utm_source only tells the site where the click came from/);
  });

  it('rowspan counts and empty rows: each line that changes, counted in the original even after a row above is removed', async () => {
    const table = [
      '# T', // 1
      '', // 2
      '<table>', // 3
      '  <tbody>', // 4
      '    <tr>', // 5
      '      <td rowspan="5">Build</td>', // 6
      '      <td><a href="https://a.example/">A</a></td>', // 7
      '    </tr>', // 8
      '    <tr>', // 9
      '    <tr>', // 10
      '      <td><a href="https://b.example/">B</a></td>', // 11
      '    </tr>', // 12
      '    <tr>', // 13
      '      <td rowspan="3">Ship</td>', // 14
      '      <td><a href="https://c.example/">C</a></td>', // 15
      '    </tr>', // 16
      '  </tbody>', // 17
      '</table>', // 18
      '',
    ].join('\n');
    const p = await plan(table, {});
    const out = written(p);
    const expected = fixText('README.md', table, [], config()).output;
    expect(p.writes[0]!.content).toBe(expected);
    expect(applyChanges(table, p.changes)).toBe(expected);
    const rowspans = p.changes.filter((c) => c.ruleId === 'table-rowspan');
    expect(rowspans.length).toBeGreaterThan(0);
    for (const change of rowspans) {
      expect(change.reason).toMatch(/^rowspan set to \d+$/);
      expect(change.evidence).toMatch(/rowspan="\d+"/);
      expect(table.split('\n')[change.line - 1]).toBe(change.before);
    }
    expect(p.changes.find((c) => c.ruleId === 'table-empty-row' && c.after === '')).toMatchObject({ line: 9, before: '    <tr>' });
    expect(out).toContain('rowspan="1">Ship');
  });

  it('accounts for every edit: applying the change list to the original gives the fixed text', async () => {
    for (const deadLinks of ['archive', 'archive-or-remove'] as const) {
      const p = await plan(LIST, WORLD, { maintenance: { deadLinks } });
      expect(applyChanges(LIST, p.changes)).toBe(written(p));
    }
  });
});
