import type { Paragraph, PhrasingContent } from 'mdast';
import type { Entry, Link } from '../model/types.js';
import type { InlineLinkContext } from './inline-links.js';
import { INLINE_TAGS, type LinePiece, type PieceLine } from './line-pieces.js';
import { entriesFromLines } from './line-entries.js';

/**
 * Entries of a Markdown paragraph written as lines of inline HTML, each ended by `<br>`:
 * `&nbsp;&nbsp;<a href="…"><b>Name</b></a> - description<br>` (see `entriesFromLines`).
 * `found` holds the paragraph's links (`collectInlineLinks`).
 */
export function paragraphLineEntries(ctx: InlineLinkContext, paragraph: Paragraph, found: readonly Link[]): Entry[] {
  const start = paragraph.position?.start.offset;
  const end = paragraph.position?.end.offset;
  if (start === undefined || end === undefined || found.length === 0) return [];
  const pieceLines = splitParagraph(paragraph.children, found);
  if (!pieceLines) return [];
  return entriesFromLines(pieceLines, { lines: ctx.lines, sectionAt: ctx.sectionAt, links: found, blockSpan: ctx.lines.span(start, end) });
}

function offsets(node: PhrasingContent): { start: number; end: number } | undefined {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? undefined : { start: s, end: e };
}

/** `<br>`, `<br/>`, `<BR />`. */
function isBreakTag(value: string): boolean {
  const v = value.trim().toLowerCase();
  return v === '<br>' || v === '<br/>' || v === '<br />';
}

/** The tag name of an inline HTML node (`<b>`, `</b>`, `<img …>`), lower-cased; '' for comments and others. */
function tagName(value: string): string {
  const v = value.trimStart();
  let i = v.startsWith('</') ? 2 : v.startsWith('<') ? 1 : -1;
  if (i < 0) return '';
  const from = i;
  while (i < v.length && /[a-z0-9]/i.test(v[i]!)) i++;
  return v.slice(from, i).toLowerCase();
}

/** The paragraph cut into lines at each `<br>` or hard break; undefined when it has no `<br>`. */
function splitParagraph(children: PhrasingContent[], found: readonly Link[]): PieceLine[] | undefined {
  const linkAt = new Map<number, Link>();
  for (const link of found) if (!linkAt.has(link.span.start.offset)) linkAt.set(link.span.start.offset, link);
  const out: PieceLine[] = [];
  let current: LinePiece[] = [];
  let sawBreakTag = false;
  const close = (breakEnd: number) => {
    out.push({ pieces: current, breakEnd });
    current = [];
  };
  const stack: { list: PhrasingContent[]; index: number }[] = [{ list: children, index: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.index >= frame.list.length) {
      stack.pop();
      continue;
    }
    const node = frame.list[frame.index++]!;
    const at = offsets(node);
    if (!at) continue;
    switch (node.type) {
      case 'text':
        current.push({ kind: 'text', text: node.value, start: at.start, end: at.end });
        break;
      case 'inlineCode':
        current.push({ kind: 'text', text: node.value, start: at.start, end: at.end });
        break;
      case 'break':
        close(at.end);
        break;
      case 'image':
      case 'imageReference':
        current.push({ kind: 'image', start: at.start, end: at.end });
        break;
      case 'link':
      case 'linkReference': {
        const link = linkAt.get(at.start);
        if (!link || link.isImage) current.push({ kind: 'image', start: at.start, end: at.end });
        else {
          const plain = !node.children.some((c) => c.type === 'break' || (c.type === 'html' && isBreakTag(c.value)));
          const inner = link.textSpan ? { start: link.textSpan.start.offset, end: link.textSpan.end.offset } : undefined;
          current.push({ kind: 'link', link, name: link.text, plain, ...(inner ? { inner } : {}), start: at.start, end: at.end });
        }
        break;
      }
      case 'html': {
        if (isBreakTag(node.value)) {
          sawBreakTag = true;
          close(at.end);
          break;
        }
        const tag = tagName(node.value);
        const link = tag === 'a' ? linkAt.get(at.start) : undefined;
        if (link && link.syntax === 'html') {
          // The link runs over the sibling nodes up to its `</a>`.
          let innerEnd = at.end;
          let plain = true;
          while (frame.index < frame.list.length) {
            const sibling = frame.list[frame.index]!;
            const sAt = offsets(sibling);
            if (!sAt || sAt.start >= link.span.end.offset) break;
            frame.index++;
            if (sAt.end === link.span.end.offset && sibling.type === 'html') innerEnd = sAt.start;
            else innerEnd = sAt.end;
            if (sibling.type === 'break' || (sibling.type === 'html' && (isBreakTag(sibling.value) || !INLINE_TAGS.has(tagName(sibling.value))) && tagName(sibling.value) !== '')) plain = false;
          }
          const piece: LinePiece = link.isImage
            ? { kind: 'image', start: at.start, end: link.span.end.offset }
            : { kind: 'link', link, name: link.text, plain, inner: { start: at.end, end: innerEnd }, start: at.start, end: link.span.end.offset };
          current.push(piece);
        } else if (tag === 'img' || tag === 'picture' || tag === 'svg') current.push({ kind: 'image', start: at.start, end: at.end });
        else if (tag !== '' && !INLINE_TAGS.has(tag)) current.push({ kind: 'block', start: at.start, end: at.end });
        break;
      }
      default:
        if ('children' in node) stack.push({ list: node.children as PhrasingContent[], index: 0 });
        break;
    }
  }
  if (current.length > 0) out.push({ pieces: current });
  return sawBreakTag ? out : undefined;
}
