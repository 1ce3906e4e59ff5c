import type { Link } from '../model/types.js';

/**
 * One line of an HTML-written list, as a flat sequence of what a reader sees, in order.
 * Offsets are into the list's source.
 */
export type LinePiece =
  /** Visible text (entities decoded); `start`/`end` are where it is written. */
  | { kind: 'text'; text: string; start: number; end: number }
  /** An image, a badge or a link whose content is only images. */
  | { kind: 'image'; start: number; end: number }
  /**
   * A link with visible text. `name` is that text without image alt text; `plain` is false
   * when the link holds a line break or a block element (a sponsor banner, not a name).
   * `inner` is where its content is written (between the start and end tags), when known.
   */
  | { kind: 'link'; link: Link; name: string; plain: boolean; inner?: { start: number; end: number }; start: number; end: number }
  /** A block element or other markup that does not belong in an entry's line. */
  | { kind: 'block'; start: number; end: number };

/** A line: its pieces and, when a `<br>` ends it, where that `<br>` ends. */
export interface PieceLine {
  pieces: LinePiece[];
  breakEnd?: number;
}

/** Elements that flow inside a line of text (everything else breaks the line). */
export const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'big', 'cite', 'code', 'del', 'em', 'font', 'i', 'img', 'ins', 'kbd', 'mark', 'picture', 'q',
  's', 'samp', 'small', 'source', 'span', 'strike', 'strong', 'sub', 'sup', 'svg', 'time', 'tt', 'u', 'var', 'wbr',
]);

/** Elements with no visible content of their own in a line. */
export const IMAGE_TAGS = new Set(['img', 'picture', 'svg']);
