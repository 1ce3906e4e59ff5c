/**
 * Characters a URL must not carry as written into Markdown or HTML source: whitespace and
 * control or format characters (line breaks, bidi controls), `( ) < > [ ]` (they end a link
 * destination or start another link), `|` (it splits a table row), backslash and backtick
 * (escapes and code spans), quotes (they end an HTML attribute or a link title).
 */
const UNSAFE = /[\s()<>[\]|\\`"'\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

function percentEncode(char: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

/**
 * A URL as it may be written into a list's source by a fix: everything Markdown, GFM
 * tables or HTML attributes read as syntax is percent-encoded, so the written URL is one
 * link destination and nothing more. The URL means the same to a server; `%` and all
 * other characters stay as they are. The one place a fix turns a URL from elsewhere (a
 * redirect's Location, an archive) into source text.
 */
export function urlForMarkdown(url: string): string {
  return url.replace(UNSAFE, percentEncode);
}
