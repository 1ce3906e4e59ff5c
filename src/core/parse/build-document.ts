import type { Definition, Heading as MdHeading, ListItem, Nodes, Paragraph, Parents, PhrasingContent, Table as MdTable } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Directive, Entry, HtmlAnchor, HtmlRegion, Link, ListDocument, ListParent, Span, Table, TextRun } from '../model/types.js';
import { LineIndex } from './line-index.js';
import { parseMarkdownTree } from './markdown-tree.js';
import { SectionIndex, type HeadingInput } from './sections.js';
import { collectInlineLinks, definitionUrlSpan, normalizeLabel, type InlineLinkContext } from './inline-links.js';
import { groupHtmlBlocks, parseHtmlRegion } from './html-regions.js';
import { commentText, parseDirective } from './directives.js';
import { buildRowGroupGrid, type WrittenRow } from './table-grid.js';
import { entriesFromTable } from './table-entries.js';
import { nameSpanOf } from './name-span.js';
import { paragraphLineEntries } from './paragraph-line-entries.js';
import { attr, parseHtmlFragment, walkHtml } from './html-fragment.js';
import { isLeadIn, isWrapperEnd } from './lead-in.js';
import { applyDetailsEntries, type DetailsBlock } from './html-details-entries.js';

interface Collected {
  headings: { node: MdHeading; span: Span }[];
  definitions: Definition[];
  flowHtml: { start: number; end: number }[];
  inlineHtml: { value: string; start: number; end: number }[];
  paragraphs: { node: Paragraph; item?: ListItem; itemSpan?: Span; ancestors: ListItem[] }[];
  tables: MdTable[];
  texts: { start: number; end: number }[];
}

/** Parses a list file into the document model. Pure: text in, model out. */
export function buildDocument(path: string, source: string): ListDocument {
  const lines = new LineIndex(source);
  const tree = parseMarkdownTree(source);
  const collected = collect(tree, lines);
  const docSpan = lines.span(0, source.length);
  // GitHub slugs a heading's rendered text: image alt text and HTML tags are not part of it.
  const headingInputs: HeadingInput[] = collected.headings.map((h) => ({
    depth: h.node.depth,
    text: toString(h.node).trim(),
    slugText: toString(h.node, { includeImageAlt: false, includeHtml: false }).trim(),
    span: h.span,
  }));
  const sectionIndex = new SectionIndex(headingInputs, docSpan);
  const sectionAt = (offset: number) => sectionIndex.at(offset);

  const definitions = new Map<string, Definition>();
  for (const def of collected.definitions) {
    const key = normalizeLabel(def.identifier);
    if (!definitions.has(key)) definitions.set(key, def);
  }
  const ctx: InlineLinkContext = { source, lines, definitions, sectionAt };

  const links: Link[] = [];
  const entries: Entry[] = [];
  const tables: Table[] = [];
  const htmlRegions: HtmlRegion[] = [];
  const htmlAnchors: HtmlAnchor[] = [];
  const directives: Directive[] = [];
  const textRuns: TextRun[] = collected.texts.map((t) => ({ value: source.slice(t.start, t.end), span: lines.span(t.start, t.end) }));

  // Paragraphs and headings: list entries and loose links (in document order, so parents come first).
  const itemIsEntry = new Map<ListItem, boolean>();
  for (const para of collected.paragraphs) {
    const found = collectInlineLinks(ctx, para.node.children);
    append(links, found);
    if (para.item && para.itemSpan) {
      const parents = para.ancestors.map((item) => listParent(lines, item, itemIsEntry));
      const entry = entryFromListItem(source, lines, para.node, para.itemSpan, found, parents);
      itemIsEntry.set(para.item, entry !== undefined);
      if (entry) entries.push(entry);
    } else if (para.ancestors.length === 0) append(entries, paragraphLineEntries(ctx, para.node, found));
  }
  for (const heading of collected.headings) append(links, collectInlineLinks(ctx, heading.node.children));

  // GFM tables.
  for (const mdTable of collected.tables) {
    const table = gfmTable(ctx, mdTable);
    if (!table) continue;
    tables.push(table);
    for (const row of [...table.headerRows, ...table.bodyRows]) for (const cell of row.cells) append(links, cell.links);
    append(entries, entriesFromTable(table, lines));
  }

  // Raw HTML blocks, grouped into regions and parsed with parse5.
  const details: DetailsBlock[] = [];
  for (const region of groupHtmlBlocks(source, collected.flowHtml)) {
    const result = parseHtmlRegion(source, lines, region, sectionAt);
    htmlRegions.push(result.region);
    append(links, result.links);
    append(htmlAnchors, result.anchors);
    append(textRuns, result.textRuns);
    append(directives, result.directives);
    for (const table of result.tables) {
      tables.push(table);
      if (!result.gridTables.has(table)) append(entries, entriesFromTable(table, lines));
    }
    append(entries, result.entries);
    append(entries, result.itemEntries);
    append(details, result.details);
  }

  // Inline HTML: directives and anchors.
  for (const html of collected.inlineHtml) {
    const comment = commentText(html.value);
    if (comment !== undefined) {
      const directive = parseDirective(comment, lines.point(html.start).line, lines.point(html.end).line);
      if (directive) directives.push(directive);
    } else if (/\b(?:id|name)\s*=/i.test(html.value)) {
      append(htmlAnchors, inlineHtmlAnchors(source, lines, html.start, html.end));
    }
  }

  // Definitions no reference uses are links too (they are still checked).
  const used = new Set(links.filter((l) => l.syntax === 'reference').map((l) => l.url));
  for (const def of collected.definitions) {
    if (used.has(def.url) || !def.position) continue;
    const span = lines.span(def.position.start.offset!, def.position.end.offset!);
    const urlSpan = definitionUrlSpan(source, lines, def);
    links.push({ url: def.url, text: def.label ?? def.identifier, syntax: 'reference', isImage: false, span, ...(urlSpan ? { urlSpan } : {}), section: sectionAt(span.start.offset), inDescription: false });
  }

  // A <details> that names a project is one entry; the items inside it are its sub-links.
  const resolved = applyDetailsEntries({ lines, blocks: details, entries, links, sectionAt });
  entries.length = 0;
  append(entries, resolved);

  // Each entry's links carry their entry; links after the name in a list item are description links.
  for (const entry of entries) {
    for (const link of entry.links) {
      link.entry = entry;
      link.inDescription = link !== entry.primaryLink && !link.isImage && entry.container.kind !== 'table';
    }
  }

  links.sort((a, b) => a.span.start.offset - b.span.start.offset);
  htmlAnchors.sort((a, b) => a.span.start.offset - b.span.start.offset);
  entries.sort((a, b) => a.span.start.offset - b.span.start.offset);
  return {
    path,
    source,
    sections: sectionIndex.sections,
    entries,
    links,
    tables,
    htmlRegions,
    headings: sectionIndex.headings,
    htmlAnchors,
    directives,
    textRuns,
  };
}

