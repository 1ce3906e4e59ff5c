import { trimStartChars } from '../text/trim.js';

/** Inline HTML a name may be wrapped in (`- <b><a href="…">Name</a></b>`): tags only, never their text. */
const WRAPPER_TAG = /<\/?(?:b|strong|em|i|u|span|kbd|sup|sub)(?:\s[^<>]*)?>/gi;

/**
 * What may stand before the link that names an entry (a Markdown item or a line of HTML):
 * spaces, `&nbsp;`, bullets (`•`, `-`, `*`, `▸`…), emoji, GitHub emoji shortcodes
 * (`:small_blue_diamond:`), Markdown emphasis markers and inline `<b>`-like tags
 * (`- 🔥 **[Name](…)**`, `- <b><a href="…">Name</a></b>`). "Made by <a>…</a>" has words
 * before the link: not a lead-in.
 */
const SHORTCODE = /:[a-z0-9_+-]+:/gi;
const MARKS = /[\s*_~`:|•·‣◦▪▫▸►▹→>\-–—]/gu;
const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Component}|\u200d|\ufe0f/gu;

function withoutLeadIn(text: string): string {
  return text.replace(WRAPPER_TAG, '').replace(SHORTCODE, '').replace(MARKS, '').replace(EMOJI, '');
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

/** Whether an inline HTML node only closes a wrapper of the name (`</b>` after `<b><a>…</a>`). */
export function isWrapperEnd(html: string): boolean {
  const tag = html.trim();
  return tag.startsWith('</') && tag.replace(WRAPPER_TAG, '') === '';
}
