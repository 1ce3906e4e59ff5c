/**
 * The line scanner behind the parser's fast path (fast-markdown-tree.ts): it sorts each line
 * into blank, ATX heading, simple list item, pipe-table row, paragraph text or other, and reads the inline
 * content whose mdast is certain. Pure string work, no Markdown parsing.
 *
 * Certain inline content is plain text, links `[Text](url)` and images `![alt](url)`, in
 * any order, made of characters that can start or close no inline construct: no code (`), emphasis (* _),
 * strikethrough (~), HTML or autolinks (< >), brackets other than a link's or an image's,
 * escapes (\), footnotes (^), e-mail autolinks (@) or table cells (|); no character
 * reference (`&amp;`) and no `www.` or `://` (GFM autolink literals) in the text; no control
 * characters or tabs (NUL is replaced, tabs change columns); no space at either end.
 */
import type { List, PhrasingContent, RootContent } from 'mdast';

export type Point = NonNullable<List['position']>['start'];

/** What the line just before a block is: nothing (start of file), a blank line, or an ATX heading line. */
export type BlockBefore = 'start' | 'blank' | 'heading';
/**
 * What ends a block: the end of the file, a blank line, or an ATX heading line right after
 * it; `any` for a block that closes itself (a heading), whatever follows.
 */
export type BlockAfter = 'end' | 'blank' | 'heading' | 'any';

/** A block of whole lines the fast path can build, still to be proved by remark's tree of the rest. */
export interface FastBlock {
  kind: 'list' | 'table' | 'html' | 'paragraph' | 'heading';
  /** Offset of the first line's first character. */
  start: number;
  /** Offset just past the last line's last character. */
  end: number;
  /** 1-based numbers of the first and last lines. */
  firstLine: number;
  lastLine: number;
  before: BlockBefore;
  after: BlockAfter;
  /** The block's mdast, exactly as remark builds it. */
  build: () => RootContent;
}

