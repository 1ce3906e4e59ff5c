import { describe, it, expect } from '@jest/globals';
import { checkSource } from '../../src/core/check-source.js';
import { changedLines } from '../../src/review/changed-lines.js';
import { partitionFindings } from '../../src/review/partition-findings.js';
import { finding } from './lists.js';

const BASE = [
  '# Awesome Security',
  '',
  '## Secrets',
  '',
  '- [Gitleaks](https://gitleaks.io/?utm_source=github) - Finds secrets in git history.',
  '- [TruffleHog](https://github.com/trufflesecurity/trufflehog) - Finds credentials.',
  '',
  '## Containers',
  '',
  '- [Trivy](https://trivy.dev/) - Scans images.',
  '',
].join('\n');

describe('partitionFindings', () => {
  it('a finding on a changed line gates; one on an unchanged line is existing', () => {
    const head = BASE.replace('- [Trivy]', '- [Docker Scount](https://docs.docker.com/scout/) - Image insights.\n- [Trivy]');
    const { findings } = checkSource('README.md', head);
    expect(findings.map((f) => `${f.span.start.line} ${f.ruleId}`)).toEqual(['5 no-tracking-params', '10 tool-name-spelling']);
    const { gating, existing } = partitionFindings(findings, new Map([['README.md', changedLines(BASE, head)]]));
    expect(gating.map((f) => f.ruleId)).toEqual(['tool-name-spelling']);
    expect(existing.map((f) => f.ruleId)).toEqual(['no-tracking-params']);
  });

  it('a finding in a file the PR does not touch is existing', () => {
    const f = finding({ line: 3, file: 'docs/other.md' });
    expect(partitionFindings([f], new Map([['README.md', new Set([3])]]))).toEqual({ gating: [], existing: [f] });
  });

  it('info findings never gate', () => {
    const f = finding({ line: 3, severity: 'info', ruleId: 'no-duplicate-entry' });
    const e = finding({ line: 3, severity: 'error' });
    expect(partitionFindings([f, e], new Map([['README.md', new Set([3])]]))).toEqual({ gating: [e], existing: [f] });
  });

  it('any line of a multi-line span counts, but not the line a whole-line span ends at column 1 of', () => {
    const row = finding({ line: 9, endLine: 12, column: 3, endColumn: 8 });
    const wholeLines = finding({ line: 9, endLine: 13, column: 1, endColumn: 1 });
    const changed = new Map([['README.md', new Set([12])]]);
    expect(partitionFindings([row, wholeLines], changed).gating).toEqual([row, wholeLines]);
    const onlyNext = new Map([['README.md', new Set([13])]]);
    expect(partitionFindings([row, wholeLines], onlyNext).gating).toEqual([]);
  });

  it('paths match however they are spelled ("./README.md", "README.md")', () => {
    const f = finding({ line: 2, file: './README.md' });
    expect(partitionFindings([f], new Map([['README.md', new Set([2])]])).gating).toEqual([f]);
  });

  it('keeps the order of the findings in each group', () => {
    const fs = [5, 1, 4, 2, 3].map((line) => finding({ line }));
    const { gating, existing } = partitionFindings(fs, new Map([['README.md', new Set([1, 3, 5])]]));
    expect(gating.map((f) => f.span.start.line)).toEqual([5, 1, 3]);
    expect(existing.map((f) => f.span.start.line)).toEqual([4, 2]);
  });
});
