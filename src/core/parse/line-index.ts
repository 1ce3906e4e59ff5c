import type { Point, Span } from '../model/types.js';

/**
 * Converts 0-based offsets into 1-based line/column points of one source text. Lines end
 * as CommonMark says: `\n`, `\r\n` or a lone `\r` (old Mac files have only those).
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly source: string) {
    if (!source.includes('\r')) {
      for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
      return;
    }
    const length = source.length;
    for (let i = 0; i < length; i++) {
      const code = source.charCodeAt(i);
      if (code === 10) this.lineStarts.push(i + 1);
      else if (code === 13) {
        if (source.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  point(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, this.source.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - this.lineStarts[lo]! + 1, offset: clamped };
  }

  span(start: number, end: number): Span {
    return { start: this.point(start), end: this.point(end) };
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))]!;
  }

  /** Offset just past the newline that ends a 1-based line (or the end of the text). */
  lineEnd(line: number): number {
    return line < this.lineStarts.length ? this.lineStarts[line]! : this.source.length;
  }

  /**
   * The span to delete to remove [start, end) together with its lines, when nothing else
   * stands on those lines; otherwise just [start, end).
   */
  wholeLineSpan(start: number, end: number): Span {
    const first = this.point(start).line;
    const last = this.point(Math.max(start, end - 1)).line;
    const lineFrom = this.lineStart(first);
    const lineTo = this.lineEnd(last);
    const before = this.source.slice(lineFrom, start);
    const after = this.source.slice(end, lineTo);
    if (before.trim() === '' && after.trim() === '') return this.span(lineFrom, lineTo);
    return this.span(start, end);
  }
}
