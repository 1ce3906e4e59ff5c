import type { Finding, TextEdit } from '../findings/types.js';
import type { ListDocument, Span, TableCell, TableRow } from '../model/types.js';
import type { LineIndex } from '../parse/line-index.js';

/** A certain fix left out because it would change a line that carries none of its finding. */
export interface RefusedFix {
  finding: Finding;
  /** The first line (1-based, in the text the fix was made for) it would have changed. */
  line: number;
}

interface LineRange {
  first: number;
  last: number;
}

const endsLine = (text: string) => text.endsWith('\n') || text.endsWith('\r');

/**
 * The lines of the text an edit changes, or undefined when it changes none: text added as
 * whole lines between two lines (a contents line, a moved entry) changes no line that is
 * there. An edit that takes a line break away joins the next line, which changes too.
 */
export function linesChanged(lines: LineIndex, edit: TextEdit): LineRange | undefined {
  const first = lines.point(edit.start).line;
  const endLine = lines.point(edit.end).line;
  const endsAtLineStart = edit.end > edit.start && lines.lineStart(endLine) === edit.end;
  const startsAtLineStart = lines.lineStart(first) === edit.start;
  // Whole lines replaced by whole lines (or by nothing): the lines replaced are the change.
  if (startsAtLineStart && (edit.start === edit.end || endsAtLineStart) && (edit.text === '' || endsLine(edit.text))) {
    return edit.start === edit.end ? undefined : { first, last: endLine - 1 };
  }
  // A line break replaced by a line break: the line after it stays as it was.
  const last = endsAtLineStart && endsLine(edit.text) ? endLine - 1 : endLine;
  return { first, last };
}

/** The lines a finding is on (a span that ends at the start of a line does not reach into it). */
function linesOf(span: Span): LineRange {
  const last = span.end.line > span.start.line && span.end.column === 1 ? span.end.line - 1 : span.end.line;
  return { first: span.start.line, last };
}

const contains = (span: Span, offset: number) => span.start.offset <= offset && (offset < span.end.offset || offset === span.start.offset);
const isSpan = (span: Span, edit: TextEdit) => span.start.offset === edit.start && span.end.offset === edit.end;

function* rowsOf(doc: ListDocument): Generator<TableRow> {
  for (const table of doc.tables) {
    yield* table.headerRows;
    yield* table.bodyRows;
  }
}

/**
 * The edit deletes, whole, the entry or table row the finding is on (its removal span) and
 * nothing else: no other entry stands in what it deletes. A duplicate entry's lines go
 * with it, though its finding is on its link.
 */
function deletesWhatItIsOn(doc: ListDocument, finding: Finding, edit: TextEdit): boolean {
  if (edit.text !== '') return false;
  const at = finding.span.start.offset;
  const inside = (other: { span: Span }) => edit.start <= other.span.start.offset && other.span.start.offset < edit.end;
  for (const entry of doc.entries) {
    if (!contains(entry.span, at) || !isSpan(entry.removalSpan, edit)) continue;
    if (!doc.entries.some((other) => other !== entry && inside(other))) return true;
  }
  for (const row of rowsOf(doc)) {
    if (!contains(row.span, at) || !isSpan(row.removalSpan, edit)) continue;
    if (doc.entries.every((other) => !inside(other) || (other.container.kind === 'table' && other.container.row === row))) return true;
  }
  return false;
}

/**
 * The edit shortens the rowspan of a cell that reaches into a row another edit of the same
 * fix deletes (the cell keeps covering the rows it covered but that one).
 */
function shortensRowspanOverDeletedRow(doc: ListDocument, edits: readonly TextEdit[], edit: TextEdit): boolean {
  const value = /^(?:="?)?(\d{1,9})"?$/.exec(edit.text)?.[1];
  if (value === undefined) return false;
  for (const table of doc.tables) {
    for (const row of table.bodyRows) {
      const deleted = edits.some((d) => d !== edit && d.text === '' && d.start <= row.span.start.offset && row.span.end.offset <= d.end);
      if (!deleted) continue;
      for (const cell of new Set(row.grid)) {
        if (!cell || cell.rowIndex >= row.index || !isRowspanOf(cell, edit)) continue;
        const written = /\d+/.exec(cell.rowspanAttr!.raw)?.[0];
        if (Number(value) < (written === undefined ? cell.rowspan : Number(written))) return true;
      }
    }
  }
  return false;
}

function isRowspanOf(cell: TableCell, edit: TextEdit): boolean {
  const attr = cell.rowspanAttr;
  return attr !== undefined && attr.valueSpan.start.offset <= edit.start && edit.end <= attr.valueSpan.end.offset;
}

/**
 * The first line a finding's certain fix would change that carries none of the finding
 * (undefined when the fix stays on its lines). The fix may change the lines of the finding's
 * span; beyond them, only what deleting the thing it is on takes along, checked against the
 * document rather than taken from the rule: the entry's or table row's own lines (deleted
 * whole), and the rowspan of a cell above that covered a deleted row (shortened). Whole
 * lines added between lines change no line.
 *
 * `doc` is asked for only when an edit reaches past the finding's lines.
 */
export function lineOutsideFinding(lines: LineIndex, finding: Finding, doc: () => ListDocument | undefined): number | undefined {
  const own = linesOf(finding.span);
  const edits = finding.fix?.edits ?? [];
  for (const edit of edits) {
    const changed = linesChanged(lines, edit);
    if (!changed || (own.first <= changed.first && changed.last <= own.last)) continue;
    const parsed = doc();
    if (parsed && (deletesWhatItIsOn(parsed, finding, edit) || shortensRowspanOverDeletedRow(parsed, edits, edit))) continue;
    return changed.first < own.first ? changed.first : Math.max(changed.first, own.last + 1);
  }
  return undefined;
}
