import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { codeSpan, markdownText } from '../../../src/core/format/markdown-text.js';
import { HIDDEN, MENTION, REFERENCE, renderGfm } from '../../review/helpers/rendered-markdown.js';

/** Pieces an attacker would reach for, so random strings hit every trick often. */
const TRICKS = [
  '@', '@octocat', '#', '#123', 'GH-1', '<b>', '</b>', '<details>', '<!--', '-->', '<!-- listwarden:memory', '`', '``', '```',
  '[x](y)', '[x]', '](', '![i](j)', '<https://a.example>', 'http://', 'https://b.example/p', 'www.c.example', 'a@b.example',
  'mailto:', '|', '*', '**', '_', '~', '~~', '\\', '&', '&amp;', '&#64;', '$', '1.', '- ', '+ ', '> ', '    ', '\n', '\r', '\t',
  '\u202e', '\u2066', '\u200f', '\u0000', '\u001b[31m', '\u0085', '\u009b', '\u2028', 'x', 'octocat', '123', ' ', ':', '/', '(', ')',
];
const tricky = fc.array(fc.constantFrom(...TRICKS), { maxLength: 25 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme-ascii', maxLength: 60 }), tricky, tricky);

/** Everything a reader must never get from untrusted inline text. */
function assertInert(markdown: string): void {
  const rendered = renderGfm(markdown);
  expect(rendered.tags.filter((t) => t !== 'p' && t !== 'code')).toEqual([]);
  expect(rendered.text).not.toMatch(MENTION);
  expect(rendered.text).not.toMatch(REFERENCE);
  expect(rendered.text + rendered.code).not.toMatch(HIDDEN);
  expect(markdown).not.toMatch(/[\r\n]/);
}

describe('markdownText', () => {
  it('renders the issue\'s unclosed code spans as text: no mention, no raw HTML', () => {
    const mention = renderGfm(markdownText('`@octocat``'));
    expect(mention.text).not.toMatch(MENTION);
    expect(mention.text.replace(/\u200b/g, '')).toBe('`@octocat``');
    const tag = renderGfm(markdownText('`<b>Approved by maintainers</b>``'));
    expect(tag.tags).toEqual(['p']);
    expect(tag.text).toBe('`<b>Approved by maintainers</b>``');
  });

  it('keeps a closed single-backtick code span as code and escapes HTML, pipes and mentions outside it', () => {
    const out = markdownText('Add `</td>` after <td> | ask @octocat\nnow');
    expect(out).toBe('Add `</td>` after &lt;td&gt; \\| ask @&#8203;octocat now');
    const rendered = renderGfm(out);
    expect(rendered.code).toBe('</td>');
    expect(rendered.tags).toEqual(['p', 'code']);
  });

  it('breaks references, autolinks, e-mail links and links, and shows the text as written', () => {
    const input = 'fixes #12 see https://x.example/@writer or www.y.example, mail me@z.example, [a](https://evil.example)';
    const rendered = renderGfm(markdownText(input));
    expect(rendered.tags).toEqual(['p']);
    expect(rendered.text.replace(/\u200b/g, '')).toBe(input);
  });

  it('shows control and bidirectional characters by their code point', () => {
    expect(markdownText('a\u202eb\u0000c\u009bd')).toBe('a⟨U+202E⟩b⟨U+0000⟩c⟨U+009B⟩d');
  });

  it('never starts a list, a heading or a quote when the text begins a line', () => {
    for (const input of ['- x', '+ x', '1986. x', '2) x', '# x', '> x', '* x', '    code']) {
      const rendered = renderGfm(`- ${markdownText(input)}`);
      expect(rendered.tags).toEqual(['ul', 'li']);
      expect(rendered.text.trim()).toBe(input.trim());
    }
  });

  it('shortens long text with an ellipsis, at exactly maxLength code points', () => {
    expect(markdownText('x'.repeat(50), 10)).toBe('xxxxxxxxx…');
    expect(markdownText('x'.repeat(10), 10)).toBe('x'.repeat(10));
    expect(markdownText('x'.repeat(11), 10)).toBe('xxxxxxxxx…');
    expect(markdownText('😀'.repeat(3), 2)).toBe('😀…');
  });

  it('replaces lone surrogates', () => {
    expect(markdownText('a\ud800b')).toBe('a\ufffdb');
  });

  it('property: over 10,000 random strings the rendered result has no raw tag, mention, reference, link or hidden character', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        assertInert(markdownText(text));
      }),
      { numRuns: 10_000 },
    );
  });

  it('property: after a list marker, as the report and the summary place it, the text starts no other block', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const listed = renderGfm(`- ${markdownText(text)}`);
        expect(listed.tags.filter((t) => !['ul', 'li', 'code'].includes(t))).toEqual([]);
        expect(listed.tags.filter((t) => t === 'ul' || t === 'li')).toEqual(['ul', 'li']);
      }),
      { numRuns: 1_000 },
    );
  });

  it('property: text without backticks or hidden characters reads exactly as written', () => {
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    const plain = fc.oneof(fc.string({ unit: 'grapheme-ascii', maxLength: 60 }), tricky).map((t) => t.replace(/[`\u0000-\u001f\u007f-\u009f\u2028\u202e\u2066\u200f]/g, 'q'));
    fc.assert(
      fc.property(plain, (text) => {
        const rendered = renderGfm(markdownText(text));
        expect(rendered.text.replace(/\u200b/g, '').trim()).toBe(text.trim());
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps a backslash before a pipe inside its table cell (the splitter reads \\\\ as a pair)', () => {
    for (const text of ['![i](j)\\|', 'a\\\\|b', '`x\\|`']) {
      const table = `| A | B |\n| --- | --- |\n| ${markdownText(text, 1000, { inTable: true })} | ${codeSpan(text, 300, { inTable: true })} |\n`;
      const rendered = renderGfm(table);
      expect(rendered.tags.filter((t) => t === 'td')).toHaveLength(2);
      expect(rendered.tags.filter((t) => !['table', 'thead', 'tbody', 'tr', 'th', 'td', 'code'].includes(t))).toEqual([]);
    }
  });

  it('property: in a table cell the text stays in its cell', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const table = `| A | B |\n| --- | --- |\n| ${markdownText(a, 1000, { inTable: true })} | ${codeSpan(b, 300, { inTable: true })} |\n`;
        const rendered = renderGfm(table);
        expect(rendered.tags.filter((t) => t === 'td')).toHaveLength(2);
        expect(rendered.tags.filter((t) => !['table', 'thead', 'tbody', 'tr', 'th', 'td', 'code'].includes(t))).toEqual([]);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('codeSpan', () => {
  it('is one closed code span whatever the text holds', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const rendered = renderGfm(codeSpan(text));
        expect(rendered.tags).toEqual(['p', 'code']);
        expect(rendered.text.trim()).toBe('');
        expect(rendered.code).not.toMatch(HIDDEN);
      }),
      { numRuns: 2_000 },
    );
  });

  it('replaces backticks and joins lines', () => {
    expect(codeSpan('a`b\nc')).toBe("`a'b c`");
    expect(codeSpan('a`b', 300, { backtick: '%60' })).toBe('`a%60b`');
  });
});
