/**
 * A verified fast path for parsing awesome lists. Simple blocks — list runs
 * (fast-list-runs.ts), pipe tables (fast-tables.ts), HTML blocks (fast-html-blocks.ts),
 * paragraphs (fast-paragraphs.ts) and headings (fast-headings.ts) — are found by lines and taken out of the text (each
 * leaves one empty line); remark parses the rest; the rest's points are mapped back to the
 * whole text; and each block's mdast, built directly, is put back in document order.
 *
 * remark stays the parser of record: a block is only taken when remark's tree of the rest
 * proves it stands alone at the top level — no node of the rest overlaps its lines (it is
 * not inside a code fence, an HTML block or a container); the block before it is the
 * heading on the line just above it or, after a blank line, neither a list it would join
 * nor indented code (after which remark reads the next lines differently); and a heading
 * line that ends it is a top-level heading (or a heading block taken with it). A block that fails is put back and the text
 * parsed again; after a few rounds, the whole text is parsed as it is.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { LineKind, looksLikeListLine, scanLines, type FastBlock, type Line } from './fast-lines.js';
import { findListRuns } from './fast-list-runs.js';
import { findTables } from './fast-tables.js';
import { findHtmlBlocks } from './fast-html-blocks.js';
import { findParagraphs } from './fast-paragraphs.js';
import { findHeadings } from './fast-headings.js';

/** Rounds of "put the failed blocks back and parse again" before giving up on the fast path. */
const MAX_ROUNDS = 3;

/**
 * Parses `source` with `parse` (remark), taking simple blocks by the fast path.
 * The tree is the one `parse(source)` gives, positions included.
 */
export function parseWithFastBlocks(source: string, parse: (text: string) => Root): Root {
  return parseTakingBlocks(source, parse).tree;
}

/**
 * The simple blocks of a text, found by lines (not yet proved), in document order. Where
 * blocks overlap (a heading and a list run inside an HTML block), only the first, outer one
 * is kept.
 */
export function findFastBlocks(source: string): FastBlock[] {
  return findBlocksIn(source, scanLines(source));
}

function findBlocksIn(source: string, lines: readonly Line[]): FastBlock[] {
  if (lines.length === 0) return [];
  const found = [...findHtmlBlocks(source, lines), ...findListRuns(source, lines), ...findTables(source, lines), ...findParagraphs(source, lines), ...findHeadings(source, lines)].sort((a, b) => a.start - b.start);
  let blocks: FastBlock[] = [];
  for (const block of found) {
    const last = blocks[blocks.length - 1];
    if (last === undefined || block.firstLine > last.lastLine) blocks.push(block);
  }
  // Taking blocks out must not leave two lists with only blank lines between them (they
  // would merge): a block whose nearest lines left in the text on both sides look like list
  // lines is left in, until no such block remains.
  for (let changed = true; changed; ) {
    changed = false;
    const taken = new Uint8Array(lines.length);
    for (const block of blocks) taken.fill(1, block.firstLine - 1, block.lastLine);
    const isKept = (k: number) => taken[k] === 0 && lines[k]!.kind !== LineKind.Blank;
    // The nearest kept line at or before / at or after each line, in two passes (a walk per
    // block would cross every taken block between: quadratic when nearly all are taken).
    const keptBefore = new Int32Array(lines.length);
    for (let k = 0, last = -1; k < lines.length; k++) keptBefore[k] = last = isKept(k) ? k : last;
    const keptAfter = new Int32Array(lines.length);
    for (let k = lines.length - 1, next = lines.length; k >= 0; k--) keptAfter[k] = next = isKept(k) ? k : next;
    const kept = blocks.filter((block) => {
      const before = block.firstLine >= 2 ? keptBefore[block.firstLine - 2]! : -1;
      const after = block.lastLine < lines.length ? keptAfter[block.lastLine]! : lines.length;
      return !(looksLikeListLine(source, lines[before]) && looksLikeListLine(source, lines[after]));
    });
    changed = kept.length !== blocks.length;
    blocks = kept;
  }
  return blocks;
}

