import type { LinkCheckOptions } from '../types.js';

const ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/**
 * The headers of one request: a browser-like Accept, the configured User-Agent, then the
 * configured headers of every prefix the URL starts with (later entries win). Matching is
 * per URL, so a credential configured for one host is not sent along a redirect elsewhere.
 * No Accept-Encoding: the body prefix is read raw.
 */
export function requestHeaders(options: Pick<LinkCheckOptions, 'userAgent' | 'headers'>, url: URL): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: ACCEPT,
    'accept-language': 'en-US,en;q=0.8',
  };
  for (const { prefix, headers: extra } of options.headers) {
    if (!url.href.startsWith(prefix)) continue;
    for (const [name, value] of Object.entries(extra)) headers[name.toLowerCase()] = value;
  }
  return headers;
}
