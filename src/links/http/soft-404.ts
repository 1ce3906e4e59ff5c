import { trimEndChars } from '../../core/text/trim.js';
import type { RedirectHop } from '../types.js';
import { sketchSimilarity } from '../page-sketch.js';
import { notFoundWording } from './not-found-wording.js';
import type { PageSignals } from './page-signals.js';

/**
 * Soft 404s: a page that answers 200 but is really "not found". Three independent signs:
 *   wording     its title or first heading says not found (any of nine languages);
 *   front page  a deep link ends on the site's front page (a redirect there, or a page with
 *               real text whose canonical address is the front page);
 *   twin        an invented path on the same host gives the same page (the same final URL
 *               after redirects, or the same title and nearly the same text).
 * Two signs that agree make the link dead; one alone is only "looks like a soft 404".
 * A single-page app serves one shell for every path: its pages show no sign by
 * themselves (no wording, no redirect, too little text for the canonical to count), so
 * they are never looked at twice, let alone called dead.
 */

/** What the host answered for an invented path (kept in the link state for a while). */
export interface TwinAnswer {
  url: string;
  verdict: 'alive' | 'dead' | 'unverifiable';
  status?: number;
  finalUrl: string;
  redirected: boolean;
  title?: string;
  words: number;
  sketch: number[];
  checkedAt: string;
}

export interface LinkPage {
  url: string;
  finalUrl: string;
  redirects: RedirectHop[];
  page: PageSignals;
}

/** Text similarity at or above which two pages with the same title are the same page. */
export const SAME_PAGE_SIMILARITY = 0.8;
/** Words a page needs for its canonical address to count (an app shell has almost none). */
export const REAL_PAGE_WORDS = 40;

const INDEX = /\/(?:index|default|home)\.(?:html?|php|aspx?|jsp)$/i;
const LOCALE = /^\/[a-z]{2}(?:[-_][a-z]{2,4})?$/i;

/** The path with a trailing slash and an index file removed ("/" for the front page). */
function corePath(url: URL): string {
  const path = trimEndChars(url.pathname.replace(INDEX, '/'), '/');
  return path === '' || LOCALE.test(path) ? '/' : path;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function parse(url: string, base?: string): URL | undefined {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}

/** A link below the site's front page (and not a language's front page). */
export function isDeepLink(url: string): boolean {
  const parsed = parse(url);
  return parsed !== undefined && corePath(parsed) !== '/';
}

function isFrontPage(url: URL): boolean {
  return corePath(url) === '/' && url.search === '';
}

function sameSite(a: URL, b: URL): boolean {
  return a.hostname.replace(/^www\./, '') === b.hostname.replace(/^www\./, '');
}

function quote(text: string): string {
  return `"${text.length > 80 ? `${text.slice(0, 79)}…` : text}"`;
}

/** Comparable form of a final URL: no fragment, no trailing slash. */
function urlKey(url: string): string {
  const parsed = parse(url);
  if (!parsed) return url;
  parsed.hash = '';
  return `${parsed.origin}${trimEndChars(parsed.pathname, '/')}${parsed.search}`;
}

function titleKey(title: string | undefined): string {
  return (title ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A link whose own address names the error is a page about it (MDN's "404 Not Found", http.cat/404, a wiki article). */
const ABOUT_NOT_FOUND = /404|not[-_ ]?found/i;

export function wordingSign(link: LinkPage): string | undefined {
  const own = parse(link.url);
  if (own && ABOUT_NOT_FOUND.test(decodeURIComponentSafe(`${own.pathname}${own.search}`))) return undefined;
  const said = notFoundWording(link.page.title, link.page.heading);
  return said ? `its ${said.where} says ${quote(said.text)}` : undefined;
}

export function frontPageSign(link: LinkPage): string | undefined {
  const from = parse(link.url);
  const to = parse(link.finalUrl);
  if (!from || !to || !isDeepLink(link.url)) return undefined;
  if (link.redirects.length > 0 && isFrontPage(to)) {
    return `it redirects to ${sameSite(from, to) ? "the site's" : 'a'} front page (${to.href})`;
  }
  const canonical = link.page.canonical !== undefined ? parse(link.page.canonical, link.finalUrl) : undefined;
  if (canonical && sameSite(canonical, to) && isFrontPage(canonical) && !isFrontPage(to) && link.page.words >= REAL_PAGE_WORDS) {
    return `it serves the front page (its canonical address is ${canonical.href})`;
  }
  return undefined;
}

export function twinSign(link: LinkPage, twin: TwinAnswer): string | undefined {
  if (twin.verdict !== 'alive') return undefined;
  if (link.redirects.length > 0 && twin.redirected && urlKey(link.finalUrl) === urlKey(twin.finalUrl)) {
    return `an invented path on the same host (${twin.url}) redirects to the same place`;
  }
  if (titleKey(link.page.title) !== titleKey(twin.title)) return undefined;
  const similarity = sketchSimilarity(link.page.sketch, twin.sketch);
  if (similarity < SAME_PAGE_SIMILARITY) return undefined;
  const title = link.page.title !== undefined ? ` (${quote(link.page.title)})` : '';
  return `an invented path on the same host (${twin.url}) gives the same page${title}, ${Math.round(similarity * 100)}% of its text alike`;
}

export interface Soft404Verdict {
  verdict: 'dead' | 'unverifiable';
  signs: string[];
  reason: string;
}

/** The verdict from the signs found: two or more make it dead, one makes it a warning, none says nothing. */
export function soft404Verdict(signs: (string | undefined)[]): Soft404Verdict | undefined {
  const found = signs.filter((s): s is string => s !== undefined);
  if (found.length === 0) return undefined;
  if (found.length >= 2) return { verdict: 'dead', signs: found, reason: `a soft 404 (answers 200, but the page is gone): ${found.join('; ')}` };
  return { verdict: 'unverifiable', signs: found, reason: `looks like a soft 404: ${found[0]!} (one sign only, so not called dead)` };
}
