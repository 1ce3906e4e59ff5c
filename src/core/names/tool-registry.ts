/**
 * Known tools and where they live: answers "which tool does this URL belong to?" and
 * "which known tool name is this name closest to?". Pure code: no I/O.
 */
import { distance as levenshtein } from 'fastest-levenshtein';
import { TOOL_REGISTRY_DATA } from './tool-registry-data.js';
import { trimEndChars } from '../text/trim.js';

export interface ToolEntry {
  /** The canonical spelling, e.g. `DefectDojo`. */
  name: string;
  /** Host or host/path prefixes, e.g. `gitleaks.io`, `github.com/gitleaks/gitleaks`. */
  homes: string[];
  /** Other accepted names, e.g. `OWASP ZAP` for ZAP. */
  aliases?: string[];
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * A name folded for comparison: lower case, accents and every character that is not a
 * letter or digit removed, so case, spacing and hyphenation never count as
 * misspellings (`Defect Dojo` = `DefectDojo`, `Tflint` = `TFLint`).
 */
export function normalizeName(name: string): string {
  // ASCII text has nothing to decompose: the same result without the Unicode work.
  if (isAscii(name)) return name.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(STYLISED, (c) => STYLISED_AS[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Letters that brands use for the Latin letter they look like (`GoSƐ`, `ØMQ`): folded to it.
 * Applied after lower-casing, so only lower-case forms are listed.
 */
const STYLISED_AS: Record<string, string> = {
  ɛ: 'e', ε: 'e', ə: 'e', σ: 'e', ø: 'o', ο: 'o', θ: 'o', ł: 'l', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe',
  ı: 'i', ι: 'i', ƒ: 'f', λ: 'a', α: 'a', ʌ: 'a', ν: 'v', κ: 'k', τ: 't', ρ: 'p', χ: 'x', υ: 'u', μ: 'u', µ: 'u',
};
const STYLISED = /[ɛεəσøοθłđßæœıιƒλαʌνκτρχυμµ]/g;

/**
 * Optimal-string-alignment (restricted Damerau-Levenshtein) distance: like
 * Levenshtein, but swapping two adjacent letters (`Synk` → `Snyk`) costs one edit.
 */
export function nameDistance(a: string, b: string): number {
  if (a === b) return 0;
  const lev = levenshtein(a, b);
  // OSA never exceeds Levenshtein and differs only when a swap helps, which needs lev >= 2.
  if (lev <= 1) return lev;
  return osa(a, b, lev);
}

/**
 * {@link nameDistance} when it is at most `max`, else undefined; cheap for the common
 * case of unrelated names (OSA is at least half the Levenshtein distance).
 */
export function nameDistanceWithin(a: string, b: string, max: number): number | undefined {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return undefined;
  const lev = levenshtein(a, b);
  if (lev <= 1) return lev <= max ? lev : undefined;
  if (lev > 2 * max) return undefined;
  const d = osa(a, b, lev);
  return d <= max ? d : undefined;
}

function osa(a: string, b: string, lev: number): number {
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      }
      cur[j] = v;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(lev, prev[m] ?? lev);
}

/**
 * The largest edit distance that still counts as a misspelling between two normalized
 * names: none below 4 characters, 1 from 4, 2 from 7 (the shorter name decides).
 */
export function allowedDistance(a: string, b: string): number {
  return allowedForLength(Math.min(a.length, b.length));
}

function allowedForLength(len: number): number {
  if (len < 4) return 0;
  if (len < 7) return 1;
  return 2;
}

interface Home {
  entry: ToolEntry;
  host: string;
  /** Lower-case path prefix without trailing slash, '' for the whole host. */
  path: string;
}

interface KnownName {
  entry: ToolEntry;
  normalized: string;
  /** The characters it is made of, as bits (see charMask). */
  mask: number;
}

/** First path segments that only choose a language: `/en-us/…`, `/en/…`. */
const LOCALE_SEGMENT =
  /^\/(?:en|de|fr|es|ja|ko|zh|pt|it|ru|nl|pl|tr|sv|da|fi|nb|cs|hu|ro|uk|id|vi|th|he|ar)(?:-(?:[a-z]{2}|hans|hant))?(?=\/|$)/;

/** Lower-cases a path, drops a leading locale, a trailing file extension or index page and slashes. */
function canonicalPath(path: string): string {
  return trimEndChars(
    path
      .toLowerCase()
      .replace(LOCALE_SEGMENT, '')
      .replace(/\/index\.(?:html?|php|md)$/, '')
      .replace(/\.(?:html?|php|aspx?|md)$/, ''),
    '/',
  );
}

function parseHome(home: string): { host: string; path: string } {
  const cleaned = home.trim().replace(/^[a-z]+:\/\//i, '');
  const slash = cleaned.indexOf('/');
  const host = (slash < 0 ? cleaned : cleaned.slice(0, slash)).toLowerCase().replace(/^www\d?\./, '');
  const path = slash < 0 ? '' : canonicalPath(cleaned.slice(slash));
  return { host, path };
}

function parseTarget(url: string): { host: string; path: string } | undefined {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    try {
      u = new URL(`https://${url.trim()}`);
    } catch {
      return undefined;
    }
  }
  if (u.hostname === '') return undefined;
  let path = u.pathname;
  try {
    path = decodeURI(path);
  } catch {
    // keep the encoded form
  }
  return {
    host: u.hostname.toLowerCase().replace(/^www\d?\./, '').replace(/\.$/, ''),
    path: canonicalPath(path),
  };
}

/**
 * The characters of a normalized name as a 32-bit set: `a`–`z` one bit each, digits and any
 * other letter sharing the rest. Two characters may share a bit, so the set can only
 * understate how many characters one name has that the other lacks.
 */
function charMask(name: string): number {
  let mask = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    mask |= 1 << (c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? 26 + ((c - 48) % 6) : c & 31);
  }
  return mask;
}

/** Whether a 32-bit set has at most `most` (0, 1 or 2) members. */
function atMostBits(set: number, most: number): boolean {
  if (most === 0) return set === 0;
  const fewer = set & (set - 1); // one member less
  return most === 1 ? fewer === 0 : (fewer & (fewer - 1)) === 0;
}

export class ToolRegistry {
  readonly entries: readonly ToolEntry[];
  private readonly homes: Home[];
  private readonly names: KnownName[];
  /** Indexes: homes by host, names by normalized form and by length (lookups run per entry). */
  private readonly homesByHost = new Map<string, Home[]>();
  private readonly namesByForm = new Map<string, ToolEntry[]>();
  /** Known names by length (lookups only measure names of about the query's length). */
  private readonly namesByLength: KnownName[][] = [];
  /** The character masks of namesByLength, bucket by bucket, packed for the lookup's scan. */
  private readonly masksByLength: Int32Array[] = [];
  private readonly closestCache = new Map<string, { entry: ToolEntry; distance: number } | undefined>();
  private readonly toolForUrlCache = new Map<string, ToolEntry | undefined>();

  constructor(extra: ToolEntry[] = []) {
    this.entries = [...extra, ...TOOL_REGISTRY_DATA];
    this.homes = [];
    this.names = [];
    for (const entry of this.entries) {
      for (const home of entry.homes) {
        const parsed = parseHome(home);
        if (parsed.host !== '') this.homes.push({ entry, ...parsed });
      }
      for (const n of [entry.name, ...(entry.aliases ?? [])]) {
        const normalized = normalizeName(n);
        if (normalized !== '') this.names.push({ entry, normalized, mask: charMask(normalized) });
      }
    }
    for (const home of this.homes) {
      const list = this.homesByHost.get(home.host) ?? [];
      list.push(home);
      this.homesByHost.set(home.host, list);
    }
    for (const known of this.names) {
      const same = this.namesByForm.get(known.normalized) ?? [];
      if (!same.includes(known.entry)) same.push(known.entry);
      this.namesByForm.set(known.normalized, same);
      (this.namesByLength[known.normalized.length] ??= []).push(known);
    }
    this.namesByLength.forEach((bucket, length) => (this.masksByLength[length] = Int32Array.from(bucket, (known) => known.mask)));
  }

  /**
   * A registry with this one's indexes (built once) and empty lookup caches: what one check of
   * one document needs, so that neither memory nor timings carry over from other documents.
   */
  forOneRun(): ToolRegistry {
    const copy = Object.create(ToolRegistry.prototype) as ToolRegistry;
    return Object.assign(copy, this, { closestCache: new Map(), toolForUrlCache: new Map() });
  }

  /**
   * The tool whose home is the longest prefix of the URL. Hosts compare without `www.`
   * and case, and a home host also covers its sub-domains (`snyk.io` covers
   * `app.snyk.io`); paths compare case-insensitively on whole segments, so
   * `github.com/aquasecurity/trivy` does not cover `.../trivy-operator`.
   */
  toolForUrl(url: string): ToolEntry | undefined {
    if (this.toolForUrlCache.has(url)) return this.toolForUrlCache.get(url);
    const found = this.findToolForUrl(url);
    if (this.toolForUrlCache.size < 10_000) this.toolForUrlCache.set(url, found);
    return found;
  }

  private findToolForUrl(url: string): ToolEntry | undefined {
    const target = parseTarget(url);
    if (target === undefined) return undefined;
    let best: { entry: ToolEntry; score: number } | undefined;
    // The host and each parent domain (a home host covers its sub-domains).
    const candidates: Home[] = [];
    for (let host = target.host; host.includes('.') || host === target.host; host = host.slice(host.indexOf('.') + 1)) {
      candidates.push(...(this.homesByHost.get(host) ?? []));
      if (!host.includes('.')) break;
    }
    for (const home of candidates) {
      const exactHost = target.host === home.host;
      if (!exactHost && !target.host.endsWith(`.${home.host}`)) continue;
      if (home.path !== '' && target.path !== home.path && !target.path.startsWith(`${home.path}/`)) {
        continue;
      }
      // Longer homes win; at equal length an exact host beats a sub-domain match.
      const score = (home.host.length + home.path.length) * 2 + (exactHost ? 1 : 0);
      if (best === undefined || score > best.score) best = { entry: home.entry, score };
    }
    return best?.entry;
  }

  /**
   * The known tool whose name or alias is closest to `name`, when within the
   * misspelling limits of {@link allowedDistance}; distance 0 means the same name up to
   * case, spacing and punctuation. A tie at distance > 0 between two tools is ambiguous
   * and gives undefined.
   */
  closestKnownName(name: string): { entry: ToolEntry; distance: number } | undefined {
    return this.closestKnownNormalized(normalizeName(name));
  }

  /** {@link closestKnownName} for a name already normalized ({@link normalizeName}). */
  closestKnownNormalized(q: string): { entry: ToolEntry; distance: number } | undefined {
    if (q === '') return undefined;
    if (this.closestCache.has(q)) return this.closestCache.get(q);
    let best: { entry: ToolEntry; distance: number } | undefined;
    let ambiguous = false;
    // A name within `allowed` edits is at most that much longer or shorter, and has at most
    // that many characters the other lacks (an edit brings in one character at most): only
    // names that pass both are measured.
    const qMask = charMask(q);
    const nearby: KnownName[] = [];
    for (let length = Math.max(1, q.length - 2); length <= q.length + 2; length++) {
      const masks = this.masksByLength[length];
      const allowed = allowedForLength(Math.min(length, q.length));
      if (masks === undefined || Math.abs(length - q.length) > allowed) continue;
      for (let i = 0; i < masks.length; i++) {
        const mask = masks[i]!;
        if (atMostBits(qMask & ~mask, allowed) && atMostBits(mask & ~qMask, allowed)) nearby.push(this.namesByLength[length]![i]!);
      }
    }
    for (const known of nearby) {
      const d = nameDistanceWithin(q, known.normalized, allowedDistance(q, known.normalized));
      if (d === undefined) continue;
      if (best === undefined || d < best.distance) {
        best = { entry: known.entry, distance: d };
        ambiguous = false;
      } else if (d === best.distance && known.entry !== best.entry) {
        ambiguous = true;
      }
    }
    const result = best === undefined || (ambiguous && best.distance > 0) ? undefined : best;
    if (this.closestCache.size < 10_000) this.closestCache.set(q, result);
    return result;
  }

  /** Every entry whose name or one of whose aliases normalizes to the same as `name`. */
  entriesNamed(name: string): ToolEntry[] {
    const q = normalizeName(name);
    if (q === '') return [];
    return [...(this.namesByForm.get(q) ?? [])];
  }
}
