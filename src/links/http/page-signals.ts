import { Tokenizer, TokenizerMode, type Token } from 'parse5';
import { RAW_TEXT } from '../../core/parse/html-tags.js';
import { textSketch } from '../page-sketch.js';

/**
 * What a page's HTML prefix says about the page, for telling rot that answers 200 (soft
 * 404s, parked domains) from a real page: its title, first heading, canonical address,
 * how much text it shows, a sketch of that text (see page-sketch.ts), and the addresses
 * and inline script it loads (parking services are known by their scripts and redirects).
 */
export interface PageSignals {
  /**
   * The names the page gives itself, as `extractTitles` (page-titles.ts) reads them: `<title>`,
   * `og:site_name`, `og:title` (the reading stops after 20,000 characters of body text, long
   * after the head that holds them).
   */
  titles: string[];
  title?: string;
  /** The first `<h1>` (or `<h2>` when the page has no h1 in the prefix). */
  heading?: string;
  /** `<link rel="canonical">` or `og:url`, as written. */
  canonical?: string;
  /** Words of visible text in the prefix. */
  words: number;
  /** Bottom-k sketch of the visible text's word pairs (page-sketch.ts). */
  sketch: number[];
  /** Visible text, whitespace collapsed, bounded (phrase markers are looked for here). */
  text: string;
  /** `src` of scripts, iframes and frames, a meta refresh target: as written, bounded. */
  resources: string[];
  /** Inline script text, bounded (parking pages redirect or load their ads from here). */
  script: string;
}

/** Visible text kept, in characters: enough for a sketch and for phrase markers. */
const MAX_TEXT = 20_000;
const MAX_SCRIPT = 8_000;
const MAX_RESOURCES = 50;
const MAX_FIELD = 300;

/** Whitespace collapsed and control characters dropped (a title is one line of text; a terminal must not read it as commands). */
function clean(text: string): string {
  return text.replace(/[\s\p{Cc}]+/gu, ' ').trim().slice(0, MAX_FIELD);
}

/**
 * Reads a page's signals from an HTML prefix (possibly cut mid-tag), in one pass of parse5's
 * tokenizer. `path` is the path the page was asked for: a "not found" page that echoes it
 * ("We could not find /guide/old") has it cut from the text, so two asks of the same
 * template sketch alike.
 */
export function readPageSignals(html: string, path?: string): PageSignals {
  let title: string | undefined;
  let h1: string | undefined;
  let h2: string | undefined;
  let canonical: string | undefined;
  let ogUrl: string | undefined;
  const meta: Record<string, string> = {};
  let foreignDepth = 0;
  let capture: 'title' | 'h1' | 'h2' | undefined;
  let captured = '';
  let inScript = false;
  let inBody = false;
  let rawDepth = '';
  let text = '';
  let script = '';
  const resources: string[] = [];
  const addResource = (value: string | undefined) => {
    if (value !== undefined && value.trim() !== '' && resources.length < MAX_RESOURCES) resources.push(value.trim().slice(0, MAX_FIELD));
  };
  const onText = (token: Token.CharacterToken) => {
    if (inScript) {
      if (script.length < MAX_SCRIPT) script += token.chars.slice(0, MAX_SCRIPT - script.length);
      return;
    }
    if (rawDepth !== '') return;
    if (capture !== undefined) captured += token.chars;
    if (capture !== 'title' && text.length < MAX_TEXT) text += token.chars.slice(0, MAX_TEXT - text.length);
    // Enough text of the body: the rest of the prefix can tell nothing the sketch would use.
    if (inBody && capture === undefined && text.length >= MAX_TEXT) tokenizer.pause();
  };
  const noop = () => undefined;
  const tokenizer: Tokenizer = new Tokenizer(
    { sourceCodeLocationInfo: false },
    {
      onStartTag(token) {
        const name = token.tagName;
        const attr = (n: string) => token.attrs.find((a) => a.name === n)?.value;
        if (name === 'script' || name === 'iframe' || name === 'frame') addResource(attr('src'));
        if ((name === 'svg' || name === 'math') && !token.selfClosing) foreignDepth++;
        if (name === 'body') inBody = true;
        if (name === 'meta') {
          const key = (attr('property') ?? attr('name') ?? '').toLowerCase();
          if (key === 'og:url' && ogUrl === undefined) ogUrl = attr('content');
          const content = attr('content');
          if ((key === 'og:site_name' || key === 'og:title') && content !== undefined && !(key in meta)) meta[key] = content;
          if ((attr('http-equiv') ?? '').toLowerCase() === 'refresh') {
            const target = /url\s*=\s*['"]?([^'"]+)/i.exec(attr('content') ?? '')?.[1];
            addResource(target);
          }
        }
        if (name === 'link' && canonical === undefined && (attr('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical')) canonical = attr('href');
        if (token.selfClosing) return;
        if (name === 'title' && title === undefined && capture === undefined && foreignDepth === 0) {
          capture = 'title';
          captured = '';
          tokenizer.state = TokenizerMode.RCDATA;
          tokenizer.lastStartTagName = name;
          return;
        }
        if ((name === 'h1' && h1 === undefined) || (name === 'h2' && h2 === undefined)) {
          if (capture === undefined) {
            capture = name;
            captured = '';
          }
        }
        // Block-level tags separate words.
        if (text.length < MAX_TEXT) text += ' ';
        if (RAW_TEXT[name] !== undefined) {
          tokenizer.state = RAW_TEXT[name];
          tokenizer.lastStartTagName = name;
          if (name === 'script') inScript = true;
          else if (name !== 'textarea') rawDepth = name;
        }
      },
      onEndTag(token) {
        const name = token.tagName;
        if (name === 'script') inScript = false;
        if ((name === 'svg' || name === 'math') && foreignDepth > 0) foreignDepth--;
        if (name === rawDepth) rawDepth = '';
        if (capture !== undefined && name === capture) {
          if (capture === 'title') title = captured;
          else if (capture === 'h1') h1 = captured;
          else h2 = captured;
          capture = undefined;
        }
        if (text.length < MAX_TEXT) text += ' ';
      },
      onCharacter: onText,
      onWhitespaceCharacter: onText,
      onNullCharacter: noop,
      onComment: noop,
      onDoctype: noop,
      onEof: noop,
    },
  );
  tokenizer.write(html, true);
  if (capture === 'title' && title === undefined) title = captured;
  const visible = withoutPath(text, path).replace(/\s+/g, ' ').trim();
  const sketch = textSketch(visible);
  const titles: string[] = [];
  for (const candidate of [title, meta['og:site_name'], meta['og:title']]) {
    const value = candidate === undefined ? '' : clean(candidate);
    if (value !== '' && !titles.includes(value)) titles.push(value);
  }
  const signals: PageSignals = { titles, words: sketch.words, sketch: sketch.hashes, text: visible, resources, script };
  const heading = h1 ?? h2;
  if (title !== undefined && clean(title) !== '') signals.title = clean(title);
  if (heading !== undefined && clean(heading) !== '') signals.heading = clean(heading);
  const canon = canonical ?? ogUrl;
  if (canon !== undefined && canon.trim() !== '') signals.canonical = canon.trim().slice(0, MAX_FIELD);
  return signals;
}

/** The text without the (raw or decoded) path it was asked for. */
function withoutPath(text: string, path: string | undefined): string {
  if (path === undefined || path.length < 2) return text;
  let out = text.split(path).join(' ');
  try {
    const decoded = decodeURIComponent(path);
    if (decoded !== path) out = out.split(decoded).join(' ');
  } catch {
    // not percent-encoded
  }
  return out;
}
