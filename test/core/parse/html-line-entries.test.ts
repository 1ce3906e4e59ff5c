import { describe, it, expect } from '@jest/globals';
import { buildDocument } from '../../../src/core/parse/build-document.js';
import type { Entry, Span } from '../../../src/core/model/types.js';

const at = (s: Span) => `${s.start.line}:${s.start.column}`;
const range = (s: Span) => `${s.start.line}:${s.start.column}-${s.end.line}:${s.end.column}`;
const form = (e: Entry) => (e.container.kind === 'html' ? e.container.form : e.container.kind);
const names = (md: string) => buildDocument('list.md', md).entries.map((e) => e.name);

describe('entries written as lines of a raw HTML block (<p> … <br>)', () => {
  const md = [
    '# Shell things', // 1
    '', // 2
    '## Shells', // 3
    '', // 4
    '<p>', // 5
    '&nbsp;&nbsp;:small_blue_diamond: <a href="https://shellone.example/"><b>ShellOne</b></a> - a shell for scripts.<br>', // 6
    '&nbsp;&nbsp;:small_blue_diamond: <a href="https://github.com/someone/prompty"><b>prompty</b></a> - a prompt; see <a href="https://prompty.example/docs">the docs</a>.<br>', // 7
    '&nbsp;&nbsp;• <a href="https://tiny.example?a=1&amp;b=2"><code>tiny</code></a>: a tiny one<br>', // 8
    '</p>', // 9
    '', // 10
    '## Other', // 11
  ].join('\n');
  const doc = buildDocument('list.md', md);
  const entries = doc.entries;

  it('gives one entry per line, named by its link, with the rest of the line as description', () => {
    expect(entries.map((e) => [e.name, e.description, form(e)])).toEqual([
      ['ShellOne', 'a shell for scripts.', 'lines'],
      ['prompty', 'a prompt; see the docs.', 'lines'],
      ['tiny', 'a tiny one', 'lines'],
    ]);
    expect(entries.map((e) => e.primaryLink?.url)).toEqual(['https://shellone.example/', 'https://github.com/someone/prompty', 'https://tiny.example?a=1&b=2']);
  });

  it('places entries, names and links at 1-based lines and columns inside the HTML', () => {
    expect(entries.map((e) => range(e.span))).toEqual(['6:1-6:112', '7:1-7:166', '8:1-8:91']);
    expect(entries.map((e) => (e.nameSpan ? at(e.nameSpan) : 'none'))).toEqual(['6:73', '7:82', '8:64']);
    for (const e of entries) expect(md.slice(e.nameSpan!.start.offset, e.nameSpan!.end.offset)).toBe(e.name);
    expect(at(entries[0]!.primaryLink!.span)).toBe('6:34');
    const url = entries[2]!.primaryLink!.urlSpan!;
    expect(md.slice(url.start.offset, url.end.offset)).toBe('https://tiny.example?a=1&amp;b=2');
  });

  it('takes the section from the heading above and the block as container', () => {
    expect(entries.map((e) => e.section.title)).toEqual(['Shells', 'Shells', 'Shells']);
    expect(entries.every((e) => e.container.kind === 'html' && range(e.container.blockSpan) === '5:1-9:5')).toBe(true);
    expect(entries[0]!.scope).toBe(entries[2]!.scope);
  });

  it('marks later links on a line as description links of its entry', () => {
    const prompty = entries[1]!;
    expect(prompty.links.map((l) => [l.url, l.inDescription, l.entry === prompty])).toEqual([
      ['https://github.com/someone/prompty', false, true],
      ['https://prompty.example/docs', true, true],
    ]);
  });

  it('removes a line that holds only its entry as whole lines', () => {
    expect(range(entries[0]!.removalSpan)).toBe('6:1-7:1');
    expect(range(entries[2]!.removalSpan)).toBe('8:1-9:1');
  });

  it('removes only the entry text when other markup shares its line', () => {
    const doc2 = buildDocument('l.md', '<p>&nbsp;<a href="https://x.example"><b>X</b></a> - the x<br>\n&nbsp;<a href="https://y.example"><b>Y</b></a> - the y<br></p>\n');
    expect(doc2.entries.map((e) => e.name)).toEqual(['X', 'Y']);
    for (const e of doc2.entries) expect(range(e.removalSpan)).toBe(range(e.span));
    expect(range(doc2.entries[0]!.span)).toBe('1:4-1:58');
  });

  it('reads lines inside a <div> and lines after an icon image', () => {
    const html = '<div>\n<img src="icon.png" alt=""> <a href="https://a.example">Alpha</a> - first<br>\n<img src="icon.png" alt=""> <a href="https://b.example">Beta</a> - second<br>\n</div>\n';
    expect(names(html)).toEqual(['Alpha', 'Beta']);
  });
});

