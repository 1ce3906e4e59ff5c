import type { DefaultTreeAdapterMap } from 'parse5';
import type { HtmlAnchor, HtmlRegion, Link, Section, Span, Table, TextRun } from '../model/types.js';
import type { LineIndex } from './line-index.js';
import { attr, elementInfo, elementText, parseHtmlFragment, walkHtml, type HtmlFragment } from './html-fragment.js';
import { buildRowGroupGrid, parseSpanAttribute, type WrittenCell, type WrittenRow } from './table-grid.js';
import { parseDirective } from './directives.js';
import { scanTags } from './html-tags.js';
import type { Directive, Entry } from '../model/types.js';
import { htmlLineEntries } from './html-line-entries.js';
import { gridCellEntries } from './html-cell-entries.js';
import { linksWithin } from './line-entries.js';
import { htmlItemEntries } from './html-item-entries.js';
import { readDetailsBlocks, type DetailsBlock } from './html-details-entries.js';

type Element = DefaultTreeAdapterMap['element'];

export interface HtmlRegionResult {
  region: HtmlRegion;
  links: Link[];
  tables: Table[];
  anchors: HtmlAnchor[];
  textRuns: TextRun[];
  directives: Directive[];
  /** Entries written in the region's HTML: lines ended by `<br>`, and cells of grid tables. */
  entries: Entry[];
  /** Tables laid out as grids of entries (their cells are entries, not their rows). */
  gridTables: Set<Table>;
  /** Entries written as `<li>` items (the `item` form). */
  itemEntries: Entry[];
  /** `<details>` blocks, resolved into project entries once the document's entries are known. */
  details: DetailsBlock[];
}

const CONTAINERS = new Set(['table', 'details', 'div', 'section', 'center', 'ul', 'ol', 'dl', 'blockquote', 'figure', 'nav', 'article']);

/**
 * Groups raw HTML blocks into regions: an element opened in one block and closed in a
 * later one (a table with blank lines inside, `<details>` around Markdown) is one region.
 */
export function groupHtmlBlocks(source: string, blocks: { start: number; end: number }[]): { start: number; end: number; parts: { start: number; end: number }[] }[] {
  const regions: { start: number; end: number; parts: { start: number; end: number }[] }[] = [];
  let current: (typeof regions)[number] | undefined;
  let depth = 0;
  for (const block of blocks) {
    if (!current) current = { start: block.start, end: block.end, parts: [] };
    current.end = block.end;
    current.parts.push(block);
    depth = Math.max(0, depth + containerBalance(source.slice(block.start, block.end)));
    if (depth === 0) {
      regions.push(current);
      current = undefined;
    }
  }
  if (current) regions.push(current);
  return regions;
}

/** Start tags minus end tags of block containers. */
function containerBalance(html: string): number {
  let balance = 0;
  for (const tag of scanTags(html)) {
    if (!CONTAINERS.has(tag.name) || tag.selfClosing) continue;
    balance += tag.kind === 'end' ? -1 : 1;
  }
  return balance;
}

