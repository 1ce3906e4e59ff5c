import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type TextNode = DefaultTreeAdapterMap['textNode'];
type CommentNode = DefaultTreeAdapterMap['commentNode'];

/** Offsets in this file are absolute offsets into the list's source. */
export interface HtmlAttr {
  name: string;
  value: string;
  /** The attribute's value as written (between the quotes), with its offsets. */
  raw: string;
  valueStart: number;
  valueEnd: number;
}

export interface HtmlElementInfo {
  tag: string;
  start: number;
  end: number;
  /** End of the start tag. */
  startTagEnd: number;
  attrs: HtmlAttr[];
  element: Element;
}

export interface HtmlTextInfo {
  value: string;
  start: number;
  end: number;
}

export interface HtmlFragment {
  /** Top-level nodes of the parsed fragment. */
  root: Element | DefaultTreeAdapterMap['documentFragment'];
  /** Absolute offset of the fragment's first character. */
  base: number;
  source: string;
}

/** Parses a slice of the list's source as an HTML fragment with source locations. */
export function parseHtmlFragment(source: string, start: number, end: number): HtmlFragment {
  const root = parseFragment(source.slice(start, end), { sourceCodeLocationInfo: true });
  return { root, base: start, source };
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

/** Visits every node depth-first, without recursion (deeply nested HTML must not overflow the stack). */
export function walkHtml(
  fragment: HtmlFragment,
  visit: {
    element?(info: HtmlElementInfo, ancestors: readonly Element[]): void;
    text?(info: HtmlTextInfo, ancestors: readonly Element[]): void;
    comment?(info: HtmlTextInfo): void;
  },
): void {
  const stack: { node: Node; depth: number }[] = [];
  const ancestors: Element[] = [];
  const children = (fragment.root as { childNodes: Node[] }).childNodes;
  for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, depth: 0 });
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    ancestors.length = depth;
    const loc = (node as { sourceCodeLocation?: { startOffset: number; endOffset: number } | null })
      .sourceCodeLocation;
    if (isElement(node)) {
      if (loc) visit.element?.(elementInfo(fragment, node), ancestors);
      ancestors.push(node);
      const kids =
        node.tagName === 'template'
          ? (node as unknown as { content: { childNodes: Node[] } }).content.childNodes
          : node.childNodes;
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, depth: depth + 1 });
    } else if (node.nodeName === '#text' && loc) {
      visit.text?.(
        { value: (node as TextNode).value, start: fragment.base + loc.startOffset, end: fragment.base + loc.endOffset },
        ancestors,
      );
    } else if (node.nodeName === '#comment' && loc) {
      visit.comment?.({
        value: (node as CommentNode).data,
        start: fragment.base + loc.startOffset,
        end: fragment.base + loc.endOffset,
      });
    }
  }
}

export function elementInfo(fragment: HtmlFragment, node: Element): HtmlElementInfo {
  const loc = node.sourceCodeLocation ?? impliedLocation(node);
  const base = fragment.base;
  const attrs: HtmlAttr[] = node.attrs.map((attr) => {
    const attrLoc = (loc.startTag as { attrs?: Record<string, { startOffset: number; endOffset: number }> } | undefined)?.attrs?.[attr.name];
    if (!attrLoc) return { name: attr.name, value: attr.value, raw: attr.value, valueStart: -1, valueEnd: -1 };
    return { name: attr.name, value: attr.value, ...rawValue(fragment.source, base + attrLoc.startOffset, base + attrLoc.endOffset) };
  });
  return {
    tag: node.tagName,
    start: base + loc.startOffset,
    end: base + loc.endOffset,
    startTagEnd: base + (loc.startTag?.endOffset ?? loc.endOffset),
    attrs,
    element: node,
  };
}

type Location = NonNullable<Element['sourceCodeLocation']>;

/**
 * An element the parser implied (the <tbody> or <tr> of `<table><td>`) has no place in the
 * source: it stands where its first located descendant starts and its last one ends, or,
 * with none, at the start of its nearest located ancestor.
 */
function impliedLocation(node: Element): Location {
  let first: Location | undefined;
  let last: Location | undefined;
  const stack: Node[] = [...node.childNodes];
  while (stack.length > 0) {
    const child = stack.pop()!;
    const loc = (child as { sourceCodeLocation?: Location | null }).sourceCodeLocation;
    if (loc) {
      if (!first || loc.startOffset < first.startOffset) first = loc;
      if (!last || loc.endOffset > last.endOffset) last = loc;
    } else if (isElement(child)) for (const grandchild of child.childNodes) stack.push(grandchild);
  }
  if (first && last) {
    return { ...first, startOffset: first.startOffset, endOffset: last.endOffset, endLine: last.endLine, endCol: last.endCol, startTag: undefined, endTag: undefined } as Location;
  }
  let parent = node.parentNode as Element | null;
  while (parent && !('sourceCodeLocation' in parent && parent.sourceCodeLocation)) parent = (parent as Element).parentNode as Element | null;
  const at = parent?.sourceCodeLocation?.startTag?.endOffset ?? parent?.sourceCodeLocation?.startOffset ?? 0;
  return { startLine: 1, startCol: 1, startOffset: at, endLine: 1, endCol: 1, endOffset: at } as Location;
}

/** Locates the value inside `name="value"` (quoted or not). */
function rawValue(source: string, start: number, end: number): { raw: string; valueStart: number; valueEnd: number } {
  const text = source.slice(start, end);
  const eq = text.indexOf('=');
  if (eq < 0) return { raw: '', valueStart: end, valueEnd: end };
  let i = eq + 1;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  const quote = text[i];
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, i + 1);
    const valueEnd = close < 0 ? text.length : close;
    return { raw: text.slice(i + 1, valueEnd), valueStart: start + i + 1, valueEnd: start + valueEnd };
  }
  return { raw: text.slice(i), valueStart: start + i, valueEnd: end };
}

export function attr(info: HtmlElementInfo, name: string): HtmlAttr | undefined {
  return info.attrs.find((a) => a.name === name);
}

/** Text content of an element, whitespace collapsed (iterative). */
export function elementText(element: Element): string {
  const parts: string[] = [];
  const stack: Node[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeName === '#text') parts.push((node as TextNode).value);
    else if (isElement(node)) {
      if (node.tagName === 'br') parts.push(' ');
      else if (node.tagName === 'img') parts.push(node.attrs.find((a) => a.name === 'alt')?.value ?? '');
      for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
    }
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}
