import { describe, it, expect } from '@jest/globals';
import { checkSource, fixSource } from '../../src/core/check-source.js';
import { decodeInput } from '../../src/core/parse/decode-input.js';
import { inspectInput, MAX_SOURCE_CHARS } from '../../src/core/parse/inspect-input.js';
import type { Finding } from '../../src/core/findings/types.js';

// Hostile and broken input: each case must come back with a clear finding or error and
// never crash. No timing assertions — only that each completes with something sensible.

const encode = (text: string) => new TextEncoder().encode(text);

function expectSaneFindings(findings: Finding[], source: string): void {
  const lines = source.split('\n').length;
  for (const f of findings) {
    expect(f.span.start.line).toBeGreaterThanOrEqual(1);
    expect(f.span.start.line).toBeLessThanOrEqual(lines);
    expect(f.span.start.column).toBeGreaterThanOrEqual(1);
    expect(f.message.length).toBeGreaterThan(0);
  }
}

describe('binary and badly encoded input', () => {
  it('NUL bytes: decodes, then checkSource refuses the file as binary (unreadable-input)', () => {
    const bytes = Uint8Array.from([...encode('# List\n\n- [A](https://a.example)\n'), 0, 1, 2, 0, 255 & 0x7f, 0]);
    const decoded = decodeInput('list.md', bytes);
    expect('source' in decoded).toBe(true);
    const source = (decoded as { source: string }).source;
    const { findings } = checkSource('list.md', source);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.ruleId).toBe('unreadable-input');
    expect(findings[0]!.message).toMatch(/NUL bytes/);
    expect(findings[0]!.span.start).toEqual({ line: 4, column: 1, offset: source.indexOf('\u0000') });
    // fix leaves such a file alone.
    expect(fixSource('list.md', source)).toEqual({ output: source, applied: [], refused: [], passes: 0, appliedByPass: [] });
  });

  it('a PNG (binary that is not UTF-8) is refused by decodeInput', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const decoded = decodeInput('logo.md', png);
    expect('problem' in decoded).toBe(true);
    const problem = (decoded as { problem: Finding }).problem;
    expect(problem.ruleId).toBe('unreadable-input');
    expect(problem.message).toMatch(/not valid UTF-8: byte 0x89 at byte offset 0/);
    expect(problem.span.start).toMatchObject({ line: 1, column: 1 });
  });

  it('non-UTF-8 bytes (Latin-1 "é" on line 3) give a problem with the line and column', () => {
    const bytes = Uint8Array.from([...encode('# List\n\n- [Caf'), 0xe9, ...encode('](https://cafe.example)\n')]);
    const decoded = decodeInput('list.md', bytes);
    expect('problem' in decoded).toBe(true);
    const problem = (decoded as { problem: Finding }).problem;
    expect(problem.ruleId).toBe('unreadable-input');
    expect(problem.severity).toBe('error');
    expect(problem.message).toMatch(/byte 0xe9 at byte offset 14/);
    expect(problem.span.start).toMatchObject({ line: 3, column: 7 });
  });

  it('a truncated multi-byte character at the very end is located too', () => {
    const bytes = Uint8Array.from([...encode('ok\nü'), 0xe2, 0x82]);
    const decoded = decodeInput('list.md', bytes);
    expect('problem' in decoded).toBe(true);
    expect((decoded as { problem: Finding }).problem.span.start).toMatchObject({ line: 2, column: 2 });
  });

  it('a UTF-8 BOM is not a problem', () => {
    const decoded = decodeInput('list.md', Uint8Array.from([0xef, 0xbb, 0xbf, ...encode('# List\n')]));
    expect(decoded).toEqual({ source: '# List\n', bom: true });
    expect(decodeInput('list.md', encode('# List\n'))).toEqual({ source: '# List\n', bom: false });
  });

  it('an undecodable byte after CR-only line endings is located on its line', () => {
    const bytes = Uint8Array.from([...encode('a\rbc\r\nde'), 0xff]);
    const decoded = decodeInput('list.md', bytes);
    expect((decoded as { problem: Finding }).problem.span.start).toMatchObject({ line: 3, column: 3 });
  });
});

describe('oversized input', () => {
  it('a 50 MB file is refused with an unreadable-input finding naming the size limit', () => {
    const line = '- [Tool](https://tool.example/x) - Does things.\n';
    const source = line.repeat(Math.ceil((50 * 1024 * 1024) / line.length));
    const { findings } = checkSource('huge.md', source);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.ruleId).toBe('unreadable-input');
    expect(findings[0]!.message).toMatch(/^File is 50\.0 MB, more than the 20 MB listwarden reads/);
    expect(findings[0]!.span.start).toEqual({ line: 1, column: 1, offset: 0 });
    expect(fixSource('huge.md', source).passes).toBe(0);
  });

  it('the limit is exact: MAX_SOURCE_CHARS is read, one more is refused', () => {
    expect(inspectInput('a.md', 'a'.repeat(MAX_SOURCE_CHARS))).toBeUndefined();
    expect(inspectInput('a.md', 'a'.repeat(MAX_SOURCE_CHARS + 1))?.ruleId).toBe('unreadable-input');
  });

  it('a list of a few MB under the limit is parsed and checked', () => {
    // ~2 MB of plain text plus a few real entries at the end: big, but quick for the parser.
    const filler = `${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(20)}\n\n`;
    const source = `# List\n\n${filler.repeat(Math.ceil((2 * 1024 * 1024) / filler.length))}## Tools\n\n- [A](https://a.example/?utm_source=x) - A.\n- [A](https://a.example/?utm_source=x) - A.\n`;
    expect(source.length).toBeGreaterThan(2 * 1024 * 1024);
    const { findings } = checkSource('big.md', source);
    expect(findings.some((f) => f.ruleId === 'unreadable-input')).toBe(false);
    expect(findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['no-duplicate-entry', 'no-tracking-params']));
    expectSaneFindings(findings, source);
  }, 120_000);
});

