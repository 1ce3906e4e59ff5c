import type { Entry, Span } from '../model/types.js';

/**
 * The first line of an entry (a list item's own line, without its nested items): style
 * findings point there, so a pull request that adds a child under an entry is not held
 * to the entry's own format.
 */
export function entryLineSpan(source: string, entry: Entry): Span {
  const start = entry.span.start;
  const newline = source.indexOf('\n', start.offset);
  const endOffset = Math.min(newline === -1 ? source.length : newline, entry.span.end.offset);
  if (endOffset <= start.offset) return entry.span;
  return { start, end: { line: start.line, column: start.column + (endOffset - start.offset), offset: endOffset } };
}