describe('lines that are not entries', () => {
  it('navigation lines, fragment links, badges and "Made by" lines', () => {
    const md = [
      '## Misc',
      '',
      '<p>',
      '<a href="#contents">Contents</a> • <a href="#shells">Shells</a><br>',
      '<a href="https://docs.example">Docs</a> | <a href="https://blog.example">Blog</a><br>',
      'Made by <a href="https://someone.example">Someone</a> - with care<br>',
      '<a href="https://ci.example"><img src="https://img.shields.io/badge/ci-green.svg"></a> <img src="logo.png" alt="logo"><br>',
      '<a href="#top"><b>Back to top</b></a> - up<br>',
      '</p>',
      '',
    ].join('\n');
    expect(names(md)).toEqual([]);
  });

  it("a centred block (the list's banner) and a sponsor's block give no entries", () => {
    const lines = '&nbsp;<a href="https://x.example/?utm_source=list"><b>X</b></a> - builds fast.<br>\n&nbsp;<a href="https://y.example"><b>Y</b></a> - tests fast.<br>\n';
    expect(names(`<p>\n${lines}</p>\n`)).toEqual(['X', 'Y']);
    expect(names(`<p align="center">\n${lines}</p>\n`)).toEqual([]);
    expect(names(`<div align="Center">\n<p>\n${lines}</p>\n</div>\n`)).toEqual([]);
    expect(names(`<center>\n${lines}</center>\n`)).toEqual([]);
    expect(names(`<p>\n<sup>Special thanks to:</sup><br>\n${lines}</p>\n`)).toEqual([]);
    expect(names(`## Our sponsors\n\n<p>\n${lines}</p>\n`)).toEqual([]);
    expect(names(`## Partners\n\n${lines}`)).toEqual([]);
    expect(names(`## Tools\n\n${lines}`)).toEqual(['X', 'Y']);
  });

  it('a block with no <br> is prose', () => {
    expect(names('<p>\n<a href="https://a.example">A</a> - one\n<a href="https://b.example">B</a> - two\n</p>\n')).toEqual([]);
    expect(names('<p>\n<a href="https://a.example">A</a> - one<br>\n<a href="https://b.example">B</a> - two\n</p>\n')).toEqual(['A', 'B']);
  });

  it('a link holding a block or a line break (a sponsor banner) names nothing', () => {
    const md = '<p>\n<a href="https://sponsor.example/?utm_source=list"><div><img src="s.png"></div><b>Fast builds</b></a><br>\n<a href="https://other.example"><b>Look</b><br>here</a> - x<br>\n</p>\n';
    expect(names(md)).toEqual([]);
  });

  it('a line with no description needs a bullet or an emoji before its name, or a described entry in its block', () => {
    expect(names('<div>\n<a href="https://getx.example">Get X, the best thing for Y</a><br>\n<a href="https://gety.example">Get Y</a><br>\n</div>\n')).toEqual([]);
    expect(names('<div>\n• <a href="https://x.example">X</a><br>\n• <a href="https://y.example">Y</a><br>\n</div>\n')).toEqual(['X', 'Y']);
    // A list whose entries are not all described: the described one shows what the block is.
    const mixed = '<p>\n&nbsp;&nbsp;<a href="https://a.example/"><b>Alpha</b></a><br>\n&nbsp;&nbsp;<a href="https://b.example/"><b>Beta</b></a> - A tool.<br>\n&nbsp;&nbsp;<a href="https://c.example/"><b>Gamma</b></a><br>\n</p>\n';
    expect(names(mixed)).toEqual(['Alpha', 'Beta', 'Gamma']);
    // Names set apart by an `&nbsp;` indent or in bold are entries without any description.
    expect(names(mixed.replace(' - A tool.', ''))).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(names('<p>\n<a href="https://a.example/"><b>Alpha</b></a><br>\n<a href="https://b.example/">Beta</a><br>\n</p>\n')).toEqual(['Alpha']);
    expect(names('<p>\n&nbsp;<a href="https://a.example/">Alpha</a><br>\n<a href="https://b.example/"><strong>Beta</strong></a><br>\n</p>\n')).toEqual(['Alpha', 'Beta']);
  });

  it('text after the name that is not a separator and a description makes the line prose', () => {
    expect(names('<p>\n<a href="https://x.example">X</a> is where we started.<br>\n<a href="https://y.example">Y</a> came later.<br>\n</p>\n')).toEqual([]);
  });

  it('a block whose lines are mostly prose gives no entries: at least half of its lines must be entries', () => {
    const entry = (n: string) => `&nbsp;<a href="https://${n}.example"><b>${n}</b></a> - ${n} tool<br>`;
    const block = (lines: string[]) => `<p>\n${lines.join('\n')}\n</p>\n`;
    expect(names(block(['Some words.<br>', 'More words.<br>', entry('a'), entry('b')]))).toEqual(['a', 'b']);
    expect(names(block(['Some words.<br>', 'More words.<br>', 'Third words.<br>', entry('a'), entry('b')]))).toEqual([]);
    expect(names(block(['Some words.<br>', entry('a'), entry('b')]))).toEqual(['a', 'b']);
    expect(names(block(['Some words.<br>', 'More words.<br>', entry('a')]))).toEqual([]);
  });

  it('lines inside table cells, list items and <details> are left to those forms', () => {
    const line = '&nbsp;<a href="https://x.example"><b>X</b></a> - x<br>&nbsp;<a href="https://y.example"><b>Y</b></a> - y<br>';
    expect(buildDocument('l.md', `<ul><li><p>${line}</p></li></ul>\n`).entries.filter((e) => form(e) === 'lines')).toEqual([]);
    expect(buildDocument('l.md', `<details><summary>More</summary><p>${line}</p></details>\n`).entries.filter((e) => form(e) === 'lines')).toEqual([]);
  });
});

