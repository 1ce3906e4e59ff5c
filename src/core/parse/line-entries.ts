import type { Entry, Link, Section, Span } from '../model/types.js';
import type { LineIndex } from './line-index.js';
import type { LinePiece, PieceLine } from './line-pieces.js';
import { dropSeparator, hasVisibleMark, isLeadIn, startsWithSeparator } from './lead-in.js';
import { nameSpanOf } from './name-span.js';
import { readsAsSponsored } from '../text/sponsor-words.js';

export interface LineEntryContext {
  lines: LineIndex;
  sectionAt(offset: number): Section;
  /** The links of the block, sorted by start (images included). */
  links: readonly Link[];
  /** The element or paragraph that holds the lines. */
  blockSpan: Span;
}

/**
 * Entries of a block written as lines ended by `<br>` (the `lines` form). A block with no
 * `<br>` is prose. A line is an entry when, after a lead-in (spaces, `&nbsp;`, bullets, emoji,
 * images), it starts with a plain link to a page (not `#fragment`) and then has nothing or a
 * description after a separator (`Name - what it does`). A line with no description is an
 * entry when its name is set apart (a bullet, an emoji or icon, an `&nbsp;` indent, a bold
 * name: `&nbsp;<a href="…"><b>Name</b></a><br>`), or when another line of the block is an
 * entry with a description (the block is a list of entries, some not described). Lines of only links and separators are navigation.
 * When fewer than half of the block's non-blank lines are entries, the block is prose that
 * happens to hold a link, and gives none; so does a sponsor's block (its section's title or
 * one of its other lines says sponsor, partner, "thanks to"…).
 */
export function entriesFromLines(pieceLines: readonly PieceLine[], ctx: LineEntryContext): Entry[] {
  if (!pieceLines.some((l) => l.breakEnd !== undefined)) return [];
  // A sponsor's block ("Special thanks to:", a "Sponsors" section) holds attributions, not entries.
  if (readsAsSponsored(ctx.sectionAt(ctx.blockSpan.start.offset).title)) return [];
  const entries: Entry[] = [];
  let nonBlank = 0;
  let described = false;
  const bare = new Set<Entry>();
  for (const line of pieceLines) {
    if (isBlank(line.pieces)) continue;
    nonBlank++;
    const found = lineEntry(line, ctx);
    if (found) {
      entries.push(found.entry);
      if (found.bare) bare.add(found.entry);
      else described ||= found.entry.description !== '';
    } else if (readsAsSponsored(lineText(line.pieces))) return [];
  }
  // Unmarked names alone on their lines are entries only next to a described entry.
  const kept = described ? entries : entries.filter((e) => !bare.has(e));
  return kept.length > 0 && kept.length * 2 >= nonBlank ? kept : [];
}

function lineText(pieces: readonly LinePiece[]): string {
  return pieces.map((p) => (p.kind === 'text' ? p.text : p.kind === 'link' ? p.name : ' ')).join('');
}

function isBlank(pieces: readonly LinePiece[]): boolean {
  return pieces.every((p) => p.kind === 'text' && p.text.trim() === '');
}

/** An `<a>` whose text starts in `<b>` or `<strong>`: a name set apart as a list's names are. */
const BOLD_NAME = /^<a\b[^>]*>\s*<(?:b|strong)\b/i;

