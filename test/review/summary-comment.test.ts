import { MENTION, renderGfm } from './helpers/rendered-markdown.js';
import { describe, it, expect } from '@jest/globals';
import { checkSource } from '../../src/core/check-source.js';
import { changedLines } from '../../src/review/changed-lines.js';
import { partitionFindings } from '../../src/review/partition-findings.js';
import { SUMMARY_COMMENT_LIMIT, SUMMARY_MARKER, summaryComment } from '../../src/review/summary-comment.js';
import { JOB_SUMMARY_LIMIT, jobSummary } from '../../src/review/job-summary.js';
import { ruleDocUrl } from '../../src/core/format/rule-docs.js';
import { finding } from './lists.js';

const BASE = [
  '# Awesome Security',
  '',
  '## Secrets',
  '',
  '- [Gitleaks](https://gitleaks.io/?utm_source=github) - Finds secrets in git history.',
  '- [TruffleHog](https://github.com/trufflesecurity/trufflehog) - Finds credentials.',
  '- []() - Coming soon.',
  '',
  '## Containers',
  '',
  '- [Trivy](https://trivy.dev/) - Scans images.',
  '',
].join('\n');
const HEAD = BASE.replace('- [Trivy]', '- [Docker Scount](https://docs.docker.com/scout/) - Image insights.\n- [Trivy]');
const SHA = '3f2c1e9a7b6d5c4e3f2a1b0c9d8e7f6a5b4c3d2e';

function reviewOf(base: string, head: string) {
  const { findings } = checkSource('README.md', head);
  return partitionFindings(findings, new Map([['README.md', changedLines(base, head)]]));
}