/** A character of certain text (see above). */
const TEXT_CHAR = String.raw`[^\x00-\x1f\x7f\`*_~<>\[\]\\^@|]`;
// URL characters: printable ASCII without spaces, quotes, parentheses, angle brackets,
// backslashes, backticks, brackets and pipes.
const URL_CHAR = String.raw`[!#-&*-;=?-Z^_a-z{}~]`;
/** Plain text up to the next `[` or the end (sticky). */
const TEXT = new RegExp(`${TEXT_CHAR}+`, 'y');
/** A character reference (`&amp;`, `&#123;`, `&#x1F;`): decoded by Markdown, so never certain. */
const ENTITY = /&#?[a-z0-9]+;/i;
/** GFM autolink literals start at `www.` or a protocol (`http://`, and any other `…://`). */
const AUTOLINK_LITERAL = /:\/\/|www\./i;
const ATX_HEADING = /^(#{1,6})(?:[ \t]|$)/;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/** A piece of certain inline content: plain text, a link (with its text) or an image (with its alt text). */
export interface InlinePart {
  kind: 'text' | 'link' | 'image';
  /** The text itself, the link's text or the image's alt text. */
  text: string;
  url?: string;
}

/** A link or image `[text](url)` at a given position (sticky); an image's alt text may be empty. */
const LINK_OR_IMAGE = new RegExp(`\\[(${TEXT_CHAR}*)\\]\\((${URL_CHAR}+)\\)`, 'y');

/**
 * Reads content (already without its outer spaces) as certain inline content: plain text,
 * links and images, in any order; undefined when anything in it is not certain.
 */
export function readInline(content: string): InlinePart[] | undefined {
  if (content === '' || ENTITY.test(content) || content.endsWith(' ') || content.startsWith(' ')) return undefined;
  const parts: InlinePart[] = [];
  for (let at = 0; at < content.length; ) {
    if (content.charCodeAt(at) === 91 /* [ */) {
      LINK_OR_IMAGE.lastIndex = at;
      const m = LINK_OR_IMAGE.exec(content);
      if (!m) return undefined;
      const text = m[1]!;
      if (text.startsWith(' ') || text.endsWith(' ') || AUTOLINK_LITERAL.test(text)) return undefined;
      // `![`: an image. Its `!` was read as the end of the text before it.
      const last = parts[parts.length - 1];
      if (at > 0 && content.charCodeAt(at - 1) === 33 /* ! */ && last?.kind === 'text') {
        last.text = last.text.slice(0, -1);
        if (last.text === '') parts.pop();
        parts.push({ kind: 'image', text, url: m[2]! });
      } else {
        // `[x]`, `[X]` and `[ ]` are task-list markers at the start of an item.
        if (text === '' || text === 'x' || text === 'X') return undefined;
        parts.push({ kind: 'link', text, url: m[2]! });
      }
      at = LINK_OR_IMAGE.lastIndex;
    } else {
      TEXT.lastIndex = at;
      const m = TEXT.exec(content);
      if (!m) return undefined;
      if (AUTOLINK_LITERAL.test(m[0])) return undefined;
      parts.push({ kind: 'text', text: m[0] });
      at = TEXT.lastIndex;
    }
  }
  return parts;
}

/** How many characters a part takes in the source. */
export function partLength(part: InlinePart): number {
  if (part.kind === 'text') return part.text.length;
  return part.text.length + part.url!.length + (part.kind === 'image' ? 5 : 4);
}

export function point(line: number, lineStart: number, offset: number): Point {
  return { line, column: offset - lineStart + 1, offset };
}

/** The phrasing nodes of certain inline content starting at `offset` on a line. */
export function inlineNodes(parts: readonly InlinePart[], line: number, lineStart: number, offset: number): PhrasingContent[] {
  const at = (o: number) => point(line, lineStart, o);
  const nodes: PhrasingContent[] = [];
  let start = offset;
  for (const part of parts) {
    const end = start + partLength(part);
    if (part.kind === 'text') {
      nodes.push({ type: 'text', value: part.text, position: { start: at(start), end: at(end) } });
    } else if (part.kind === 'image') {
      nodes.push({ type: 'image', title: null, url: part.url!, alt: part.text, position: { start: at(start), end: at(end) } });
    } else {
      const textEnd = start + 1 + part.text.length;
      nodes.push({
        type: 'link',
        title: null,
        url: part.url!,
        children: [{ type: 'text', value: part.text, position: { start: at(start + 1), end: at(textEnd) } }],
        position: { start: at(start), end: at(end) },
      });
    }
    start = end;
  }
  return nodes;
}

export const enum LineKind {
  Other,
  Blank,
  Heading,
  /** `- [Text](url) rest` or `- Plain text`, at the first column or indented by two spaces a level: a simple list item. */
  Entry,
  /** `| … |`: a row of a pipe table (or a table's delimiter row). */
  PipeRow,
  /** Certain inline content from the first column, starting with a letter, a digit, a link or an image: a paragraph line. */
  Text,
}

export interface Line {
  kind: LineKind;
  start: number;
  end: number;
  /** Entry lines: the indentation (0, 2, 4 or 6: two spaces a level of nesting), the bullet and the content after `- `. */
  indent?: number;
  bullet?: string;
  /** Entry, text and heading lines: the certain inline content (after the bullet for entries, after `## ` for headings). */
  inline?: InlinePart[];
  /** Heading lines with certain content: the number of `#`. */
  depth?: number;
}

/** Plain item text must start with a letter or digit (no block construct: `#`, `>`, `1.`, `---`…). */
const PLAIN_ITEM_START = /^[\p{L}\p{N}]/u;
const ORDERED_MARKER = /^\d{1,9}[.)]/;

function isBullet(code: number): boolean {
  return code === 45 /* - */ || code === 42 /* * */ || code === 43; /* + */
}

/**
 * The content of a list item after its bullet and space, or of a paragraph line, when
 * certain: it must start with a link, an image, or a letter or digit (not `1.`).
 */
function readItem(content: string): InlinePart[] | undefined {
  const first = content.charCodeAt(0);
  const linkOrImage = first === 91 /* [ */ || (first === 33 /* ! */ && content.charCodeAt(1) === 91);
  if (!linkOrImage && (!PLAIN_ITEM_START.test(content) || ORDERED_MARKER.test(content))) return undefined;
  return readInline(content);
}

