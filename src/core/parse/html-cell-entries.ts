import type { DefaultTreeAdapterMap } from 'parse5';
import type { Entry, Link, Section, Table, TableCell } from '../model/types.js';
import type { LineIndex } from './line-index.js';
import type { HtmlFragment } from './html-fragment.js';
import { IMAGE_TAGS, type LinePiece } from './line-pieces.js';
import { visibleText } from './html-line-entries.js';
import { dropSeparator, isLeadIn } from './lead-in.js';
import { collapse, linksWithin, nameRun } from './line-entries.js';
import { readsAsSponsored } from '../text/sponsor-words.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface CellContext {
  fragment: HtmlFragment;
  lines: LineIndex;
  /** Links of the region, sorted by start. */
  links: readonly Link[];
  sectionAt(offset: number): Section;
}

/** Content that makes a cell more than one entry (a nested table or list). */
const NOT_IN_ENTRY = new Set(['table', 'ul', 'ol', 'dl', 'details', 'pre', 'textarea', 'select', 'script', 'style', 'template']);

/**
 * Entries of an HTML table laid out as a grid of entries: no header naming columns, no
 * rowspan or colspan, rows of two or more cells, and every non-blank cell one entry that starts
 * (after images, `<br>` and bullets) with a link to a page: `<td><a href="…"><img …></a><br><a
 * href="…">Name</a><br>what it is</td>`. A column whose cells repeat one name ("Docs",
 * "GitHub") is a column of links, not entries: then the table is not a grid. Undefined when
 * the table is not a grid (its rows are its entries, see `entriesFromTable`).
 */
export function gridCellEntries(table: Table, element: Element, ctx: CellContext): Entry[] | undefined {
  if (table.bodyRows.length === 0 || table.columns.some((c) => c.trim() !== '')) return undefined;
  // A grid of sponsors' logos and names is attribution, not entries.
  if (readsAsSponsored(table.section.title)) return undefined;
  const rows = [...table.headerRows, ...table.bodyRows];
  if (rows.some((r) => r.cells.some((c) => c.rowspan !== 1 || c.colspan !== 1))) return undefined;
  if (!table.bodyRows.some((r) => r.cells.length >= 2)) return undefined;
  const cellElements = new Map<number, Element>();
  collectCells(ctx.fragment, element, cellElements);
  const linkAt = new Map<number, Link>();
  for (const link of ctx.links) if (!linkAt.has(link.span.start.offset)) linkAt.set(link.span.start.offset, link);
  const entries: Entry[] = [];
  const namesByColumn = new Map<number, Set<string>>();
  for (const row of table.bodyRows) {
    for (const cell of row.cells) {
      if (cell.text === '' && cell.links.length === 0) continue;
      const td = cellElements.get(cell.span.start.offset);
      const entry = td ? cellEntry(table, cell, td, linkAt, ctx) : undefined;
      if (!entry) return undefined;
      const names = namesByColumn.get(cell.colIndex) ?? new Set<string>();
      const key = entry.name.toLowerCase();
      if (names.has(key)) return undefined;
      names.add(key);
      namesByColumn.set(cell.colIndex, names);
      entries.push(entry);
    }
  }
  return entries.length >= 2 ? entries : undefined;
}

function locOf(fragment: HtmlFragment, node: Node): { start: number; end: number } | undefined {
  const loc = (node as { sourceCodeLocation?: { startOffset: number; endOffset: number } | null }).sourceCodeLocation;
  return loc ? { start: fragment.base + loc.startOffset, end: fragment.base + loc.endOffset } : undefined;
}

/** The `<td>`/`<th>` elements of a table (not of tables nested in it), by start offset. */
function collectCells(fragment: HtmlFragment, table: Element, out: Map<number, Element>): void {
  const stack: Node[] = [...table.childNodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!('tagName' in node) || node.tagName === 'table') continue;
    if (node.tagName === 'td' || node.tagName === 'th') {
      const at = locOf(fragment, node);
      if (at) out.set(at.start, node);
      continue;
    }
    for (const child of node.childNodes) stack.push(child);
  }
}

/** A cell's content in reading order; wrappers (`<p>`, `<div>`, `<sub>`) are read through. */
function cellPieces(fragment: HtmlFragment, td: Element, linkAt: Map<number, Link>): LinePiece[] {
  const pieces: LinePiece[] = [];
  const stack: Node[] = [];
  for (let i = td.childNodes.length - 1; i >= 0; i--) stack.push(td.childNodes[i]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    const at = locOf(fragment, node);
    if (!at) continue;
    if (node.nodeName === '#text') {
      pieces.push({ kind: 'text', text: (node as DefaultTreeAdapterMap['textNode']).value, start: at.start, end: at.end });
      continue;
    }
    if (!('tagName' in node)) continue;
    const tag = node.tagName;
    if (tag === 'br') pieces.push({ kind: 'text', text: ' ', start: at.start, end: at.end });
    else if (IMAGE_TAGS.has(tag)) pieces.push({ kind: 'image', start: at.start, end: at.end });
    else if (NOT_IN_ENTRY.has(tag)) pieces.push({ kind: 'block', start: at.start, end: at.end });
    else if (tag === 'a' && linkAt.has(at.start)) {
      const link = linkAt.get(at.start)!;
      if (link.isImage) pieces.push({ kind: 'image', start: at.start, end: at.end });
      else {
        const endTag = node.sourceCodeLocation?.endTag;
        const startTagEnd = node.sourceCodeLocation?.startTag?.endOffset;
        const inner = endTag && startTagEnd !== undefined ? { start: fragment.base + startTagEnd, end: fragment.base + endTag.startOffset } : undefined;
        pieces.push({ kind: 'link', link, name: visibleText(node), plain: true, ...(inner ? { inner } : {}), start: at.start, end: at.end });
      }
    } else for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return pieces;
}

function cellEntry(table: Table, cell: TableCell, td: Element, linkAt: Map<number, Link>, ctx: CellContext): Entry | undefined {
  const pieces = cellPieces(ctx.fragment, td, linkAt);
  if (pieces.some((p) => p.kind === 'block')) return undefined;
  const at = pieces.findIndex((p) => p.kind === 'link');
  if (at < 0) return undefined;
  const leadText = pieces.slice(0, at).map((p) => (p.kind === 'text' ? p.text : '')).join('');
  if (!isLeadIn(leadText)) return undefined;
  const named = pieces[at] as Extract<LinePiece, { kind: 'link' }>;
  const url = named.link.url.trim();
  const name = named.name.trim();
  if (url === '' || url.startsWith('#') || name === '') return undefined;
  const rest = pieces.slice(at + 1).map((p) => (p.kind === 'text' ? p.text : p.kind === 'link' ? p.name : ''));
  const source = ctx.lines.source;
  const nameSpan = named.inner ? nameRun(source, named.inner.start, named.inner.end, name) : undefined;
  const section = table.section;
  const start = cell.span.start.offset;
  const end = cell.span.end.offset;
  return {
    name,
    ...(nameSpan ? { nameSpan: ctx.lines.span(nameSpan.start, nameSpan.end) } : {}),
    primaryLink: named.link,
    links: linksWithin(ctx.links, start, end),
    description: dropSeparator(collapse(rest.join(''))).trim(),
    span: cell.span,
    // Removing a cell moves the cells after it: never a whole-line deletion.
    removalSpan: cell.span,
    section,
    container: { kind: 'html', form: 'cell', blockSpan: table.span },
    scope: `section:${section.id}`,
    scopeLabel: section.title ? `section "${section.title}"` : 'the top of the file',
  };
}
