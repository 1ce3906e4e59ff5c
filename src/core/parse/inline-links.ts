import type { Definition, Nodes, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Link, Section, Span } from '../model/types.js';
import type { LineIndex } from './line-index.js';
import { attr, elementInfo, parseHtmlFragment } from './html-fragment.js';
import { trimEndChars } from '../text/trim.js';

export interface InlineLinkContext {
  source: string;
  lines: LineIndex;
  definitions: Map<string, Definition>;
  sectionAt(offset: number): Section;
}

export function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase();
}

function nodeSpan(lines: LineIndex, node: Nodes): Span | undefined {
  const pos = node.position;
  if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) return undefined;
  return lines.span(pos.start.offset, pos.end.offset);
}

/** Where a definition's destination is written: `[label]: <url>` or `[label]: url`. */
export function definitionUrlSpan(source: string, lines: LineIndex, def: Definition): Span | undefined {
  const start = def.position?.start.offset;
  const end = def.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const at = { start, end };
  const raw = source.slice(at.start, at.end);
  let i = raw.indexOf(']:');
  if (i < 0) return undefined;
  i += 2;
  while (i < raw.length && /\s/.test(raw[i]!)) i++;
  if (raw[i] === '<') {
    const close = raw.indexOf('>', i);
    return close < 0 ? undefined : lines.span(at.start + i + 1, at.start + close);
  }
  let j = i;
  while (j < raw.length && !/\s/.test(raw[j]!)) j++;
  return lines.span(at.start + i, at.start + j);
}

/** A link whose visible content is only images (a badge): a link, but never an entry's name. */
function isBadge(children: PhrasingContent[]): boolean {
  const meaningful = children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return meaningful.length > 0 && meaningful.every((c) => c.type === 'image' || c.type === 'imageReference');
}

/** Locates the destination inside `[text](url "title")`, starting after the text. */
function markdownUrlSpan(ctx: InlineLinkContext, textEnd: number, linkEnd: number): Span | undefined {
  const src = ctx.source;
  let i = src.indexOf('](', textEnd);
  if (i < 0 || i >= linkEnd) return undefined;
  i += 2;
  while (i < linkEnd && (src[i] === ' ' || src[i] === '\t' || src[i] === '\n')) i++;
  if (src[i] === '<') {
    const close = src.indexOf('>', i + 1);
    if (close < 0 || close > linkEnd) return undefined;
    return ctx.lines.span(i + 1, close);
  }
  let depth = 0;
  let j = i;
  for (; j < linkEnd; j++) {
    const ch = src[j]!;
    if (ch === '\\') {
      j++;
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth === 0) break;
      depth--;
    } else if (ch === ' ' || ch === '\t' || ch === '\n') break;
  }
  return ctx.lines.span(i, j);
}

/** The destination of `![alt](url "title")`: after the bracket that closes the alt text. */
function imageUrlSpan(ctx: InlineLinkContext, span: Span): Span | undefined {
  const src = ctx.source;
  let depth = 0;
  for (let i = span.start.offset + 1; i < span.end.offset; i++) {
    const ch = src[i];
    if (ch === '\\') i++;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return src[i + 1] === '(' ? markdownUrlSpan(ctx, i, span.end.offset) : undefined;
  }
  return undefined;
}

function childrenSpan(ctx: InlineLinkContext, children: PhrasingContent[]): Span | undefined {
  const first = children[0]?.position?.start.offset;
  const last = children[children.length - 1]?.position?.end.offset;
  if (first === undefined || last === undefined) return undefined;
  return ctx.lines.span(first, last);
}

/**
 * Collects every link in phrasing content (a paragraph, heading or table cell):
 * Markdown links, references, autolinks, images, and `<a>` / `<img>` written as inline HTML.
 * Code spans are not links.
 */
