import type { DefaultTreeAdapterMap } from 'parse5';
import type { Entry, Link, Section } from '../model/types.js';
import type { LineIndex } from './line-index.js';
import { elementInfo, type HtmlFragment } from './html-fragment.js';
import { IMAGE_TAGS, INLINE_TAGS, type LinePiece, type PieceLine } from './line-pieces.js';
import { entriesFromLines } from './line-entries.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Elements whose lines may be entries (`<p>`, `<div>`…, and the top of a raw HTML block). */
const LINE_CONTAINERS = new Set(['p', 'div', 'center', 'blockquote', 'section', 'article', 'aside', 'main']);
/**
 * Lines inside these are someone else's: a table's cells (rows or grid entries), list items,
 * a `<details>` project, a link, code, headings.
 */
const NOT_INSIDE = new Set(['a', 'li', 'ul', 'ol', 'dl', 'td', 'th', 'table', 'details', 'summary', 'pre', 'code', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'template', 'svg', 'button', 'select', 'textarea', 'script', 'style']);

export interface HtmlLineContext {
  fragment: HtmlFragment;
  lines: LineIndex;
  /** Links of the region (from its `<a href>` and `<img src>`), sorted by start. */
  links: readonly Link[];
  sectionAt(offset: number): Section;
  /** Whether an offset is in the region's HTML (not blanked-out Markdown between its blocks). */
  inParts(offset: number): boolean;
  /** The region's extent in the source. */
  region: { start: number; end: number };
}

/**
 * Entries of a raw HTML region written as lines: `<p>` / `<div>` blocks whose lines end in
 * `<br>` (see `entriesFromLines` for what makes a line an entry).
 */
export function htmlLineEntries(ctx: HtmlLineContext): Entry[] {
  const linkAt = new Map<number, Link>();
  for (const link of ctx.links) if (!linkAt.has(link.span.start.offset)) linkAt.set(link.span.start.offset, link);
  const entries: Entry[] = [];
  const containers: { children: Node[]; start: number; end: number }[] = [];
  const root = ctx.fragment.root as { childNodes: Node[] };
  containers.push({ children: root.childNodes, start: ctx.region.start, end: ctx.region.end });
  // One pass over the tree; what is excluded (inside a table, a list item, a centred banner…)
  // is carried down the stack, so deep nesting stays linear.
  const stack: { node: Node; excluded: boolean }[] = [];
  for (let i = root.childNodes.length - 1; i >= 0; i--) stack.push({ node: root.childNodes[i]!, excluded: false });
  while (stack.length > 0) {
    const { node, excluded } = stack.pop()!;
    if (!('tagName' in node)) continue;
    const at = locOf(ctx.fragment, node);
    // Centred blocks are a list's banner: its logo, badges, sponsors and links to itself.
    if (!excluded && at && LINE_CONTAINERS.has(node.tagName) && !isCentred(node) && ctx.inParts(at.start)) {
      containers.push({ children: node.childNodes, start: at.start, end: at.end });
    }
    const inner = excluded || NOT_INSIDE.has(node.tagName) || isCentred(node);
    const kids = node.tagName === 'template' ? [] : node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, excluded: inner });
  }
  for (const container of containers) {
    // Lines are ended by <br>: a container without one is prose (and is not read further).
    if (!container.children.some((c) => 'tagName' in c && c.tagName === 'br')) continue;
    const pieceLines = splitLines(ctx, container.children, linkAt);
    if (pieceLines.length === 0) continue;
    const blockSpan = ctx.lines.span(container.start, container.end);
    for (const entry of entriesFromLines(pieceLines, { lines: ctx.lines, sectionAt: ctx.sectionAt, links: ctx.links, blockSpan })) entries.push(entry);
  }
  return entries;
}

function isCentred(element: Element): boolean {
  return element.tagName === 'center' || element.attrs.some((a) => a.name === 'align' && a.value.trim().toLowerCase() === 'center');
}

function locOf(fragment: HtmlFragment, node: Node): { start: number; end: number } | undefined {
  const loc = (node as { sourceCodeLocation?: { startOffset: number; endOffset: number } | null }).sourceCodeLocation;
  return loc ? { start: fragment.base + loc.startOffset, end: fragment.base + loc.endOffset } : undefined;
}

/** A container's children cut into lines at each `<br>` (and at block elements, which belong to no line). */
function splitLines(ctx: HtmlLineContext, children: Node[], linkAt: Map<number, Link>): PieceLine[] {
  const out: PieceLine[] = [];
  let current: LinePiece[] = [];
  const close = (breakEnd?: number) => {
    if (current.length > 0 || breakEnd !== undefined) out.push({ pieces: current, ...(breakEnd !== undefined ? { breakEnd } : {}) });
    current = [];
  };
  for (const child of children) {
    const at = locOf(ctx.fragment, child);
    if (!at) continue;
    if ('tagName' in child) {
      if (child.tagName === 'br') {
        close(at.end);
        continue;
      }
      if (!INLINE_TAGS.has(child.tagName)) {
        close();
        continue;
      }
    }
    for (const piece of inlinePieces(ctx, child, linkAt)) current.push(piece);
  }
  close();
  return out;
}

/** The pieces of inline content, in order (iterative: nesting depth is the list's to choose). */
export function inlinePieces(ctx: { fragment: HtmlFragment }, node: Node, linkAt: Map<number, Link>): LinePiece[] {
  const pieces: LinePiece[] = [];
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    const at = locOf(ctx.fragment, next);
    if (next.nodeName === '#text') {
      if (at) pieces.push({ kind: 'text', text: (next as DefaultTreeAdapterMap['textNode']).value, start: at.start, end: at.end });
      continue;
    }
    if (!('tagName' in next) || !at) continue;
    const tag = next.tagName;
    if (IMAGE_TAGS.has(tag)) {
      pieces.push({ kind: 'image', start: at.start, end: at.end });
      continue;
    }
    if (tag === 'br' || !INLINE_TAGS.has(tag)) {
      pieces.push({ kind: 'block', start: at.start, end: at.end });
      continue;
    }
    const link = tag === 'a' ? linkAt.get(at.start) : undefined;
    if (link && link.syntax === 'html') {
      if (link.isImage) pieces.push({ kind: 'image', start: at.start, end: at.end });
      else {
        const info = elementInfo(ctx.fragment, next);
        const endTag = next.sourceCodeLocation?.endTag;
        pieces.push({
          kind: 'link',
          link,
          name: visibleText(next),
          plain: !holdsBreakOrBlock(next),
          ...(endTag ? { inner: { start: info.startTagEnd, end: ctx.fragment.base + endTag.startOffset } } : {}),
          start: at.start,
          end: at.end,
        });
      }
      continue;
    }
    for (let i = next.childNodes.length - 1; i >= 0; i--) stack.push(next.childNodes[i]!);
  }
  return pieces;
}

/** Text of an element as a reader sees it, without image alt text, whitespace collapsed. */
export function visibleText(element: Element): string {
  const parts: string[] = [];
  const stack: Node[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeName === '#text') parts.push((node as DefaultTreeAdapterMap['textNode']).value);
    else if ('tagName' in node) {
      if (node.tagName === 'br') parts.push(' ');
      for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
    }
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function holdsBreakOrBlock(element: Element): boolean {
  const stack: Node[] = [...element.childNodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!('tagName' in node)) continue;
    if (node.tagName === 'br' || !INLINE_TAGS.has(node.tagName)) return true;
    for (const child of node.childNodes) stack.push(child);
  }
  return false;
}