/** `id` (any element) and `name` (on `<a>`) attributes of an inline HTML tag, as in raw HTML blocks. */
function inlineHtmlAnchors(source: string, lines: LineIndex, start: number, end: number): HtmlAnchor[] {
  const anchors: HtmlAnchor[] = [];
  walkHtml(parseHtmlFragment(source, start, end), {
    element(info) {
      for (const name of ['id', 'name']) {
        const a = attr(info, name);
        if (a && a.value !== '' && (name === 'id' || info.tag === 'a')) anchors.push({ id: a.value, span: lines.span(info.start, info.startTagEnd) });
      }
    },
  });
  return anchors;
}

/** Appends without spreading (a spread of a very large array overflows the call stack). */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function listParent(lines: LineIndex, item: ListItem, itemIsEntry: Map<ListItem, boolean>): ListParent {
  const first = item.children[0];
  const text = first && first.type === 'paragraph' ? toString(first).split('\n')[0]!.trim() : '';
  const at = offsets(item)!;
  return { text, isEntry: itemIsEntry.get(item) ?? false, span: lines.span(at.start, at.end) };
}

/** Plain text of a group item: "**Build Backends**:" reads "Build Backends". */
function groupLabel(text: string): string {
  const trimmed = text.trimEnd();
  const plain = (trimmed.endsWith(':') ? trimmed.slice(0, -1) : trimmed).trim();
  return plain.length > 60 ? `${plain.slice(0, 57)}…` : plain;
}

function offsets(node: Nodes): { start: number; end: number } | undefined {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? undefined : { start: s, end: e };
}

/** One iterative pass over the tree (deep nesting must not overflow the stack). */
function collect(tree: Parents, lines: LineIndex): Collected {
  const out: Collected = { headings: [], definitions: [], flowHtml: [], inlineHtml: [], paragraphs: [], tables: [], texts: [] };
  const stack: { node: Nodes; parent?: Parents; inTable: boolean; items: ListItem[] }[] = [{ node: tree, inTable: false, items: [] }];
  while (stack.length > 0) {
    const { node, parent, inTable, items } = stack.pop()!;
    const at = offsets(node);
    switch (node.type) {
      case 'heading':
        if (at) out.headings.push({ node, span: lines.span(at.start, at.end) });
        break;
      case 'definition':
        out.definitions.push(node);
        break;
      case 'html':
        if (!at) break;
        if (parent && (parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem')) out.flowHtml.push(at);
        else out.inlineHtml.push({ value: node.value, ...at });
        break;
      case 'paragraph':
        if (!inTable) {
          if (parent?.type === 'listItem' && parent.children[0] === node) {
            const itemAt = offsets(parent);
            out.paragraphs.push({ node, item: parent, ...(itemAt ? { itemSpan: lines.span(itemAt.start, itemAt.end) } : {}), ancestors: items.slice(0, -1) });
          } else out.paragraphs.push({ node, ancestors: items });
        }
        break;
      case 'table':
        out.tables.push(node);
        break;
      case 'text':
        if (at) out.texts.push(at);
        break;
      default:
        break;
    }
    if ('children' in node) {
      const kids = node.children as Nodes[];
      const childInTable = inTable || node.type === 'table';
      const childItems = node.type === 'listItem' ? [...items, node] : items;
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, parent: node, inTable: childInTable, items: childItems });
    }
  }
  out.headings.sort((a, b) => a.span.start.offset - b.span.start.offset);
  out.paragraphs.sort((a, b) => (a.node.position?.start.offset ?? 0) - (b.node.position?.start.offset ?? 0));
  out.flowHtml.sort((a, b) => a.start - b.start);
  out.texts.sort((a, b) => a.start - b.start);
  return out;
}