/** The entry a line holds; `bare` when it is a name alone on its line with no bullet, emoji or icon. */
function lineEntry(line: PieceLine, ctx: LineEntryContext): { entry: Entry; bare: boolean } | undefined {
  const { pieces } = line;
  if (pieces.some((p) => p.kind === 'block')) return undefined;
  const at = pieces.findIndex((p) => p.kind === 'link');
  if (at < 0) return undefined;
  const lead = pieces.slice(0, at);
  const leadText = lead.map((p) => (p.kind === 'text' ? p.text : '')).join('');
  if (!isLeadIn(leadText)) return undefined;
  const name = pieces[at] as Extract<LinePiece, { kind: 'link' }>;
  const url = name.link.url.trim();
  if (!name.plain || url === '' || url.startsWith('#') || name.name.trim() === '') return undefined;
  const rest = pieces.slice(at + 1);
  const restText = collapse(rest.map((p) => (p.kind === 'text' ? p.text : p.kind === 'link' ? p.name : '')).join(''));
  const ownText = collapse(rest.map((p) => (p.kind === 'text' ? p.text : ' ')).join(''));
  // "Name" alone on a line with no bullet, emoji, icon, `&nbsp;` indent or bold name: see entriesFromLines.
  const marked = hasVisibleMark(leadText) || leadText.includes('\u00a0') || lead.some((p) => p.kind === 'image') || BOLD_NAME.test(ctx.lines.source.slice(name.link.span.start.offset, name.link.span.end.offset));
  const bare = restText === '' && !marked;
  if (restText !== '' && !startsWithSeparator(restText)) return undefined;
  // "<a>Contents</a> • <a>Tools</a>": links and separators only.
  if (rest.some((p) => p.kind === 'link') && isLeadIn(ownText)) return undefined;

  const { source } = ctx.lines;
  // Where the line's text is written: `&nbsp;` counts, spaces and newlines do not.
  const written = (p: LinePiece) => skipSpaceForward(source, p.start, p.end) < p.end;
  const first = pieces.find(written)!;
  const last = [...pieces].reverse().find(written)!;
  const start = skipSpaceForward(source, first.start, first.end);
  const end = skipSpaceBackward(source, last.start, last.end);
  const span = ctx.lines.span(start, end);
  const whole = ctx.lines.wholeLineSpan(start, line.breakEnd ?? end);
  const isWhole = whole.start.column === 1 && (whole.end.column === 1 || whole.end.offset === source.length) && whole.end.offset >= (line.breakEnd ?? end);
  const section = ctx.sectionAt(name.link.span.start.offset);
  const run = name.inner ? nameRun(source, name.inner.start, name.inner.end, name.name.trim()) : undefined;
  const nameSpan = nameSpanOf(source, name.link) ?? (run ? ctx.lines.span(run.start, run.end) : undefined);
  const sectionLabel = section.title ? `section "${section.title}"` : 'the top of the file';
  const entry: Entry = {
    name: name.name.trim(),
    ...(nameSpan ? { nameSpan } : {}),
    primaryLink: name.link,
    links: linksWithin(ctx.links, start, end),
    description: dropSeparator(restText).trim(),
    span,
    removalSpan: isWhole ? whole : span,
    section,
    container: { kind: 'html', form: 'lines', blockSpan: ctx.blockSpan },
    scope: `section:${section.id}`,
    scopeLabel: sectionLabel,
  };
  return { entry, bare };
}

/** The links (sorted by start) that start in [start, end): a binary search, so a block of many lines stays linear. */
export function linksWithin(links: readonly Link[], start: number, end: number): Link[] {
  let lo = 0;
  let hi = links.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (links[mid]!.span.start.offset < start) lo = mid + 1;
    else hi = mid;
  }
  const out: Link[] = [];
  for (let i = lo; i < links.length && links[i]!.span.start.offset < end; i++) out.push(links[i]!);
  return out;
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

function skipSpaceForward(source: string, start: number, end: number): number {
  let i = start;
  while (i < end && isSpace(source[i])) i++;
  return i;
}

function skipSpaceBackward(source: string, start: number, end: number): number {
  let i = end;
  while (i > start && isSpace(source[i - 1])) i--;
  return i;
}

/**
 * Where a link's name is written inside its content (`<b>Name</b>`, `<code>name</code>`): the
 * one run of text between tags, when it reads exactly as the name (no entity, no second run).
 */
export function nameRun(source: string, start: number, end: number, name: string): { start: number; end: number } | undefined {
  let found: { start: number; end: number } | undefined;
  let i = start;
  while (i < end) {
    if (isTagStart(source, i)) {
      const close = source.indexOf('>', i);
      if (close < 0 || close >= end) return undefined;
      i = close + 1;
      continue;
    }
    let j = i;
    while (j < end && !isTagStart(source, j)) j++;
    const runStart = skipSpaceForward(source, i, j);
    const runEnd = skipSpaceBackward(source, runStart, j);
    if (runEnd > runStart) {
      if (found) return undefined;
      found = { start: runStart, end: runEnd };
    }
    i = j;
  }
  return found && source.slice(found.start, found.end) === name ? found : undefined;
}

function isTagStart(source: string, i: number): boolean {
  if (source[i] !== '<') return false;
  const next = source[i + 1] ?? '';
  return next === '/' || next === '!' || (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
}
