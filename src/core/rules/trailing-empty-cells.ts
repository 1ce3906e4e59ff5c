import type { TableRow } from '../model/types.js';
import type { TextEdit } from '../findings/types.js';

/**
 * The edit that removes the empty cells a GFM row has past the header's `width`, when every
 * one of them is empty: `| a | b | c | |` → `| a | b | c |`. It deletes from the pipe that
 * opens the first extra cell to the row's closing pipe, so the rest of the row stays byte for
 * byte. Undefined when an extra cell holds text, or the source is not exactly pipes and
 * blanks there (then the row is not what the cells say, and no edit is safe).
 */
export function trailingEmptyCellsEdit(source: string, row: TableRow, width: number): TextEdit | undefined {
  const extra = row.cells.slice(width);
  if (extra.length === 0 || extra.some((c) => c.text.trim() !== '')) return undefined;
  const start = extra[0]!.span.start.offset;
  const end = row.span.end.offset;
  if (source[start] !== '|' || source[start - 1] === '\\') return undefined;
  let pipes = 0;
  let lastPipe = -1;
  for (let i = start; i < end; i++) {
    const c = source[i];
    if (c === '|') {
      pipes++;
      lastPipe = i;
    } else if (c !== ' ' && c !== '\t') return undefined;
  }
  // One pipe opens each extra cell, and one closes the row.
  if (pipes !== extra.length + 1) return undefined;
  return { start, end: lastPipe, text: '' };
}
