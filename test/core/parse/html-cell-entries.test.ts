import { describe, it, expect } from '@jest/globals';
import { buildDocument } from '../../../src/core/parse/build-document.js';
import type { Entry, Span } from '../../../src/core/model/types.js';

const at = (s: Span) => `${s.start.line}:${s.start.column}`;
const form = (e: Entry) => (e.container.kind === 'html' ? e.container.form : e.container.kind);
const shape = (md: string) => buildDocument('list.md', md).entries.map((e) => `${form(e)} ${e.name}`);

describe('entries in the cells of a table laid out as a grid', () => {
  const md = [
    '## Apps', // 1
    '', // 2
    '<table>', // 3
    '<tr>', // 4
    '  <td><a href="https://one.example"><img src="one.png" width="48"></a><br><a href="https://one.example">One</a><br>does one thing</td>', // 5
    '  <td><a href="https://two.example"><img src="two.png"></a><br><a href="https://two.example"><b>Two</b></a><br>does two &amp; more</td>', // 6
    '</tr>', // 7
    '<tr>', // 8
    '  <td><a href="https://github.com/someone/three?utm_source=grid">Three</a></td>', // 9
    '  <td></td>', // 10
    '</tr>', // 11
    '</table>', // 12
    '',
  ].join('\n');
  const doc = buildDocument('list.md', md);

  it('gives one entry per cell that starts with a link, after its images', () => {
    expect(doc.entries.map((e) => [form(e), e.name, e.description, e.primaryLink?.url])).toEqual([
      ['cell', 'One', 'does one thing', 'https://one.example'],
      ['cell', 'Two', 'does two & more', 'https://two.example'],
      ['cell', 'Three', '', 'https://github.com/someone/three?utm_source=grid'],
    ]);
  });

  it('places each entry at its cell and its name exactly', () => {
    expect(doc.entries.map((e) => at(e.span))).toEqual(['5:3', '6:3', '9:3']);
    expect(doc.entries.map((e) => (e.nameSpan ? at(e.nameSpan) : 'none'))).toEqual(['5:105', '6:97', '9:66']);
    for (const e of doc.entries) expect(md.slice(e.nameSpan!.start.offset, e.nameSpan!.end.offset)).toBe(e.name);
    expect(doc.entries.every((e) => e.section.title === 'Apps' && e.container.kind === 'html' && at(e.container.blockSpan) === '3:1')).toBe(true);
  });

  it("keeps the image link and the image as the entry's links, not its name", () => {
    const one = doc.entries[0]!;
    expect(one.links.map((l) => [l.url, l.isImage, l === one.primaryLink, l.entry === one])).toEqual([
      ['https://one.example', true, false, true],
      ['one.png', true, false, true],
      ['https://one.example', false, true, true],
    ]);
  });

  it('removes a cell only as its own text (never whole lines)', () => {
    for (const e of doc.entries) expect(e.removalSpan).toEqual(e.span);
  });
});

describe('tables that are not grids keep their rows as entries', () => {
  it('a header naming columns', () => {
    const md = '<table>\n<tr><th>Name</th><th>Other</th></tr>\n<tr><td><a href="https://a.example">A</a></td><td><a href="https://b.example">B</a></td></tr>\n</table>\n';
    expect(shape(md)).toEqual(['table A']);
  });

  it('a colspan or rowspan', () => {
    const cells = '<td><a href="https://a.example">A</a></td><td><a href="https://b.example">B</a></td>';
    expect(shape(`<table>\n<tr>${cells}</tr>\n<tr><td colspan="2"><a href="https://c.example">C</a></td></tr>\n</table>\n`)).toEqual(['table A', 'table C']);
    expect(shape(`<table>\n<tr><td rowspan="2"><a href="https://z.example">Z</a></td>${cells}</tr>\n</table>\n`)).toEqual(['table Z']);
  });

  it('a column of descriptions, one cell per row, or a column repeating one link name', () => {
    expect(shape('<table>\n<tr><td><a href="https://a.example">A</a></td><td>the a tool</td></tr>\n<tr><td><a href="https://b.example">B</a></td><td>the b tool</td></tr>\n</table>\n')).toEqual(['table A', 'table B']);
    expect(shape('<table>\n<tr><td><a href="https://a.example">A</a></td></tr>\n<tr><td><a href="https://b.example">B</a></td></tr>\n</table>\n')).toEqual(['table A', 'table B']);
    const docsColumn = '<table>\n<tr><td><a href="https://a.example">A</a></td><td><a href="https://a.example/docs">Docs</a></td></tr>\n<tr><td><a href="https://b.example">B</a></td><td><a href="https://b.example/docs">Docs</a></td></tr>\n</table>\n';
    expect(shape(docsColumn)).toEqual(['table A', 'table B']);
  });

  it('a cell with words before its link, or a single cell of entries', () => {
    expect(shape('<table>\n<tr><td>by <a href="https://a.example">A</a></td><td><a href="https://b.example">B</a></td></tr>\n</table>\n')).toEqual(['table A']);
    expect(shape('<table>\n<tr><td><a href="https://a.example">A</a></td><td></td></tr>\n</table>\n')).toEqual(['table A']);
  });

  it("a grid in a sponsors' section is attribution, not entries", () => {
    const grid = '<table>\n<tr><td><a href="https://a.example"><img src="a.png"><br>A</a></td><td><a href="https://b.example"><img src="b.png"><br>B</a></td></tr>\n</table>\n';
    expect(shape(`## Contributors\n\n${grid}`)).toEqual(['cell A', 'cell B']);
    expect(shape(`## Sponsors\n\n${grid}`)).toEqual(['table A']);
  });

  it('fragment links are navigation, not entries', () => {
    expect(shape('<table>\n<tr><td><a href="#a">A</a></td><td><a href="#b">B</a></td></tr>\n</table>\n')).not.toContain('cell A');
  });
});
