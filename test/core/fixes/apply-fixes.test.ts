import { describe, it, expect } from '@jest/globals';
import { applyFixes } from '../../../src/core/fixes/apply-fixes.js';
import type { Finding, TextEdit } from '../../../src/core/findings/types.js';
import { LineIndex } from '../../../src/core/parse/line-index.js';

/** A finding on the text its fix's edits replace (or at the first one, for edits that only add text), with that certain fix. */
function finding(source: string, ruleId: string, ...edits: TextEdit[]): Finding {
  const start = Math.min(...edits.map((e) => e.start));
  const end = Math.max(...edits.filter((e) => e.end > e.start).map((e) => e.end), start);
  return { ruleId, severity: 'warning', message: 'm', file: 'list.md', span: new LineIndex(source).span(start, end), fix: { edits, certain: true } };
}
/** An edit replacing the first occurrence of `from` in `source`. */
function replace(source: string, from: string, text: string, nth = 0): TextEdit {
  let start = source.indexOf(from);
  for (let i = 0; i < nth; i++) start = source.indexOf(from, start + 1);
  return { start, end: start + from.length, text };
}

const LIST = ['# Tools', '', '- [One](https://one.example/a) - First.', '- [Two](https://two.example/b) - Second.', '', '| Name | What |', '| --- | --- |', '| [Three](https://three.example/c) | Third. |', ''].join('\n');