describe('entries written as lines of a Markdown paragraph with inline HTML', () => {
  const md = [
    '## Editors', // 1
    '', // 2
    '&nbsp;&nbsp;<a href="https://edit.example"><b>Edit</b></a> - edits text.<br>', // 3
    '&nbsp;&nbsp;:pencil2: <a href="https://github.com/someone/viewer"><strong>Viewer</strong></a> – views text, like <a href="https://other.example">Other</a>.<br>', // 4
    '&nbsp;&nbsp;<a href="https://plain.example">Plain</a>: plain name', // 5
    '', // 6
    '- <a href="https://item.example">Item</a> - an item<br>', // 7
  ].join('\n');
  const doc = buildDocument('list.md', md);
  const lines = doc.entries.filter((e) => form(e) === 'lines');

  it('gives one entry per line with names, descriptions, links and sections', () => {
    expect(lines.map((e) => [e.name, e.description, e.primaryLink?.url, e.section.title])).toEqual([
      ['Edit', 'edits text.', 'https://edit.example', 'Editors'],
      ['Viewer', 'views text, like Other.', 'https://github.com/someone/viewer', 'Editors'],
      ['Plain', 'plain name', 'https://plain.example', 'Editors'],
    ]);
    expect(lines[1]!.links.map((l) => [l.url, l.inDescription])).toEqual([
      ['https://github.com/someone/viewer', false],
      ['https://other.example', true],
    ]);
  });

  it('places them at 1-based lines and columns, names exactly', () => {
    expect(lines.map((e) => at(e.span))).toEqual(['3:1', '4:1', '5:1']);
    expect(lines.map((e) => (e.nameSpan ? at(e.nameSpan) : 'none'))).toEqual(['3:47', '4:75', '5:45']);
    expect(range(lines[0]!.removalSpan)).toBe('3:1-4:1');
    expect(range(lines[2]!.removalSpan)).toBe('5:1-6:1');
  });

  it('a list item keeps being a list entry; a paragraph with no <br> is prose', () => {
    expect(doc.entries.filter((e) => e.container.kind === 'list').map((e) => e.name)).toEqual(['Item']);
    expect(names('<a href="https://a.example">A</a> - one\n<a href="https://b.example">B</a> - two\n')).toEqual([]);
  });

  it('a link written inline keeps its tags out of its text', () => {
    expect(doc.links.find((l) => l.url === 'https://edit.example')!.text).toBe('Edit');
  });
});

describe('names and descriptions as lists write them', () => {
  it('a name on the next line inside <b>, a mark after the name, a star at the end', () => {
    const md = [
      '<p>',
      '&nbsp;&nbsp;:small_blue_diamond: <a href="https://one.example/"><b>', // 2
      'One Tool</b></a> - first.<br>', // 3
      '&nbsp;&nbsp;:small_blue_diamond: <a href="https://two.example/"><b>Two</b></a><sup>*</sup> - second, for *nix.<br>', // 4
      '&nbsp;&nbsp;:small_blue_diamond: <a href="https://three.example/"><b>Three</b></a> - *nix only.<b>*</b><br>', // 5
      '</p>',
      '',
    ].join('\n');
    const doc = buildDocument('l.md', md);
    expect(doc.entries.map((e) => [e.name, e.description])).toEqual([
      ['One Tool', 'first.'],
      ['Two', 'second, for *nix.'],
      ['Three', '*nix only.*'],
    ]);
    expect(at(doc.entries[0]!.nameSpan!)).toBe('3:1');
    expect(range(doc.entries[0]!.removalSpan)).toBe('2:1-4:1');
  });
});
