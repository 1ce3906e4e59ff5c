/**
 * Text before an entry's first link that still lets the link name the entry: whitespace,
 * bullets, dashes, emoji and Markdown emphasis markers (`- 🔥 **[Name](…)**`).
 */
export function isLeadIn(text: string): boolean {
  return text.replace(/[\s*_~`:|•·\-–—]/gu, '').replace(/\p{Extended_Pictographic}|\p{Emoji_Component}/gu, '').length === 0;
}