describe('deep nesting', () => {
  it('10,000 nested <div>s: checked without crashing', () => {
    const source = `# List\n\n${'<div>'.repeat(10_000)}\n[A](https://a.example)\n${'</div>'.repeat(10_000)}\n`;
    const { findings } = checkSource('deep.md', source);
    expectSaneFindings(findings, source);
  }, 120_000);

  it('10,000 nested <div>s that are never closed: unclosed-tag findings, no crash', () => {
    const source = `# List\n\n${'<div>'.repeat(10_000)}\n`;
    const { findings } = checkSource('deep.md', source);
    expect(findings.some((f) => f.ruleId === 'html-unclosed-tag')).toBe(true);
    expectSaneFindings(findings, source);
  }, 120_000);

  // remark (micromark / mdast-util-from-markdown) recurses per nesting level; these two are
  // deliberately not guarded here — a RangeError must surface, not be swallowed.
  it('10,000 nested blockquotes: checked without crashing', () => {
    const source = `# List\n\n${'>'.repeat(10_000)} - [A](https://a.example)\n`;
    const { findings } = checkSource('deep.md', source);
    expectSaneFindings(findings, source);
    expect(findings.map((f) => `${f.span.start.line} ${f.ruleId}`)).toEqual(['3 unreadable-input']);
    expect(findings[0]!.message).toMatch(/^Nesting of block quotes deeper than 100 levels starts here/);
  }, 180_000);

  it('800 levels of indented list items are refused quickly instead of parsed for minutes', () => {
    const source = Array.from({ length: 800 }, (_, i) => `${' '.repeat(2 * i)}- item`).join('\n');
    const { findings } = checkSource('deep.md', source);
    expect(findings.map((f) => f.ruleId)).toEqual(['unreadable-input']);
    expect(findings[0]!.message).toContain('by indentation');
  });

  it('10,000 nested list items: checked without crashing', () => {
    const source = `# List\n\n${'- '.repeat(10_000)}[A](https://a.example)\n`;
    const { findings } = checkSource('deep.md', source);
    expectSaneFindings(findings, source);
    expect(findings.map((f) => `${f.span.start.line} ${f.ruleId}`)).toEqual(['3 unreadable-input']);
    expect(findings[0]!.message).toContain('of list items');
  }, 180_000);
});

describe('broken tables and unterminated HTML', () => {
  const table = (rowspan: string) =>
    [
      '# List',
      '',
      '<table>',
      '  <tr><th>Group</th><th>Tool</th></tr>',
      `  <tr><td rowspan="${rowspan}">Scanners</td><td><a href="https://a.example">A</a></td></tr>`,
      '  <tr><td><a href="https://b.example">B</a></td></tr>',
      '</table>',
      '',
    ].join('\n');

  it('rowspan="999999999": table-rowspan reports the right count, in bounded time', () => {
    const source = table('999999999');
    const { findings } = checkSource('list.md', source);
    const rowspan = findings.filter((f) => f.ruleId === 'table-rowspan');
    expect(rowspan).toHaveLength(1);
    expect(rowspan[0]!.span.start.line).toBe(5);
    expect(rowspan[0]!.message).toMatch(/999999999/);
    expect(rowspan[0]!.message).toMatch(/\b2\b/);
    const fixed = fixSource('list.md', source).output;
    expect(fixed).toContain('rowspan="2"');
    expect(fixed).not.toContain('999999999');
  });

  it('rowspan="999999999" on a cell of a one-row table body does not blow up the grid', () => {
    const source = ['<table>', '<tr><th>A</th><th>B</th></tr>', '<tr><td rowspan="999999999" colspan="999999999">x</td></tr>', '</table>', ''].join('\n');
    const { findings } = checkSource('list.md', source);
    expectSaneFindings(findings, source);
  });

  it('rowspan="abc": a clear finding (browsers read it as 1), no crash', () => {
    const source = table('abc');
    const { findings } = checkSource('list.md', source);
    expectSaneFindings(findings, source);
    // The table is wrong either way: the first row's "abc" span covers one row, so the next row is short.
    expect(findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['table-rowspan']));
  });

  it('<table><tr><td> with no end tags: html-unclosed-tag, no crash', () => {
    const source = '# List\n\n<table><tr><td><a href="https://a.example">A\n\n- [B](https://b.example) - B.\n';
    const { findings } = checkSource('list.md', source);
    expectSaneFindings(findings, source);
    expect(findings.some((f) => f.ruleId === 'html-unclosed-tag')).toBe(true);
  });

  it('an HTML comment that never ends: checked without crashing, and says so', () => {
    const source = '# List\n\n- [A](https://a.example) - A.\n\n<!-- TODO: sort these\n\n- [B](https://b.example) - B.\n- [B](https://b.example) - B.\n';
    const { findings } = checkSource('list.md', source);
    expectSaneFindings(findings, source);
    // The comment runs to the end of the file and hides the two duplicate entries after it:
    // something must point at the line where it opens.
    expect(findings.filter((f) => f.span.start.line === 5).map((f) => f.ruleId)).toEqual(['html-unclosed-tag']);
    expect(findings.find((f) => f.span.start.line === 5)!.message).toBe('HTML comment opened at 5:1 is never closed: everything after it is hidden — add --> where the comment should end');
    expect(fixSource('list.md', source).output).toBe(fixSource('list.md', fixSource('list.md', source).output).output);
  });
});
