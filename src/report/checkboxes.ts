/**
 * The checkboxes of the report issue. GitHub lets a maintainer tick a task-list box with
 * one click; the hidden marker at the end of the line says what the box means, so the
 * next run (or `/listwarden recheck`) can act on it:
 *
 *     - [ ] ignore `https://dead.example/` <!-- listwarden:ignore url=https://dead.example/ -->
 *     - [ ] open a pull request with the certain fixes <!-- listwarden:fix -->
 */

import { codeSpan } from '../core/format/markdown-text.js';

const FIX_MARKER = '<!-- listwarden:fix -->';

/**
 * Whether a URL can be written as it is inside an HTML comment on one line. GitHub's
 * renderer (CommonMark 0.29) takes `<!-- … -->` as a comment only when `--` is not inside
 * it (and browsers end one at `--!>`), so such a URL is encoded.
 */
function plainInComment(url: string): boolean {
  return !/[\s<>]|--/.test(url) && !url.endsWith('-');
}

/** The hidden marker of an "ignore this URL" box; URLs that could end the comment are percent-encoded. */
export function ignoreMarker(url: string): string {
  if (plainInComment(url)) return `<!-- listwarden:ignore url=${url} -->`;
  return `<!-- listwarden:ignore urlenc=${encodeURIComponent(url).replace(/-/g, '%2D')} -->`;
}

/** The hidden marker of the "open a pull request with the certain fixes" box. */
export function fixMarker(): string {
  return FIX_MARKER;
}

/** The text of a URL shown in a code span: one line, no backtick, no angle brackets, no hidden characters. */
export function urlInCode(url: string, maxLength = 300): string {
  return codeSpan(url.replace(/</g, '%3C').replace(/>/g, '%3E'), maxLength, { backtick: '%60' });
}

/** An unticked "ignore this URL" task-list line. */
export function ignoreBoxLine(url: string, indent = ''): string {
  return `${indent}- [ ] ignore ${urlInCode(url)} ${ignoreMarker(url)}`;
}

/** The unticked "open a pull request with the certain fixes" task-list line. */
export function fixBoxLine(fixes: number): string {
  const what = fixes === 1 ? '1 certain fix' : `${fixes} certain fixes`;
  return `- [ ] open a pull request with the certain fixes (${what}) ${FIX_MARKER}`;
}

export interface TickedBoxes {
  /** URLs whose "ignore" box is ticked, in the order they appear, without repeats. */
  ignoreUrls: string[];
  /** The "open a pull request with the certain fixes" box is ticked. */
  fixRequested: boolean;
}

const TICKED = /^\s*(?:[-*+]|\d+[.)])\s+\[[xX]\]\s(.*)$/;
const IGNORE_AT_END = /<!-- listwarden:ignore (url|urlenc)=(\S+) -->\s*$/;

/**
 * The boxes a maintainer ticked in a report body. Only a ticked task-list line whose
 * marker ends the line counts, so a marker quoted elsewhere in the body means nothing.
 */
export function tickedBoxes(body: string | undefined): TickedBoxes {
  const ignoreUrls: string[] = [];
  let fixRequested = false;
  let fenced = false;
  for (const line of (body ?? '').split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const ticked = TICKED.exec(line);
    if (!ticked) continue;
    const rest = ticked[1]!;
    if (rest.trimEnd().endsWith(FIX_MARKER)) {
      fixRequested = true;
      continue;
    }
    const ignore = IGNORE_AT_END.exec(rest);
    if (!ignore) continue;
    let url = ignore[2]!;
    if (ignore[1] === 'urlenc') {
      try {
        url = decodeURIComponent(url);
      } catch {
        continue;
      }
    }
    if (url !== '' && !ignoreUrls.includes(url)) ignoreUrls.push(url);
  }
  return { ignoreUrls, fixRequested };
}
