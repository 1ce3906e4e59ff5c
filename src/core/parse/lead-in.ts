import { trimStartChars } from '../text/trim.js';

/**
 * What may stand before the link that names an entry written as a line of HTML: spaces,
 * `&nbsp;`, bullets (`•`, `-`, `*`, `▸`…), emoji and GitHub emoji shortcodes
 * (`:small_blue_diamond:`). "Made by <a>…</a>" has words before the link: not a lead-in.
 */
const SHORTCODE = /:[a-z0-9_+-]+:/gi;
const MARKS = /[\s*_~`:|•·‣◦▪▫▸►▹→>\-–—]/gu;
const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Component}|\u200d|\ufe0f/gu;

function withoutLeadIn(text: string): string {
  return text.replace(SHORTCODE, '').replace(MARKS, '').replace(EMOJI, '');
}

/** Whether `text` is only lead-in (possibly nothing). */
export function isLeadIn(text: string): boolean {
  return withoutLeadIn(text).length === 0;
}

/** Whether a lead-in shows a bullet, an emoji or a shortcode (not only spaces). */
export function hasVisibleMark(text: string): boolean {
  return text.replace(/\s/g, '').length > 0;
}

/**
 * Separators between an entry's name and its description: ` - `, ` – `, ` — `, `: `, also
 * after a mark on the name (`Name<sup>*</sup> - …`, a footnote or "temporarily down" star).
 */
export function startsWithSeparator(text: string): boolean {
  const first = trimStartChars(text.trimStart(), '*†‡').trimStart()[0];
  return first === '-' || first === '–' || first === '—' || first === ':';
}

/** `text` without the separator (and a mark before it) and spaces at its start. */
export function dropSeparator(text: string): string {
  const spaces = ' \t\n\r\u00a0';
  const marked = trimStartChars(trimStartChars(text, spaces), '*†‡');
  const rest = trimStartChars(marked, spaces);
  return startsWithSeparator(rest) ? trimStartChars(trimStartChars(rest, '-–—:'), spaces) : trimStartChars(text, spaces);
}
