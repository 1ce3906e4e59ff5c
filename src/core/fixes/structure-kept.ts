import type { TextEdit } from '../findings/types.js';
import type { Link, ListDocument, Span, TableRow } from '../model/types.js';

/**
 * `span` lies wholly inside what an edit replaces (a deleted entry, a removed row) — not an
 * edit of the URL alone, which for a bare URL is the whole link (`within`).
 */
function replacedBy(edits: readonly TextEdit[], span: Span, within?: Span): boolean {
  return edits.some(
    (e) => e.end > e.start && e.start <= span.start.offset && span.end.offset <= e.end && !(within && within.start.offset <= e.start && e.end <= within.end.offset),
  );
}

/**
 * The URL a link should hold after the edits: its written URL with the edits inside it
 * applied (`&amp;` read as `&`, as the parser reads it); undefined when an edit crosses
 * the URL's edge, so nothing can be expected of it.
 */
function expectedUrl(source: string, link: Link, edits: readonly TextEdit[]): string | undefined {
  const url = link.urlSpan;
  if (!url) return link.url;
  const start = url.start.offset;
  const end = url.end.offset;
  const touching = edits.filter((e) => e.start < end && e.end > start || (e.start === e.end && e.start > start && e.start < end));
  if (touching.length === 0) return link.url;
  if (touching.some((e) => e.start < start || e.end > end)) return undefined;
  let raw = '';
  let at = start;
  for (const edit of [...touching].sort((a, b) => a.start - b.start)) {
    raw += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  raw += source.slice(at, end);
  return raw.replace(/&amp;/g, '&');
}

function rowsOf(doc: ListDocument): TableRow[] {
  const rows: TableRow[] = [];
  for (const table of doc.tables) for (const row of [...table.headerRows, ...table.bodyRows]) rows.push(row);
  return rows;
}

/**
 * How many empty cells at the end of a row a deletion removes (`| a | b | |` → `| a | b |`:
 * the cell's opening pipe lies inside the deleted text). Other cells must stay.
 */
function emptyCellsRemoved(row: TableRow, edits: readonly TextEdit[]): number {
  let removed = 0;
  for (let i = row.cells.length - 1; i >= 0; i--) {
    const cell = row.cells[i]!;
    const at = cell.span.start.offset;
    if (cell.text.trim() !== '' || !edits.some((e) => e.text === '' && e.start <= at && at < e.end && e.end <= row.span.end.offset)) break;
    removed++;
  }
  return removed;
}

/** Whether an edit lies inside a link's URL (a URL rewrite, checked exactly by `expectedUrl`). */
function insideUrl(links: readonly Link[], edit: TextEdit): boolean {
  return links.some((link) => link.urlSpan !== undefined && link.urlSpan.start.offset <= edit.start && edit.end <= link.urlSpan.end.offset);
}

const linkKey = (link: { url: string; syntax: Link['syntax']; isImage: boolean }) => `${link.syntax}\u0000${link.isImage ? 1 : 0}\u0000${link.url}`;

/**
 * Whether text edits kept the document's structure: every link that was not deleted is
 * still there, in the same syntax, with the same URL (or, where an edit was inside its URL,
 * exactly the URL the edit wrote); the only new links are those an edit wrote outside any
 * URL (a moved entry, an added contents line: `linksIn` reads them from the edit's text),
 * and every table row that was not deleted has as many cells as before (less the empty
 * cells at its end that an edit deleted). A URL that Markdown reads as more syntax (a `)`
 * closing the link early, a `|` splitting a table row) fails this. Without such written links the order of the links must be kept too.
 *
 * `edits` are the applied edits in `before`'s coordinates.
 */
export function structureKept(before: ListDocument, after: ListDocument, edits: readonly TextEdit[], linksIn?: (text: string) => readonly Link[]): boolean {
  const expected: { url: string; syntax: Link['syntax']; isImage: boolean }[] = [];
  for (const link of before.links) {
    if (replacedBy(edits, link.span, link.urlSpan)) continue;
    const url = expectedUrl(before.source, link, edits);
    if (url === undefined) return false;
    expected.push({ url, syntax: link.syntax, isImage: link.isImage });
  }
  let wrote = 0;
  // Text written back that another edit deleted (a moved entry) brings back the links it had, as
  // the document read them (a reference badge needs its definition, which the text alone lacks).
  const moved = (edit: TextEdit) => edits.find((d) => d !== edit && d.text === '' && d.end - d.start === edit.text.length && before.source.slice(d.start, d.end) === edit.text);
  for (const edit of edits) {
    const from = edit.text === '' ? undefined : moved(edit);
    if (!from) continue;
    for (const link of before.links) {
      if (link.span.start.offset < from.start || link.span.end.offset > from.end) continue;
      expected.push({ url: link.url, syntax: link.syntax, isImage: link.isImage });
      wrote++;
    }
  }
  if (linksIn) {
    for (const edit of edits) {
      if (edit.text === '' || insideUrl(before.links, edit) || !/[[<:]/.test(edit.text) || moved(edit)) continue;
      for (const link of linksIn(edit.text)) {
        expected.push({ url: link.url, syntax: link.syntax, isImage: link.isImage });
        wrote++;
      }
    }
  }
  if (after.links.length !== expected.length) return false;
  if (wrote > 0) {
    const want = expected.map(linkKey).sort();
    const got = after.links.map(linkKey).sort();
    if (want.some((key, i) => key !== got[i])) return false;
  } else {
    for (let i = 0; i < expected.length; i++) {
      const want = expected[i]!;
      const got = after.links[i]!;
      if (got.url !== want.url || got.syntax !== want.syntax || got.isImage !== want.isImage) return false;
    }
  }
  const cellsBefore = rowsOf(before).filter((row) => !replacedBy(edits, row.span)).map((row) => row.cells.length - emptyCellsRemoved(row, edits));
  const cellsAfter = rowsOf(after).map((row) => row.cells.length);
  return cellsBefore.length === cellsAfter.length && cellsBefore.every((n, i) => n === cellsAfter[i]);
}