function entryFromListItem(source: string, lines: LineIndex, paragraph: Paragraph, itemSpan: Span, found: Link[], parents: ListParent[]): Entry | undefined {
  const primary = found.find((l) => !l.isImage);
  if (!primary) return undefined;
  const paraStart = paragraph.position!.start.offset!;
  const before = source.slice(paraStart, primary.span.start.offset);
  // Strip image/badge syntax before the link; what remains must be a lead-in.
  const beforeWithoutImages = found
    .filter((l) => l.isImage && l.span.end.offset <= primary.span.start.offset)
    .reduce((text, img) => text.replace(source.slice(img.span.start.offset, img.span.end.offset), ''), before);
  if (!isLeadIn(beforeWithoutImages)) return undefined;
  const after = descriptionAfter(paragraph.children, primary.span.end.offset);
  const section = primary.section;
  const ownLinks = found.filter((l) => l.span.start.offset >= paraStart);
  // Link-less items above the entry ("- Build Backends") group it, as a stage groups table rows.
  const groups = parents.filter((p) => !p.isEntry).map((p) => groupLabel(p.text)).filter((g) => g !== '');
  const sectionLabel = section.title ? `section "${section.title}"` : 'the top of the file';
  return {
    name: primary.text.trim(),
    ...(nameSpanOf(source, primary) ? { nameSpan: nameSpanOf(source, primary)! } : {}),
    primaryLink: primary,
    links: ownLinks,
    description: after,
    span: itemSpan,
    removalSpan: lines.wholeLineSpan(itemSpan.start.offset, itemSpan.end.offset),
    section,
    container: { kind: 'list', listSpan: itemSpan, parents },
    scope: [`section:${section.id}`, ...groups].join(' › '),
    scopeLabel: groups.length > 0 ? `group ${groups.map((g) => `"${g}"`).join(' › ')} of ${sectionLabel}` : sectionLabel,
  };
}

function descriptionAfter(children: PhrasingContent[], offset: number): string {
  const rest = children.filter((c) => (c.position?.start.offset ?? 0) >= offset);
  // `</b>` closing the name's wrapper (`<b><a href="…">Name</a></b> - …`) is not description.
  while (rest[0]?.type === 'html' && isWrapperEnd(rest[0].value)) rest.shift();
  return rest
    .map((c) => toString(c))
    .join('')
    .replace(/^\s*[-–—:]\s*/, '')
    .trim();
}

function gfmTable(ctx: InlineLinkContext, node: MdTable): Table | undefined {
  const at = offsets(node);
  if (!at) return undefined;
  const rows: WrittenRow[] = [];
  for (const row of node.children) {
    const rowAt = offsets(row);
    if (!rowAt) continue;
    rows.push({
      span: ctx.lines.span(rowAt.start, rowAt.end),
      removalSpan: ctx.lines.wholeLineSpan(rowAt.start, rowAt.end),
      isHeader: rows.length === 0,
      cells: row.children.map((cell) => {
        const cellAt = offsets(cell) ?? rowAt;
        return {
          text: toString(cell).replace(/\s+/g, ' ').trim(),
          span: ctx.lines.span(cellAt.start, cellAt.end),
          isHeader: rows.length === 0,
          rowspan: 1,
          colspan: 1,
          links: collectInlineLinks(ctx, cell.children),
        };
      }),
    });
  }
  const [head, ...body] = rows;
  const headerRows = head ? buildRowGroupGrid([head], 0, 0, 'thead') : [];
  const bodyRows = buildRowGroupGrid(body, 0, 1);
  const header = headerRows[0];
  // GFM pads short rows: the written width is what the source shows, taken from the delimiter row.
  const columns = header ? header.grid.map((c) => c?.text ?? '') : [];
  return {
    syntax: 'gfm',
    span: ctx.lines.span(at.start, at.end),
    section: ctx.sectionAt(at.start),
    columns,
    headerRows,
    bodyRows,
    headerWidth: columns.length,
  };
}
