import type { Rule, RuleReport } from '../findings/types.js';

/**
 * `prefer-https`: links (images included) that use plain `http://`. Offline, the https URL
 * is only suggested. When the link checker has verified that the https:// twin serves the
 * same site, the fix is certain; when it found that https is not served, the link is left
 * alone (there is nothing to do). Local and private addresses and reserved example domains
 * are skipped.
 */
export const preferHttps: Rule = {
  meta: {
    id: 'prefer-https',
    defaultSeverity: 'warning',
    description: 'Links that use unencrypted http://.',
    // Not fixable offline; with link checks the verified fix is certain (see above).
    fixable: false,
    usesLinkFacts: true,
  },
  check({ doc, facts }) {
    const reports: RuleReport[] = [];
    const seen = new Set<number>();
    for (const link of doc.links) {
      const url = link.url.trim();
      if (!/^http:\/\//i.test(url)) continue;
      const host = hostOf(url);
      if (host === undefined || isLocalOrReserved(host)) continue;
      const verified = facts.httpsWorks?.(url);
      if (verified === false) continue;
      const place = link.urlSpan ? { span: link.urlSpan } : undefined;
      const key = place ? place.span.start.offset : -1 - link.span.start.offset;
      if (seen.has(key)) continue;
      seen.add(key);
      const raw = place ? doc.source.slice(place.span.start.offset, place.span.end.offset) : '';
      const suggestion = /^http:\/\//i.test(raw) ? `https://${raw.slice('http://'.length)}` : undefined;
      const fix = verified && place && suggestion !== undefined ? { edits: [{ start: place.span.start.offset, end: place.span.end.offset, text: suggestion }], certain: true } : undefined;
      reports.push({
        message: verified
          ? `${short(url)} is not encrypted, and the site serves the same page over https — use the https:// address`
          : `${short(url)} is not encrypted — use https:// if the site serves it`,
        span: place?.span ?? link.span,
        ...(suggestion !== undefined ? { suggestion } : {}),
        ...(fix ? { fix } : {}),
        data: { url: link.url },
      });
    }
    return reports;
  },
};

function short(url: string): string {
  return url.length > 80 ? `${url.slice(0, 77)}…` : url;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

/** Reserved names for documentation and testing (RFC 2606, RFC 6761). */
const RESERVED_DOMAINS = ['example.com', 'example.net', 'example.org', 'example.edu'];
const RESERVED_SUFFIXES = ['.example', '.test', '.invalid', '.localhost', '.local', '.internal', '.lan', '.home.arpa', '.intranet', '.corp'];

/** Hosts that are never reachable over the internet, or exist only in examples. */
export function isLocalOrReserved(host: string): boolean {
  if (host === 'localhost' || host === '0.0.0.0') return true;
  // A single label ("jenkins", "intranet") is a name on a local network.
  if (!host.includes('.') && !host.startsWith('[')) return true;
  if (RESERVED_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`))) return true;
  if (RESERVED_SUFFIXES.some((s) => host.endsWith(s) || host === s.slice(1))) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (host.startsWith('[')) {
    const v6 = host.slice(1, -1);
    return v6 === '::1' || v6 === '::' || /^f[cd][0-9a-f]{0,2}:/.test(v6) || /^fe[89ab][0-9a-f]?:/.test(v6) || v6.startsWith('::ffff:');
  }
  return false;
}
