/**
 * Query parameters that only track the click (campaign tags, ad click ids, mail
 * campaign ids) and never change what the page shows.
 *
 * Deliberately absent: short or generic names that some sites use for real content,
 * such as `ref`, `source`, `si`, `pp` (YouTube), `t` (video start time), `s`, `src`.
 */
const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  // Google Ads / Analytics
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'gad_source',
  '_ga',
  '_gl',
  'srsltid',
  // Other ad networks
  'fbclid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'sc_cid',
  'rb_clickid',
  'igshid',
  '_openstat',
  // Mail and marketing automation
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  '__hstc',
  '__hssc',
  '__hsfp',
  'hsctatracking',
  'mkt_tok',
  'vero_id',
  'oly_anon_id',
  'oly_enc_id',
  's_cid',
  '__s',
  // Twitter / X share links
  'ref_src',
  // LinkedIn share links (only this exact name; `trkInfo`, `trk_xyz` are left alone)
  'trk',
]);

/** Whether a query parameter name (already percent-decoded) is a pure tracking parameter. */
export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('utm_') && lower.length > 4) return true;
  return TRACKING_PARAMS.has(lower);
}

/** A query parameter's name or value as it reads: `+` is a space, percent escapes decoded (kept as written when malformed). */
export function decodeQueryPart(raw: string): string {
  const plus = raw.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus;
  }
}

/**
 * Removes tracking parameters from a URL as written, changing nothing else: kept
 * parameters stay byte-for-byte in their order and encoding, the fragment stays, and the
 * `?` goes when no parameter is left. Works on any string (relative URLs too); a URL
 * without tracking parameters comes back unchanged. `removed` lists the decoded names.
 */
export function stripTrackingParams(url: string): { url: string; removed: string[] } {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : url.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  if (queryAt === -1) return { url, removed: [] };

  const base = beforeHash.slice(0, queryAt);
  const parts = beforeHash.slice(queryAt + 1).split('&');
  const removed: string[] = [];
  const kept: string[] = [];
  for (const part of parts) {
    const eq = part.indexOf('=');
    const name = decodeQueryPart(eq === -1 ? part : part.slice(0, eq));
    if (part !== '' && isTrackingParam(name)) removed.push(name);
    else kept.push(part);
  }
  if (removed.length === 0) return { url, removed };

  // Once something is removed, empty segments left around it (`a=1&&b=2`) go too.
  const rest = kept.filter((part) => part !== '');
  const query = rest.length > 0 ? `?${rest.join('&')}` : '';
  return { url: base + query + fragment, removed };
}
