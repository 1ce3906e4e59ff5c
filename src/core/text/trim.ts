/**
 * Trimming by a loop from the end: a trailing-trim regex (`/[.,;:]+$/`, `/\/+$/`) is
 * retried from every position of a long run and does quadratic work on hostile text.
 */

/** `text` without the characters of `chars` at its end: `trimEndChars('a/b//', '/')` is `a/b`. */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** `text` without the characters of `chars` at its start. */
export function trimStartChars(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text[start]!)) start++;
  return start === 0 ? text : text.slice(start);
}

/** `text` up to the first of `chars` (all of it when none occurs): `cutAtFirst('a?b#c', '?#')` is `a`. */
export function cutAtFirst(text: string, chars: string): string {
  for (let i = 0; i < text.length; i++) if (chars.includes(text[i]!)) return text.slice(0, i);
  return text;
}