/** {@link parseWithFastBlocks}, also telling which blocks the fast path took (for tests and measurements). */
export function parseTakingBlocks(source: string, parse: (text: string) => Root): { tree: Root; taken: FastBlock[] } {
  const lines = scanLines(source);
  const lineCount = lines.length;
  let blocks = findBlocksIn(source, lines);
  for (let round = 0; round < MAX_ROUNDS && blocks.length > 0; round++) {
    const reduced = removeBlocks(source, blocks);
    const rest = parse(reduced.text);
    mapPointsBack(rest, reduced.removals, reduced.text.length, source, lineCount);
    const failed = failedBlocks(rest.children, blocks, source);
    if (failed === undefined) return { tree: withBlocks(rest, blocks), taken: blocks };
    blocks = blocks.filter((block) => !failed.has(block));
  }
  return { tree: parse(source), taken: [] };
}

/**
 * Where a block was taken out of the text: the line that stands for it in the shorter text,
 * and the lines and characters removed up to and including it.
 */
interface Removal {
  line: number;
  linesSoFar: number;
  charsSoFar: number;
}

/**
 * The text with each block replaced by one empty line (a blank line, as the block's own
 * lines were separated from the rest). Everything else keeps its columns, and a point after
 * a block maps back by adding the lines and characters removed up to that block.
 */
function removeBlocks(source: string, blocks: readonly FastBlock[]): { text: string; removals: Removal[] } {
  const parts: string[] = [];
  const removals: Removal[] = [];
  let at = 0;
  let lines = 0;
  let chars = 0;
  for (const block of blocks) {
    parts.push(source.slice(at, block.start));
    const line = block.firstLine - lines;
    lines += block.lastLine - block.firstLine;
    chars += block.end - block.start;
    removals.push({ line, linesSoFar: lines, charsSoFar: chars });
    at = block.end;
  }
  parts.push(source.slice(at));
  return { text: parts.join(''), removals };
}

/**
 * Moves every point of the rest's tree back to the whole text: a point on a line after a
 * block's line moves down by the lines removed up to that block, and on by its characters;
 * the root ends where the whole text ends. (A point on a block's own line belongs to a node
 * that overlaps the block, which is then refused.) Columns need no change.
 */
function mapPointsBack(rest: Root, removals: readonly Removal[], restLength: number, source: string, lineCount: number): void {
  // (A point object two nodes share is moved once.)
  const moved = new Set<object>();
  const map = (point: { line: number; offset?: number | undefined }): void => {
    if (moved.has(point)) return;
    moved.add(point);
    let lo = 0;
    let hi = removals.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (removals[mid]!.line < point.line) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return;
    const removal = removals[lo - 1]!;
    point.line += removal.linesSoFar;
    if (point.offset !== undefined) point.offset += removal.charsSoFar;
  };
  const stack: Nodes[] = [...rest.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.position) {
      map(node.position.start);
      map(node.position.end);
    }
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  const end = rest.position?.end;
  if (end && end.offset === restLength) {
    end.line = lineCount;
    end.offset = source.length;
    end.column = source.length - source.lastIndexOf('\n', source.length - 1);
  } else if (end) map(end);
}

/** First and last line of a node. */
function linesOf(node: RootContent): [number, number] {
  return [node.position?.start.line ?? Number.NaN, node.position?.end.line ?? Number.NaN];
}

