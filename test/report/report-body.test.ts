import { describe, expect, test } from '@jest/globals';
import type { Finding } from '../../src/core/findings/types.js';
import { tickedBoxes } from '../../src/report/checkboxes.js';
import { REPORT_MARKER } from '../../src/report/identity.js';
import { blobUrl, REPORT_BODY_LIMIT, renderReportBody, type ReportBodyInput } from '../../src/report/report-body.js';
import { emptyMemory, readMemory, type ReportMemory } from '../../src/report/report-memory.js';
import { buildReportModel, type DeadLink, type ReportModel } from '../../src/report/report-model.js';
import { recordRun } from '../../src/report/trend-chart.js';
import { mermaidBlocks, parseMermaid } from './helpers/mermaid.js';
import { twoRuns } from './helpers/report-fixture.js';

const REPO = { owner: 'octo', repo: 'awesome-things' };
const SHA = '0123456789abcdef0123456789abcdef01234567';
const BLOB = `https://github.com/octo/awesome-things/blob/${SHA}/README.md`;

function memoryWithRuns(): ReportMemory {
  let memory = recordRun(emptyMemory(), { at: '2024-03-04', dead: 0, failing: 1, unverifiable: 1 });
  memory = recordRun(memory, { at: '2024-03-11', dead: 1, failing: 1, unverifiable: 1 });
  return memory;
}

async function fixtureInput(): Promise<ReportBodyInput> {
  const { result } = await twoRuns();
  const model = buildReportModel({ findings: result.findings, outcomes: result.evidence!.run.outcomes, archived: result.evidence!.archived, deadLinks: 'archive' });
  return { repo: REPO, sha: SHA, date: '2024-03-11', files: ['README.md'], linksChecked: result.evidence!.run.outcomes.size, model, notes: result.notes, memory: memoryWithRuns() };
}

function emptyModel(): ReportModel {
  return { dead: [], failing: [], unverifiable: [], archived: [], redirects: [], rules: [], infoCount: 0, certainFixes: 0 };
}

/** The lines between a `### title` heading and the next heading. */
function section(body: string, title: string): string {
  const start = body.indexOf(`### ${title}`);
  if (start < 0) return '';
  const next = body.indexOf('\n### ', start + 4);
  return body.slice(start, next < 0 ? undefined : next);
}

