import { describe, it, expect } from '@jest/globals';
import { applyFixes } from '../../../src/core/fixes/apply-fixes.js';
import { fixSource } from '../../../src/core/check-source.js';
import { LineIndex } from '../../../src/core/parse/line-index.js';
import type { Finding, Rule, TextEdit } from '../../../src/core/findings/types.js';
import type { Span } from '../../../src/core/model/types.js';

/**
 * `fix` never changes a line that carries none of the fix's own findings: a certain fix
 * whose edits reach another line is refused (and said so), whatever rule wrote it.
 */

const LIST = [
  '# Tools', //                                   1
  '', //                                          2
  '- [One](https://one.example/a) - First.', //  3
  '- [Two](https://two.example/b) - Second.', // 4
  '- [Three](https://three.example/c) - Third', // 5
  '  on two lines.', //                           6
  '- [Four](https://four.example/d) - Fourth.', // 7
  '',
].join('\n');

const spanOf = (source: string, start: number, end: number): Span => new LineIndex(source).span(start, end);
/** A finding on `from` (the first occurrence of that text) with a certain fix of `edits`. */
function finding(source: string, from: string, ...edits: TextEdit[]): Finding {
  const start = source.indexOf(from);
  return { ruleId: 'fake', severity: 'warning', message: 'm', file: 'list.md', span: spanOf(source, start, start + from.length), fix: { edits, certain: true } };
}
function replace(source: string, from: string, text: string): TextEdit {
  const start = source.indexOf(from);
  return { start, end: start + from.length, text };
}

describe('applyFixes refuses an edit of a line that carries none of its findings', () => {
  it('refuses a fix whose finding is on line 3 and whose edit is on line 4, and applies the one on its own line', () => {
    const stray = finding(LIST, 'One', replace(LIST, 'Second', 'Changed'));
    const own = finding(LIST, 'First', replace(LIST, 'First', 'Premier'));
    const result = applyFixes(LIST, [stray, own]);
    expect(result.applied).toEqual([own]);
    expect(result.refused).toEqual([{ finding: stray, line: 4 }]);
    expect(result.output).toBe(LIST.replace('First', 'Premier'));
  });

  it('refuses an edit that starts on its line and runs into the next one (joining them)', () => {
    const join = finding(LIST, 'First.', replace(LIST, 'First.\n', 'First. '));
    expect(applyFixes(LIST, [join])).toMatchObject({ output: LIST, applied: [], refused: [{ line: 4 }] });
    // Replacing up to and including its own line break changes its line only.
    const keep = finding(LIST, 'First.', replace(LIST, 'First.\n', 'Premier.\n'));
    expect(applyFixes(LIST, [keep]).applied).toEqual([keep]);
  });

  it('accepts a whole line added between two lines (no line changes), as a contents line is added', () => {
    const at = LIST.indexOf('- [Four]');
    const added = finding(LIST, 'Tools', { start: at, end: at, text: '- [Five](https://five.example/e) - Fifth.\n' });
    expect(applyFixes(LIST, [added]).applied).toEqual([added]);
    // Text added inside a line changes that line.
    const inside = finding(LIST, 'Tools', { start: at + 2, end: at + 2, text: 'x' });
    expect(applyFixes(LIST, [inside]).refused).toEqual([{ finding: inside, line: 7 }]);
  });

  it('deletes a whole entry found on its first line, continuation line included, but not the entry after it', () => {
    const entry = '- [Three](https://three.example/c) - Third\n  on two lines.\n';
    const whole = finding(LIST, '[Three](https://three.example/c)', replace(LIST, entry, ''));
    expect(applyFixes(LIST, [whole])).toMatchObject({ applied: [whole], output: LIST.replace(entry, '') });
    const tooMuch = finding(LIST, '[Three](https://three.example/c)', replace(LIST, `${entry}- [Four](https://four.example/d) - Fourth.\n`, ''));
    expect(applyFixes(LIST, [tooMuch])).toMatchObject({ output: LIST, refused: [{ line: 6 }] });
    // A rewrite (not a deletion) of the continuation line is not part of removing the entry.
    const rewrite = finding(LIST, '[Three](https://three.example/c)', replace(LIST, 'on two lines', 'on 2 lines'));
    expect(applyFixes(LIST, [rewrite]).refused).toEqual([{ finding: rewrite, line: 6 }]);
  });

  const TABLE = [
    '<table>', //                                   1
    '<tr><th>Stage</th><th>Tool</th></tr>', //      2
    '<tr><td rowspan="3">Build</td><td>A</td></tr>', // 3
    '<tr><td></td></tr>', //                        4
    '<tr><td>B</td></tr>', //                       5
    '<tr><td rowspan="2">Test</td><td>C</td></tr>', // 6
    '<tr><td>D</td></tr>', //                       7
    '</table>',
    '',
  ].join('\n');

  it('shortens a rowspan on another line only when the same fix deletes a row that rowspan covers', () => {
    const row = '<tr><td></td></tr>\n';
    const rowspan = (n: number, value: string) => {
      let start = -1;
      for (let i = 0; i < n; i++) start = TABLE.indexOf('rowspan="', start + 1);
      start += 'rowspan="'.length;
      return { start, end: start + 1, text: value };
    };
    const good = finding(TABLE, row.trimEnd(), replace(TABLE, row, ''), rowspan(1, '2'));
    expect(applyFixes(TABLE, [good])).toMatchObject({ applied: [good], output: TABLE.replace(row, '').replace('rowspan="3"', 'rowspan="2"') });
    // The rowspan of a cell that does not cover the deleted row is not the fix's to change.
    const wrongCell = finding(TABLE, row.trimEnd(), replace(TABLE, row, ''), rowspan(2, '1'));
    expect(applyFixes(TABLE, [wrongCell])).toMatchObject({ output: TABLE, refused: [{ line: 6 }] });
    // Nor is a rowspan changed without a row deleted, or made longer.
    const noRow = finding(TABLE, row.trimEnd(), rowspan(1, '2'));
    expect(applyFixes(TABLE, [noRow]).refused).toEqual([{ finding: noRow, line: 3 }]);
    const longer = finding(TABLE, row.trimEnd(), replace(TABLE, row, ''), rowspan(1, '4'));
    expect(applyFixes(TABLE, [longer]).refused).toEqual([{ finding: longer, line: 3 }]);
  });
});

