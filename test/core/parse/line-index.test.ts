import { describe, it, expect } from '@jest/globals';
import { LineIndex } from '../../../src/core/parse/line-index.js';

const where = (index: LineIndex, offset: number) => {
  const p = index.point(offset);
  return `${p.line}:${p.column}`;
};

describe('LineIndex', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('counts %s as a line ending', (_name, eol) => {
    const source = ['ab', 'cd', '', 'e'].join(eol);
    const index = new LineIndex(source);
    expect(index.lineCount).toBe(4);
    expect(where(index, source.indexOf('d'))).toBe('2:2');
    expect(where(index, source.indexOf('e'))).toBe('4:1');
    // A line's end includes its whole line ending (both characters of CRLF).
    expect(source.slice(index.lineStart(2), index.lineEnd(2))).toBe(`cd${eol}`);
  });

  it('reads mixed endings, and CR then LF as one ending only when adjacent', () => {
    const source = 'a\r\rb\r\nc\n\rd';
    const index = new LineIndex(source);
    expect(index.lineCount).toBe(6);
    expect(['a', 'b', 'c', 'd'].map((ch) => where(index, source.indexOf(ch)))).toEqual(['1:1', '3:1', '4:1', '6:1']);
  });

  it('wholeLineSpan takes a CR-only line with its ending', () => {
    const source = 'one\r- two\rthree';
    const index = new LineIndex(source);
    const span = index.wholeLineSpan(4, 9);
    expect(source.slice(span.start.offset, span.end.offset)).toBe('- two\r');
  });
});
