import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { parseMarkdownTree } from '../../../src/core/parse/markdown-tree.js';
import { findFastBlocks, parseTakingBlocks } from '../../../src/core/parse/fast-markdown-tree.js';


// Random documents made of what can sit around, inside or in the way of a list run: the
// fast path's tree must be remark's full parse of the same text, positions included.

const full = (text: string) => parseMarkdownTree(text, { fastPath: false });
/** Documents per property (FAST_PATH_RUNS=20000 for a longer hunt). */
const RUNS = Number(process.env.FAST_PATH_RUNS ?? 800);
/** Time for one property (a loaded machine can take several times the usual ~10 s). */
const PROPERTY_TIMEOUT_MS = Math.max(120_000, RUNS * 100);

const safeChar = fc.constantFrom(...'abcXYZ019 .,:;\'"#%$+=?/-()!é💥中'.split(/(?:)/u));
const safeText = (min: number, max: number) => fc.string({ unit: safeChar, minLength: min, maxLength: max });
const bullet = fc.constantFrom('-', '-', '-', '*', '+');
const url = fc.constantFrom(
  'https://a.example/x',
  'http://b.io/p?q=1&r=2',
  'https://c.dev/a_b*c~d',
  '#anchor',
  './docs/x.md',
  'https://x.y/a%20b',
  'HTTPS://X.Y',
  // Not simple: each must leave its line to remark.
  'https://x.y/(p)',
  '<https://x.y>',
  'https://x.y/a b',
  'https://x.y/&amp;',
  'https://x.y/\\_',
  'https://x.y "title"',
  '',
);
const descriptionLink = fc.oneof(
  fc.tuple(safeText(1, 6), url).map(([t, u]) => `[${t}](${u})`),
  // Images and badges, alt text possibly empty.
  fc.tuple(safeText(0, 6), url).map(([t, u]) => `![${t}](${u})`),
);
const after = fc.oneof(
  fc.constant(''),
  fc.tuple(fc.constantFrom(' - ', ' — ', ': ', ' ', ''), safeText(0, 12)).map(([sep, d]) => sep + d),
  // Descriptions with links in them, images, and links right after text or `!`.
  fc.tuple(fc.constantFrom(' - ', ' ', '', ' see ', '!', ' ! '), descriptionLink, safeText(0, 6)).map(([sep, l, d]) => sep + l + d),
);

const simpleLine = fc.tuple(bullet, safeText(1, 10), url, after).map(([b, t, u, d]) => `${b} [${t}](${u})${d}`);

/** Something that can start or end an inline construct, or change the item. */
const spoiler = fc.constantFrom(
  '`', '*', '_', '[', ']', '<', '>', '~', '|', '\\', '&amp;', '&#35;', '&copy', '@', 'a@b.co', '^', 'www.', 'www.x.y',
  'http://x.y', 'ftp://x', ' ', '  ', '\t', '<br>', '<!-- c -->', '**b**', '![i](https://i.png)', '[x](https://y)', '\u0000', '\r',
);
const nearSimpleLine = fc.tuple(simpleLine, spoiler, fc.nat()).map(([line, s, at]) => {
  const i = at % (line.length + 1);
  return line.slice(0, i) + s + line.slice(i);
});

const otherLine = fc.constantFrom(
  '', '', '', '   ', '\t',
  '# Title', '## Tools', '###### h', '#NoSpace', '## Heading ##', '#', '## [Linked](https://x.y) tools', '### C# tools', '## Tools #', '#  Two spaces', '##\tTab', '####### seven', '## ![i](https://i.png) Badge', '## 2. Numbered', '## *Em*',
  '```', '~~~', '```js', '    code', '        deep code',
  '  - [a](https://x.y)', '\t- [a](https://x.y)', '   - [a](https://x.y)', '    - [a](https://x.y)', '  continued text',
  '<div>', '</div>', '<!--', '-->', '<pre>', '</pre>', '<table>', '</table>', '<details>', '<script>', '</script>', '<?php', '?>',
  '> quote', '> - [a](https://x.y)', '>', 'lazy text', 'Paragraph text.',
  '1. one', '2) two', '10. ten', '---', '***', '* * *', '- - -', '___', '===', 'Setext', '---',
  '[ref]: https://x.y', '[^1]: note', '[^1]', '| a | b |', '| --- | --- |', 'a | b',
  '- ', '-', '*', '+ plain', '- plain item', '- [ ] task', '- [x] done', '- [x](https://x.y)', '- [ ](https://x.y)',
  '- [a](https://x.y)  ', '- [a](https://x.y)\\', '- [a][ref]', '- <https://x.y>', '- Plain group', '  - [b](https://x.y)', '  - Plain', '- # h', '- > q', '- ---', '- 1. x',
);

/** A paragraph line: text and links, starting with a letter, a digit or a link (or, now and then, not). */
const textLine = fc
  .tuple(fc.constantFrom('Text ', 'É', '2024 ', '2. ', '[a](https://x.y) ', '![i](https://i.png) ', '!', '![', 'x', ' lead', '    code ', '=', ''), fc.array(fc.oneof(safeText(1, 8), descriptionLink), { maxLength: 3 }))
  .map(([lead, rest]) => lead + rest.join(' '));