describe('fix (fixSource) with a rule whose fix edits a line other than its finding', () => {
  const stray: Rule = {
    meta: { id: 'stray-fix', defaultSeverity: 'warning', description: 'A rule with a wrong fix.', fixable: true },
    check: ({ doc }) => {
      const start = doc.source.indexOf('[One]');
      const target = doc.source.indexOf('Second');
      if (start < 0 || target < 0) return [];
      return [{ message: 'wrong — fix', span: spanOf(doc.source, start, start + 5), fix: { edits: [{ start: target, end: target + 6, text: 'Harmed' }], certain: true } }];
    },
  };

  it('leaves the text as it was and names the fix it refused, at its finding, with the line it would have changed', () => {
    const outcome = fixSource('list.md', LIST, { rules: [stray] });
    expect(outcome.output).toBe(LIST);
    expect(outcome.applied).toEqual([]);
    expect(outcome.refused.map((r) => `${r.finding.span.start.line} ${r.finding.ruleId} → line ${r.line}`)).toEqual(['3 stray-fix → line 4']);
  });

  it('names a refused fix once, at its place in the text given, when other fixes take several passes', () => {
    // Adds a line above the list once (a fix that stays on its lines): the stray fix is found
    // again in the second pass, two lines further down.
    const addsNote: Rule = {
      meta: { id: 'adds-note', defaultSeverity: 'warning', description: 'Adds a note.', fixable: true },
      check: ({ doc }) => {
        if (doc.source.includes('Note')) return [];
        const at = doc.source.indexOf('- [One]');
        return [{ message: 'no note — add one', span: spanOf(doc.source, at, at + 7), fix: { edits: [{ start: at, end: at, text: 'Note.\n\n' }], certain: true } }];
      },
    };
    const outcome = fixSource('list.md', LIST, { rules: [stray, addsNote] });
    expect(outcome.output).toBe(LIST.replace('- [One]', 'Note.\n\n- [One]'));
    expect(outcome.passes).toBe(2);
    expect(outcome.refused.map((r) => `${r.finding.span.start.line}:${r.finding.span.start.column} ${r.finding.ruleId} → line ${r.line}`)).toEqual(['3:3 stray-fix → line 4']);
  });
});
