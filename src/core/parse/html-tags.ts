import { Tokenizer, TokenizerMode, Token } from 'parse5';

export interface TagToken {
  kind: 'start' | 'end';
  /** Lower-case tag name. */
  name: string;
  selfClosing: boolean;
  /** Offsets into the scanned text. */
  start: number;
  end: number;
}

/** Elements whose content is not markup, and the tokenizer state the tree builder switches to for them. */
export const RAW_TEXT: Record<string, (typeof TokenizerMode)[keyof typeof TokenizerMode]> = {
  script: TokenizerMode.SCRIPT_DATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  noscript: TokenizerMode.RAWTEXT,
  plaintext: TokenizerMode.PLAINTEXT,
  textarea: TokenizerMode.RCDATA,
  title: TokenizerMode.RCDATA,
};

/**
 * Recent scans by text. The parser scans each raw HTML block to group blocks into regions, and
 * html-unclosed-tag scans the same blocks again; a big table is most of a list's HTML, so
 * the second scan is answered from here. Bounded: cleared when it holds too much text.
 */
const recentScans = new Map<string, readonly TagToken[]>();
let recentChars = 0;
const RECENT_CHARS_MAX = 4_000_000;
const SMALL = 200;

/**
 * The start and end tags of an HTML text, in order, with offsets: parse5's own tokenizer
 * (the one its tree builder uses), so comments, attributes with `>` in quotes and raw
 * text elements are read as browsers read them. Pure; the result is shared, not to be changed.
 */
export function scanTags(html: string): readonly TagToken[] {
  if (html.length < SMALL) return tokenizeTags(html);
  const known = recentScans.get(html);
  if (known) return known;
  const tags = tokenizeTags(html);
  if (recentChars + html.length > RECENT_CHARS_MAX) {
    recentScans.clear();
    recentChars = 0;
  }
  recentScans.set(html, tags);
  recentChars += html.length;
  return tags;
}

function tokenizeTags(html: string): TagToken[] {
  const tags: TagToken[] = [];
  const push = (kind: TagToken['kind'], token: Token.TagToken) => {
    const loc = token.location;
    if (!loc) return;
    tags.push({ kind, name: token.tagName, selfClosing: token.selfClosing, start: loc.startOffset, end: loc.endOffset });
  };
  const noop = () => undefined;
  const tokenizer: Tokenizer = new Tokenizer(
    { sourceCodeLocationInfo: true },
    {
      onStartTag(token) {
        push('start', token);
        const mode = RAW_TEXT[token.tagName];
        if (mode !== undefined && !token.selfClosing) {
          tokenizer.state = mode;
          tokenizer.lastStartTagName = token.tagName;
        }
      },
      onEndTag(token) {
        push('end', token);
      },
      onComment: noop,
      onDoctype: noop,
      onEof: noop,
      onCharacter: noop,
      onNullCharacter: noop,
      onWhitespaceCharacter: noop,
    },
  );
  tokenizer.write(html, true);
  return tags;
}
