import { describe, it, expect } from '@jest/globals';
import { urlForMarkdown } from '../../../src/core/fixes/url-for-markdown.js';
import { buildDocument } from '../../../src/core/parse/build-document.js';

describe('urlForMarkdown', () => {
  it('percent-encodes every character Markdown, tables or HTML attributes read as syntax', () => {
    expect(urlForMarkdown('https://a.example/p q(r)<s>[t]|u\\v`w"x\'y')).toBe('https://a.example/p%20q%28r%29%3Cs%3E%5Bt%5D%7Cu%5Cv%60w%22x%27y');
    expect(urlForMarkdown('https://a.example/\n\r\t\u0000\u007f\u202e\u2066x')).toBe('https://a.example/%0A%0D%09%00%7F%E2%80%AE%E2%81%A6x');
  });

  it('leaves a URL without such characters as it is (query, fragment, % escapes, non-ASCII letters)', () => {
    for (const url of ['https://a.example/a/b?c=d&e=f#g', 'https://a.example/%28x%29', 'https://a.example/café', 'https://a.example/~u/*x_y*']) expect(urlForMarkdown(url)).toBe(url);
  });

  it('written into a link, a list row or a table cell, it is that one URL and nothing else', () => {
    const hostile = 'https://a.example/x)[Download](https://b.example/setup.exe) | pwned | <b>`code`</b> "q" \\';
    const url = urlForMarkdown(hostile);
    for (const source of [`- [Tool](${url}) - A tool.\n`, `| Name | What |\n| --- | --- |\n| [Tool](${url}) | A tool. |\n`, `<a href="${url}">Tool</a>\n`, `- <${url}>\n`]) {
      const doc = buildDocument('list.md', source);
      expect(doc.links.map((l) => decodeURI(l.url))).toEqual([decodeURI(url)]);
      for (const table of doc.tables) for (const row of [...table.headerRows, ...table.bodyRows]) expect(row.cells).toHaveLength(2);
    }
  });
});
