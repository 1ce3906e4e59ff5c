/**
 * ATX headings for the parser's fast path: `## Text` at the first column, one space after the
 * `#`s, certain inline content (see fast-lines.ts) that does not end in `#` (a closing
 * sequence), preceded by the start of the file, a blank line or another heading line.
 * A heading closes itself, so anything may follow it. As for list runs, remark's tree of the
 * rest of the text must still prove each one.
 */
import type { Heading } from 'mdast';
import { betweenLists, blockBefore, inlineNodes, LineKind, point, type FastBlock, type Line } from './fast-lines.js';

/** The headings among scanned lines, in document order. */
export function findHeadings(source: string, lines: readonly Line[]): FastBlock[] {
  const headings: FastBlock[] = [];
  lines.forEach((line, i) => {
    if (line.kind !== LineKind.Heading || line.inline === undefined) return;
    const before = blockBefore(lines, i);
    if (before === undefined || betweenLists(source, lines, i, i + 1)) return;
    const number = i + 1;
    const build = (): Heading => ({
      type: 'heading',
      depth: line.depth as Heading['depth'],
      children: inlineNodes(line.inline!, number, line.start, line.start + line.depth! + 1),
      position: { start: point(number, line.start, line.start), end: point(number, line.start, line.end) },
    });
    headings.push({ kind: 'heading', start: line.start, end: line.end, firstLine: number, lastLine: number, before, after: 'any', build });
  });
  return headings;
}
