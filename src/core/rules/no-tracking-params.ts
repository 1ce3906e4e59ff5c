import type { Fix, Rule, RuleReport } from '../findings/types.js';
import type { Link } from '../model/types.js';
import { isTrackingParam, stripTrackingParams } from '../url/tracking-params.js';
import { cutAtFirst } from '../text/trim.js';
import { deliberateTracking, type DeliberateEvidence } from './deliberate-tracking.js';

/**
 * `no-tracking-params`: links that carry click-tracking query parameters (`utm_*`,
 * `gclid`, `fbclid`…). Example: `https://site.dev/course/?utm_source=ads&couponCode=X` →
 * `https://site.dev/course/?couponCode=X`. Other parameters and the fragment stay as written.
 * The fix is certain for links of entries; other Markdown links get it as a suggestion.
 * Raw-HTML links outside entries (a sponsor's banner above the list) are left alone: the
 * sponsor asked for that attribution.
 *
 * Parameters the list's owner put there on purpose — in a sponsor block, in a section headed
 * as sponsored, affiliate or partners, one site's own campaign repeated on its pages, or a
 * value that declares an affiliate link (see deliberate-tracking.ts) — are only `info`, with
 * no fix and no suggestion: the message gives the evidence, the maintainer decides.
 */
export const noTrackingParams: Rule = {
  meta: {
    id: 'no-tracking-params',
    defaultSeverity: 'warning',
    description: 'Links carrying click-tracking parameters such as utm_source or gclid.',
    fixable: true,
  },
  check({ doc }) {
    const reports: RuleReport[] = [];
    const seen = new Set<number>();
    const deliberate = deliberateTracking(doc);
    const keyOf = (link: Link) => (link.urlSpan ? link.urlSpan.start.offset : -1 - link.span.start.offset);
    const tracked = doc.links.filter((link) => !(link.syntax === 'html' && !link.entry) && stripTrackingParams(link.url).removed.length > 0);
    // A reference definition is one URL for all its uses: deliberate when any use is (the sponsor block's).
    const evidenceByKey = new Map<number, DeliberateEvidence>();
    for (const link of tracked) {
      const key = keyOf(link);
      if (evidenceByKey.has(key)) continue;
      const evidence = deliberate(link);
      if (evidence) evidenceByKey.set(key, evidence);
    }
    for (const link of tracked) {
      const clean = stripTrackingParams(link.url);
      const place = link.urlSpan ? { span: link.urlSpan } : undefined;
      const key = keyOf(link);
      if (seen.has(key)) continue;
      seen.add(key);
      const names = unique(clean.removed);
      const evidence = evidenceByKey.get(key);
      if (evidence) {
        const them = names.length > 1 ? 'them' : 'it';
        reports.push({
          message: `Tracking parameter${names.length > 1 ? 's' : ''} ${names.join(', ')} in ${shortUrl(clean.url)} look${names.length > 1 ? '' : 's'} deliberate (${because(evidence)}) — leave ${them}, or remove ${them} by hand if the list should not carry ${them}`,
          span: place ? place.span : link.span,
          severity: 'info',
          data: { url: link.url, removed: names, deliberate: evidence },
        });
        continue;
      }
      const message = `Tracking parameter${names.length > 1 ? 's' : ''} ${names.join(', ')} in ${shortUrl(clean.url)} — remove ${names.length > 1 ? 'them' : 'it'}: they only tell the site where the click came from`;
      if (!place) {
        reports.push({ message, span: link.span, data: { url: link.url, removed: names } });
        continue;
      }
      const raw = doc.source.slice(place.span.start.offset, place.span.end.offset);
      const fixed = raw === link.url ? clean.url : stripRaw(raw, link.url);
      // Outside entries (sponsor blocks, banners) the parameters are often a deliberate
      // referral: there the fix is only suggested.
      const fix: Fix | undefined =
        fixed !== undefined ? { edits: [{ start: place.span.start.offset, end: place.span.end.offset, text: fixed }], certain: link.entry !== undefined } : undefined;
      reports.push({
        message,
        span: place.span,
        ...(fixed !== undefined ? { suggestion: fixed } : {}),
        ...(fix ? { fix } : {}),
        data: { url: link.url, removed: names },
      });
    }
    return reports;
  },
};

/** Why the parameters look deliberate, in words the maintainer can check in the file. */
function because(evidence: DeliberateEvidence): string {
  switch (evidence.kind) {
    case 'section':
      return `it is under the heading "${clip(evidence.title)}"`;
    case 'sponsor-block':
      return `it is in the block introduced by "${clip(evidence.intro)}" on line ${evidence.line}`;
    case 'campaign':
      return `${evidence.name} "${clip(evidence.value)}" is on ${evidence.pages} pages of ${evidence.site}`;
    case 'value':
      return `${evidence.name} "${clip(evidence.value)}" marks it as ${evidence.word === 'affiliate' ? 'an affiliate' : `a ${evidence.word}`} link`;
  }
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

/** The cleaned URL for a message: host and path, without the remaining query. */
function shortUrl(url: string): string {
  const cut = cutAtFirst(url, '?#');
  return cut.length > 80 ? `${cut.slice(0, 77)}…` : cut;
}

/** A '#' that is not part of a character reference (`&#38;`). */
const FRAGMENT = /(?<!&)#/;

/** `&amp;` and other spellings of `&` that separate parameters in an HTML attribute or Markdown. */
const SEPARATOR = /(&amp;|&#0*38;|&#x0*26;|&)/i;

function decodeName(raw: string): string {
  const text = raw
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&amp;/gi, '&')
    .replace(/\+/g, ' ');
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Removes the tracking parameters from the URL as written in the source, when that text
 * differs from the parsed URL (entities such as `&amp;`, backslash escapes). Each kept
 * parameter and separator stays byte for byte. Undefined when the written text does not
 * give the same parameters to remove as the parsed URL (then no fix is offered).
 */
function stripRaw(raw: string, url: string): string | undefined {
  const expected = stripTrackingParams(url).removed;
  // A '#' that is not part of an entity (`&#38;`) starts the fragment.
  const queryAt = raw.indexOf('?');
  if (queryAt === -1 || FRAGMENT.test(raw.slice(0, queryAt))) return undefined;
  const hash = FRAGMENT.exec(raw.slice(queryAt));
  const hashAt = hash ? queryAt + hash.index : -1;
  const beforeHash = hashAt === -1 ? raw : raw.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : raw.slice(hashAt);
  const query = beforeHash.slice(queryAt + 1);
  const pieces = query.split(SEPARATOR);
  const kept: { separator: string; part: string }[] = [];
  const removed: string[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const part = pieces[i]!;
    const separator = i === 0 ? '' : pieces[i - 1]!;
    const eq = part.indexOf('=');
    const name = decodeName(eq === -1 ? part : part.slice(0, eq));
    if (part !== '' && isTrackingParam(name)) removed.push(name);
    else kept.push({ separator, part });
  }
  if (removed.join('\u0000') !== expected.join('\u0000')) return undefined;
  const rest = kept.filter((k) => k.part !== '');
  const rebuilt = rest.map((k, i) => (i === 0 ? k.part : `${k.separator || '&'}${k.part}`)).join('');
  return raw.slice(0, queryAt) + (rest.length > 0 ? `?${rebuilt}` : '') + fragment;
}
