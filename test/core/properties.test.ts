import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { checkSource, fixSource } from '../../src/core/check-source.js';
import { buildDocument } from '../../src/core/parse/build-document.js';
import { runRules } from '../../src/core/findings/run-rules.js';
import { applyFixes } from '../../src/core/fixes/apply-fixes.js';
import type { Finding, TextEdit } from '../../src/core/findings/types.js';

// Random lists built from fragments that real awesome lists (and broken ones) are made of.

const pick = <T>(...values: T[]) => fc.constantFrom(...values);

/** Characters that matter to Markdown, HTML, URLs and the name rules, plus mojibake and emoji. */
const char = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCXYZ0123456789') },
  { weight: 2, arbitrary: fc.constantFrom(' ', ' ', '-', '.', '_', '/') },
  { weight: 2, arbitrary: fc.constantFrom('[', ']', '(', ')', '<', '>', '|', '*', '`', '\\', '"', "'", '#', '&', '!', ':', '?', '=') },
  { weight: 1, arbitrary: fc.constantFrom('Ã©', 'â€™', 'ðŸ’¥', 'Ã¼', 'â€œ', '💥', '🚀', 'é', 'e\u0301', '\u200b', '\u00a0', '中文', '\t', '\ud800', '\r') },
);
const text = (maxLength = 12) => fc.string({ unit: char, maxLength });
const word = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 1, maxLength: 8 });
const toolName = fc.oneof(word, pick('Github', 'GitHub', 'Javascript', 'Node.js', 'nodejs', 'Postgres', 'PostgreSQL', 'VSCode', 'Kubernetes', 'kubernetes'), text(10));

const url = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.tuple(word, word).map(([host, p]) => `https://${host}.example/${p}`),
  fc.tuple(word, word).map(([host, p]) => `http://${host}.example/${p}`),
  fc.tuple(word, pick('utm_source=x', 'utm_medium=a&utm_campaign=b', 'fbclid=1', 'gclid=2', 'ref=producthunt', 'a=1&utm_source=x#top')).map(([host, q]) => `https://${host}.example/p?${q}`),
  pick(
    '',
    'https://github.com/user/repo',
    'https://github.com/User/Repo/',
    'http://github.com/user/repo',
    'https://www.npmjs.com/package/left-pad',
    '<https://example.com/a b>',
    'https://example.com/a b',
    'javascript:alert(1)',
    'mailto:someone@example.com',
    '//example.com/x',
    '#section',
    './docs/readme.md',
    'https://[::1]/x',
    'http://%zz',
    'https://exämple.com/ü',
    'HTTPS://EXAMPLE.COM/X',
    'https://example.com/(paren)',
    'https://example.com/?',
    'https://example.com/"quote"',
    'https://',
  ),
);

const heading = fc.tuple(fc.integer({ min: 1, max: 7 }), text(16)).map(([depth, t]) => `${'#'.repeat(depth)} ${t}`);
const entry = fc
  .tuple(pick('- ', '* ', '+ ', '1. ', '  - ', '    - ', '- [ ] ', '> - '), toolName, url, pick(' - ', ' — ', ': ', ' ', ''), text(20))
  .map(([bullet, name, u, sep, desc]) => `${bullet}[${name}](${u})${sep}${desc}`);
const looseLink = fc.tuple(text(8), toolName, url).map(([before, name, u]) => `${before}[${name}](${u}) <${u}> ${u}`);
const referenceLink = fc.tuple(toolName, word, url).map(([name, label, u]) => `- [${name}][${label}]\n\n[${label}]: ${u}`);

const gfmTable = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(fc.oneof(text(10), fc.tuple(toolName, url).map(([n, u]) => `[${n}](${u})`)), { maxLength: 6 }), { maxLength: 5 }))
  .map(([columns, body]) => {
    const header = `| ${Array.from({ length: columns }, (_, i) => `H${i}`).join(' | ')} |`;
    const delimiter = `|${' --- |'.repeat(columns)}`;
    return [header, delimiter, ...body.map((cells) => `| ${cells.join(' | ')} |`)].join('\n');
  });

const spanValue = pick('0', '-1', 'abc', '999999999', '1', '2', '3', '', ' 2 ', '1.5', '2abc', '0x10', '99999999999999999999');
const htmlCell = fc
  .tuple(
    pick('td', 'th'),
    fc.option(spanValue, { nil: undefined }),
    fc.option(spanValue, { nil: undefined }),
    fc.oneof(text(10), fc.tuple(url, toolName).map(([u, n]) => `<a href="${u}">${n}</a>`), fc.tuple(url, toolName).map(([u, n]) => `<a href="${u}">${n}`)),
    fc.boolean(),
  )
  .map(([tag, rowspan, colspan, content, close]) =>
    `<${tag}${rowspan !== undefined ? ` rowspan="${rowspan}"` : ''}${colspan !== undefined ? ` colspan=${colspan}` : ''}>${content}${close ? `</${tag}>` : ''}`,
  );
// Rows sometimes lack their <tr> (the parser then implies one) or their </tr>.
const htmlRow = fc
  .tuple(fc.array(htmlCell, { maxLength: 5 }), pick(true, true, true, false), fc.boolean(), pick('', '  ', '\n'))
  .map(([cells, open, close, sep]) => `${open ? '<tr>' : ''}${sep}${cells.join(sep)}${close ? '</tr>' : ''}`);
