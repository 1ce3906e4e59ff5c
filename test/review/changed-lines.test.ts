import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { changedLines } from '../../src/review/changed-lines.js';
import { bigList } from './lists.js';

const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);

describe('changedLines', () => {
  const base = bigList(2000);
  const lines = base.split('\n');
  const lineOf = (text: string) => lines.indexOf(text) + 1;

  it('a one-line change in a 2,000-entry list is exactly one changed line', () => {
    const at = lineOf('- [Tool 1234](https://tools.example.org/tool-1234) - Scans thing number 1234 for secrets and misconfigurations.');
    const head = base.replace('tool-1234)', 'tool-1234?utm_source=x)');
    const started = performance.now();
    const changed = changedLines(base, head);
    const took = performance.now() - started;
    expect(sorted(changed)).toEqual([at]);
    expect(took).toBeLessThan(1000); // generous: it is one linear pass
  });

  it('an added entry is the only changed line; the lines after it shift but are not changed', () => {
    const at = lineOf('- [Tool 10](https://tools.example.org/tool-10) - Scans thing number 10 for secrets and misconfigurations.');
    const head = lines.slice(0, at).concat('- [New Tool](https://new.example.org/) - Brand new.', lines.slice(at)).join('\n');
    expect(sorted(changedLines(base, head))).toEqual([at + 1]);
  });

  it('a pure deletion adds no line', () => {
    const head = lines.filter((_, i) => i !== 500 && i !== 501).join('\n');
    expect(changedLines(base, head).size).toBe(0);
  });

  it('CR-only and CRLF files: the changed line by its number, as the findings count lines', () => {
    const entries = ['# A', '', '## Tools', '', '- [One](https://one.example/) - One.', '- [Two](https://two.example/) - Two.', '- [Three](https://three.example/) - Three.'];
    const edited = entries.map((line) => line.replace('two.example/)', 'two.example/?utm_source=x)'));
    for (const eol of ['\r', '\r\n']) {
      const base = entries.join(eol) + eol;
      expect(sorted(changedLines(base, edited.join(eol) + eol))).toEqual([6]);
      expect(sorted(changedLines(undefined, base))).toEqual([1, 2, 3, 4, 5, 6, 7]);
      // An entry added after line 5: only the new line 6.
      const added = [...entries.slice(0, 5), '- [New](https://new.example/) - New.', ...entries.slice(5)].join(eol) + eol;
      expect(sorted(changedLines(base, added))).toEqual([6]);
    }
    // Mixed: a CR-only line end inside an LF file still ends a line.
    expect(sorted(changedLines('a\nb\rc\n', 'a\nb\rC\n'))).toEqual([3]);
  });

  it('a new file (no base) changes every line; an unchanged file none', () => {
    expect(sorted(changedLines(undefined, 'a\nb\nc\n'))).toEqual([1, 2, 3]);
    expect(sorted(changedLines(undefined, 'a\nb'))).toEqual([1, 2]);
    expect(changedLines(undefined, '').size).toBe(0);
    expect(changedLines(base, base).size).toBe(0);
  });

  it('changes at both ends of the file (nothing to strip) are still found cheaply', () => {
    const head = ['# Awesome DevSecOps!', ...lines.slice(1, -3), 'MIT', ''].join('\n');
    expect(sorted(changedLines(base, head))).toEqual([1, lines.length - 2]);
  });

  it('a moved entry counts as changed where it lands', () => {
    const moved = lines[100]!;
    const without = lines.filter((_, i) => i !== 100);
    const head = without.slice(0, 300).concat(moved, without.slice(300)).join('\n');
    expect(sorted(changedLines(base, head))).toEqual([301]);
  });

  it('a rewritten list: every rewritten line changed, without a blow-up', () => {
    const head = base.replace(/Scans/g, 'Checks');
    const started = performance.now();
    const changed = changedLines(base, head);
    expect(performance.now() - started).toBeLessThan(2000); // generous: the diff gives up early
    expect(changed.size).toBe(2000);
    expect(lines[changed.values().next().value! - 1]).toMatch(/^- \[Tool 0\]/);
  });

  it('a list too changed to diff (sorted differently, entries edited): only edited or new lines count', () => {
    const entries = lines.filter((l) => l.startsWith('- ['));
    const reversed = [...entries].reverse();
    reversed[7] = reversed[7]!.replace('Scans', 'Audits');
    reversed.splice(20, 0, '- [Brand New](https://new.example.org/) - New.');
    const head = ['# Awesome DevSecOps', '', ...reversed, ''].join('\n');
    expect(sorted(changedLines(base, head))).toEqual([10, 23]);
  });

  it('the final newline neither adds nor changes a line; text after the last newline is a line', () => {
    expect(changedLines('a\nb', 'a\nb\n').size).toBe(0);
    expect(sorted(changedLines('a\nb\n', 'a\nb\nc'))).toEqual([3]);
    expect(sorted(changedLines('a\nb', 'a\nB'))).toEqual([2]);
  });

  it('CRLF texts compare line by line', () => {
    expect(sorted(changedLines('a\r\nb\r\nc\r\n', 'a\r\nB\r\nc\r\n'))).toEqual([2]);
  });

  it('property: the unchanged lines of head are, in order, lines of base', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', '', '- [x](y)'), { maxLength: 30 }).map((l) => l.join('\n'));
    fc.assert(
      fc.property(text, text, (b, h) => {
        const changed = changedLines(b, h);
        const headLines = h === '' ? [] : h.replace(/\n$/, '').split('\n');
        const baseLines = b === '' ? [] : b.replace(/\n$/, '').split('\n');
        for (const n of changed) expect(n >= 1 && n <= headLines.length).toBe(true);
        const kept = headLines.filter((_, i) => !changed.has(i + 1));
        let j = 0;
        for (const line of kept) {
          while (j < baseLines.length && baseLines[j] !== line) j++;
          expect(j).toBeLessThan(baseLines.length);
          j++;
        }
        if (b === h) expect(changed.size).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