describe('the report body', () => {
  test('starts with the marker, and lists each kind of rot in its section, in order', async () => {
    const body = renderReportBody(await fixtureInput());
    expect(body.startsWith(`${REPORT_MARKER}\n`)).toBe(true);
    expect(body).toContain('Checked 5 links in 1 file (`README.md`) on 2024-03-11, at commit `0123456789ab`.');
    expect(body).toContain('**🔴 1 dead · 🟡 1 failing · ⚪ 1 unverifiable · 📦 1 archived · ↪️ 1 redirect · 🧹 1 other problem**');
    const order = ['Trend', '🔴 Dead links (1)', '🟡 Failing, not yet confirmed (1)', '⚪ Unverifiable (1 link on 1 host)', '📦 Archived repositories (1)', '↪️ Redirects (1)', '🧹 Other problems in the lists (1)', '🛠️ Fixes'];
    const positions = order.map((title) => body.indexOf(`### ${title}`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  test('a confirmed dead link: its reason, every place as a link to the line at the commit, the archived copy, an ignore box', async () => {
    const dead = section(renderReportBody(await fixtureInput()), '🔴 Dead links');
    expect(dead).toContain('- `https://beta.example/page` — 404 Not Found · failing since 2024-03-04');
    expect(dead).toContain(`  - used at [\`README.md:8\`](${BLOB}#L8), [\`README.md:16\`](${BLOB}#L16)`);
    expect(dead).toContain('  - suggested replacement (archived copy): <https://web.archive.org/web/2023/https://beta.example/page>');
    expect(dead).toContain('  - [ ] ignore `https://beta.example/page` <!-- listwarden:ignore url=https://beta.example/page -->');
    expect(dead).not.toContain('alpha');
  });

  test('failing links say since when; unverifiable ones are grouped by host with the reason; archived repos and redirects', async () => {
    const body = renderReportBody(await fixtureInput());
    expect(section(body, '🟡 Failing')).toContain('- `https://alpha.example/` — 404 Not Found · failing since 2024-03-11');
    expect(section(body, '🟡 Failing')).toContain(`[\`README.md:7\`](${BLOB}#L7), [\`README.md:12\`](${BLOB}#L12)`);
    expect(section(body, '⚪ Unverifiable')).toContain('- **walled.example** — status 999 (a bot wall) · 1 link\n  - `https://walled.example/in/eps` at ');
    expect(section(body, '⚪ Unverifiable')).not.toContain('- [ ]');
    expect(section(body, '📦 Archived')).toContain(`- **octo/delta** \`https://github.com/octo/delta\` at [\`README.md:10\`](${BLOB}#L10)`);
    expect(section(body, '↪️ Redirects')).toContain('- `https://gamma.example/old` → <https://gamma.example/new> — redirects permanently (301) · at ');
  });

  test('static findings are grouped by rule, with the rule documentation and a link to each line', async () => {
    const other = section(renderReportBody(await fixtureInput()), '🧹 Other problems');
    expect(other).toContain('#### [`no-duplicate-entry`](https://github.com/listwarden/listwarden/blob/main/docs/rules/no-duplicate-entry.md) (1)');
    expect(other).toContain(`- 🔴 [\`README.md:12\`](${BLOB}#L12) Duplicate entry: https:&#8203;//alpha.example/ is already listed at 7:3`);
  });

  test('ticking every box asks to ignore exactly the dead and failing URLs, and for the fix pull request', async () => {
    const body = renderReportBody(await fixtureInput());
    expect(body).toContain('- [ ] open a pull request with the certain fixes (3 certain fixes) <!-- listwarden:fix -->');
    expect(tickedBoxes(body)).toEqual({ ignoreUrls: [], fixRequested: false });
    expect(tickedBoxes(body.replace(/- \[ \]/g, '- [x]'))).toEqual({ ignoreUrls: ['https://beta.example/page', 'https://alpha.example/'], fixRequested: true });
  });

  test('the trend block in the body is valid Mermaid', async () => {
    const blocks = mermaidBlocks(renderReportBody(await fixtureInput()));
    expect(blocks).toHaveLength(1);
    expect(parseMermaid(blocks)).toEqual([{ ok: true, type: 'xychart' }]);
  }, 60_000);

  test('ends with the memory block, which reads back as the memory given', async () => {
    const input = await fixtureInput();
    input.memory = { ...input.memory, ignoredUrls: ['https://x.example/--odd'], ignoredRules: ['prefer-https'] };
    const body = renderReportBody(input);
    expect(body.trimEnd().endsWith('-->')).toBe(true);
    expect(body.trimEnd().split('\n').at(-3)).toBe('<!-- listwarden:memory');
    expect(readMemory(body)).toEqual(input.memory);
    const ignored = section(body, '🙈 Ignored');
    expect(ignored).toContain('- `https://x.example/--odd`');
    expect(ignored).toContain('`prefer-https`');
    expect(ignored).toMatch(/remove the entry from `ignoredUrls`.*`\.github\/listwarden\.yml`/);
  });

  test('is deterministic: the same inputs give the same body, with no time of day in it', async () => {
    const a = renderReportBody(await fixtureInput());
    const input = await fixtureInput();
    const { result } = await twoRuns();
    input.model = buildReportModel({ findings: [...result.findings].reverse(), outcomes: result.evidence!.run.outcomes, archived: result.evidence!.archived, deadLinks: 'archive' });
    expect(renderReportBody(input)).toBe(a);
    expect(a).not.toMatch(/\d{2}:\d{2}/);
    expect(a).not.toMatch(/T\d{2}/);
  });

  test('a healthy run says so, lists nothing and offers no fix', () => {
    const body = renderReportBody({ repo: REPO, sha: SHA, date: '2024-03-18', files: ['README.md'], linksChecked: 5, model: emptyModel(), notes: [], memory: memoryWithRuns() });
    expect(body).toContain('✅ **All links and lists are healthy as of 2024-03-18.**');
    expect(body).not.toContain('- [ ]');
    expect(body).not.toContain('### 🔴');
    expect(body).toContain('### Trend');
  });

  test('a run that could not check every link does not call the lists healthy', () => {
    const body = renderReportBody({ repo: REPO, sha: SHA, date: '2024-03-18', files: ['README.md'], linksChecked: 0, model: emptyModel(), notes: ['time budget spent: 5 links left for the next run (the stalest were checked first)'], memory: emptyMemory(), partial: true });
    expect(body).toContain('☑️ **No problems found on 2024-03-18 in what could be checked** — not every link was checked this run (see the note).');
    expect(body).not.toContain('are healthy');
  });

  test('notes on the link checks are shown; a run without link checks says so', () => {
    const body = renderReportBody({ repo: REPO, sha: SHA, date: '2024-03-18', files: ['a.md', 'b.md'], model: emptyModel(), notes: ['time budget spent: 12 links left for the next run (the stalest were checked first)'], memory: emptyMemory() });
    expect(body).toContain('Checked 2 files (`a.md`, `b.md`) on 2024-03-18, at commit `0123456789ab`, without link checks.');
    expect(body).toContain('> - time budget spent: 12 links left for the next run');
    expect(body).not.toContain('### Trend');
  });

  test('text from the list cannot inject markup, mentions or markers', () => {
    const span = { start: { line: 3, column: 1, offset: 0 }, end: { line: 3, column: 2, offset: 1 } };
    const evil: Finding = { ruleId: 'no-mojibake', severity: 'warning', message: 'Bad @octocat </details> <!-- listwarden:fix -->', file: 'README.md', span };
    const model = { ...emptyModel(), rules: [{ ruleId: 'no-mojibake', findings: [evil] }] };
    const body = renderReportBody({ repo: REPO, sha: SHA, date: '2024-03-18', files: ['README.md'], model, notes: [], memory: emptyMemory() });
    expect(body).not.toContain('@octocat');
    expect(body).not.toContain('</details>');
    expect(body.match(/<!-- listwarden:fix -->/g)).toBeNull();
    expect(tickedBoxes(body.replace(/- \[ \]/g, '- [x]')).fixRequested).toBe(false);
  });

  test('file links encode odd paths', () => {
    expect(blobUrl(REPO, SHA, { file: 'docs/a b#c.md', line: 4 })).toBe(`https://github.com/octo/awesome-things/blob/${SHA}/docs/a%20b%23c.md#L4`);
  });
});

describe('a huge report', () => {
  const many = (n: number, confirmed: boolean): DeadLink[] =>
    Array.from({ length: n }, (_, i) => ({
      url: `https://${confirmed ? 'dead' : 'failing'}-${String(i).padStart(5, '0')}.example/a/rather/long/path/to/make/the/line/long/enough?with=query&and=more`,
      reason: '404 Not Found',
      places: Array.from({ length: 9 }, (_, j) => ({ file: 'README.md', line: 10 + i * 10 + j })),
      confirmed,
      failingSince: '2024-03-04',
    }));

  test('stays under the limit, says how many are left out, and keeps the memory block whole', () => {
    const memory: ReportMemory = { ...memoryWithRuns(), ignoredUrls: Array.from({ length: 200 }, (_, i) => `https://ignored-${i}.example/`) };
    const model = { ...emptyModel(), dead: many(3000, true), failing: many(2000, false) };
    const body = renderReportBody({ repo: REPO, sha: SHA, date: '2024-03-18', files: ['README.md'], linksChecked: 5000, model, notes: [], memory });
    expect(body.length).toBeLessThanOrEqual(REPORT_BODY_LIMIT);
    expect(readMemory(body)).toEqual(memory);
    const shownDead = (section(body, '🔴 Dead links').match(/^- `https:\/\/dead-/gm) ?? []).length;
    expect(shownDead).toBeGreaterThan(0);
    expect(section(body, '🔴 Dead links')).toContain(`- …and ${3000 - shownDead} dead links more`);
    const shownFailing = (section(body, '🟡 Failing').match(/^- `https:\/\/failing-/gm) ?? []).length;
    expect(section(body, '🟡 Failing')).toContain(`- …and ${2000 - shownFailing} failing links more`);
    // Places beyond five per URL are counted, not listed.
    expect(body).toContain('and 4 more places');
    // Every shown URL keeps its ignore box.
    expect(tickedBoxes(body.replace(/- \[ \]/g, '- [x]')).ignoreUrls).toHaveLength(shownDead + shownFailing);
    expect(mermaidBlocks(body)).toHaveLength(1);
  });

  test('a small report is not cut', async () => {
    const body = renderReportBody(await fixtureInput());
    expect(body).not.toContain('…and');
  });

  test('when even one item a section is too much, the body is cut at a line and the memory survives', () => {
    const tight = renderReportBody({ repo: REPO, sha: SHA, date: '2024-03-18', files: ['README.md'], linksChecked: 1, model: { ...emptyModel(), dead: many(1, true) }, notes: Array.from({ length: 10 }, () => 'n'.repeat(400)), memory: memoryWithRuns(), limit: 2_500 });
    expect(tight.length).toBeLessThanOrEqual(2_500);
    expect(tight).toContain('does not fit in one issue');
    expect(readMemory(tight)).toEqual(memoryWithRuns());
    // A code fence cut open is closed again, so the memory block stays hidden.
    expect((tight.match(/^```/gm) ?? []).length % 2).toBe(0);
  });
});
