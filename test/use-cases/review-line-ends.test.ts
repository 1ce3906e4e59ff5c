/**
 * A pull request's review of a list with CR-only or CRLF line ends: the finding on the line
 * the pull request changes gates it, on that line, with its suggestion on that line — the
 * lines are counted as the findings count them (`\r`, `\r\n`, `\n`).
 */
import { describe, expect, it } from '@jest/globals';
import { resolveConfig } from '../../src/core/config/resolved-config.js';
import { reviewPullRequest } from '../../src/use-cases/review-pull-request.js';
import { FakeGitHub, REPO } from './helpers/fake-github.js';

const ENTRIES = ['# Awesome', '', '## Tools', '', '- [One](https://one.example/) - One.', '- [Two](https://two.example/) - Two.', '- [Three](https://three.example/) - Three.'];

describe.each([
  ['CR-only', '\r'],
  ['CRLF', '\r\n'],
])('reviewing a %s list', (_, eol) => {
  it('gates the finding on the changed line 6 and suggests its fix there; the old lines are not gated', async () => {
    const base = ENTRIES.join(eol) + eol;
    // Line 3's entry already had a tracking parameter; the pull request adds one on line 6.
    const old = base.replace('three.example/)', 'three.example/?utm_source=old)');
    const gh = new FakeGitHub({ 'README.md': old });
    const head = old.replace('two.example/)', 'two.example/?utm_source=new)');
    const pull = gh.openPull('tracking', { 'README.md': head });
    const pr = (await gh.getPull(REPO, pull))!;
    const outcome = await reviewPullRequest(gh, {
      repo: REPO,
      pull,
      baseSha: pr.baseSha,
      headSha: pr.headSha,
      files: ['README.md'],
      config: resolveConfig({ rules: { 'no-tracking-params': 'error' } }),
      failOn: 'error',
      checkLinks: 'none',
    });
    expect(outcome.gating.map((f) => [f.ruleId, f.span.start.line])).toEqual([['no-tracking-params', 6]]);
    expect(outcome.existing.map((f) => [f.ruleId, f.span.start.line])).toEqual([['no-tracking-params', 7]]);
    const comments = gh.reviews.flatMap((r) => r.comments);
    expect(comments.map((c) => [c.line, c.start_line])).toEqual([[6, undefined]]);
    expect(comments[0]!.body).toContain('```suggestion\n- [Two](https://two.example/) - Two.\n```');
  });
});
