import { describe, it, expect } from '@jest/globals';
import { buildDocument } from '../../../src/core/parse/build-document.js';
import type { Entry } from '../../../src/core/model/types.js';

const at = (s: { start: { line: number; column: number } }) => `${s.start.line}:${s.start.column}`;
const htmlItems = (entries: Entry[]) => entries.filter((e) => e.container.kind === 'html' && e.container.form === 'item');

describe('buildDocument: <li> entries in raw HTML (item form)', () => {
  const md = [
    '# Awesome Editors', // 1
    '', // 2
    '## Editors', // 3
    '', // 4
    '<ul>', // 5
    '  <li>⚡ <b><a href="https://github.com/helix-editor/helix">Helix</a></b> - A modal editor in the terminal.</li>', // 6
    '  <li><img src="https://img.shields.io/badge/stars-1k-blue.svg" alt="stars"> <a href="https://neovim.io/">Neovim</a>: Vim, extended. See <a href="https://neovim.io/doc/">the docs</a>.</li>', // 7
    '  <li>Terminal editors:', // 8
    '    <ul>', // 9
    '      <li><a href="https://github.com/zyedidia/micro">micro</a> – A terminal editor with mouse support.</li>', // 10
    '    </ul>', // 11
    '  </li>', // 12
    '  <li>See also <a href="https://example.org/more-editors">more editors</a>.</li>', // 13
    '  <li><code>ed</code> <a href="https://www.gnu.org/software/ed/">GNU ed</a></li>', // 14
    '</ul>', // 15
    '', // 16
    '## Shells', // 17
    '', // 18
    '<ol>', // 19
    '<li><a href="https://fishshell.com">fish</a> - A friendly shell.', // 20
    '<ul><li><a href="https://github.com/jorgebucaran/fisher">fisher</a> - Plugins for fish.</li></ul>', // 21
    '</li>', // 22
    '</ol>', // 23
    '',
  ].join('\n');
  const doc = buildDocument('list.md', md);
  const items = htmlItems(doc.entries);

  it('makes one entry per <li> that starts with a link, named by the link, at 1-based positions inside the HTML', () => {
    const lines = md.split('\n');
    /** 1-based line:column of the name written as `>Name<` on that line. */
    const nameAt = (line: number, name: string) => `${line}:${lines[line - 1]!.indexOf(`>${name}<`) + 2}`;
    expect(items.map((e) => `${at(e.span)} ${e.name} ${e.primaryLink?.url} name@${e.nameSpan ? at(e.nameSpan) : '-'}`)).toEqual([
      `6:3 Helix https://github.com/helix-editor/helix name@${nameAt(6, 'Helix')}`,
      `7:3 Neovim https://neovim.io/ name@${nameAt(7, 'Neovim')}`,
      `10:7 micro https://github.com/zyedidia/micro name@${nameAt(10, 'micro')}`,
      `20:1 fish https://fishshell.com name@${nameAt(20, 'fish')}`,
      `21:5 fisher https://github.com/jorgebucaran/fisher name@${nameAt(21, 'fisher')}`,
    ]);
    for (const e of items) expect(md.slice(e.nameSpan!.start.offset, e.nameSpan!.end.offset)).toBe(e.name);
  });

  it('takes the description from the item’s own text after the link, without its separator or nested lists', () => {
    expect(items.map((e) => e.description)).toEqual([
      'A modal editor in the terminal.',
      'Vim, extended. See the docs.',
      'A terminal editor with mouse support.',
      'A friendly shell.',
      'Plugins for fish.',
    ]);
  });

  it('keeps the item’s badges and later links as its links, and leaves a nested item’s links to it', () => {
    const neovim = items[1]!;
    expect(neovim.links.map((l) => [l.url, l.isImage, l.inDescription, l.entry === neovim])).toEqual([
      ['https://img.shields.io/badge/stars-1k-blue.svg', true, false, true],
      ['https://neovim.io/', false, false, true],
      ['https://neovim.io/doc/', false, true, true],
    ]);
    expect(items[3]!.links.map((l) => l.url)).toEqual(['https://fishshell.com']);
    expect(items[4]!.links[0]!.entry).toBe(items[4]);
  });

  it('puts entries in their sections, and a link-less item groups the items nested under it', () => {
    expect(items.map((e) => e.section.title)).toEqual(['Editors', 'Editors', 'Editors', 'Shells', 'Shells']);
    expect(items[2]!.scopeLabel).toBe('group "Terminal editors" of section "Editors"');
    expect(items[0]!.scope).not.toBe(items[2]!.scope);
    // An item under an entry is not grouped by it (as in Markdown).
    expect(items[4]!.scope).toBe(items[3]!.scope);
  });

  it('removes an item by its whole lines when it stands alone on them, else by its own span', () => {
    const helix = items[0]!;
    expect([at(helix.removalSpan), at({ start: helix.removalSpan.end })]).toEqual(['6:1', '7:1']);
    const fisher = items[4]!;
    expect(md.slice(fisher.removalSpan.start.offset, fisher.removalSpan.end.offset)).toBe(
      '<li><a href="https://github.com/jorgebucaran/fisher">fisher</a> - Plugins for fish.</li>',
    );
    expect(items[0]!.container).toMatchObject({ kind: 'html', form: 'item', blockSpan: { start: { line: 5, column: 1 }, end: { line: 15, column: 6 } } });
  });

  it('makes no entry of an item whose text comes before its link, or that starts with code', () => {
    expect(doc.entries.map((e) => e.name)).not.toContain('more editors');
    expect(doc.entries.map((e) => e.name)).not.toContain('GNU ed');
    // Their links are still links of the document.
    expect(doc.links.map((l) => l.url)).toEqual(expect.arrayContaining(['https://example.org/more-editors', 'https://www.gnu.org/software/ed/']));
  });

  it('leaves <li> items inside tables to the table', () => {
    const table = buildDocument('t.md', '# T\n\n<table><tr><th>Tool</th></tr><tr><td><ul><li><a href="https://a.dev">A</a></li></ul></td></tr></table>\n');
    expect(table.entries.map((e) => e.container.kind)).toEqual(['table']);
  });

  it('reads an HTML table of contents as entries of # links, as a Markdown one is read', () => {
    const toc = buildDocument('toc.md', '# T\n\n<ul>\n<li><a href="#editors">Editors</a></li>\n</ul>\n\n- [Editors](#editors)\n\n## Editors\n');
    expect(toc.entries.map((e) => `${e.container.kind} ${e.name} ${e.primaryLink?.url}`)).toEqual(['html Editors #editors', 'list Editors #editors']);
  });
});