describe('summaryComment', () => {
  it('a PR with a problem: marker, ❌ headline, table with the gating rule first, the problem listed, the rest folded', () => {
    const body = summaryComment({ ...reviewOf(BASE, HEAD), files: ['README.md'], sha: SHA });
    const lines = body.split('\n');
    expect(lines[0]).toBe(SUMMARY_MARKER);
    expect(body).toContain('❌ **1 problem in the lines this PR changes.**');
    const table = lines.filter((l) => l.startsWith('| ['));
    expect(table[0]).toBe(`| [\`tool-name-spelling\`](${ruleDocUrl('tool-name-spelling')}) | 1 | 0 |`);
    expect(table.slice(1).every((row) => / \| 0 \| [1-9]\d* \|$/.test(row))).toBe(true);
    expect(body).toContain('### Problems in the lines this PR changes');
    expect(body).toMatch(/^- 🟡 `README\.md:11` `tool-name-spelling` "Docker Scount" looks like a misspelling/m);
    expect(body).toMatch(/<details><summary>2 existing problems elsewhere in the list \(not caused by this PR; see the weekly report\)<\/summary>/);
    const details = body.slice(body.indexOf('<details>'), body.indexOf('</details>'));
    expect(details).toContain('`README.md:5`');
    expect(details).toContain('`README.md:7`');
    expect(details).not.toContain('README.md:11');
    expect(body).toContain(`Checked 1 file: \`README.md\` at commit ${SHA}.`);
  });

  it('a clean PR: ✅ headline, no gating list; link notes shown', () => {
    const head = BASE.replace('- [Trivy]', '- [Grype](https://github.com/anchore/grype) - Vulnerability scanner.\n- [Trivy]');
    const body = summaryComment({ ...reviewOf(BASE, head), files: ['README.md'], sha: SHA, linkNotes: ['network unavailable: 79 links not checked'] });
    expect(body).toContain('✅ **No problems in the lines this PR changes.**');
    expect(body).not.toContain('### Problems in the lines this PR changes');
    expect(body).toContain('- network unavailable: 79 links not checked');
    expect(body).toContain('2 existing problems elsewhere');
  });

  it('no findings at all: no table, no details', () => {
    const body = summaryComment({ gating: [], existing: [], files: ['README.md', 'docs/more.md'], sha: SHA });
    expect(body).toContain('✅');
    expect(body).not.toContain('| Rule |');
    expect(body).not.toContain('<details>');
    expect(body).toContain('Checked 2 files: `README.md`, `docs/more.md`');
  });

  it('is deterministic: the same findings in another order give the same body', () => {
    const r = reviewOf(BASE, HEAD);
    const a = summaryComment({ ...r, files: ['README.md'], sha: SHA });
    const b = summaryComment({ gating: [...r.gating].reverse(), existing: [...r.existing].reverse(), files: ['README.md'], sha: SHA });
    expect(b).toBe(a);
    expect(a).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('stays under 60,000 characters with 5,000 findings, pointing to the full report', () => {
    const message = 'https://tools.example.org/some/long/path/to/a/page is dead (404 Not Found) — remove the entry or link an archived copy';
    const gating = Array.from({ length: 40 }, (_, i) => finding({ line: i + 1, severity: 'error', ruleId: 'no-dead-link', message }));
    const existing = Array.from({ length: 4960 }, (_, i) => finding({ line: i + 100, ruleId: i % 2 ? 'prefer-https' : 'no-dead-link', message }));
    const reportUrl = 'https://github.com/acme/awesome-security/actions/runs/123456789';
    const body = summaryComment({ gating, existing, files: ['README.md'], sha: SHA, reportUrl });
    expect(body.length).toBeLessThanOrEqual(SUMMARY_COMMENT_LIMIT);
    expect(body.length).toBeGreaterThan(SUMMARY_COMMENT_LIMIT - 2000);
    expect(body).toContain('❌ **40 problems in the lines this PR changes.**');
    expect(body.match(/^- 🔴/gm)).toHaveLength(40); // every gating problem is listed
    expect(body).toContain(`see the [full report](${reportUrl})`);
    expect(body).toMatch(/_…and \d+ more problems not shown here/);
    expect(body).toContain('4960 existing problems elsewhere');
    expect(body.trimEnd().endsWith('</sub>')).toBe(true);
    expect(body.indexOf('</details>')).toBeGreaterThan(body.indexOf('<details>'));
  });

  it('cuts the gating list too when it alone is too long, leaving the existing ones to the report', () => {
    const gating = Array.from({ length: 5000 }, (_, i) => finding({ line: i + 1, message: 'x'.repeat(200) }));
    const existing = [finding({ line: 9999 })];
    const body = summaryComment({ gating, existing, files: ['README.md'], sha: SHA });
    expect(body.length).toBeLessThanOrEqual(SUMMARY_COMMENT_LIMIT);
    expect(body).toContain('run `listwarden check` for all of them');
    expect(body).toContain('_…and 1 more problem not shown here');
    expect(body).not.toContain('README.md:9999');
  });

  it('findings cannot break the layout, fake the marker or mention people', () => {
    const evil = finding({
      line: 3,
      message: '<!-- listwarden:summary --> </details> <img src=x> | pipe — ask @octocat, not user@example.org or medium.com/@someone',
    });
    const body = summaryComment({ gating: [evil], existing: [], files: ['README.md'], sha: SHA });
    expect(body.split(SUMMARY_MARKER)).toHaveLength(2);
    expect(body).not.toContain('</details>');
    expect(body).not.toContain('<img');
    expect(body).toContain('@&#8203;octocat');
    // Rendered, the text reads as written, and nothing in it notifies anyone or links anywhere.
    const rendered = renderGfm(body);
    expect(rendered.text).not.toMatch(MENTION);
    expect(rendered.tags.filter((t) => t === 'a')).toHaveLength(1); // the rule's documentation
    expect(rendered.text.replace(/\u200b/g, '')).toContain('<!-- listwarden:summary --> </details> <img src=x> | pipe — ask @octocat, not user@example.org or medium.com/@someone');
  });
});

describe('jobSummary', () => {
  it('has the same content without the hidden marker, and room for more findings', () => {
    const r = reviewOf(BASE, HEAD);
    const input = { ...r, files: ['README.md'], sha: SHA };
    const job = jobSummary(input);
    expect(job).not.toContain(SUMMARY_MARKER);
    expect(SUMMARY_MARKER + '\n' + job).toBe(summaryComment(input));

    const many = Array.from({ length: 2000 }, (_, i) => finding({ line: i + 1, message: 'Link has no text — add a name readers can see' }));
    const big = jobSummary({ gating: [], existing: many, files: ['README.md'], sha: SHA });
    expect(big.length).toBeLessThanOrEqual(JOB_SUMMARY_LIMIT);
    expect(big.match(/^- 🟡/gm)).toHaveLength(2000); // all of a 2,000-entry list's problems
  });
});