export function parseHtmlRegion(
  source: string,
  lines: LineIndex,
  region: { start: number; end: number; parts: { start: number; end: number }[] },
  sectionAt: (offset: number) => Section,
): HtmlRegionResult {
  // Markdown between the region's HTML blocks is blanked out (same length, newlines kept), so
  // parse5 reads only HTML and every offset still points into the original file.
  const fragment = parseHtmlFragment(blankOutside(source, region), region.start, region.end);
  const inParts = (offset: number) => region.parts.some((p) => offset >= p.start && offset < p.end);
  const section = sectionAt(region.start);
  const links: Link[] = [];
  const anchors: HtmlAnchor[] = [];
  const textRuns: TextRun[] = [];
  const directives: Directive[] = [];
  const tableElements: Element[] = [];
  const anchorsByStart = new Map<number, Link>();

  walkHtml(fragment, {
    element(info) {
      if (!inParts(info.start)) return;
      if (info.tag === 'table') tableElements.push(info.element);
      for (const name of ['id', 'name']) {
        const a = attr(info, name);
        if (a && a.value !== '' && (name === 'id' || info.tag === 'a')) {
          anchors.push({ id: a.value, span: lines.span(info.start, info.startTagEnd) });
        }
      }
      const target = info.tag === 'a' ? attr(info, 'href') : info.tag === 'img' ? attr(info, 'src') : undefined;
      if (!target) return;
      const text = info.tag === 'img' ? (attr(info, 'alt')?.value ?? '') : elementText(info.element);
      const hasImage = info.tag === 'img' || (text === '' && containsImage(info.element));
      // The HTML tree builder clones an <a> that spans block elements (adoption agency):
      // the clones share the start tag's location and are one link, with their texts joined.
      const clone = info.tag === 'a' ? anchorsByStart.get(info.start) : undefined;
      if (clone) {
        clone.text = [clone.text, text].filter((t) => t !== '').join(' ');
        clone.isImage = clone.text === '' && (clone.isImage || hasImage);
        delete clone.textSpan;
        return;
      }
      const textSpan = info.tag === 'a' ? innerTextSpan(lines, fragment, info.element) : undefined;
      const link: Link = {
        url: target.value,
        text,
        syntax: 'html',
        isImage: hasImage,
        span: lines.span(info.start, info.end),
        ...(target.valueStart >= 0 ? { urlSpan: lines.span(target.valueStart, target.valueEnd) } : {}),
        ...(textSpan ? { textSpan } : {}),
        section: sectionAt(info.start),
        inDescription: false,
      };
      links.push(link);
      if (info.tag === 'a') anchorsByStart.set(info.start, link);
    },
    text(info, ancestors) {
      if (!inParts(info.start)) return;
      if (ancestors.some((a) => a.tagName === 'code' || a.tagName === 'pre' || a.tagName === 'script' || a.tagName === 'style')) return;
      textRuns.push({ value: source.slice(info.start, info.end), span: lines.span(info.start, info.end) });
    },
    comment(info) {
      const directive = parseDirective(info.value, lines.point(info.start).line, lines.point(info.end).line);
      if (directive) directives.push(directive);
    },
  });

  const tables = tableElements.map((el) => buildHtmlTable(lines, fragment, el, links, sectionAt));
  const entries = htmlLineEntries({ fragment, lines, links, sectionAt, inParts, region });
  const gridTables = new Set<Table>();
  tables.forEach((table, i) => {
    const cells = gridCellEntries(table, tableElements[i]!, { fragment, lines, links, sectionAt });
    if (!cells) return;
    gridTables.add(table);
    for (const entry of cells) entries.push(entry);
  });
  const scan = { base: fragment.base, linkByStart: new Map(links.map((l) => [l.span.start.offset, l])) };
  const itemEntries = htmlItemEntries({ source, lines, fragment, scan, sectionAt, inParts });
  const details = readDetailsBlocks(source, lines, fragment, scan, inParts);
  const parts: Span[] = region.parts.map((p) => lines.span(p.start, p.end));
  return {
    region: { span: lines.span(region.start, region.end), parts, section },
    links,
    tables,
    anchors,
    textRuns,
    directives,
    entries,
    gridTables,
    itemEntries,
    details,
  };
}

function blankOutside(source: string, region: { start: number; end: number; parts: { start: number; end: number }[] }): string {
  if (region.parts.length <= 1) return source;
  let text = source.slice(0, region.start);
  let at = region.start;
  for (const part of region.parts) {
    text += source.slice(at, part.start).replace(/[^\n]/g, ' ');
    text += source.slice(part.start, part.end);
    at = part.end;
  }
  return text + source.slice(at);
}

function containsImage(element: Element): boolean {
  const stack: DefaultTreeAdapterMap['node'][] = [...element.childNodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('tagName' in node) {
      if (node.tagName === 'img' || node.tagName === 'svg' || node.tagName === 'picture') return true;
      for (const child of node.childNodes) stack.push(child);
    }
  }
  return false;
}

/** The span of an element's content when it is a single text node (so a name can be replaced). */
function innerTextSpan(lines: LineIndex, fragment: HtmlFragment, element: Element): Span | undefined {
  const kids = element.childNodes;
  if (kids.length !== 1 || kids[0]!.nodeName !== '#text') return undefined;
  const loc = (kids[0] as DefaultTreeAdapterMap['textNode']).sourceCodeLocation;
  if (!loc) return undefined;
  const start = fragment.base + loc.startOffset;
  const end = fragment.base + loc.endOffset;
  const raw = fragment.source.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trail = raw.length - raw.trimEnd().length;
  return lines.span(start + lead, end - trail);
}

