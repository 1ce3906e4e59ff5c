import type { Span } from '../core/model/types.js';

/**
 * The first and last line a span covers. A span that ends at column 1 of a later line
 * (a whole-line span that takes the newline with it) does not cover that later line.
 */
export function spanLines(span: Span): { first: number; last: number } {
  const first = span.start.line;
  let last = span.end.line;
  if (last > first && span.end.column === 1) last -= 1;
  return { first, last: Math.max(first, last) };
}
