import { Tokenizer, TokenizerMode, type Token } from 'parse5';
import { RAW_TEXT } from '../../core/parse/html-tags.js';

const MAX_TITLE = 300;

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE);
}

/**
 * The names a page gives itself, from an HTML prefix (possibly cut mid-tag): the first
 * `<title>` outside SVG/MathML, then `og:site_name` and `og:title` — de-duplicated,
 * whitespace collapsed, empty ones dropped. parse5's own tokenizer reads the markup,
 * so comments, scripts, quoted `>` and character references are handled as browsers do.
 */
export function extractTitles(html: string): string[] {
  let title: string | undefined;
  let inTitle = false;
  let titleText = '';
  let foreignDepth = 0;
  const meta: Record<string, string> = {};
  const noop = () => undefined;
  const text = (token: Token.CharacterToken) => {
    if (inTitle) titleText += token.chars;
  };
  const tokenizer: Tokenizer = new Tokenizer(
    { sourceCodeLocationInfo: false },
    {
      onStartTag(token) {
        const name = token.tagName;
        if ((name === 'svg' || name === 'math') && !token.selfClosing) foreignDepth++;
        if (name === 'title' && foreignDepth === 0 && title === undefined && !token.selfClosing) {
          inTitle = true;
          titleText = '';
          tokenizer.state = TokenizerMode.RCDATA;
          tokenizer.lastStartTagName = name;
        } else if (RAW_TEXT[name] !== undefined && !token.selfClosing) {
          tokenizer.state = RAW_TEXT[name];
          tokenizer.lastStartTagName = name;
        } else if (name === 'meta') {
          const attr = (n: string) => token.attrs.find((a) => a.name === n)?.value;
          const key = (attr('property') ?? attr('name') ?? '').toLowerCase();
          const content = attr('content');
          if ((key === 'og:site_name' || key === 'og:title') && content !== undefined && !(key in meta)) {
            meta[key] = content;
          }
        }
      },
      onEndTag(token) {
        const name = token.tagName;
        if ((name === 'svg' || name === 'math') && foreignDepth > 0) foreignDepth--;
        if (name === 'title' && inTitle) {
          inTitle = false;
          title = titleText;
        }
      },
      onCharacter: text,
      onWhitespaceCharacter: text,
      onNullCharacter: noop,
      onComment: noop,
      onDoctype: noop,
      onEof: noop,
    },
  );
  tokenizer.write(html, true);
  // A prefix cut inside <title> still names the page.
  if (inTitle) title = titleText;
  const titles: string[] = [];
  for (const candidate of [title, meta['og:site_name'], meta['og:title']]) {
    const value = candidate === undefined ? '' : clean(candidate);
    if (value !== '' && !titles.includes(value)) titles.push(value);
  }
  return titles;
}
