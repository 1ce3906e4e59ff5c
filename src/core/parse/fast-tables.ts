/**
 * Simple pipe tables for the parser's fast path: a header row, a delimiter row and body
 * rows, every row written `| a | b |` (leading and trailing pipe, no escaped pipes) with the
 * header's number of cells, every cell empty or certain inline content (see fast-lines.ts);
 * preceded by the start of the file, a blank line or an ATX heading line, and followed by
 * the end of the file or a blank line (any other line would continue the table).
 * As for list runs, remark's tree of the rest of the text must still prove each table.
 */
import type { AlignType, PhrasingContent, Table, TableCell, TableRow } from 'mdast';
import { betweenLists, blockAfter, blockBefore, inlineNodes, LineKind, point, readInline, runsOfKind, type FastBlock, type InlinePart, type Line } from './fast-lines.js';

const DELIMITER_CELL = /^ *(:?)-+(:?) *$/;

interface Cell {
  /** Offsets of the cell's leading pipe and of the next pipe. */
  pipe: number;
  nextPipe: number;
  /** Offset where the content starts (after its leading spaces). */
  contentStart: number;
  inline: InlinePart[] | undefined;
}

/** The cells of a pipe row, or undefined when one of them is not certain. */
function readRow(source: string, line: Line): Cell[] | undefined {
  const cells: Cell[] = [];
  let pipe = line.start;
  while (pipe < line.end - 1) {
    const nextPipe = source.indexOf('|', pipe + 1);
    let a = pipe + 1;
    let b = nextPipe;
    while (a < b && source.charCodeAt(a) === 32) a++;
    while (b > a && source.charCodeAt(b - 1) === 32) b--;
    let inline: InlinePart[] | undefined;
    if (a < b) {
      inline = readInline(source.slice(a, b));
      if (inline === undefined) return undefined;
    }
    cells.push({ pipe, nextPipe, contentStart: a, inline });
    pipe = nextPipe;
  }
  return cells;
}

function readAlign(source: string, line: Line): AlignType[] | undefined {
  const cells = source.slice(line.start + 1, line.end - 1).split('|');
  const align: AlignType[] = [];
  for (const cell of cells) {
    const m = DELIMITER_CELL.exec(cell);
    if (!m) return undefined;
    align.push(m[1] && m[2] ? 'center' : m[1] ? 'left' : m[2] ? 'right' : null);
  }
  return align;
}

/** The simple tables among scanned lines, in document order. */
export function findTables(source: string, lines: readonly Line[]): FastBlock[] {
  const tables: FastBlock[] = [];
  for (const [i, j] of runsOfKind(lines, LineKind.PipeRow)) {
    const table = j - i >= 2 ? readTable(source, lines, i, j) : undefined;
    if (table) tables.push(table);
  }
  return tables;
}

function readTable(source: string, lines: readonly Line[], i: number, j: number): FastBlock | undefined {
  const before = blockBefore(lines, i);
  if (before === undefined || betweenLists(source, lines, i, j)) return undefined;
  const after = blockAfter(source, lines, j, false, false);
  if (after === undefined) return undefined;
  const align = readAlign(source, lines[i + 1]!);
  if (align === undefined) return undefined;
  const rows: { line: Line; number: number; cells: Cell[] }[] = [];
  for (let k = i; k < j; k++) {
    if (k === i + 1) continue;
    const cells = readRow(source, lines[k]!);
    if (cells === undefined || cells.length !== align.length) return undefined;
    rows.push({ line: lines[k]!, number: k + 1, cells });
  }
  const firstLine = i + 1;
  return {
    kind: 'table',
    start: lines[i]!.start,
    end: lines[j - 1]!.end,
    firstLine,
    lastLine: j,
    before,
    after,
    build: () => buildTable(rows, align, { line: j, lineStart: lines[j - 1]!.start, end: lines[j - 1]!.end }),
  };
}

/** `last`: the table's last line (the delimiter row when there is no body row), where it ends. */
function buildTable(rows: readonly { line: Line; number: number; cells: Cell[] }[], align: AlignType[], last: { line: number; lineStart: number; end: number }): Table {
  const children: TableRow[] = rows.map(({ line, number, cells }) => ({
    type: 'tableRow',
    children: cells.map((cell, c): TableCell => {
      // A cell reaches from its pipe to the next one; the last one takes its closing pipe in.
      const end = c === cells.length - 1 ? line.end : cell.nextPipe;
      const kids: PhrasingContent[] = cell.inline ? inlineNodes(cell.inline, number, line.start, cell.contentStart) : [];
      return { type: 'tableCell', children: kids, position: { start: point(number, line.start, cell.pipe), end: point(number, line.start, end) } };
    }),
    position: { start: point(number, line.start, line.start), end: point(number, line.start, line.end) },
  }));
  const first = rows[0]!;
  return {
    type: 'table',
    align,
    children,
    position: { start: point(first.number, first.line.start, first.line.start), end: point(last.line, last.lineStart, last.end) },
  };
}
