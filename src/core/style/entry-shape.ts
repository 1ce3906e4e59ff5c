import type { Entry } from '../model/types.js';

/** How one list entry is written: the parts the house style is about, with where they are. */
export interface EntryShape {
  entry: Entry;
  /** The bullet character (`-`, `*`, `+`) and its offset; undefined for ordered lists. */
  bullet?: { char: string; offset: number };
  /** Nesting depth (0 for a top-level item). */
  depth: number;
  /**
   * The separator between the name and the description exactly as written (" - ", ": "),
   * with its range; '' when the description follows with only a space; undefined when the
   * entry has no description or something else stands between (a badge, a parenthesis).
   */
  separator?: { text: string; start: number; end: number };
  /** Whether a description follows the name. */
  described?: boolean;
  /** The description's first letter case, when it starts with an ordinary word. */
  firstLetter?: { upper: boolean; offset: number };
  /** Sentence punctuation at the end of the description, and where the description ends. */
  ending?: { punctuated: boolean; char: string; end: number };
}

const SEPARATOR = /^[ \t]*(?:--?|—|–|:)[ \t]*/u;
/** Markup that may close the name: `**[name](url)**`, `_[name](url)_`. */
const CLOSING_MARKS = /^[*_~]*/;
/** After the first word: it is a path or identifier ("net/http", "fmt.Println"), or the subject of "… is a" — a name either way. */
const NAMED_SUBJECT = /^(?:[/.:(][\p{L}\p{N}]|\s+(?:is|are|was)\s)/u;
const MARKER = /^[ \t]*([-*+])[ \t]/;
const LIST_LINE = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/** Reads the shape of a list entry from the source. Table rows have no shape (undefined). */
export function entryShape(source: string, entry: Entry): EntryShape | undefined {
  if (entry.container.kind !== 'list' || !entry.primaryLink || isNavigation(entry)) return undefined;
  const itemStart = entry.span.start.offset;
  const marker = MARKER.exec(source.slice(itemStart, itemStart + 8));
  const shape: EntryShape = {
    entry,
    depth: entry.container.parents.length,
    ...(marker ? { bullet: { char: marker[1]!, offset: itemStart + marker[0].indexOf(marker[1]!) } } : {}),
  };
  let at = entry.primaryLink.span.end.offset;
  at += CLOSING_MARKS.exec(source.slice(at, at + 4))![0].length;
  const end = Math.min(paragraphEnd(source, at), entry.span.end.offset);
  const rest = source.slice(at, end);
  if (rest.trim() === '') return shape;
  const sep = SEPARATOR.exec(rest);
  let descStart: number;
  if (sep && sep[0].trim() !== '') {
    // Runs of spaces render as one: " -  " is written " - " as far as a reader can tell.
    shape.separator = { text: sep[0].replace(/[ \t]+/g, ' '), start: at, end: at + sep[0].length };
    descStart = at + sep[0].length;
  } else if (/^[ \t]+\p{L}/u.test(rest)) {
    const spaces = /^[ \t]+/.exec(rest)![0];
    shape.separator = { text: '', start: at, end: at + spaces.length };
    descStart = at + spaces.length;
  } else {
    return shape;
  }
  // Badges after the description (`[![OSS][icon]](…)`, `![Freeware][icon]`) are not part of its sentence.
  const badge = entry.links.find((l) => l.isImage && l.span.start.offset >= descStart && l.span.start.offset < end);
  const descEnd = badge ? Math.max(descStart, badge.span.start.offset - (source[badge.span.start.offset - 1] === '[' ? 1 : 0)) : end;
  const description = source.slice(descStart, descEnd);
  if (description.trim() === '') return shape;
  shape.described = true;
  const word = /^\p{L}[\p{L}\p{N}'’._-]*/u.exec(description)?.[0];
  if (word && !isName(word, entry) && !NAMED_SUBJECT.test(description.slice(word.length))) shape.firstLetter = { upper: /^\p{Lu}/u.test(word), offset: descStart };
  const trimmed = description.trimEnd();
  const last = trimmed.slice(-1);
  // Only a letter, a digit or sentence punctuation tells: after a code span, a link or metadata
  // such as "(Demo, Source Code) `MIT` `Go`" the sentence's own end is not at the end.
  if (/[\p{L}\p{N}.!?…]/u.test(last)) shape.ending = { punctuated: /[.!?…]/u.test(last), char: last, end: descStart + trimmed.length };
  return shape;
}

/**
 * Whether the description's first word is a name whose case is its own: a capital after the
 * first letter ("iOS", "gRPC"), a digit, dot or underscore ("k8s", "lodash.get"), or the
 * entry's own name or a part of its link ("gev is a network library" for github.com/…/gev).
 */
function isName(word: string, entry: Entry): boolean {
  if (/\p{Lu}/u.test(word.slice(1)) || /[\p{N}._]/u.test(word)) return true;
  const lower = word.toLowerCase().replace(/['’]s$/u, '');
  const haystack = `${entry.name} ${entry.primaryLink?.url ?? ''}`.toLowerCase();
  if (!haystack.includes(lower)) return false;
  if (lower.includes('-')) return true;
  return haystack.split(/[^\p{L}\p{N}]+/u).includes(lower);
}

/** End of the item's first paragraph: the first blank line or nested list item after `from`. */
function paragraphEnd(source: string, from: number): number {
  let lineEnd = source.indexOf('\n', from);
  if (lineEnd === -1) return source.length;
  for (;;) {
    const next = lineEnd + 1;
    if (next >= source.length) return lineEnd;
    const nextEnd = source.indexOf('\n', next);
    const line = source.slice(next, nextEnd === -1 ? source.length : nextEnd);
    // "-[name](…)" without the space is a broken list item, not more of this description.
    if (line.trim() === '' || LIST_LINE.test(line) || /^[ \t]*(?:#|\||<|>|[-*+]\[)/.test(line)) return lineEnd;
    if (nextEnd === -1) return source.length;
    lineEnd = nextEnd;
  }
}

/** A line of a table of contents (`- [Tools](#tools)`): navigation, not an entry of the list. */
export function isNavigation(entry: Entry): boolean {
  return entry.primaryLink?.url.trim().startsWith('#') ?? false;
}
