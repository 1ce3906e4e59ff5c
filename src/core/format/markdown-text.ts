/**
 * Untrusted text (entry names, page titles, `Location` headers, redirect queries, echoed
 * commands — anything a fork's author, a site owner or a commenter controls) made safe to
 * place inline in GitHub Markdown: a comment, a review suggestion's explanation, the report
 * issue, the maintenance pull request's body, a check run's summary. This is the one place
 * that escaping for GitHub Markdown is done.
 *
 * The result is one line that renders as the same visible text and nothing more: no raw
 * HTML (which could close our `<details>` or fake our hidden markers), no @mention that
 * would notify someone, no `#123` reference, no link or autolink, no emphasis, no `|`
 * that would split a table cell, no block syntax at the start of a line, and no control
 * or bidirectional character (shown as `⟨U+202E⟩`).
 *
 * Backtick code spans of the input are kept as code only when they are plainly one pair of
 * single backticks; listwarden then writes the span itself, so every span in the result
 * is closed where it opened. Every other backtick is escaped.
 */

/** Zero-width space, as an entity (visible in the source): it breaks mentions, references and autolinks. */
const ZWSP = '&#8203;';

/** Characters shown by their code point: C0 and C1 controls, DEL and the bidirectional controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** Line breaks and other whitespace that would end or indent a line; each run becomes one space. */
const BREAKS = /[\t\n\v\f\r\u2028\u2029]+/g;

/** How a hidden character is shown. */
export function visibleCodePoint(char: string): string {
  return `⟨U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/** Text with every control and bidirectional character shown by its code point (for code blocks, whose lines are kept). */
export function showHidden(text: string): string {
  return text.replace(new RegExp(HIDDEN.source, 'g'), visibleCodePoint);
}

/** One line, without lone surrogates or leading and trailing spaces, at most `maxLength` code points (… marks a cut). */
function normalized(text: string, maxLength: number): string {
  const line = text.replace(BREAKS, ' ').trim();
  const chars: string[] = [];
  for (const char of line) {
    if (chars.length > maxLength) break;
    const code = char.codePointAt(0)!;
    chars.push(code >= 0xd800 && code <= 0xdfff ? '\ufffd' : char);
  }
  if (chars.length > maxLength) return chars.slice(0, Math.max(0, maxLength - 1)).join('') + '…';
  return chars.join('');
}

/** ASCII punctuation that means something in (GitHub) Markdown inline; escaped with a backslash. */
const BACKSLASHED = new Set(['\\', '`', '*', '_', '[', ']', '|', '~', '$', '#', '!']);
const ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/** Escapes plain text (no code spans). `atLineStart`: the text may begin a line's content. */
function escapePlain(text: string, atLineStart: boolean): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const next = text[i + 1] ?? '';
    if (HIDDEN.test(char)) out += visibleCodePoint(char);
    else if (char in ENTITY) out += ENTITY[char];
    else if (BACKSLASHED.has(char)) out += `\\${char}`;
    else if (char === '@') out += `@${ZWSP}`;
    else if (char === ':' && next === '/') out += `:${ZWSP}`;
    else if ((char === 'w' || char === 'W') && /^[wW]{2}\./.test(text.slice(i + 1, i + 4))) out += `${char}${ZWSP}`;
    else out += char;
    // After an escaped `#`, a digit would still read as a reference in GitHub's text.
    if (char === '#' && /[0-9]/.test(next)) out += ZWSP;
  }
  if (atLineStart) {
    // A list marker or an ordered-list number would start a nested list.
    out = out.replace(/^([-+])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
  }
  return out;
}

/** The content of a code span: hidden characters shown; in a table `|` escaped (GFM splits cells on it even in code). */
function escapeCode(text: string, inTable: boolean): string {
  let out = '';
  let previous = '';
  for (const char of text) {
    if (HIDDEN.test(char)) out += visibleCodePoint(char);
    // A table's cell splitter reads `\\` as a pair, so a backslash before the escaped pipe
    // would un-escape it and end the cell: a zero-width space keeps them apart.
    else if (char === '|' && inTable) out += previous === '\\' ? '\u200b\\|' : '\\|';
    else out += char;
    previous = char;
  }
  // An HTML comment opener inside code would look like one of listwarden's hidden markers to a plain search.
  return out.replace(/<!--/g, '<!-\u200b-');
}

/** Pieces of the text: plain text and the contents of plain single-backtick code spans. */
function pieces(text: string): { code: boolean; text: string }[] {
  const out: { code: boolean; text: string }[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('`', i);
    if (open < 0) break;
    const close = text.indexOf('`', open + 1);
    if (close < 0) break;
    const content = text.slice(open + 1, close);
    // A span is kept only when it is one backtick on each side, not part of a longer run, with text in it.
    const single = text[open - 1] !== '`' && text[close + 1] !== '`';
    if (single && content.trim() !== '') {
      plain += text.slice(i, open);
      if (plain !== '') out.push({ code: false, text: plain });
      plain = '';
      out.push({ code: true, text: content });
      i = close + 1;
    } else {
      plain += text.slice(i, close);
      i = close;
    }
  }
  plain += text.slice(i);
  if (plain !== '') out.push({ code: false, text: plain });
  return out;
}

/**
 * Untrusted text for inline GitHub Markdown (see the file's comment): one line of at most
 * `maxLength` characters of the input, which renders as that text and nothing else.
 */
export function markdownText(text: string, maxLength = 1000, options: { inTable?: boolean } = {}): string {
  const line = normalized(text, maxLength);
  let out = '';
  for (const piece of pieces(line)) {
    if (piece.code) {
      // Two spans side by side would read as one longer backtick run.
      if (out.endsWith('`')) out += ' ';
      out += `\`${escapeCode(piece.text, options.inTable === true)}\``;
    } else {
      out += escapePlain(piece.text, out === '');
    }
  }
  return out;
}

/**
 * Untrusted text as one code span that is closed where it opens: backticks replaced by
 * `backtick` (default `'`), one line, hidden characters shown, `|` escaped in a table.
 */
export function codeSpan(text: string, maxLength = 300, options: { backtick?: string; inTable?: boolean } = {}): string {
  const line = normalized(text.replace(/`/g, options.backtick ?? "'"), maxLength);
  return `\`${line.trim() === '' ? '\u00a0' : escapeCode(line, options.inTable === true)}\``;
}

/**
 * An http(s) URL as a Markdown link destination (`[text](…)`) or autolink (`<…>`) that
 * cannot end early or carry Markdown: whitespace, controls and `()<>[]\`|"'` are
 * percent-encoded. Undefined for anything but an absolute http(s) URL.
 */
export function linkDestination(url: string): string | undefined {
  if (!/^https?:\/\/[^/?#\s]/i.test(url)) return undefined;
  let out = '';
  for (const char of url) {
    const code = char.codePointAt(0)!;
    const unsafe = code <= 0x20 || (code >= 0x7f && code <= 0x9f) || HIDDEN.test(char) || '()<>[]\\`|"\'{}^'.includes(char) || (code >= 0xd800 && code <= 0xdfff);
    out += unsafe ? (code >= 0xd800 && code <= 0xdfff ? '%EF%BF%BD' : encodeURIComponent(char)) : char;
  }
  return out;
}