function childElements(element: Element, tags: string[]): Element[] {
  return element.childNodes.filter((n): n is Element => 'tagName' in n && tags.includes(n.tagName));
}

function buildHtmlTable(
  lines: LineIndex,
  fragment: HtmlFragment,
  table: Element,
  regionLinks: Link[],
  sectionAt: (offset: number) => Section,
): Table {
  const tableInfo = elementInfo(fragment, table);
  const groups = childElements(table, ['thead', 'tbody', 'tfoot']);
  // Region links are in document order: a binary search per cell keeps big tables linear.
  const linksIn = (start: number, end: number) => linksWithin(regionLinks, start, end);

  const toWrittenRow = (tr: Element, inHead: boolean): WrittenRow => {
    const info = elementInfo(fragment, tr);
    const cells: WrittenCell[] = childElements(tr, ['td', 'th']).map((cellEl) => {
      const cell = elementInfo(fragment, cellEl);
      const rowspanAttr = attr(cell, 'rowspan');
      const colspanAttr = attr(cell, 'colspan');
      const rowspan = rowspanAttr ? (parseSpanAttribute(rowspanAttr.value) ?? 1) : 1;
      const colspan = colspanAttr ? (parseSpanAttribute(colspanAttr.value) ?? 1) : 1;
      return {
        text: elementText(cellEl),
        span: lines.span(cell.start, cell.end),
        isHeader: cell.tag === 'th' || inHead,
        rowspan,
        colspan: Math.max(1, colspan),
        ...(rowspanAttr && rowspanAttr.valueStart >= 0
          ? { rowspanAttr: { raw: rowspanAttr.raw, valueSpan: lines.span(rowspanAttr.valueStart, rowspanAttr.valueEnd) } }
          : {}),
        links: linksIn(cell.start, cell.end),
      };
    });
    // An implicitly closed <tr> ends where its last cell ends (or at its start tag).
    const end = cells.length > 0 ? Math.max(info.startTagEnd, ...cells.map((c) => c.span.end.offset)) : info.startTagEnd;
    const realEnd = tr.sourceCodeLocation?.endTag ? info.end : end;
    return { span: lines.span(info.start, realEnd), removalSpan: lines.wholeLineSpan(info.start, realEnd), cells, isHeader: inHead };
  };

  // Row groups as written; with no <thead>, a first row made only of <th> cells is the header.
  const written = groups.map((group) => ({ tag: group.tagName as 'thead' | 'tbody' | 'tfoot', isHead: group.tagName === 'thead', rows: childElements(group, ['tr']).map((tr) => toWrittenRow(tr, group.tagName === 'thead')) }));
  const firstBody = written.find((g) => !g.isHead);
  const firstRow = firstBody?.rows[0];
  if (!written.some((g) => g.isHead) && firstBody && firstRow && firstRow.cells.length > 0 && firstRow.cells.every((c) => c.isHeader)) {
    firstBody.rows.shift();
    written.unshift({ tag: 'thead', isHead: true, rows: [{ ...firstRow, isHeader: true }] });
  }
  const headerRows: Table['headerRows'] = [];
  const bodyRows: Table['bodyRows'] = [];
  let bodyIndex = 0;
  written.forEach((group, groupIndex) => {
    if (group.isHead) {
      for (const row of buildRowGroupGrid(group.rows, 0, groupIndex, group.tag)) headerRows.push(row);
      return;
    }
    for (const row of buildRowGroupGrid(group.rows, bodyIndex, groupIndex, group.tag)) bodyRows.push(row);
    bodyIndex += group.rows.length;
  });
  const header = headerRows[headerRows.length - 1];
  const columns: string[] = [];
  if (header) header.grid.forEach((cell, i) => (columns[i] = cell?.text ?? ''));
  return {
    syntax: 'html',
    span: lines.span(tableInfo.start, tableInfo.end),
    section: sectionAt(tableInfo.start),
    columns,
    headerRows,
    bodyRows,
    headerWidth: header ? header.grid.length : 0,
  };
}
