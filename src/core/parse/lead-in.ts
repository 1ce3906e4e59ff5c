/** Inline HTML a name may be wrapped in (`- <b><a href="…">Name</a></b>`): tags only, never their text. */
const WRAPPER_TAG = /<\/?(?:b|strong|em|i|u|span|kbd|sup|sub)(?:\s[^<>]*)?>/gi;

/**
 * Text before an entry's first link that still lets the link name the entry: whitespace,
 * bullets, dashes, emoji, Markdown emphasis markers and inline `<b>`-like tags
 * (`- 🔥 **[Name](…)**`, `- <b><a href="…">Name</a></b>`).
 */
export function isLeadIn(text: string): boolean {
  return text.replace(WRAPPER_TAG, '').replace(/[\s*_~`:|•·\-–—]/gu, '').replace(/\p{Extended_Pictographic}|\p{Emoji_Component}/gu, '').length === 0;
}

/** Whether an inline HTML node only closes a wrapper of the name (`</b>` after `<b><a>…</a>`). */
export function isWrapperEnd(html: string): boolean {
  const tag = html.trim();
  return tag.startsWith('</') && tag.replace(WRAPPER_TAG, '') === '';
}
