import type { LinkCheckOptions } from '../types.js';
import { parseHeaderPrefix, prefixMatches } from '../../core/config/header-prefix.js';

const ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/**
 * The headers of one request: a browser-like Accept, the configured User-Agent, then the
 * configured headers of every prefix the URL falls under (later entries win). A prefix
 * matches on the parsed origin and path (see header-prefix.ts), never on the raw text; a
 * prefix that is not a plain http(s) URL matches nothing, and a URL with a user name or
 * password gets no configured header. Matching is per URL, so a credential configured for
 * one host is not sent along a redirect elsewhere. No Accept-Encoding: the body prefix is
 * read raw.
 */
export function requestHeaders(options: Pick<LinkCheckOptions, 'userAgent' | 'headers'>, url: URL): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: ACCEPT,
    'accept-language': 'en-US,en;q=0.8',
  };
  for (const { prefix, headers: extra } of options.headers) {
    const parsed = parseHeaderPrefix(prefix);
    if ('problem' in parsed || !prefixMatches(parsed, url)) continue;
    for (const [name, value] of Object.entries(extra)) headers[name.toLowerCase()] = value;
  }
  return headers;
}
