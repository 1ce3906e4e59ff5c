/**
 * The URL prefixes of `links.headers` (credentials for one host or one part of a site).
 * A prefix is read as a URL, never compared as text: `https://internal.example.com` must
 * not match `https://internal.example.com@attacker.example/` (a user name before another
 * host) nor `https://internal.example.com.attacker.example/` (a longer host name).
 */

/** A prefix read as an origin and a path. */
export interface HeaderPrefix {
  /** Scheme, host and port as the URL standard writes them (`https://internal.example.com`). */
  origin: string;
  /** The path, starting with `/` (`/` for a bare origin). */
  path: string;
}

/**
 * Reads a prefix: an absolute http(s) URL without user name, password, query or fragment.
 * Returns the problem (completing "the prefix …") when it is not one.
 */
export function parseHeaderPrefix(prefix: string): HeaderPrefix | { problem: string } {
  let url: URL;
  try {
    url = new URL(prefix);
  } catch {
    return { problem: 'is not an absolute URL — write the scheme and host, e.g. https://internal.example.com/api' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: `has the scheme ${url.protocol} — use an http:// or https:// URL` };
  if (url.username !== '' || url.password !== '') return { problem: 'holds a user name or password (text before @) — write only the scheme, host and path' };
  if (url.search !== '' || url.hash !== '' || prefix.includes('?') || prefix.includes('#')) return { problem: 'has a query or a fragment — write only the scheme, host and path' };
  return { origin: url.origin, path: url.pathname };
}

/**
 * Whether a request URL falls under a prefix: the same origin (scheme, host and port),
 * and a path equal to the prefix's or below it at a segment boundary (`/api` covers
 * `/api`, `/api/` and `/api/v1`, not `/apis`). A URL with a user name or password never
 * matches: configured headers are not sent to it.
 */
export function prefixMatches(prefix: HeaderPrefix, url: URL): boolean {
  if (url.username !== '' || url.password !== '') return false;
  if (url.origin !== prefix.origin) return false;
  const path = url.pathname;
  if (prefix.path.endsWith('/')) return path.startsWith(prefix.path);
  return path === prefix.path || path.startsWith(`${prefix.path}/`);
}
