/**
 * A pull request that adds an entry already in the list: the entry it adds is the duplicate,
 * above or below the one it keeps. The finding lands on the added line (so it gates) and a
 * suggestion only ever removes the added line — never the original.
 */
import { describe, expect, it } from '@jest/globals';
import { resolveConfig } from '../../src/core/config/resolved-config.js';
import { checkFiles } from '../../src/core/check-files.js';
import type { TextEdit } from '../../src/core/findings/types.js';
import type { RuleRunner } from '../../src/use-cases/check-lists.js';
import { reviewPullRequest } from '../../src/use-cases/review-pull-request.js';
import { FakeGitHub, REPO } from './helpers/fake-github.js';

const FOO = '- [Foo](https://foo.example) - Foo.';
const BASE = ['# Awesome', '', '## Tools', '', '- [Bar](https://bar.example) - Bar.', FOO, '- [Qux](https://qux.example) - Qux.', ''].join('\n');
const applyEdits = (text: string, edits: readonly TextEdit[]) =>
  [...edits].sort((a, b) => b.start - a.start).reduce((out, e) => out.slice(0, e.start) + e.text + out.slice(e.end), text);
/** What a worker thread gets and gives back: structured clones, no shared object. */
const workerLike: RuleRunner = async (files, cfg, part, facts, keepDocs) =>
  structuredClone(checkFiles(structuredClone(files), structuredClone(cfg), part, facts && structuredClone(facts), keepDocs));

async function review(head: string, rules?: RuleRunner) {
  const gh = new FakeGitHub({ 'README.md': BASE });
  const pull = gh.openPull('dup', { 'README.md': head });
  const pr = (await gh.getPull(REPO, pull))!;
  const outcome = await reviewPullRequest(gh, {
    repo: REPO,
    pull,
    baseSha: pr.baseSha,
    headSha: pr.headSha,
    files: ['README.md'],
    config: resolveConfig(),
    failOn: 'error',
    checkLinks: 'none',
    ...(rules ? { rules } : {}),
  });
  return { gh, outcome };
}

describe.each([
  ['on this thread', undefined],
  ['in a worker (data copied across)', workerLike],
])('reviewing a pull request that adds a duplicate entry, rules run %s', (_, rules) => {
  it('an identical entry inserted ABOVE the original: the review fails on the added line 5, and the fix removes line 5 only', async () => {
    const head = BASE.replace('- [Bar]', `${FOO}\n- [Bar]`);
    const { gh, outcome } = await review(head, rules);
    expect(outcome.conclusion).toBe('failure');
    const dup = outcome.gating.filter((f) => f.ruleId === 'no-duplicate-entry');
    expect(dup.map((f) => [f.severity, f.span.start.line])).toEqual([['error', 5]]);
    expect(dup[0]!.message).toContain('already listed at 7:3 ("Foo")');
    expect(outcome.existing.filter((f) => f.ruleId === 'no-duplicate-entry')).toEqual([]);
    // The fix (certain: exact twins) takes out the line the pull request added and keeps the original.
    expect(dup[0]!.fix?.certain).toBe(true);
    expect(applyEdits(head, dup[0]!.fix!.edits)).toBe(BASE);
    const comments = gh.reviews.flatMap((r) => r.comments);
    expect(comments.map((c) => [c.line, c.start_line])).toEqual([[5, undefined]]);
  });

  it('an identical entry inserted BELOW the original: the added line 8 fails, as it did before', async () => {
    const head = BASE.replace('- [Qux](https://qux.example) - Qux.\n', `- [Qux](https://qux.example) - Qux.\n${FOO}\n`);
    const { outcome } = await review(head, rules);
    expect(outcome.conclusion).toBe('failure');
    expect(outcome.gating.filter((f) => f.ruleId === 'no-duplicate-entry').map((f) => f.span.start.line)).toEqual([8]);
  });

  it('a same-link entry under another name that fits the link, added above one that does not: still the added one is blamed, and its removal is only suggested', async () => {
    const base = BASE.replace(FOO, '- [Markestack](https://foo.example) - A stack.');
    const gh = new FakeGitHub({ 'README.md': base });
    const head = base.replace('- [Bar]', `${FOO}\n- [Bar]`);
    const pull = gh.openPull('dup', { 'README.md': head });
    const pr = (await gh.getPull(REPO, pull))!;
    const outcome = await reviewPullRequest(gh, { repo: REPO, pull, baseSha: pr.baseSha, headSha: pr.headSha, files: ['README.md'], config: resolveConfig(), failOn: 'error', checkLinks: 'none', ...(rules ? { rules } : {}) });
    const dup = outcome.findings.filter((f) => f.ruleId === 'no-duplicate-entry');
    expect(dup.map((f) => f.span.start.line)).toEqual([5]);
    expect(outcome.gating).toContain(dup[0]);
    expect(dup[0]!.fix?.certain).toBe(false);
    expect(applyEdits(head, dup[0]!.fix!.edits)).toBe(base);
  });
});
