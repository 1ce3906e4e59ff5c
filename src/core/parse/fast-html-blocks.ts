/**
 * Raw HTML blocks for the parser's fast path: a line that starts, at its first column, a
 * block-level tag such as `<table>`, `<div>` or `<details>` (CommonMark's HTML block of
 * type 6) opens an HTML block that runs to the next blank line or the end of the file, and
 * remark's node for it is its lines as written. Preceded by the start of the file, a blank
 * line or an ATX heading line. As for list runs, remark's tree of the rest of the text must
 * still prove each block.
 */
import type { Html } from 'mdast';
import { betweenLists, blockBefore, LineKind, point, type FastBlock, type Line } from './fast-lines.js';

/** Tags that open a type-6 HTML block (a subset of CommonMark's list, the ones lists use). */
const BLOCK_TAG = /^<\/?(?:table|thead|tbody|tfoot|tr|td|th|div|details|summary|p|ul|ol|li|dl|center|section|article|nav|figure|blockquote|h[1-6])(?:[ \t>]|\/>|$)/;

/** The HTML blocks among scanned lines, in document order. */
export function findHtmlBlocks(source: string, lines: readonly Line[]): FastBlock[] {
  const blocks: FastBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    if (first.kind === LineKind.Blank || source.charCodeAt(first.start) !== 60 /* < */) continue;
    if (!BLOCK_TAG.test(source.slice(first.start, Math.min(first.end, first.start + 14)))) continue;
    const before = blockBefore(lines, i);
    let j = i + 1;
    while (j < lines.length && lines[j]!.kind !== LineKind.Blank) j++;
    const last = lines[j - 1]!;
    // (remark replaces NUL characters in the value.)
    if (before !== undefined && !betweenLists(source, lines, i, j) && !source.slice(first.start, last.end).includes('\0')) {
      const firstLine = i + 1;
      const html = (): Html => ({
        type: 'html',
        value: source.slice(first.start, last.end),
        position: { start: point(firstLine, first.start, first.start), end: point(j, last.start, last.end) },
      });
      blocks.push({ kind: 'html', start: first.start, end: last.end, firstLine, lastLine: j, before, after: j === lines.length ? 'end' : 'blank', build: html });
    }
    i = j - 1;
  }
  return blocks;
}