/** Whether a node is an indented code block (a code node whose line does not open a fence). */
function isIndentedCode(node: RootContent, source: string): boolean {
  if (node.type !== 'code') return false;
  const start = node.position!.start;
  const lineStart = start.offset! - (start.column - 1);
  return !/^ {0,3}(?:```|~~~)/.test(source.slice(lineStart, lineStart + 6));
}

/**
 * The blocks that the rest's top-level nodes do not prove to stand alone, or undefined when
 * all do. Blocks fill whole lines, so overlaps are decided on line numbers.
 */
function failedBlocks(top: readonly RootContent[], blocks: readonly FastBlock[], source: string): Set<FastBlock> | undefined {
  if (top.some((node) => linesOf(node).some(Number.isNaN))) return new Set(blocks);
  const failed = new Set<FastBlock>();
  // A block may stand next to another block taken out (a heading above a list run): it is
  // then proved only if that one is, and fails with it.
  const leansOn = new Map<FastBlock, FastBlock[]>();
  const leanOn = (block: FastBlock, other: FastBlock) => leansOn.set(other, [...(leansOn.get(other) ?? []), block]);
  const isHeadingNode = (node: RootContent | undefined, line: number) =>
    node !== undefined && node.type === 'heading' && linesOf(node)[0] === line && linesOf(node)[1] === line && node.position!.start.column === 1;
  let index = 0;
  blocks.forEach((block, b) => {
    while (index < top.length && linesOf(top[index]!)[1] < block.firstLine) index++;
    const prev = index > 0 ? top[index - 1] : undefined;
    const next = top[index];
    const prevBlock = b > 0 ? blocks[b - 1] : undefined;
    const nextBlock = blocks[b + 1];
    // What stands before and after the block in the whole text: a node of the rest, or a block.
    const before = prevBlock !== undefined && (prev === undefined || linesOf(prev)[1] < prevBlock.firstLine) ? prevBlock : prev;
    const after = nextBlock !== undefined && (next === undefined || linesOf(next)[0] > nextBlock.lastLine) ? nextBlock : next;
    let ok = next === undefined || linesOf(next)[0] > block.lastLine;
    if (block.before === 'heading') {
      // The heading line above must be a top-level heading (not inside a block quote,
      // a list item, an HTML block or a fence).
      if (before === prevBlock && prevBlock !== undefined) {
        ok &&= prevBlock.kind === 'heading' && prevBlock.lastLine === block.firstLine - 1;
        leanOn(block, prevBlock);
      } else ok &&= isHeadingNode(prev, block.firstLine - 1);
    } else if (before === prevBlock && prevBlock !== undefined) {
      // After a blank line, a list run would join a list run before it.
      ok &&= block.kind !== 'list' || prevBlock.kind !== 'list';
      leanOn(block, prevBlock);
    } else {
      // After a blank line, a list before would take a list run in as its next items; and
      // after indented code, remark reads what follows blank lines as interrupting the code
      // (`2) x` is then no list), so taking a block out from behind it could change the rest.
      ok &&= prev === undefined || ((block.kind !== 'list' || prev.type !== 'list') && !isIndentedCode(prev, source));
    }
    if (block.after === 'heading') {
      if (after === nextBlock && nextBlock !== undefined) {
        ok &&= nextBlock.kind === 'heading' && nextBlock.firstLine === block.lastLine + 1;
        leanOn(block, nextBlock);
      } else ok &&= isHeadingNode(next, block.lastLine + 1);
    }
    if (!ok) failed.add(block);
  });
  for (let changed = true; changed; ) {
    changed = false;
    for (const [other, dependents] of leansOn) {
      if (!failed.has(other)) continue;
      for (const dependent of dependents) {
        if (failed.has(dependent)) continue;
        failed.add(dependent);
        changed = true;
      }
    }
  }
  return failed.size === 0 ? undefined : failed;
}

/** The rest's tree with each block's node inserted among its top-level nodes in document order. */
function withBlocks(rest: Root, blocks: readonly FastBlock[]): Root {
  const children: RootContent[] = [];
  let index = 0;
  for (const block of blocks) {
    while (index < rest.children.length && linesOf(rest.children[index]!)[0] < block.firstLine) children.push(rest.children[index++]!);
    children.push(block.build());
  }
  while (index < rest.children.length) children.push(rest.children[index++]!);
  rest.children = children;
  return rest;
}
