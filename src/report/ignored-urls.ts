import { requestUrl } from '../links/collect-links.js';

/**
 * URLs a maintainer asked the report to ignore (a ticked box, `/listwarden ignore`) are
 * exact URLs, not the config's patterns: `https://x.com/a` must not ignore
 * `https://x.com/a/b`, and a `*` in a URL is no wildcard. These helpers turn them into
 * config patterns that match the URL exactly — as written or as requested (normalized,
 * with or without a trailing slash), with any fragment.
 */

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The forms a link to this URL may be written in. */
function forms(url: string): string[] {
  const all = new Set<string>([url]);
  const href = requestUrl(url);
  if (href) all.add(href);
  for (const form of [...all]) if (form.endsWith('/')) all.add(form.slice(0, -1));
  return [...all].sort();
}

/** Config `ignore.urls` patterns (`/regex/`) that match exactly these URLs. */
export function exactUrlPatterns(urls: string[]): string[] {
  return urls.map((url) => `/^(?:${forms(url).map(escapeRegex).join('|')})(?:#.*)?$/`);
}

/** A test whether a written URL is one of the ignored ones (for findings the patterns did not catch). */
export function ignoredUrlTest(urls: string[]): (url: string) => boolean {
  const keys = new Set<string>();
  for (const url of urls) for (const form of forms(url)) keys.add(form);
  return (url) => {
    const bare = url.split('#')[0]!;
    return keys.has(url) || keys.has(bare) || keys.has(requestUrl(url) ?? '') || keys.has(bare.replace(/\/$/, ''));
  };
}
