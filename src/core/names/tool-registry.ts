/**
 * Known tools and where they live: answers "which tool does this URL belong to?" and
 * "which known tool name is this name closest to?". Pure code: no I/O.
 */
import { distance as levenshtein } from 'fastest-levenshtein';
import { TOOL_REGISTRY_DATA } from './tool-registry-data.js';

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
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

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
  const len = Math.min(a.length, b.length);
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
}

/** First path segments that only choose a language: `/en-us/…`, `/en/…`. */
const LOCALE_SEGMENT =
  /^\/(?:en|de|fr|es|ja|ko|zh|pt|it|ru|nl|pl|tr|sv|da|fi|nb|cs|hu|ro|uk|id|vi|th|he|ar)(?:-(?:[a-z]{2}|hans|hant))?(?=\/|$)/;

/** Lower-cases a path, drops a leading locale, a trailing file extension or index page and slashes. */
function canonicalPath(path: string): string {
  return path
    .toLowerCase()
    .replace(LOCALE_SEGMENT, '')
    .replace(/\/index\.(?:html?|php|md)$/, '')
    .replace(/\.(?:html?|php|aspx?|md)$/, '')
    .replace(/\/+$/, '');
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
 * How many letters a name may have deleted in the symmetric-deletion index: a name of under
 * 7 letters is never more than one edit from a match ({@link allowedDistance} goes by the
 * shorter name), and one of under 4 only matches exactly.
 */
function deletionDepth(length: number): number {
  return length < 4 ? 0 : length < 7 ? 1 : 2;
}

/** The word and every form of it with up to `most` (0, 1 or 2) letters deleted. */
function deletions(word: string, most: number): Set<string> {
  const out = new Set<string>([word]);
  for (let i = 0; most > 0 && i < word.length; i++) {
    const once = word.slice(0, i) + word.slice(i + 1);
    out.add(once);
    if (most > 1) for (let j = i; j < once.length; j++) out.add(once.slice(0, j) + once.slice(j + 1));
  }
  return out;
}

export class ToolRegistry {
  readonly entries: readonly ToolEntry[];
  private readonly homes: Home[];
  private readonly names: KnownName[];
  /** Indexes: homes by host, names by normalized form and by length (lookups run per entry). */
  private readonly homesByHost = new Map<string, Home[]>();
  private readonly namesByForm = new Map<string, ToolEntry[]>();
  /** Symmetric-delete index: every form of a known name with up to two letters deleted. */
  private readonly namesByDeletion = new Map<string, KnownName[]>();
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
        if (normalized !== '') this.names.push({ entry, normalized });
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
      for (const variant of deletions(known.normalized, deletionDepth(known.normalized.length))) {
        const list = this.namesByDeletion.get(variant) ?? [];
        if (!list.includes(known)) list.push(known);
        this.namesByDeletion.set(variant, list);
      }
    }
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
    const q = normalizeName(name);
    if (q === '') return undefined;
    if (this.closestCache.has(q)) return this.closestCache.get(q);
    let best: { entry: ToolEntry; distance: number } | undefined;
    let ambiguous = false;
    // Two names within two edits share a form with at most two letters deleted from each
    // (symmetric deletion, as SymSpell does): only those are measured. The allowed distance
    // depends on the shorter name, so short names need fewer deletions (deletionDepth).
    const most = deletionDepth(q.length);
    const nearby = new Set<KnownName>();
    const lookUp = (variant: string): void => {
      const found = this.namesByDeletion.get(variant);
      if (found !== undefined) for (const known of found) nearby.add(known);
    };
    // (The same as looking up every form in deletions(q, most), without building the set.)
    lookUp(q);
    for (let i = 0; most > 0 && i < q.length; i++) {
      const once = q.slice(0, i) + q.slice(i + 1);
      lookUp(once);
      if (most > 1) for (let j = i; j < once.length; j++) lookUp(once.slice(0, j) + once.slice(j + 1));
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
