/**
 * Renders GitHub Markdown the way a reader would see it (micromark with GFM, raw HTML let
 * through as GitHub's renderer would before sanitizing) and reports what it became: the
 * HTML tags, the links, the text outside code and the text inside code.
 */
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

export interface Rendered {
  html: string;
  /** Tag names in order (`p`, `code`, `a`, `!--` for a comment …), closing tags left out. */
  tags: string[];
  /** Visible text outside code and link elements (where GitHub looks for mentions and references), entities decoded. */
  text: string;
  /** Visible text inside code elements, entities decoded. */
  code: string;
  /** The insides of the HTML comments that passed through. */
  comments: string[];
}

function decode(html: string): string {
  return html
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#([0-9]+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function renderGfm(markdown: string): Rendered {
  const html = micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
  const tags = [...html.matchAll(/<(!--|[A-Za-z][A-Za-z0-9-]*)/g)].map((m) => m[1]!.toLowerCase());
  const codeParts: string[] = [];
  const outside = html.replace(/<code[^>]*>([\s\S]*?)<\/code>/g, (_, inner: string) => {
    codeParts.push(decode(inner.replace(/<[^>]*>/g, '')));
    return ' ';
  }).replace(/<a [^>]*>[\s\S]*?<\/a>/g, ' ');
  const comments = [...html.matchAll(/<!--([\s\S]*?)-->/g)].map((m) => m[1]!);
  return { html, tags, text: decode(outside.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, '')), code: codeParts.join(' '), comments };
}

/**
 * Whether an HTML comment's inside is one that GitHub's renderer (cmark-gfm, CommonMark
 * 0.29) also takes as a comment: micromark follows CommonMark 0.31, which allows `--`
 * inside, while 0.29 shows such a "comment" as text. Browsers also end one at `--!>`.
 */
export function strictComment(inside: string): boolean {
  return !inside.includes('--') && !inside.startsWith('>') && !inside.startsWith('->') && !inside.endsWith('-');
}

/** A mention GitHub would notify: `@` right before a letter or digit. */
export const MENTION = /@[A-Za-z0-9]/;
/** An issue or pull-request reference GitHub would link: `#` right before a digit. */
export const REFERENCE = /#[0-9]/;
/** Control and bidirectional characters that must never reach a reader raw. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
