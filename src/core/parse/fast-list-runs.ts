/**
 * Simple list runs — the bulk of an awesome list — for the parser's fast path: blocks of
 * consecutive list item lines, each exactly `- [Text](url)` with optional plain text after
 * it, or `- Plain text` (see fast-lines.ts for what is certain), at the first column with
 * one bullet character, or indented by two spaces a level under one of them (nested lists,
 * one bullet character for each), preceded by the start of the file, a blank line or an ATX
 * heading line, and ended by the end of the file, an ATX heading line, or a blank line after
 * which nothing continues the list.
 *
 * Finding a run by lines is only half the proof: whether it really is a top-level list
 * depends on what comes before it (an open code fence, HTML block or list) — that is
 * checked against remark's tree of the rest of the text by fast-markdown-tree.ts.
 */
import type { List, ListItem, Paragraph } from 'mdast';
import { blockAfter, blockBefore, followsList, inlineNodes, LineKind, point, type FastBlock, type Line, type Point } from './fast-lines.js';

/** The list runs among scanned lines, in document order. */
export function findListRuns(source: string, lines: readonly Line[]): FastBlock[] {
  const runs: FastBlock[] = [];
  for (let i = 0; i < lines.length; ) {
    const first = lines[i]!;
    if (first.kind !== LineKind.Entry || first.indent !== 0) {
      i++;
      continue;
    }
    // Each item is at most one level deeper than the one before it (two spaces a level); the
    // items of one list, at one level under one parent, share one bullet.
    const bullets: string[] = [first.bullet!];
    let j = i + 1;
    for (; j < lines.length && lines[j]!.kind === LineKind.Entry; j++) {
      const line = lines[j]!;
      const depth = line.indent! / 2;
      if (depth > bullets.length) break;
      if (depth === bullets.length) bullets.push(line.bullet!);
      else {
        bullets.length = depth + 1;
        if (bullets[depth] !== line.bullet) break;
      }
    }
    let before = blockBefore(lines, i);
    if (before === 'blank' && followsList(source, lines, i)) before = undefined;
    const after = before === undefined ? undefined : blockAfter(source, lines, j, true, true);
    if (before !== undefined && after !== undefined) {
      const runLines = lines.slice(i, j);
      const firstLine = i + 1;
      runs.push({ kind: 'list', start: first.start, end: lines[j - 1]!.end, firstLine, lastLine: j, before, after, build: () => runToList(runLines, firstLine) });
    }
    i = j;
  }
  return runs;
}

/**
 * The mdast list remark builds for a run: a tight bullet list of one-paragraph items, an
 * item followed by deeper items holding them as a nested tight list.
 */
function runToList(lines: readonly Line[], firstLine: number): List {
  const newList = (start: Point): List => ({ type: 'list', ordered: false, start: null, spread: false, children: [], position: { start, end: start } });
  const top = newList(point(firstLine, lines[0]!.start, lines[0]!.start));
  // The open items, one a level: each with the list it holds, once it has one.
  const open: { item: ListItem; nested?: List }[] = [];
  lines.forEach((l, k) => {
    const line = firstLine + k;
    const bullet = l.start + l.indent!;
    const at = (offset: number) => point(line, l.start, offset);
    const children = inlineNodes(l.inline!, line, l.start, bullet + 2);
    const paragraph: Paragraph = { type: 'paragraph', children, position: { start: at(bullet + 2), end: at(l.end) } };
    const item: ListItem = { type: 'listItem', spread: false, checked: null, children: [paragraph], position: { start: at(bullet), end: at(l.end) } };
    const depth = l.indent! / 2;
    open.length = depth;
    let list = top;
    if (depth > 0) {
      const parent = open[depth - 1]!;
      if (parent.nested === undefined) {
        parent.nested = newList(at(bullet));
        parent.item.children.push(parent.nested);
      }
      list = parent.nested;
    }
    list.children.push(item);
    // The item ends every list and item it is in.
    list.position!.end = at(l.end);
    for (const o of open) {
      o.item.position!.end = at(l.end);
      if (o.nested) o.nested.position!.end = at(l.end);
    }
    top.position!.end = at(l.end);
    open.push({ item });
  });
  return top;
}