function isBlank(source: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function scanLine(source: string, start: number, end: number): Line {
  if (isBlank(source, start, end)) return { kind: LineKind.Blank, start, end };
  const first = source.charCodeAt(start);
  if (first === 35 /* # */) {
    const hashes = ATX_HEADING.exec(source.slice(start, Math.min(end, start + 8)));
    if (!hashes) return { kind: LineKind.Other, start, end };
    // `## Text`: one space, then certain content that does not end in a closing `#`.
    const depth = hashes[1]!.length;
    if (source.charCodeAt(start + depth) === 32 && source.charCodeAt(end - 1) !== 35 /* # */) {
      const inline = readItem(source.slice(start + depth + 1, end));
      if (inline) return { kind: LineKind.Heading, start, end, depth, inline };
    }
    return { kind: LineKind.Heading, start, end };
  }
  if (first === 124 /* | */) {
    return { kind: end - start >= 2 && source.charCodeAt(end - 1) === 124 ? LineKind.PipeRow : LineKind.Other, start, end };
  }
  // A list item at the first column, or indented by two spaces a level (nested under one).
  let indent = 0;
  while (indent < 7 && source.charCodeAt(start + indent) === 32) indent++;
  const bullet = start + indent;
  if (indent % 2 === 1) return { kind: LineKind.Other, start, end };
  if (isBullet(source.charCodeAt(bullet)) && source.charCodeAt(bullet + 1) === 32) {
    const inline = readItem(source.slice(bullet + 2, end));
    if (inline) return { kind: LineKind.Entry, start, end, indent, bullet: source[bullet]!, inline };
    return { kind: LineKind.Other, start, end };
  }
  if (indent === 0) {
    // A letter or digit (not `1.`) or a link at the first column starts no block construct.
    const inline = readItem(source.slice(start, end));
    if (inline) return { kind: LineKind.Text, start, end, inline };
  }
  return { kind: LineKind.Other, start, end };
}

/** The lines of a text, sorted; none for text with carriage returns (its line endings are left to remark). */
export function scanLines(source: string): Line[] {
  if (source.includes('\r')) return [];
  const lines: Line[] = [];
  for (let start = 0; start <= source.length; ) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    lines.push(scanLine(source, start, end));
    start = end + 1;
  }
  return lines;
}

/** What comes before a block starting at line index `i`, or undefined when it cannot start one. */
export function blockBefore(lines: readonly Line[], i: number): BlockBefore | undefined {
  const prev = lines[i - 1];
  if (prev === undefined) return 'start';
  return prev.kind === LineKind.Blank ? 'blank' : prev.kind === LineKind.Heading ? 'heading' : undefined;
}

/**
 * Whether the last non-blank line before line index `i` looks like part of a list (a list
 * marker, or indented): a list run there would most likely continue that list, so it is not
 * worth a parse to find out.
 */
export function followsList(source: string, lines: readonly Line[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && lines[k]!.kind === LineKind.Blank) k--;
  return looksLikeListLine(source, lines[k]);
}

/** Whether a line is a list item's or indented (it may belong to a list). */
export function looksLikeListLine(source: string, line: Line | undefined): boolean {
  if (line === undefined) return false;
  const c = source.charCodeAt(line.start);
  return c === 32 || c === 9 || LIST_MARKER.test(source.slice(line.start, Math.min(line.end, line.start + 12)));
}

/**
 * Whether the block on line indexes `i` to `j - 1` stands between two lists, judged by lines:
 * taken out, it would leave them to merge into one, so it is not worth a parse to try.
 */
export function betweenLists(source: string, lines: readonly Line[], i: number, j: number): boolean {
  if (!followsList(source, lines, i)) return false;
  let k = j;
  while (k < lines.length && lines[k]!.kind === LineKind.Blank) k++;
  return looksLikeListLine(source, lines[k]);
}

/**
 * What ends a block whose last line is at index `j - 1`, or undefined when it does not end
 * cleanly. `mustEndList`: after a blank line, the next non-blank line must end a list too —
 * not indented (no continuation of the last item) and not a list marker (no sibling or
 * neighbouring list). `headingEnds`: an ATX heading line right after ends the block.
 */
export function blockAfter(source: string, lines: readonly Line[], j: number, mustEndList: boolean, headingEnds: boolean): BlockAfter | undefined {
  const next = lines[j];
  if (next === undefined) return 'end';
  if (next.kind === LineKind.Heading) return headingEnds ? 'heading' : undefined;
  if (next.kind !== LineKind.Blank) return undefined;
  let k = j;
  while (k < lines.length && lines[k]!.kind === LineKind.Blank) k++;
  const following = lines[k];
  if (following === undefined) return 'end';
  if (mustEndList) {
    const c = source.charCodeAt(following.start);
    if (c === 32 || c === 9) return undefined;
    if (LIST_MARKER.test(source.slice(following.start, Math.min(following.end, following.start + 12)))) return undefined;
  }
  return 'blank';
}

/** The runs of consecutive lines of one kind, in order, as `[first, end)` indexes into `lines`. */
export function runsOfKind(lines: readonly Line[], kind: LineKind): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < lines.length; ) {
    if (lines[i]!.kind !== kind) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < lines.length && lines[j]!.kind === kind) j++;
    runs.push([i, j]);
    i = j;
  }
  return runs;
}