const line = fc.oneof(
  { weight: 3, arbitrary: textLine },
  { weight: 6, arbitrary: simpleLine },
  { weight: 2, arbitrary: nearSimpleLine },
  { weight: 5, arbitrary: otherLine },
);
const document = fc
  .tuple(fc.array(line, { maxLength: 30 }), fc.boolean())
  .map(([lines, trailingNewline]) => lines.join('\n') + (trailingNewline ? '\n' : ''));

/** A list-shaped document: blocks of entries under headings or after other blocks, so that runs are found often. */
const simpleUrl = fc.constantFrom('https://a.example/x', 'http://b.io/p?q=1&r=2', '#anchor', 'https://c.dev/a_b*c~d');
const plainItem = fc.oneof(
  fc.tuple(fc.constantFrom('Group', 'Linux', '2024 tools', '1. Not plain', '2) Not plain', 'É', '💥 x', 'Setext'), safeText(0, 8)).map(([a, b]) => a + b),
  fc.tuple(fc.constantFrom('Tools by ', 'See '), descriptionLink).map(([a, l]) => a + l),
);
const nested = fc.tuple(fc.constantFrom('  ', '  ', '  ', '    ', '    ', '      ', '        ', '   ', ' ', '\t', '  \t'), fc.constantFrom('-', '-', '*', '+')).map(([indent, b]) => `${indent}${b}`);
const entry = (b: string) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.tuple(safeText(1, 10), simpleUrl, after).map(([t, u, d]) => `${b} [${t}](${u})${d}`) },
    { weight: 2, arbitrary: plainItem.map((t) => `${b} ${t}`) },
    { weight: 1, arbitrary: fc.tuple(descriptionLink, after).map(([l, d]) => `${b} ${l}${d}`) },
    { weight: 4, arbitrary: fc.tuple(nested, safeText(1, 10), simpleUrl, after).map(([n, t, u, d]) => `${n} [${t}](${u})${d}`) },
    { weight: 1, arbitrary: fc.tuple(nested, plainItem).map(([n, t]) => `${n} ${t}`) },
    { weight: 1, arbitrary: nearSimpleLine },
    { weight: 1, arbitrary: otherLine },
  );
const cell = fc.oneof(
  { weight: 4, arbitrary: safeText(0, 8) },
  { weight: 3, arbitrary: fc.tuple(safeText(1, 6), simpleUrl, after).map(([t, u, d]) => `[${t}](${u})${d}`) },
  { weight: 1, arbitrary: fc.tuple(safeText(0, 6), spoiler).map(([t, sp]) => t + sp) },
);
const pad = fc.constantFrom(' ', ' ', '', '  ');
const row = (n: number) => fc.array(fc.tuple(pad, cell, pad), { minLength: n, maxLength: n }).map((cells) => `|${cells.map(([a, c, b]) => a + c + b).join('|')}|`);
const table = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.tuple(
    row(n),
    fc.array(fc.constantFrom('---', ':--', '--:', ':-:', ' - ', '-'), { minLength: n, maxLength: n }).map((d) => `|${d.join('|')}|`),
    fc.array(fc.oneof({ weight: 6, arbitrary: row(n) }, { weight: 1, arbitrary: row(n + 1) }, { weight: 1, arbitrary: otherLine }), { maxLength: 5 }),
  ).map(([head, delimiter, body]) => [head, delimiter, ...body]),
);
const htmlOpen = fc.constantFrom(
  '<table>', '<table class="x">', '</table>', '<div>', '<div align="center">', '<details>', '<p/>', '<ul>', '<h2>Title</h2>', '<center>',
  // Not a type-6 start at the first column: left to remark.
  '<DIV>', '<divx>', '  <div>', '<span>', '<a href="https://x.y">', '<script>', '<pre>', '<!--', '<?x', '<![CDATA[', '<img src="x">',
);
const htmlInner = fc.constantFrom('  <tr><td>x</td></tr>', '\t<td>x</td>\t', 'a\u0000b', '</div>', '-->', '</pre>', '</script>', ']]>', 'text', '  <td rowspan="2">a</td>', '   ');
const htmlBlock = fc
  .tuple(htmlOpen, fc.array(fc.oneof({ weight: 3, arbitrary: htmlInner }, { weight: 1, arbitrary: simpleLine }, { weight: 1, arbitrary: otherLine }), { maxLength: 5 }))
  .map(([open, inner]) => [open, ...inner]);
