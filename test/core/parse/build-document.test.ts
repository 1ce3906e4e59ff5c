import { describe, it, expect } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { buildDocument } from '../../../src/core/parse/build-document.js';

const at = (s: { start: { line: number; column: number } }) => `${s.start.line}:${s.start.column}`;

describe('buildDocument: lists', () => {
  const md = [
    '# Awesome Things', // 1
    '', // 2
    '## Tools', // 3
    '', // 4
    '- [Alpha](https://alpha.dev) - First tool; see [docs](https://alpha.dev/docs).', // 5
    '- [![badge](https://img.shields.io/x.svg)](https://ci.example) [Beta][beta] - Second.', // 6
    '  - [Gamma](https://gamma.dev) - Nested.', // 7
    '- Plain text mentioning [a link](https://delta.dev) late.', // 8
    '', // 9
    '```', // 10
    '[Not](https://code.example)', // 11
    '```', // 12
    '', // 13
    '[beta]: https://beta.dev', // 14
  ].join('\n');
  const doc = buildDocument('list.md', md);

  it('makes entries from list items whose first link names them, with 1-based positions', () => {
    expect(doc.entries.map((e) => `${at(e.span)} ${e.name} ${e.primaryLink?.url}`)).toEqual([
      '5:1 Alpha https://alpha.dev',
      '6:1 Beta https://beta.dev',
      '7:3 Gamma https://gamma.dev',
    ]);
    expect(doc.entries[0]!.description).toBe('First tool; see docs.');
    expect(doc.entries[0]!.section.title).toBe('Tools');
  });

  it('keeps badges and description links as links, not entry names', () => {
    const alpha = doc.entries[0]!;
    expect(alpha.links.map((l) => [l.url, l.inDescription])).toEqual([
      ['https://alpha.dev', false],
      ['https://alpha.dev/docs', true],
    ]);
    const badge = doc.links.find((l) => l.url === 'https://ci.example')!;
    expect(badge.isImage).toBe(true);
    expect(doc.links.some((l) => l.url === 'https://code.example')).toBe(false);
  });

  it('locates link text and URL exactly, for fixes', () => {
    const link = doc.entries[0]!.primaryLink!;
    expect(md.slice(link.urlSpan!.start.offset, link.urlSpan!.end.offset)).toBe('https://alpha.dev');
    expect(md.slice(link.textSpan!.start.offset, link.textSpan!.end.offset)).toBe('Alpha');
    expect(at(link.urlSpan!)).toBe('5:11');
  });

  it('builds sections with GitHub slugs', () => {
    expect(doc.sections.map((s) => s.slug)).toEqual(['', 'awesome-things', 'tools']);
  });
});

describe('buildDocument: HTML tables', () => {
  const md = [
    '## Tools', // 1
    '', // 2
    '<table>', // 3
    '  <thead><tr><th>Pipeline</th><th>Stage</th><th>Tool</th></tr></thead>', // 4
    '  <tbody>', // 5
    '    <tr>', // 6
    '      <td rowspan="3">Main</td>', // 7
    '      <td rowspan="2">Stage 1</td>', // 8
    '      <td><a href="https://one.dev">One</a><br><a href="https://two.dev">Two</a></td>', // 9
    '    </tr>', // 10
    '    <tr><td><a href="https://three.dev">Three</td></tr>', // 11
    '    <tr><td>Stage 2</td><td><a href="https://one.dev">One</a></td></tr>', // 12
    '  </tbody>', // 13
    '</table>', // 14
  ].join('\n');
  const doc = buildDocument('list.md', md);
  const table = doc.tables[0]!;

  it('expands rowspans into a grid with the header naming the columns', () => {
    expect(table.columns).toEqual(['Pipeline', 'Stage', 'Tool']);
    expect(table.bodyRows.map((r) => r.grid.map((c) => c?.text))).toEqual([
      ['Main', 'Stage 1', 'One Two'],
      ['Main', 'Stage 1', 'Three'],
      ['Main', 'Stage 2', 'One'],
    ]);
  });

  it('gives each link of a name cell its own entry, with its group cells', () => {
    expect(doc.entries.map((e) => `${at(e.primaryLink!.span)} ${e.name} [${e.container.kind === 'table' ? e.container.groups.map((g) => g.value).join('/') : ''}]`)).toEqual([
      '9:11 One [Main/Stage 1]',
      '9:48 Two [Main/Stage 1]',
      '11:13 Three [Main/Stage 1]',
      '12:29 One [Main/Stage 2]',
    ]);
    expect(doc.entries[0]!.scope).not.toBe(doc.entries[3]!.scope);
    expect(doc.entries[0]!.scope).toBe(doc.entries[2]!.scope);
  });

  it('maps positions inside raw HTML back to the file, rowspan values included', () => {
    const cell = table.bodyRows[0]!.cells[0]!;
    expect(at(cell.span)).toBe('7:7');
    expect(cell.rowspanAttr?.raw).toBe('3');
    expect(at(cell.rowspanAttr!.valueSpan)).toBe('7:20');
  });
});

describe('buildDocument: raw HTML links', () => {
  it('reads an <a> that wraps block elements as one link (parse5 clones it)', () => {
    const md = '<p>\n<a href="https://sponsor.dev">\n<div><img src="logo.svg" alt="Logo"></div>\n<b>Fast builds.</b>\n</a>\n</p>\n';
    const links = buildDocument('x.md', md).links.filter((l) => l.url === 'https://sponsor.dev');
    expect(links).toHaveLength(1);
    expect(links[0]!.text).toBe('Logo Fast builds.');
    expect(links[0]!.isImage).toBe(false);
  });
});

describe('buildDocument: bad input stays bounded', () => {
  it('parses 10,000-deep nested HTML without overflowing the stack', () => {
    const md = '<div>'.repeat(10000) + '<a href="https://deep.dev">deep</a>' + '</div>'.repeat(10000) + '\n';
    const doc = buildDocument('deep.md', md);
    expect(doc.links.map((l) => l.url)).toEqual(['https://deep.dev']);
  });

  it('clamps rowspan="999999999" and ignores rowspan="abc"', () => {
    const md = '<table><tr><td rowspan="999999999">A</td><td>x</td></tr><tr><td rowspan="abc">B</td></tr></table>\n';
    const doc = buildDocument('t.md', md);
    expect(doc.tables[0]!.bodyRows.map((r) => r.grid.map((c) => c?.text))).toEqual([
      ['A', 'x'],
      ['A', 'B'],
    ]);
  });
});

const lychee = '../shared/peers/lychee';
const describeLychee = existsSync(lychee) ? describe : describe.skip;
describeLychee('link extraction agrees with lychee fixtures', () => {
  const linksOf = (file: string) => buildDocument(file, readFileSync(`${lychee}/${file}`, 'utf8')).links;
  it('TEST.md: 12 links, two of them mailto', () => {
    const links = linksOf('TEST.md');
    expect(links).toHaveLength(12);
    expect(links.filter((l) => l.url.startsWith('mailto:'))).toHaveLength(2);
  });
  it('TEST_CODE_BLOCKS.md: nothing in code is a link', () => {
    expect(linksOf('TEST_CODE_BLOCKS.md')).toHaveLength(0);
  });
  it('TEST_EMAIL.md: 3 links', () => {
    expect(linksOf('TEST_EMAIL.md')).toHaveLength(3);
  });
  it('TEST_SCHEMES.md: https, http and slack links', () => {
    expect(linksOf('TEST_SCHEMES.md').map((l) => l.url.split(':')[0])).toEqual(['https', 'http', 'slack']);
  });
});
