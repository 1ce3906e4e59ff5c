import { describe, expect, test } from '@jest/globals';
import { resolveConfig } from '../../src/core/config/resolved-config.js';
import type { Finding } from '../../src/core/findings/types.js';
import { buildReportModel, hasSomethingToReport, unverifiableCount } from '../../src/report/report-model.js';
import { checkLists } from '../../src/use-cases/check-lists.js';
import { farm, twoRuns } from './helpers/report-fixture.js';

describe('sorting findings into the report', () => {
  test('each rotting URL is one entry with every place it is used; confirmed dead and failing apart', async () => {
    const { result } = await twoRuns();
    const model = buildReportModel({ findings: result.findings, outcomes: result.evidence!.run.outcomes, archived: result.evidence!.archived, deadLinks: 'archive' });
    expect(model.dead).toEqual([
      {
        url: 'https://beta.example/page',
        reason: '404 Not Found',
        places: [{ file: 'README.md', line: 8 }, { file: 'README.md', line: 16 }],
        confirmed: true,
        failingSince: '2024-03-04',
        replacement: { url: 'https://web.archive.org/web/2023/https://beta.example/page', why: 'archived copy' },
      },
    ]);
    expect(model.failing.map((d) => [d.url, d.failingSince, d.places.map((p) => p.line)])).toEqual([['https://alpha.example/', '2024-03-11', [7, 12]]]);
    expect(model.unverifiable).toEqual([{ host: 'walled.example', reasons: ['status 999 (a bot wall)'], links: [{ url: 'https://walled.example/in/eps', places: [{ file: 'README.md', line: 11 }] }] }]);
    expect(model.archived).toEqual([{ name: 'octo/delta', url: 'https://github.com/octo/delta', places: [{ file: 'README.md', line: 10 }] }]);
    expect(model.redirects).toEqual([{ url: 'https://gamma.example/old', target: 'https://gamma.example/new', why: 'redirects permanently (301)', places: [{ file: 'README.md', line: 9 }] }]);
    expect(model.rules.map((g) => [g.ruleId, g.findings.length])).toEqual([['no-duplicate-entry', 1]]);
    // Certain fixes: the redirect, the duplicate, and the confirmed dead link with an archived copy.
    expect(model.certainFixes).toBe(3);
    expect(hasSomethingToReport(model)).toBe(true);
    expect(unverifiableCount(model)).toBe(1);
  });

  test('the maintenance setting decides whether confirmed dead links count as certain fixes', async () => {
    const { result } = await twoRuns();
    // As when the archive has no copy: no suggestion, no archived map.
    const findings = result.findings.map((finding) => {
      if (finding.ruleId !== 'no-dead-link') return finding;
      const { suggestion: _copy, ...rest } = finding;
      return rest;
    });
    const input = { findings, outcomes: result.evidence!.run.outcomes, archived: new Map<string, string>() };
    expect(buildReportModel({ ...input, deadLinks: 'off' }).certainFixes).toBe(2);
    expect(buildReportModel({ ...input, deadLinks: 'archive' }).certainFixes).toBe(2);
    expect(buildReportModel({ ...input, deadLinks: 'archive-or-remove' }).certainFixes).toBe(3);
    expect(buildReportModel({ ...input, archived: result.evidence!.archived, deadLinks: 'archive' }).certainFixes).toBe(3);
  });

  test('the order of the findings does not matter', async () => {
    const { result } = await twoRuns();
    const a = buildReportModel({ findings: result.findings, outcomes: result.evidence!.run.outcomes });
    const b = buildReportModel({ findings: [...result.findings].reverse(), outcomes: result.evidence!.run.outcomes });
    expect(b).toEqual(a);
  });

  test('a relative link to a missing file is dead at once; info findings are counted, not listed', async () => {
    const f = farm();
    const list = '# Things\n\n## Docs\n\n- [Guide](docs/guide.md) - The guide.\n- [Gone](docs/gone.md) - Gone.\n';
    const result = await checkLists([{ path: 'README.md', source: list }], resolveConfig(), { ...f.links, fileExists: async (p) => p === 'docs/guide.md', resolveRelative: (_l, link) => link });
    const info: Finding = { ruleId: 'prefer-https', severity: 'info', message: 'x', file: 'README.md', span: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } } };
    const model = buildReportModel({ findings: [...result.findings, info], outcomes: result.evidence!.run.outcomes });
    expect(model.dead).toEqual([{ url: 'docs/gone.md', reason: 'no such file in the repository', places: [{ file: 'README.md', line: 6 }], confirmed: true }]);
    expect(model.failing).toEqual([]);
    expect(model.rules).toEqual([]);
    expect(model.infoCount).toBe(1);
  });

  test('only unverifiable links and info notes are nothing to report', async () => {
    const f = farm();
    const list = '# Things\n\n## Tools\n\n- [Epsilon](https://walled.example/in/eps) - Behind a wall.\n';
    const result = await checkLists([{ path: 'README.md', source: list }], resolveConfig(), f.links);
    const model = buildReportModel({ findings: result.findings, outcomes: result.evidence!.run.outcomes });
    expect(unverifiableCount(model)).toBe(1);
    expect(hasSomethingToReport(model)).toBe(false);
  });

  test('a redirect to a login page has no suggested target', async () => {
    const f = farm();
    f.prober.set('https://gamma.example/old', { redirectTo: 'https://gamma.example/login' });
    const result = await checkLists([{ path: 'README.md', source: '# T\n\n## A\n\n- [Gamma](https://gamma.example/old) - G.\n' }], resolveConfig(), f.links);
    const model = buildReportModel({ findings: result.findings, outcomes: result.evidence!.run.outcomes });
    expect(model.redirects).toEqual([{ url: 'https://gamma.example/old', why: 'redirects to a login page: the page may be gone', places: [{ file: 'README.md', line: 5 }] }]);
  });
});
