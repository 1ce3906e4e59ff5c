/**
 * Reading an entry out of an HTML element (an `<li>`, a `<summary>`): the link that names
 * it, the text after that link, and the links it holds. Every walk is iterative and visits
 * each node once. Offsets are absolute offsets into the list's source.
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import type { Link } from '../model/types.js';
import { isLeadIn } from './lead-in.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** What a scan needs: the fragment's base offset and the region's links by where they start. */
export interface EntryScan {
  base: number;
  linkByStart: ReadonlyMap<number, Link>;
}

/** Inline wrappers a name may sit in (`<b><a href>Name</a></b>`): looked into, not past. */
const WRAPPERS = new Set(['b', 'strong', 'em', 'i', 'u', 'span', 'font', 'big', 'small', 'sup', 'sub', 'p', 'kbd', 'mark', 'ins']);
/** Elements a lead-in may hold that show no text: skipped whole. */
const SILENT = new Set(['img', 'picture', 'svg', 'source', 'br', 'wbr']);

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

/** Absolute start offset of a node, when the parser located it. */
export function startOf(scan: EntryScan, node: Node): number | undefined {
  const loc = (node as { sourceCodeLocation?: { startOffset: number } | null }).sourceCodeLocation;
  return loc ? scan.base + loc.startOffset : undefined;
}

function endOf(scan: EntryScan, node: Node): number | undefined {
  const loc = (node as { sourceCodeLocation?: { endOffset: number } | null }).sourceCodeLocation;
  return loc ? scan.base + loc.endOffset : undefined;
}

/**
 * The non-image link that names the element's entry: the first one, when only a lead-in
 * (whitespace, bullets, emoji, images and badges, `<b>`-like wrappers) stands before it.
 */
export function leadLink(scan: EntryScan, root: Element): Link | undefined {
  const stack: Node[] = [];
  for (let i = root.childNodes.length - 1; i >= 0; i--) stack.push(root.childNodes[i]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeName === '#text') {
      if (!isLeadIn((node as DefaultTreeAdapterMap['textNode']).value)) return undefined;
      continue;
    }
    if (!isElement(node)) continue;
    const start = startOf(scan, node);
    if (node.tagName === 'a') {
      const link = start === undefined ? undefined : scan.linkByStart.get(start);
      if (link && !link.isImage) return link;
      if (link) continue; // a badge
    } else if (SILENT.has(node.tagName)) continue;
    else if (!WRAPPERS.has(node.tagName)) return undefined;
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return undefined;
}

/**
 * The text of the element from `offset` on, whitespace collapsed, without what the elements
 * named in `skip` hold (nested lists) and without a leading `-`, `–`, `—` or `:`.
 */
export function textAfter(scan: EntryScan, root: Element, offset: number, skip: ReadonlySet<string>): string {
  const parts: string[] = [];
  const stack: Node[] = [];
  for (let i = root.childNodes.length - 1; i >= 0; i--) stack.push(root.childNodes[i]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeName === '#text') {
      if ((startOf(scan, node) ?? -1) >= offset) parts.push((node as DefaultTreeAdapterMap['textNode']).value);
      continue;
    }
    if (!isElement(node) || skip.has(node.tagName)) continue;
    if (node.tagName === 'br' && (startOf(scan, node) ?? -1) >= offset) parts.push(' ');
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return stripLeadingSeparator(parts.join('').replace(/\s+/g, ' ').trim());
}

/** "- A tool" and ": A tool" read "A tool" (one separator, as in Markdown entries). */
export function stripLeadingSeparator(text: string): string {
  const first = text[0];
  if (first !== '-' && first !== '–' && first !== '—' && first !== ':') return text;
  return text.slice(1).trim();
}

/** The links written in the element, without those inside the elements named in `skip`. */
export function ownLinks(scan: EntryScan, root: Element, skip: ReadonlySet<string>): Link[] {
  const found = new Set<Link>();
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (node !== root && skip.has(node.tagName)) continue;
    if (node.tagName === 'a' || node.tagName === 'img') {
      const start = startOf(scan, node);
      const link = start === undefined ? undefined : scan.linkByStart.get(start);
      if (link) found.add(link);
    }
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return [...found];
}

/** Where the element starts and ends in the source ([start, end)), trailing whitespace left out. */
export function elementRange(scan: EntryScan, source: string, element: Element): { start: number; end: number } | undefined {
  const start = startOf(scan, element);
  let end = endOf(scan, element);
  if (start === undefined || end === undefined) return undefined;
  while (end > start && /\s/.test(source[end - 1]!)) end--;
  return { start, end };
}
