/**
 * Simple paragraphs for the parser's fast path: consecutive lines of certain inline content
 * (see fast-lines.ts), each from the first column and starting with a letter, a digit, a
 * link or an image (so that no line starts a block construct), preceded by the start of the file, a
 * blank line or an ATX heading line, and ended by the end of the file, a blank line or an
 * ATX heading line (anything else could continue or turn the paragraph into a heading).
 * As for list runs, remark's tree of the rest of the text must still prove each one.
 */
import type { Paragraph, PhrasingContent } from 'mdast';
import { betweenLists, blockAfter, blockBefore, inlineNodes, LineKind, partLength, point, runsOfKind, type FastBlock, type Line, type Point } from './fast-lines.js';

/** The paragraphs among scanned lines, in document order. */
export function findParagraphs(source: string, lines: readonly Line[]): FastBlock[] {
  const paragraphs: FastBlock[] = [];
  for (const [i, j] of runsOfKind(lines, LineKind.Text)) {
    const before = blockBefore(lines, i);
    const after = before === undefined ? undefined : blockAfter(source, lines, j, false, true);
    if (before !== undefined && after !== undefined && !betweenLists(source, lines, i, j)) {
      const paragraphLines = lines.slice(i, j);
      const firstLine = i + 1;
      paragraphs.push({
        kind: 'paragraph',
        start: lines[i]!.start,
        end: lines[j - 1]!.end,
        firstLine,
        lastLine: j,
        before,
        after,
        build: () => buildParagraph(paragraphLines, firstLine),
      });
    }
  }
  return paragraphs;
}

/** remark's paragraph: text runs on across line endings (`\n` in the value), links and images stay whole. */
function buildParagraph(lines: readonly Line[], firstLine: number): Paragraph {
  const children: PhrasingContent[] = [];
  let text: { value: string; start: Point } | undefined;
  const flush = (end: Point) => {
    if (text) children.push({ type: 'text', value: text.value, position: { start: text.start, end } });
    text = undefined;
  };
  lines.forEach((l, k) => {
    const line = firstLine + k;
    if (k > 0) {
      const prev = lines[k - 1]!;
      if (text) text.value += '\n';
      else text = { value: '\n', start: point(line - 1, prev.start, prev.end) };
    }
    let offset = l.start;
    for (const part of l.inline!) {
      if (part.kind === 'text') {
        if (text) text.value += part.text;
        else text = { value: part.text, start: point(line, l.start, offset) };
      } else {
        flush(point(line, l.start, offset));
        children.push(...inlineNodes([part], line, l.start, offset));
      }
      offset += partLength(part);
    }
  });
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  const lastLine = firstLine + lines.length - 1;
  flush(point(lastLine, last.start, last.end));
  return { type: 'paragraph', children, position: { start: point(firstLine, first.start, first.start), end: point(lastLine, last.start, last.end) } };
}