const htmlTable = fc
  .tuple(fc.boolean(), fc.array(htmlRow, { maxLength: 6 }), fc.boolean(), fc.boolean())
  .map(([thead, rows, tbody, close]) => ['<table>', ...(thead ? ['<thead><tr><th>Name</th><th>What</th></tr></thead>'] : []), ...(tbody ? ['<tbody>'] : []), ...rows, ...(tbody ? ['</tbody>'] : []), ...(close ? ['</table>'] : [])].join('\n'));

const strayTag = pick('<div>', '</div>', '<br>', '</td>', '</tr>', '<tr>', '</table>', '<a href="https://x.example">', '</a>', '<details><summary>More</summary>', '</details>', '<p align="center">', '<img src="x.png">', '<td rowspan="abc">', '<table>', '<!-- a comment -->', '<!-- never closed', '-->', '<![CDATA[x]]>', '<?php ?>', '<script>', '</script>');
const directive = pick(
  '<!-- listwarden-disable -->',
  '<!-- listwarden-enable -->',
  '<!-- listwarden-disable no-duplicate-entry -->',
  '<!-- listwarden-disable-next-line -->',
  '<!-- listwarden-disable-next-line table-rowspan, no-mojibake -->',
  '<!-- listwarden-disable-line prefer-https -->',
  '<!-- listwarden-disable bogus-rule -->',
  '<!--listwarden-disable-->',
  '<!-- listwarden-disable-next-line\nno-tracking-params -->',
  '<!-- listwarden-disable',
);
const codeFence = fc.tuple(pick('```', '~~~', '````'), pick('', 'js', 'md', 'html'), fc.array(fc.oneof(entry, htmlTable, text(20)), { maxLength: 3 }), fc.boolean()).map(
  ([fence, lang, body, close]) => [`${fence}${lang}`, ...body, ...(close ? [fence] : [])].join('\n'),
);
const other = pick('', '', '---', '> quote', '>', '    indented code', '***', '[x]: https://example.com', '| not | a table', 'Plain paragraph.', '\\', '- ', '-', '1.');

const fragment = fc.oneof(
  { weight: 3, arbitrary: heading },
  { weight: 8, arbitrary: entry },
  { weight: 2, arbitrary: looseLink },
  { weight: 1, arbitrary: referenceLink },
  { weight: 2, arbitrary: gfmTable },
  { weight: 3, arbitrary: htmlTable },
  { weight: 2, arbitrary: strayTag },
  { weight: 2, arbitrary: directive },
  { weight: 1, arbitrary: codeFence },
  { weight: 3, arbitrary: other },
  { weight: 1, arbitrary: text(30) },
);

/** A random list: fragments joined by newlines (sometimes CRLF), with an entry duplicated now and then. */
const list = fc
  .tuple(fc.array(fragment, { maxLength: 14 }), pick('\n', '\n', '\n\n', '\r\n'), fc.boolean(), fc.boolean())
  .map(([parts, eol, duplicate, finalNewline]) => {
    const all = duplicate && parts.length > 0 ? [...parts, parts[0]!] : parts;
    return all.join(eol) + (finalNewline ? eol : '');
  });

const NUM_RUNS = Number(process.env.LISTWARDEN_PROPERTY_RUNS ?? 150);

/** Lines as CommonMark counts them: `\n`, `\r\n` and a lone `\r` end a line. */
function lineCount(source: string): number {
  return source.split(/\r\n|\r|\n/).length;
}

function expectFindingInBounds(f: Finding, source: string): void {
  const lines = lineCount(source);
  const where = `${f.ruleId} at ${JSON.stringify(f.span)}`;
  for (const p of [f.span.start, f.span.end]) {
    expect({ where, ok: p.line >= 1 && p.line <= lines && p.column >= 1 && Number.isInteger(p.line) && Number.isInteger(p.column) }).toEqual({ where, ok: true });
  }
}

/** Edits of a fix are in bounds and ordered start <= end. */
function editsInBounds(edits: TextEdit[], length: number): boolean {
  return edits.every((e) => Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start <= e.end && e.end <= length);
}

describe('core properties over random lists', () => {
  it('checkSource never throws, and every finding points at a real line and column', () => {
    fc.assert(
      fc.property(list, (source) => {
        const { findings } = checkSource('list.md', source);
        for (const f of findings) expectFindingInBounds(f, source);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('one pass of applyFixes changes only the accepted edits: text outside them is preserved', () => {
    fc.assert(
      fc.property(list, (source) => {
        const findings = runRules(buildDocument('list.md', source));
        for (const f of findings) {
          if (f.fix) expect({ rule: f.ruleId, inBounds: editsInBounds(f.fix.edits, source.length) }).toEqual({ rule: f.ruleId, inBounds: true });
        }
        const { output, applied } = applyFixes(source, findings);
        const edits = applied.flatMap((f) => f.fix!.edits).sort((a, b) => a.start - b.start || a.end - b.end);
        // Accepted edits never overlap, so walking them in order rebuilds the output exactly.
        let rebuilt = '';
        let at = 0;
        for (const e of edits) {
          expect(e.start).toBeGreaterThanOrEqual(at);
          rebuilt += source.slice(at, e.start) + e.text;
          at = e.end;
        }
        rebuilt += source.slice(at);
        expect(output).toBe(rebuilt);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('fixSource is idempotent: fixing its output again changes nothing', () => {
    fc.assert(
      fc.property(list, (source) => {
        const first = fixSource('list.md', source);
        const second = fixSource('list.md', first.output);
        expect(second.applied.map((f) => `${f.ruleId} ${JSON.stringify(f.fix?.edits)}`)).toEqual([]);
        expect(second.output).toBe(first.output);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
