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

/** Separators between an entry's name and its description: ` - `, ` – `, ` — `, `: `. */
export function startsWithSeparator(text: string): boolean {
  const first = text.trimStart()[0];
  return first === '-' || first === '–' || first === '—' || first === ':';
}

/** `text` without the separator and spaces at its start. */
export function dropSeparator(text: string): string {
  let i = 0;
  while (i < text.length && (text[i] === '-' || text[i] === '–' || text[i] === '—' || text[i] === ':' || /\s/.test(text[i]!))) i++;
  return text.slice(i);
}
