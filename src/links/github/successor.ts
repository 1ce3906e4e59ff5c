import { trimEndChars } from '../../core/text/trim.js';
import type { Successor } from './repo-status.js';

/**
 * Where an archived project says it went, from its description or its README's first
 * paragraph: a phrase that names a successor ("moved to", "now part of", "deprecated in
 * favour of", "superseded by", "use … instead") and, when the text links it, the
 * successor's address. Every expression is linear: a bracketed or quoted part excludes its own
 * opening delimiter, so a run of openers cannot make each one scan to the end of the text.
 */

const MAX_TEXT = 4_000;
const MAX_PARAGRAPH = 800;
const MAX_EVIDENCE = 200;

const CUES: readonly RegExp[] = [
  /\b(?:has |have |was |been |is )?(?:moved|migrated|relocated|transferred)(?: over)? (?:to|into)\b/i,
  /\bnow (?:a )?(?:part of|lives (?:at|in|on)|maintained (?:at|in|by|as)|developed (?:at|in|as)|hosted (?:at|on)|called|known as|located at)\b/i,
  /\bin fav(?:o|ou)r of\b/i,
  /\b(?:superseded|replaced|succeeded|obsoleted) by\b/i,
  /\bsupersedes this\b/i,
  /\b(?:merged|folded|integrated|absorbed) into\b/i,
  /\b(?:development|work|maintenance) (?:continues|has moved|moved|happens|now happens) (?:at|in|on|to)\b/i,
  /\bcontinued (?:at|in|as|by)\b/i,
  /\b(?:new|current) home\b/i,
  /\bsuccessor (?:is|project is|lives)\b/i,
  /\b(?:please )?use [^\n]{1,80}? instead\b/i,
  /\b(?:see|try|check out|go to|head (?:over )?to) [^\n]{1,80}? instead\b/i,
];

/** Links in Markdown, HTML or plain text: [text](url), <url>, href="url", a bare URL. */
const LINK = /\[([^[\]\n]{0,200})\]\((https?:\/\/[^\s)]{1,500})\)|<(https?:\/\/[^\s>]{1,500})>|href=["'](https?:\/\/[^"'\s]{1,500})["']|\b(https?:\/\/[^\s<>()"'\]]{1,500})|\b(?:www\.)?github\.com\/([\w.-]{1,100}\/[\w.-]{1,100})/gi;

/** The first paragraph of prose of a README: headings, badges, images, HTML wrappers and comments skipped. */
export function firstParagraph(readme: string): string | undefined {
  const text = readme.slice(0, MAX_TEXT).replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?-->/g, '');
  for (const block of text.split(/\n[ \t>]*\n/)) {
    const lines = block
      .split('\n')
      .map((line) => line.replace(/^\s{0,3}(?:>\s?)+/, '').trim())
      .filter((line) => line !== '' && !/^#{1,6}(?:\s|$)/.test(line) && !/^(?:[=\-~^*#]{3,}|\.\. \w+::.*)$/.test(line));
    // A setext or RST heading: the title line before its underline.
    const underline = block.split('\n').some((line) => /^\s*[=\-~^]{3,}\s*$/.test(line));
    const prose = underline && lines.length <= 1 ? [] : lines;
    const joined = prose.join(' ');
    const bare = joined
      .replace(/\[!\[[^[\]]{0,300}\]\([^()]{0,500}\)\]\([^()]{0,500}\)/g, '')
      .replace(/!\[[^[\]]{0,300}\]\([^()]{0,500}\)/g, '')
      .replace(/<\/?[a-z][^<>]{0,500}>/gi, '')
      .replace(/\[!\[[^[\]]{0,300}\]\[[^[\]]{0,100}\]\]\[[^[\]]{0,100}\]/g, '')
      .trim();
    if (bare !== '' && /[\p{L}]{2,}/u.test(bare)) return joined.slice(0, MAX_PARAGRAPH);
  }
  return undefined;
}

function plain(text: string): string {
  return text
    .replace(/\[([^[\]\n]{0,200})\]\([^()\s]{0,500}\)/g, '$1')
    .replace(/<\/?[a-z][^<>]{0,500}>/gi, '')
    .replace(/[*_`]/g, '')
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();
}

/** The sentence of `text` around `at`. */
function sentenceAt(text: string, at: number): string {
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('\n')) + 1;
  const after = /[.!](?:\s|$)/.exec(text.slice(at));
  const end = after ? at + after.index + 1 : text.length;
  const sentence = plain(text.slice(start, end));
  return sentence.length > MAX_EVIDENCE ? `${sentence.slice(0, MAX_EVIDENCE - 1)}…` : sentence;
}

interface FoundLink {
  url: string;
  at: number;
}

function links(text: string): FoundLink[] {
  const found: FoundLink[] = [];
  for (const match of text.matchAll(LINK)) {
    const raw = match[2] ?? match[3] ?? match[4] ?? match[5] ?? (match[6] ? `https://github.com/${match[6]}` : undefined);
    if (raw === undefined) continue;
    const url = trimEndChars(raw, '.,;:!?');
    found.push({ url, at: match.index });
  }
  return found;
}

function isOwn(url: string, nameWithOwner: string): boolean {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.toLowerCase();
    if (host === 'img.shields.io' || host === 'badge.fury.io' || host.endsWith('docs.github.com')) return true;
    if (host !== 'github.com' && host !== 'www.github.com') return false;
    const path = trimEndChars(parsed.pathname.replace(/\.git$/, ''), '/').toLowerCase();
    return path === `/${nameWithOwner.toLowerCase()}` || path.startsWith(`/${nameWithOwner.toLowerCase()}/`);
  } catch {
    return true;
  }
}

/** The successor `text` names (a description, or a README whose first paragraph is read), or undefined. */
export function successorIn(text: string, nameWithOwner: string, source: 'description' | 'README'): Successor | undefined {
  const paragraph = source === 'README' ? firstParagraph(text) : text.slice(0, MAX_PARAGRAPH);
  if (paragraph === undefined) return undefined;
  let cue: RegExpExecArray | null = null;
  for (const re of CUES) {
    const match = re.exec(paragraph);
    if (match && (cue === null || match.index < cue.index)) cue = match;
  }
  if (cue === null) return undefined;
  const evidence = sentenceAt(paragraph, cue.index);
  const candidates = links(paragraph).filter((l) => !isOwn(l.url, nameWithOwner));
  const after = candidates.find((l) => l.at >= cue.index);
  const chosen = after ?? candidates[candidates.length - 1];
  return { ...(chosen ? { url: chosen.url } : {}), evidence, source };
}