export function collectInlineLinks(ctx: InlineLinkContext, nodes: PhrasingContent[]): Link[] {
  const links: Link[] = [];
  const stack: { nodes: PhrasingContent[]; insideLink: boolean }[] = [{ nodes, insideLink: false }];
  while (stack.length > 0) {
    const { nodes: list, insideLink } = stack.pop()!;
    for (let index = 0; index < list.length; index++) {
      const node = list[index]!;
      const span = nodeSpan(ctx.lines, node);
      if (!span) continue;
      const section = ctx.sectionAt(span.start.offset);
      if (node.type === 'link') {
        const raw = ctx.source.slice(span.start.offset, span.end.offset);
        const syntax = raw.startsWith('[') ? 'markdown' : 'autolink';
        const textSpan = childrenSpan(ctx, node.children);
        let urlSpan: Span | undefined;
        if (syntax === 'markdown') urlSpan = markdownUrlSpan(ctx, textSpan?.end.offset ?? span.start.offset + 1, span.end.offset);
        else if (raw.startsWith('<')) urlSpan = ctx.lines.span(span.start.offset + 1, span.end.offset - 1);
        else urlSpan = span;
        links.push({
          url: node.url,
          text: toString(node),
          syntax,
          isImage: isBadge(node.children),
          span,
          ...(urlSpan ? { urlSpan } : {}),
          ...(textSpan ? { textSpan } : {}),
          section,
          inDescription: false,
        });
        stack.push({ nodes: node.children, insideLink: true });
      } else if (node.type === 'linkReference') {
        const def = ctx.definitions.get(normalizeLabel(node.identifier));
        if (def) {
          const textSpan = childrenSpan(ctx, node.children);
          const urlSpan = definitionUrlSpan(ctx.source, ctx.lines, def);
          links.push({
            url: def.url,
            text: toString(node),
            syntax: 'reference',
            isImage: isBadge(node.children),
            span,
            ...(urlSpan ? { urlSpan } : {}),
            ...(textSpan ? { textSpan } : {}),
            section,
            inDescription: false,
          });
        }
        stack.push({ nodes: node.children, insideLink: true });
      } else if (node.type === 'image' || node.type === 'imageReference') {
        const url = node.type === 'image' ? node.url : ctx.definitions.get(normalizeLabel(node.identifier))?.url;
        if (url !== undefined) {
          const def = node.type === 'imageReference' ? ctx.definitions.get(normalizeLabel(node.identifier)) : undefined;
          const urlSpan = node.type === 'image' ? imageUrlSpan(ctx, span) : def ? definitionUrlSpan(ctx.source, ctx.lines, def) : undefined;
          links.push({ url, text: node.alt ?? '', syntax: node.type === 'image' ? 'markdown' : 'reference', isImage: true, span, ...(urlSpan ? { urlSpan } : {}), section, inDescription: false });
        }
      } else if (node.type === 'html') {
        const link = inlineHtmlLink(ctx, list, index, span, section);
        if (link) links.push(link);
      } else if (node.type === 'text' && !insideLink) {
        links.push(...bareSchemeLinks(ctx, node.value, span, section));
      } else if ('children' in node) {
        stack.push({ nodes: node.children as PhrasingContent[], insideLink });
      }
    }
  }
  return links.sort((a, b) => a.span.start.offset - b.span.start.offset);
}

/** `<a href="…">text</a>` or `<img src="…">` written inline: the start tag is one html node. */
function inlineHtmlLink(
  ctx: InlineLinkContext,
  siblings: PhrasingContent[],
  index: number,
  span: Span,
  section: Section,
): Link | undefined {
  const node = siblings[index] as { value: string };
  const value = node.value.trimStart().toLowerCase();
  const isAnchor = value.startsWith('<a ') || value.startsWith('<a\n') || value.startsWith('<a\t');
  const isImg = value.startsWith('<img');
  if (!isAnchor && !isImg) return undefined;
  const fragment = parseHtmlFragment(ctx.source, span.start.offset, span.end.offset);
  const first = (fragment.root.childNodes[0] ?? undefined) as Parameters<typeof elementInfo>[1] | undefined;
  if (!first || !('tagName' in first) || !first.sourceCodeLocation) return undefined;
  const info = elementInfo(fragment, first);
  const target = attr(info, isImg ? 'src' : 'href');
  if (!target) return undefined;
  const urlSpan = target.valueStart >= 0 ? ctx.lines.span(target.valueStart, target.valueEnd) : undefined;
  if (isImg) {
    return { url: target.value, text: attr(info, 'alt')?.value ?? '', syntax: 'html', isImage: true, span, ...(urlSpan ? { urlSpan } : {}), section, inDescription: false };
  }
  // The text runs until the matching </a> html node.
  const textNodes: PhrasingContent[] = [];
  let end = span.end.offset;
  let isImage = false;
  for (let j = index + 1; j < siblings.length; j++) {
    const sib = siblings[j]!;
    if (sib.type === 'html' && /^<\/a\s*>/i.test(sib.value.trim())) {
      end = sib.position?.end.offset ?? end;
      break;
    }
    if (sib.type === 'html' && /^<img/i.test(sib.value.trim())) isImage = true;
    textNodes.push(sib);
  }
  // Inline tags inside the link (`<b>Name</b>`) are markup, not its text.
  const text = textNodes.map((n) => toString(n, { includeHtml: false })).join('').trim();
  const textSpan = textNodes.length > 0 ? childrenSpan(ctx, textNodes) : undefined;
  return {
    url: target.value,
    text,
    syntax: 'html',
    isImage: isImage && text === '',
    span: ctx.lines.span(span.start.offset, end),
    ...(urlSpan ? { urlSpan } : {}),
    ...(textSpan ? { textSpan } : {}),
    section,
    inDescription: false,
  };
}

/** GFM autolinks http(s), www. and e-mail; bare URLs of other schemes (ftp://, slack://) are links too, as lychee reads them. */
const BARE_URL = /(?<![\w/])([a-z][a-z0-9+.-]{1,31}):\/\/[^\s<>"'`]+/gi;

function bareSchemeLinks(ctx: InlineLinkContext, value: string, span: Span, section: Section): Link[] {
  if (!value.includes('://')) return [];
  const raw = ctx.source.slice(span.start.offset, span.end.offset);
  if (raw !== value) return [];
  const found: Link[] = [];
  for (const m of value.matchAll(BARE_URL)) {
    const scheme = m[1]!.toLowerCase();
    if (scheme === 'http' || scheme === 'https') continue;
    const url = trimEndChars(m[0], '.,;:!?)]');
    const start = span.start.offset + m.index;
    const urlSpan = ctx.lines.span(start, start + url.length);
    found.push({ url, text: url, syntax: 'autolink', isImage: false, span: urlSpan, urlSpan, section, inDescription: false });
  }
  return found;
}
