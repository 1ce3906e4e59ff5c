import { stripTrackingParams } from './tracking-params.js';

const SCHEME = /^([a-z][a-z0-9+.-]+):/i;
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/** Decodes percent-escapes of unreserved characters and upper-cases the hex of the rest. */
function normalizePercent(text: string): string {
  return text.replace(/%([0-9a-fA-F]{2})/g, (_match, hex: string) => {
    const ch = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(ch) ? ch : `%${hex.toUpperCase()}`;
  });
}

function normalizeHttp(raw: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;

  let host = parsed.hostname.toLowerCase();
  if (host.endsWith('.') && host.length > 1) host = host.slice(0, -1);
  if (host.startsWith('www.')) host = host.slice(4);
  if (host === '') return undefined;
  // The parser already dropped the default port of the URL's own scheme.
  const port = parsed.port === '' ? '' : `:${parsed.port}`;
  const userinfo =
    parsed.username !== '' || parsed.password !== ''
      ? `${parsed.username}${parsed.password !== '' ? `:${parsed.password}` : ''}@`
      : '';

  let path = normalizePercent(parsed.pathname);
  if (path.endsWith('/')) path = path.slice(0, -1);

  const search = stripTrackingParams(parsed.search).url;
  const params = search === '' ? [] : search.slice(1).split('&').filter((part) => part !== '');
  const query = params.length > 0 ? `?${params.map(normalizePercent).join('&')}` : '';

  // `hash` is '' for both "no fragment" and an empty one ("#").
  const fragment = normalizePercent(parsed.hash);

  return `https://${userinfo}${host}${port}${path}${query}${fragment}`;
}

/**
 * The key two URLs are compared by to find duplicate entries.
 *
 * - http(s): the scheme does not count (always "https"), the host is lower-cased without
 *   a leading `www.`, default ports, a trailing slash of the path (also "/" alone),
 *   tracking parameters and an empty fragment are dropped, safe percent-escapes are
 *   normalized; the other parameters keep their order and the fragment is kept.
 * - in-page anchors (`#section`) are returned as they are, `mailto:` lower-cased, any
 *   other scheme (`javascript:`, `slack://`…) as the trimmed raw string.
 * - undefined for relative paths and for http(s) URLs that do not parse.
 */
export function normalizeUrl(url: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '') return undefined;
  if (trimmed.startsWith('#')) return trimmed;
  if (trimmed.startsWith('//')) return normalizeHttp(`https:${trimmed}`);

  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === undefined) return undefined;
  if (scheme === 'http' || scheme === 'https') return normalizeHttp(trimmed);
  if (scheme === 'mailto') return trimmed.toLowerCase();
  return trimmed;
}