describe('applyFixes keeps a fix only if the links and table cells stay what they were', () => {
  it('applies fixes that only change the URL they target', () => {
    const fixes = [finding(LIST, 'a', replace(LIST, 'https://one.example/a', 'https://one.example/new')), finding(LIST, 'b', replace(LIST, 'https://three.example/c', 'https://three.example/new'))];
    const result = applyFixes(LIST, fixes);
    expect(result.applied).toEqual(fixes);
    expect(result.rejected).toEqual([]);
    expect(result.output).toBe(LIST.replace('one.example/a', 'one.example/new').replace('three.example/c', 'three.example/new'));
  });

  it('rejects a URL that closes the link and adds a second one; the other fixes still apply', () => {
    const bad = finding(LIST, 'bad', replace(LIST, 'https://one.example/a', 'https://one.example/x)[Mirror](https://evil.example/setup.exe'));
    const good = finding(LIST, 'good', replace(LIST, 'https://two.example/b', 'https://two.example/new'));
    const result = applyFixes(LIST, [bad, good]);
    expect(result.applied).toEqual([good]);
    expect(result.rejected).toEqual([bad]);
    expect(result.output).toBe(LIST.replace('two.example/b', 'two.example/new'));
  });

  it('rejects a URL that splits a table row into more cells', () => {
    const bad = finding(LIST, 'bad', replace(LIST, 'https://three.example/c', 'https://three.example/c%20|%20pwned'));
    expect(applyFixes(LIST, [bad])).toMatchObject({ output: LIST, applied: [], rejected: [bad] });
  });

  it('accepts removing empty cells at the end of a row, never a cell that holds text or one in the middle', () => {
    const source = ['| Name | What |', '| --- | --- |', '| A | a | |', '| B | b | dropped |', '| C | | c |', ''].join('\n');
    const a = source.indexOf('| a | |') + '| a '.length;
    const empty = finding(source, 'empty', { start: a, end: a + 2, text: '' });
    const text = finding(source, 'text', replace(source, '| dropped ', ''));
    const middle = finding(source, 'middle', replace(source, '| | c', '| c'));
    const result = applyFixes(source, [empty, text, middle]);
    expect(result.applied).toEqual([empty]);
    expect(result.rejected).toEqual([text, middle]);
    expect(result.output).toBe(source.replace('| a | |', '| a |'));
  });

  it('rejects a fix that changes a URL it was not aimed at (an edit across the URL edge)', () => {
    const start = LIST.indexOf('https://one.example/a');
    const bad = finding(LIST, 'bad', { start: start - 1, end: start + 5, text: '(http' });
    expect(applyFixes(LIST, [bad]).rejected).toEqual([bad]);
  });

  it('rejects a bare URL replaced by one the autolink would cut short (a trailing dot)', () => {
    const source = 'See https://one.example/a for more.\n';
    const bad = finding(source, 'bad', replace(source, 'https://one.example/a', 'https://one.example/b.'));
    const good = finding(source, 'good', replace(source, 'https://one.example/a', 'https://one.example/b'));
    expect(applyFixes(source, [bad]).rejected).toEqual([bad]);
    expect(applyFixes(source, [good]).output).toBe('See https://one.example/b for more.\n');
  });

  it('accepts a moved entry and an added line: the links they write are the only new ones', () => {
    const one = '- [One](https://one.example/a) - First.\n';
    const start = LIST.indexOf(one);
    const afterTwo = LIST.indexOf('\n\n|') + 1;
    const move = finding(LIST, 'entry-order', { start, end: start + one.length, text: '' }, { start: afterTwo, end: afterTwo, text: one });
    const added = finding(LIST, 'toc-in-sync', { start: 0, end: 0, text: '- [Tools](#tools)\n\n' });
    const result = applyFixes(LIST, [move, added]);
    expect(result.rejected).toEqual([]);
    expect(result.output).toBe('- [Tools](#tools)\n\n' + LIST.replace(one, '').replace('Second.\n', `Second.\n${one}`));
  });

  it('accepts a moved entry whose badge is a reference image (its definition is elsewhere in the list)', () => {
    const source = ['- [Beta](https://beta.example/) - B. ![Free][free icon]', '- [Alpha](https://alpha.example/) - A. ![Free][free icon]', '', '[free icon]: https://icons.example/free.svg', ''].join('\n');
    const beta = '- [Beta](https://beta.example/) - B. ![Free][free icon]\n';
    const afterAlpha = source.indexOf('\n\n') + 1;
    const move = finding(source, 'entry-order', { start: 0, end: beta.length, text: '' }, { start: afterAlpha, end: afterAlpha, text: beta });
    const result = applyFixes(source, [move]);
    expect(result.rejected).toEqual([]);
    expect(result.output).toBe(source.replace(beta, '').replace('\n\n', `\n${beta}\n`));
  });

  it('still rejects a URL rewrite that smuggles in a link when another fix moves an entry', () => {
    const one = '- [One](https://one.example/a) - First.\n';
    const start = LIST.indexOf(one);
    const afterTwo = LIST.indexOf('\n\n|') + 1;
    const move = finding(LIST, 'entry-order', { start, end: start + one.length, text: '' }, { start: afterTwo, end: afterTwo, text: one });
    const bad = finding(LIST, 'bad', replace(LIST, 'https://three.example/c', 'https://three.example/x)[Mirror](https://evil.example/setup.exe'));
    const result = applyFixes(LIST, [move, bad]);
    expect(result.rejected).toEqual([bad]);
    expect(result.output).not.toContain('evil.example');
  });

  it('accepts whole-line deletions of entries and rows (their links go with them)', () => {
    const entry = '- [Two](https://two.example/b) - Second.\n';
    const row = '| [Three](https://three.example/c) | Third. |\n';
    const fixes = [finding(LIST, 'entry', replace(LIST, entry, '')), finding(LIST, 'row', replace(LIST, row, ''))];
    const result = applyFixes(LIST, fixes);
    expect(result.applied).toEqual(fixes);
    expect(result.output).toBe(LIST.replace(entry, '').replace(row, ''));
  });

  it('rejects a deletion that leaves a broken link behind', () => {
    const bad = finding(LIST, 'bad', replace(LIST, ')', ''));
    expect(applyFixes(LIST, [bad]).rejected).toEqual([bad]);
  });

  it('finds the one bad fix among many', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `- [T${i}](https://t${i}.example/) - Tool ${i}.`);
    const source = lines.join('\n') + '\n';
    const fixes = lines.map((_, i) => finding(source, `f${i}`, replace(source, `https://t${i}.example/`, i === 23 ? `https://t${i}.example/)[x](https://y.example/` : `https://t${i}.example/new`)));
    const result = applyFixes(source, fixes);
    expect(result.rejected.map((f) => f.ruleId)).toEqual(['f23']);
    expect(result.applied).toHaveLength(39);
  });
});