const block = fc.tuple(
  fc.constantFrom('## Tools', '### More', '## Tools #', '### [Linked](https://x.y)', '', '', 'Intro text.', '<div>', '</div>', '```', '> q', '- item', '1. item', '2) item', '  indented', '    code', '<!-- note -->', '[^1]: note', '<span>', '<x-y>', '***'),
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('-', '-', '*', '+').chain((b) => fc.array(entry(b), { minLength: 1, maxLength: 6 })) },
    { weight: 1, arbitrary: table },
    { weight: 1, arbitrary: htmlBlock },
    { weight: 2, arbitrary: fc.array(fc.oneof({ weight: 5, arbitrary: textLine }, { weight: 1, arbitrary: otherLine }), { minLength: 1, maxLength: 4 }) },
  ),
  fc.constantFrom('', '', '\n', '\n\n'),
);
const listDocument = fc
  .array(block, { maxLength: 8 })
  .map((blocks) => blocks.map(([head, items, gap]) => [head, ...(head.startsWith('#') ? [] : ['']), ...items].join('\n') + gap).join('\n'));

describe('fast path: property', () => {
  it('gives remark’s tree for random documents', () => {
    let taken = 0;
    fc.assert(
      fc.property(document, (text) => {
        const result = parseTakingBlocks(text, full);
        taken += result.taken.length;
        expect(result.tree).toStrictEqual(full(text));
      }),
      { numRuns: RUNS },
    );
    // Some of these documents must exercise the fast path, not only its refusals.
    expect(taken).toBeGreaterThan(5);
  }, PROPERTY_TIMEOUT_MS);

  it('gives remark’s tree for random list-shaped documents', () => {
    let taken = 0;
    let refused = 0;
    fc.assert(
      fc.property(listDocument, (text) => {
        const result = parseTakingBlocks(text, full);
        taken += result.taken.length;
        refused += findFastBlocks(text).length - result.taken.length;
        expect(result.tree).toStrictEqual(full(text));
      }),
      { numRuns: RUNS },
    );
    // Both ways out are exercised: runs taken, and runs found by lines but refused by the tree.
    expect(taken).toBeGreaterThan(RUNS / 10);
    expect(refused).toBeGreaterThan(RUNS / 30);
  }, PROPERTY_TIMEOUT_MS);

  it('leaves lines that are not certain to remark', () => {
    const text = [
      '## Tools',
      '',
      '- [Alpha](https://alpha.dev) - Plain.',
      '- [Beta](https://beta.dev) - With `code`.',
      '- [Gamma](https://gamma.dev) - Plain.',
      '',
      '## More',
      '',
      '- [Delta](https://delta.dev) - Plain.',
      '- [Epsilon](https://epsilon.dev) - Plain.',
      '',
    ].join('\n');
    const { tree, taken } = parseTakingBlocks(text, full);
    expect(tree).toStrictEqual(full(text));
    // The first list has a line with code in it: only the second list is taken (and the first
    // heading; the second stays, or the two lists around it would merge in the rest).
    expect(taken.map((run) => [run.kind, run.firstLine, run.lastLine])).toEqual([['heading', 1, 1], ['list', 9, 10]]);
  });

  it('takes headings, paragraphs, nested lists, pipe tables and HTML blocks, and only those it can prove', () => {
    const text = [
      '# Awesome Things', // 1
      '', // 2
      'A curated list of [things](https://things.dev) and tools.', // 3
      'Second line of the intro.', // 4
      '', // 5
      '## Tools', // 6
      '- Build', // 7
      '  - [Alpha](https://alpha.dev) - First (fast).', // 8
      '    - [Alpha CLI](#alpha-cli)', // 9
      '- [Beta](https://beta.dev) - Second, see [docs](https://beta.dev/docs).', // 10
      '', // 11
      '| Name | Stars |', // 12
      '| :--- | ---: |', // 13
      '| [Gamma](https://gamma.dev) | 42 |', // 14
      '', // 15
      '<table>', // 16
      '  <tr><td rowspan="2">Delta</td></tr>', // 17
      '</table>', // 18
      '', // 19
      '> A quote with [a link](https://quote.dev).', // 20
      '', // 21
      'Text with *emphasis* stays with remark.', // 22
      '', // 23
    ].join('\n');
    const { tree, taken } = parseTakingBlocks(text, full);
    expect(tree).toStrictEqual(full(text));
    expect(taken.map((b) => `${b.kind} ${b.firstLine}-${b.lastLine}`)).toEqual(['heading 1-1', 'paragraph 3-4', 'heading 6-6', 'list 7-10', 'table 12-14', 'html 16-18']);
  });

  it('refuses runs inside a code fence, an HTML block, or after a list they would join', () => {
    const inFence = '## A\n\n```\n- [a](https://x.y)\n```\n';
    const inHtml = '<!--\n\n- [a](https://x.y)\n\n-->\n';
    // (The line before the blank is a lazy continuation of the item: only the tree shows the list.)
    const joining = '- item\nlazy continuation\n\n- [a](https://x.y)\n\nText\n';
    expect(findFastBlocks(joining).map((block) => block.kind)).toEqual(['list', 'paragraph']);
    for (const text of [inFence, inHtml, joining]) {
      const { tree, taken } = parseTakingBlocks(text, full);
      expect(tree).toStrictEqual(full(text));
      expect(taken.filter((block) => block.kind === 'list')).toEqual([]);
    }
  });
});
