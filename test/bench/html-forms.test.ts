import { describe, expect, it } from '@jest/globals';
import { buildDocument } from '../../src/core/parse/build-document.js';
import { normalizeUrl } from '../../src/core/url/normalize-url.js';
import { HTML_FORMS, sourceEntries, writeHtmlForm } from '../../bench/html-forms.mjs';

/**
 * The detection benchmark's converter (bench/html-forms.mjs): a Markdown list's own entries
 * written again in the HTML forms, with the offsets the defect injectors rely on.
 */
const list = [
  '# Tools',
  '',
  '## Build',
  '',
  '- [Fastbuild](https://github.com/acme/fastbuild) - Builds **fast**, see [docs](https://acme.dev/docs).',
  '- [A & B <x>](https://example.org/a?x=1&y="2") - Joins A & B.',
  '- Backends',
  '  - [Fastbuild](https://github.com/acme/fastbuild/) - Listed again under a group.',
  '  - [Slowbuild](https://slow.example.com)',
  '',
  '## Empty',
  '',
  '## Test',
  '',
  '- [Checker](https://github.com/acme/checker) - Checks.',
  '',
].join('\n');

const sections = sourceEntries(buildDocument('list.md', list), normalizeUrl);
const lineOf = (text: string, line: number) => text.split('\n')[line - 1] ?? '';

describe('html-forms', () => {
  it('keeps each section with its entries once, descriptions as plain text and their links', () => {
    const items = sections.map(({ section, items }) => [section.title, items.map((i) => `${i.name} | ${i.url} | ${i.description}`)]);
    expect(items).toEqual([
      ['', []],
      ['Tools', []],
      [
        'Build',
        [
          'Fastbuild | https://github.com/acme/fastbuild | Builds fast, see docs.',
          'A & B <x> | https://example.org/a?x=1&y="2" | Joins A & B.',
          'Slowbuild | https://slow.example.com | ',
        ],
      ],
      ['Empty', []],
      ['Test', ['Checker | https://github.com/acme/checker | Checks.']],
    ]);
    expect(sections[2]!.items[0]!.parts).toEqual([{ text: 'Builds fast, see ' }, { text: 'docs', url: 'https://acme.dev/docs' }, { text: '.' }]);
  });

  it.each(HTML_FORMS)('%s: headings kept, names and URLs escaped at the offsets and lines it records', (form) => {
    const { text, entries } = writeHtmlForm(sections, form);
    for (const heading of ['# Tools', '## Build', '## Empty', '## Test']) expect(text.split('\n')).toContain(heading);
    expect(entries.map((e) => e.name)).toEqual(['Fastbuild', 'A & B <x>', 'Slowbuild', 'Checker']);
    const odd = entries[1]!;
    expect(text.slice(odd.nameSpan.start, odd.nameSpan.end)).toBe('A &amp; B &lt;x&gt;');
    expect(text.slice(odd.urlSpan.start, odd.urlSpan.end)).toBe('https://example.org/a?x=1&amp;y=&quot;2&quot;');
    expect(lineOf(text, odd.line)).toContain('Joins A &amp; B.');
    for (const e of entries) {
      const first = text.slice(e.block.start, e.block.end).split('\n')[0];
      expect(lineOf(text, e.line)).toBe(first);
      expect(text.slice(e.block.start, e.block.end).split('\n')).toHaveLength(e.lines + 1);
    }
  });

  it('writes each form as the lists that use it do', () => {
    const lines = writeHtmlForm(sections, 'lines').text;
    expect(lines).toContain('<p>\n&nbsp;&nbsp;<a href="https://github.com/acme/fastbuild"><b>Fastbuild</b></a> - Builds fast, see <a href="https://acme.dev/docs">docs</a>.<br>\n');
    expect(lines).toContain('&nbsp;&nbsp;<a href="https://slow.example.com"><b>Slowbuild</b></a><br>\n</p>\n');
    const items = writeHtmlForm(sections, 'item').text;
    expect(items).toContain('<ul>\n<li><a href="https://github.com/acme/fastbuild">Fastbuild</a> - Builds fast, see <a href="https://acme.dev/docs">docs</a>.</li>\n');
    const details = writeHtmlForm(sections, 'details');
    const [fast, , slow, checker] = details.entries.map((e) => details.text.slice(e.block.start, e.block.end));
    expect(fast).toBe(
      '<details><summary><b><a href="https://github.com/acme/fastbuild">Fastbuild</a></b> - Builds fast, see <a href="https://acme.dev/docs">docs</a>.</summary>\n\n' +
        '- [GitHub](https://github.com/acme/fastbuild)\n\t```\n\tgit clone https://github.com/acme/fastbuild\n\t```\n</details>\n',
    );
    expect(slow).toContain('\n- [Website](https://slow.example.com)\n</details>\n');
    // Every other repository gets a second sub-link on the same host.
    expect(checker).toContain('- [Docs](https://github.com/acme/checker/wiki)\n');
  });
});
