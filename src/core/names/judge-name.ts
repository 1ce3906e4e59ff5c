/**
 * The decisions behind the `tool-name-spelling` and `tool-name-matches-link` rules:
 * is a link text a misspelt tool name, and does a tool name share nothing with the page
 * it links to? Both are built for precision: when unsure they return undefined.
 * Pure code: no I/O.
 */
import {
  allowedDistance,
  nameDistanceWithin,
  normalizeName,
  type ToolEntry,
  type ToolRegistry,
} from './tool-registry.js';
import { segmentTokens, splitCamel, urlHost, urlTokens } from './url-tokens.js';
import { trimEndChars } from '../text/trim.js';

export interface SpellingVerdict {
  /** The whole corrected name, e.g. `Snyk Container` for `Synk Container`. */
  canonical: string;
  reason: string;
}

export interface MismatchVerdict {
  /** What the link points to instead, e.g. `Sonatype Nexus Repository`. */
  target: string;
  reason: string;
}

/** Names longer than this are prose (article titles, sentences), never judged. */
const MAX_WORDS = 4;
const MAX_CHARS = 48;

/** Words that never make two names share anything. */
const STOP_WORDS = new Set([
  'a', 'an', 'and', 'the', 'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'from', 'or',
  'is', 'are', 'be', 'as', 'it', 'its', 'via', 'vs', 'your', 'my', 'our', 'how', 'why',
  'what', 'tool', 'tools', 'new', 'using', 'use', 'get', 'into',
]);

/** Name parts that say which language or platform a tool is for, never which tool it is. */
const ECOSYSTEM_TOKENS = new Set(['js', 'ts', 'go', 'py', 'rb', 'rs', 'php', 'net', 'node', 'java', 'kt', 'swift', 'dotnet', 'jl', 'lua', 'ex', 'cr']);

/** URL tokens that say nothing about which tool a page is about. */
const GENERIC_URL_TOKENS = new Set([
  'products', 'product', 'docs', 'doc', 'documentation', 'stable', 'latest', 'current',
  'master', 'main', 'dev', 'develop', 'release', 'releases', 'index', 'home', 'page',
  'pages', 'wiki', 'en', 'us', 'html', 'htm', 'php', 'www', 'blog', 'blogs', 'post', 'posts',
  'articles', 'article', 'news', 'about', 'guide', 'guides', 'reference', 'api', 'apis',
  'overview', 'intro', 'introduction', 'getting', 'started', 'gettingstarted', 'learn',
  'tutorial', 'tutorials', 'user', 'users', 'project', 'projects', 'p', 'item', 'items',
  'itemname', 'view', 'watch', 'download', 'downloads', 'features', 'feature', 'solutions',
  'solution', 'platform', 'resources', 'resource', 'topics', 'topic', 'default', 'aspx',
  'content', 'library', 'www2', 'abs', 'pdf', 'stars', 'readme', 'tree', 'blob', 'org',
  'podcast', 'podcasts', 'video', 'videos', 'channel', 'channels', 'playlist', 'feed',
  'episode', 'episodes', 'series', 'show', 'shows', 'event', 'events', 'talk', 'talks',
  'slides', 'paper', 'papers', 'book', 'books', 'course', 'courses', 'sites', 'site',
]);

/** What cleanName would change: emphasis, code ticks, quotes, trailing punctuation, spacing. */
const NEEDS_CLEANING = /[`*_~"'“”‘’«»….:;,!]|\s\s|^\s|\s$|[^\S ]/;

/** Strips Markdown emphasis, code ticks and quotes around a link text, and folds spaces. */
export function cleanName(name: string): string {
  if (!NEEDS_CLEANING.test(name)) return name; // the common case: nothing to clean
  return name
    .replace(/[`*_~]+/g, (m, offset: number, all: string) =>
      // Keep `_` inside identifiers such as `early_stopping`.
      m === '_' && offset > 0 && offset + 1 < all.length && /\w/.test(all[offset - 1] ?? '') && /\w/.test(all[offset + 1] ?? '')
        ? m
        : ' ',
    )
    .replace(/^[\s"'“”‘’«»]+|[\s"'“”‘’«».…:;,!]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Only short names that look like a tool's name are judged: never prose or URLs. */
export function looksLikeName(name: string): boolean {
  if (name === '' || name.length > MAX_CHARS) return false;
  if (!/\p{L}/u.test(name)) return false;
  if (/:\/\/|^www\.|\.(?:com|org|io|net)\b/i.test(name)) return false;
  if (/[?!,;()[\]{}<>|]/.test(name)) return false;
  return name.split(' ').length <= MAX_WORDS;
}

interface Window {
  start: number;
  end: number;
  text: string;
  norm: string;
  words: number;
}

function windowsOf(words: string[]): Window[] {
  const out: Window[] = [];
  for (let start = 0; start < words.length; start++) {
    for (let end = words.length; end > start; end--) {
      const text = words.slice(start, end).join(' ');
      const norm = normalizeName(text);
      if (norm !== '') out.push({ start, end, text, norm, words: end - start });
    }
  }
  return out;
}

/** Word count of a candidate name (spaces only: `DefectDojo` is one word). */
function wordCount(s: string): number {
  return s.trim().split(/\s+/).length;
}

/**
 * Whether `a` differs from `b` only by a longer added beginning or ending
 * (`Tenable.io` vs `Tenable`, `gitleaks-ci` vs `gitleaks`): an extension, not a typo.
 * A one-letter ending (`Gitleak` → `Gitleaks`) still counts as a misspelling.
 */
function isAffixExtension(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.startsWith(short)) {
    const extra = long.slice(short.length);
    return extra.length >= 2 || /^\d+$/.test(extra); // `Keras3` is a version, not a typo
  }
  if (long.endsWith(short)) return long.length - short.length >= 2;
  return false;
}

/**
 * Whether two names one edit apart look like a typing slip rather than two different
 * names: two neighbouring letters swapped (`Kuberentes`), or, in a name of seven letters
 * or more, one letter dropped or added inside the word (`Promethus`, `Kubernettes`).
 * A changed letter (`Cython` / `Python`, `Tecton` / `Tekton`) or an added first or last
 * letter (`Falco` / `Falcon`, `KTransformers`) is how tools are named after each other.
 */
function isTypingSlip(a: string, b: string): boolean {
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
    const [i, j] = diff;
    return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1 || short.length < 7) return false;
  let k = 0;
  while (k < short.length && short[k] === long[k]) k++;
  // The extra letter of `long` is at k: interior only, and the rest must line up.
  return k > 0 && k < short.length && long.slice(k + 1) === short.slice(k);
}

interface Candidate {
  text: string;
  source: 'owner' | 'title' | 'registry';
  entry?: ToolEntry;
}

interface Match {
  window: Window;
  candidate: Candidate;
  distance: number;
}

function candidateMatches(window: Window, candidate: Candidate, wholeName: boolean): number | undefined {
  const c = normalizeName(candidate.text);
  if (c === '') return undefined;
  if (!wholeName && Math.abs(wordCount(candidate.text) - window.words) > 1) return undefined;
  const d = nameDistanceWithin(window.norm, c, allowedDistance(window.norm, c));
  if (d === undefined) return undefined;
  if (d > 0 && isAffixExtension(window.norm, c)) return undefined;
  return d;
}

function replaceWindow(words: string[], window: Window, replacement: string): string {
  return [...words.slice(0, window.start), replacement, ...words.slice(window.end)].join(' ');
}

/** Splits page titles into the names they carry: `Gitleaks - Protect secrets` gives both parts. */
/**
 * Answers by titles array: a run asks about the same page's titles from several rules (the
 * link facts hand out one array per page), so each page's titles are read once.
 */
const candidatesByTitles = new WeakMap<readonly string[], readonly string[]>();
const normsByTitles = new WeakMap<readonly string[], ReadonlySet<string>>();

function titleCandidates(titles: readonly string[] | undefined): readonly string[] {
  if (titles === undefined || titles.length === 0) return [];
  let known = candidatesByTitles.get(titles);
  if (known === undefined) {
    known = readTitleCandidates(titles);
    candidatesByTitles.set(titles, known);
  }
  return known;
}

function readTitleCandidates(titles: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of titles) {
    const title = raw.replace(/\s+/g, ' ').trim();
    if (title === '') continue;
    for (const part of [title, ...title.split(/\s+[-–—|·•:]\s+|:\s+/)]) {
      const p = part.trim();
      if (p !== '' && wordCount(p) <= 6 && !out.includes(p)) out.push(p);
      // A repository's full name `owner/repo` also names the repository alone.
      const repo = /^[\w.-]+\/([\w.-]+)$/.exec(p)?.[1];
      if (repo !== undefined && !out.includes(repo)) out.push(repo);
    }
  }
  return out;
}

function titleNorms(titles: readonly string[] | undefined): ReadonlySet<string> {
  if (titles === undefined || titles.length === 0) return NO_NORMS;
  let known = normsByTitles.get(titles);
  if (known === undefined) {
    const out = new Set<string>();
    for (const t of titleCandidates(titles)) {
      out.add(normalizeName(t));
      for (const tok of segmentTokens(t)) out.add(tok);
    }
    known = out;
    normsByTitles.set(titles, known);
  }
  return known;
}

const NO_NORMS: ReadonlySet<string> = new Set();

function describeUrl(url: string): string {
  const host = urlHost(url);
  return host ?? url;
}

/**
 * The best correction among `candidates` for some window of the name, or `'exact'` when
 * a window already spells one of them right (the name names that tool correctly).
 */
function bestMatch(
  windows: readonly Window[],
  words: readonly string[],
  candidates: readonly Candidate[],
  vouched: (norm: string) => boolean,
): Match | 'exact' | undefined {
  let best: Match | undefined;
  for (const window of windows) {
    const whole = window.start === 0 && window.end === words.length;
    for (const candidate of candidates) {
      const d = candidateMatches(window, candidate, whole);
      if (d === undefined) continue;
      if (d === 0) return 'exact';
      if (vouched(window.norm)) continue;
      if (
        best === undefined ||
        d < best.distance ||
        (d === best.distance && window.words > best.window.words)
      ) {
        best = { window, candidate, distance: d };
      }
    }
  }
  return best;
}

function entryNames(entry: ToolEntry): string[] {
  return [entry.name, ...(entry.aliases ?? [])];
}

/**
 * A canonical replacement when `name` is a misspelling (edit distance 1–2 after folding
 * case, spaces and punctuation; never 0) of (a) the registry tool that owns `url`,
 * (b) a page title or repository name in `titles`, or (c) a known tool name, when the
 * URL mentions that tool (or, without such support, only at distance 1 for names of at
 * least 6 letters that the URL does not vouch for). When only one word (or a few) of a
 * longer name is misspelt, only that part is replaced: `Synk Container` → `Snyk Container`.
 */
export function spellingVerdict(
  name: string,
  url: string | undefined,
  registry: ToolRegistry,
  titles?: string[],
): SpellingVerdict | undefined {
  const cleaned = cleanName(name);
  if (!looksLikeName(cleaned)) return undefined;
  const words = cleaned.split(' ');
  const windows = windowsOf(words);
  // The common case, settled cheaply: no tool owns the URL, no page title, and no part of
  // the name comes near a known tool name — (a), (b) and (c) below would all find nothing.
  const owner = url === undefined ? undefined : registry.toolForUrl(url);
  if (owner === undefined && (titles === undefined || titles.length === 0) && windows.every((w) => registry.closestKnownNormalized(w.norm) === undefined)) {
    return undefined;
  }
  // The URL's tokens are only needed once a window comes close to a name: computed then.
  let tokens: string[] | undefined;
  let tokenSet: Set<string> | undefined;
  const urlTokensOnce = (): string[] => (tokens ??= url === undefined ? [] : urlTokens(url));
  const hasToken = (token: string): boolean => (tokenSet ??= new Set(urlTokensOnce())).has(token);
  const titleSet = titleNorms(titles);
  // A spelling the URL or the page title uses itself is not a typo (`Falcon` on …/falcon).
  const vouched = (norm: string): boolean => hasToken(norm) || titleSet.has(norm);

  // A name that is exactly another known tool is not a misspelling of the owner: that is
  // for mismatchVerdict to judge (`Syft` on Grype's repository).
  const knownAs = registry.entriesNamed(cleaned);
  if (knownAs.length > 0 && (owner === undefined || !knownAs.includes(owner))) return undefined;

  // (a) The tool the URL belongs to.
  if (owner !== undefined) {
    const m = bestMatch(windows, words, entryNames(owner).map((text) => ({ text, source: 'owner', entry: owner })), vouched);
    if (m === 'exact') return undefined;
    if (m !== undefined) {
      return {
        canonical: replaceWindow(words, m.window, m.candidate.text),
        reason: `"${m.window.text}" looks like a misspelling of "${m.candidate.text}", the tool this link points to (${describeUrl(url ?? '')})`,
      };
    }
  }

  // (b) The linked page's title or repository name.
  const fromTitles = titleCandidates(titles).map((text): Candidate => ({ text, source: 'title' }));
  if (fromTitles.length > 0) {
    const m = bestMatch(windows, words, fromTitles, vouched);
    if (m === 'exact') return undefined;
    if (m !== undefined) {
      return {
        canonical: replaceWindow(words, m.window, m.candidate.text),
        reason: `"${m.window.text}" looks like a misspelling of "${m.candidate.text}", the name of the linked page`,
      };
    }
  }

  // (c) A known tool name, best with support from the URL.
  let nameWords: Set<string> | undefined;
  const nameWordsOnce = (): Set<string> => {
    if (nameWords === undefined) {
      nameWords = new Set(words.flatMap((w) => segmentTokens(w)));
      nameWords.add(normalizeName(cleaned));
    }
    return nameWords;
  };
  const supportFor = (candidate: string): string | undefined => {
    const cNorm = normalizeName(candidate);
    if (hasToken(cNorm)) return cNorm;
    for (const part of candidate.split(/\s+/).flatMap((w) => segmentTokens(w))) {
      if (part.length >= 4 && !STOP_WORDS.has(part) && !nameWordsOnce().has(part) && hasToken(part)) return part;
    }
    return undefined;
  };
  let urlSharesWithName: boolean | undefined;
  const urlSharesWithNameOnce = (): boolean => (urlSharesWithName ??= shares(nameTokens(cleaned), urlTokensOnce()));
  let best: (Match & { support: string | undefined }) | undefined;
  for (const window of windows) {
    const whole = window.start === 0 && window.end === words.length;
    const found = registry.closestKnownNormalized(window.norm);
    if (found === undefined) continue;
    if (found.distance === 0) {
      // The name (or part of it) is a known tool spelt right: nothing to correct.
      if (whole || window.words > 1) return undefined;
      continue;
    }
    if (vouched(window.norm)) continue;
    const candidates = entryNames(found.entry)
      .map((text) => ({ text, d: candidateMatches(window, { text, source: 'registry' }, whole) }))
      .filter((c): c is { text: string; d: number } => c.d !== undefined && c.d > 0)
      .sort((x, y) => x.d - y.d);
    const pick = candidates[0];
    if (pick === undefined) continue;
    const support = supportFor(pick.text);
    if (support === undefined) {
      // Without support from the URL: whole names only, one edit, six letters or more,
      // an edit that looks like a typing slip, no URL that vouches for the name, and
      // no camelCase brand, which is usually a deliberate variation of another name
      // (`LMFlow` / `MLflow`, `PostgresML` / `PostgreSQL`).
      if (!whole || pick.d !== 1 || window.norm.length < 6) continue;
      if (!isTypingSlip(window.norm, normalizeName(pick.text))) continue;
      if (words.some((w) => isCamelIdentifier(w))) continue;
      if (urlSharesWithNameOnce()) continue;
    }
    if (
      best === undefined ||
      (support !== undefined && best.support === undefined) ||
      ((support !== undefined) === (best.support !== undefined) && pick.d < best.distance)
    ) {
      best = { window, candidate: { text: pick.text, source: 'registry', entry: found.entry }, distance: pick.d, support };
    }
  }
  if (best === undefined) return undefined;
  const support = best.support === undefined ? '' : ` (the URL mentions "${best.support}")`;
  return {
    canonical: replaceWindow(words, best.window, best.candidate.text),
    reason: `"${best.window.text}" looks like a misspelling of the known tool "${best.candidate.text}"${support}`,
  };
}

/** Lower-case tokens of a name: each word split on separators and camelCase, plus joined forms. */
function nameTokens(name: string): string[] {
  const out = new Set<string>();
  const words = name.split(/\s+/).filter((w) => w !== '');
  for (const w of words) for (const t of segmentTokens(w)) out.add(t);
  const joined = normalizeName(name);
  if (joined !== '') out.add(joined);
  for (const t of [...out]) if (STOP_WORDS.has(t)) out.delete(t);
  return [...out];
}

/** Acronyms of every run of two or more consecutive words (`Key Management Service` → `kms`). */
function acronyms(words: readonly string[]): string[] {
  const all = words.map((w) => w.toLowerCase()).filter((w) => w !== '');
  const out: string[] = [];
  // With and without the small words: `Animate On Scroll` is AOS, `Bureau of Labor Statistics` BLS.
  for (const ws of [all.filter((w) => !STOP_WORDS.has(w)), all]) {
    for (let i = 0; i < ws.length; i++) {
      for (let j = i + 2; j <= ws.length; j++) {
        out.push(ws.slice(i, j).map((w) => w[0] ?? '').join(''));
      }
    }
  }
  return out;
}

/** The words of a name or title for acronyms: split on spaces, separators and camelCase. */
function wordsForAcronym(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).flatMap((w) => splitCamel(w)).filter((w) => w !== '');
}

/** The words of each URL segment (host labels, path segments), for acronyms. */
function urlSegmentWords(url: string): string[][] {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return [];
  }
  const segs = [...u.hostname.split('.'), ...u.pathname.split('/')];
  return segs.map((s) => s.split(/[^\p{L}\p{N}]+/u).flatMap((w) => splitCamel(w)).filter((w) => w !== ''));
}

function stem(t: string): string {
  if (t.length > 4 && t.endsWith('ies')) return `${t.slice(0, -3)}y`;
  if (t.length > 4 && t.endsWith('es') && /(?:ss|x|ch|sh)es$/.test(t)) return t.slice(0, -2);
  if (t.length > 3 && t.endsWith('s') && !t.endsWith('ss')) return t.slice(0, -1);
  return t;
}

function tokensShare(a: string, b: string): boolean {
  if (a === b || stem(a) === stem(b)) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 3 && long.startsWith(short)) return true;
  if (short.length >= 4 && long.includes(short)) return true;
  if (short.length >= 5 && nameDistanceWithin(a, b, 1) !== undefined) return true;
  return false;
}

/** Whether any name token relates to any target token. */
function shares(name: readonly string[], target: readonly string[]): boolean {
  for (const a of name) {
    // `.js`, `go-`, `py`: the ecosystem, not the tool (`Inquirer.js` is not `debug-js`).
    if (a.length < 2 || ECOSYSTEM_TOKENS.has(a)) continue;
    for (const b of target) {
      if (b.length >= 2 && tokensShare(a, b)) return true;
    }
  }
  return false;
}

/** A single identifier with an inner capital (`EarlyStopping`, `DefectDojo`, `TFLint`). */
function isCamelIdentifier(name: string): boolean {
  if (/\s/.test(name)) return false;
  if (!/^[\p{L}][\p{L}\p{N}.+_-]*$/u.test(name)) return false;
  return /\p{Ll}\p{Lu}|\p{Lu}{2,}\p{Ll}/u.test(name);
}

/**
 * What the link points to when `name` shares nothing with it: the name must itself be a
 * tool name (a registry name or a camelCase identifier such as `EarlyStopping`), and no
 * token of it (plural-stemmed, by prefix, by acronym, or one typo apart) may appear in
 * the URL, the registry tool owning the URL, or `titles`. A plain single word that is a
 * known tool (`Vault`, `Safety`) is only judged when the URL belongs to another known
 * tool. Undefined when the URL says nothing informative.
 */
export function mismatchVerdict(
  name: string,
  url: string,
  registry: ToolRegistry,
  titles?: string[],
): MismatchVerdict | undefined {
  const cleaned = cleanName(name);
  if (!looksLikeName(cleaned)) return undefined;
  const known = registry.entriesNamed(cleaned);
  const owner = registry.toolForUrl(url);
  if (owner !== undefined && known.includes(owner)) return undefined;
  // Without a known tool owning the link, "shares nothing with the URL" proves nothing:
  // vendor domains, app-store ids and repositories named otherwise are normal.
  if (owner === undefined) return undefined;
  const camel = isCamelIdentifier(cleaned);
  const multiWord = cleaned.includes(' ');
  const ownerIsOther = owner !== undefined && !known.includes(owner);
  // A known name counts as a name when written as one: capitalized, or exactly as the
  // registry spells it (`tfsec`); `vault` in lower case is just a word.
  const writtenAsName =
    /^\p{Lu}/u.test(cleaned) || known.some((e) => entryNames(e).includes(cleaned));
  const judged = camel || (known.length > 0 && writtenAsName && (multiWord || ownerIsOther));
  if (!judged) return undefined;

  const tokens = urlTokens(url);
  const informative = tokens.filter((t) => t.length >= 3 && !GENERIC_URL_TOKENS.has(t) && !/^v?\d/.test(t));
  if (informative.length === 0 && owner === undefined) return undefined;

  // What the link is about: URL tokens, the owning tool's names, the page titles.
  const target = [...tokens];
  const targetWordRuns: string[][] = urlSegmentWords(url);
  for (const n of [...(owner === undefined ? [] : entryNames(owner)), ...titleCandidates(titles)]) {
    target.push(...nameTokens(n));
    targetWordRuns.push(wordsForAcronym(n));
  }
  // What the name says: its tokens, and those of the known tools it names.
  const mine = new Set(nameTokens(cleaned));
  const mineWordRuns = [wordsForAcronym(cleaned)];
  for (const entry of known) {
    for (const n of entryNames(entry)) {
      for (const t of nameTokens(n)) mine.add(t);
      mineWordRuns.push(wordsForAcronym(n));
    }
  }
  if (shares([...mine], target)) return undefined;
  // Acronyms either way: `AWS Key Management Service` on …/kms, `KMS` on …/key-management-service.
  const targetSet = new Set(target);
  if (mineWordRuns.some((run) => acronyms(run).some((a) => a.length >= 2 && targetSet.has(a)))) return undefined;
  if (targetWordRuns.some((run) => acronyms(run).some((a) => a.length >= 2 && mine.has(a)))) return undefined;

  const elsewhere = known.find((e) => e !== owner);
  const where = elsewhere === undefined ? '' : `; "${cleaned}" is ${elsewhere.name === cleaned ? 'a known tool' : `${elsewhere.name}`}${elsewhere.homes[0] === undefined ? '' : `, at ${elsewhere.homes[0]}`}`;
  if (owner !== undefined) {
    return {
      target: owner.name,
      reason: `"${cleaned}" links to ${owner.name} (${describeUrl(url)}), a different tool${where}`,
    };
  }
  const title = titleCandidates(titles)[0];
  const targetText = title ?? describePage(url);
  return {
    target: targetText,
    reason: `"${cleaned}" shares nothing with the page it links to (${targetText})${where}`,
  };
}

/** A short description of a page: its host and path, without `www.`, query or fragment. */
function describePage(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  let path = trimEndChars(u.pathname, '/');
  try {
    path = decodeURI(path);
  } catch {
    // keep the encoded path
  }
  const text = `${u.hostname.replace(/^www\d?\./, '')}${path}`;
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/**
 * Whether a name relates to any of `texts` (URL tokens, repository or package names, page
 * titles): a shared word (plural-stemmed, by prefix, or one typo apart), the same letters
 * folded (`Sup3rS3cretMes5age`, `GoSƐ` / `gose`), or an acronym either way
 * (`AOS` / `Animate On Scroll`, `sq` / `go-structured-query`).
 */
export function nameRelatesTo(name: string, texts: readonly string[]): boolean {
  const cleaned = cleanName(name);
  const folded = normalizeName(cleaned);
  if (folded === '') return false;
  const mine = nameTokens(cleaned);
  const target: string[] = [];
  for (const text of texts) {
    const f = normalizeName(text);
    if (f === '') continue;
    if (f === folded || (folded.length >= 3 && f.includes(folded)) || (f.length >= 4 && folded.includes(f))) return true;
    target.push(f, ...segmentTokens(text));
  }
  if (shares(mine, target)) return true;
  // Acronyms, the rarer case, only now.
  const targetSet = new Set(target);
  if (acronyms(wordsForAcronym(cleaned)).some((a) => a.length >= 2 && targetSet.has(a))) return true;
  const mineSet = new Set([...mine, folded]);
  return texts.some((text) => acronyms(wordsForAcronym(text)).some((a) => a.length >= 2 && mineSet.has(a)));
}

/** A name for an entry from its own evidence: a repository, a package, a site, a description. */
export interface EvidenceName {
  /** As written where it was found: `huskyci`, `PatternFly`. */
  text: string;
  /** Where, for the message: `its repository name`, `its description`. */
  where: string;
  /** A repository, package, page title or description; a site's name is weaker. */
  strong: boolean;
}

export interface EvidenceSpellingVerdict extends SpellingVerdict {
  /** The misspelt part of the name as written (a whole word run of the cleaned name). */
  misspelt: string;
  /** The corrected part, in the name's own letter case. */
  corrected: string;
  /** The evidence agrees on one spelling, none of it spells the name as written, and some is strong. */
  certain: boolean;
}

/**
 * A correction when the whole name is one or two typing slips (a letter dropped, doubled,
 * swapped or changed; edit distance 1–2 after folding, within {@link allowedDistance}) from
 * what the entry's own evidence spells: `[HusckyCI](github.com/globocom/huskyci)` →
 * `HuskyCI`. Never when some evidence, the URL or the registry spells the name as written,
 * when the difference is an added beginning or ending (`moment` / `momentjs`), or when the
 * evidence disagrees on the correction.
 */
export function evidenceSpellingVerdict(
  name: string,
  url: string | undefined,
  evidence: readonly EvidenceName[],
): EvidenceSpellingVerdict | undefined {
  if (evidence.length === 0) return undefined;
  const cleaned = cleanName(name);
  if (!looksLikeName(cleaned)) return undefined;
  const norm = normalizeName(cleaned);
  // One word only: a name of several words against a one-word repository or site is a
  // brand's spelling (`Logo Maker` / LogoMakr), not a slip.
  if (norm.length < 4 || cleaned.includes(' ')) return undefined;
  const words = cleaned.split(' ');
  const whole: Window = { start: 0, end: words.length, text: cleaned, norm, words: words.length };
  const tokens = url === undefined ? [] : urlTokens(url);
  if (tokens.includes(norm)) return undefined;
  const found: { e: EvidenceName; d: number }[] = [];
  // Letters a URL cannot spell (`µStreamer`, `Pønskelisten`): the URL is no authority on them.
  const foreign = /[^\p{ASCII}]/u.test(cleaned);
  for (const e of evidence) {
    const d = candidateMatches(whole, { text: e.text, source: 'title' }, true);
    if (d === 0) return undefined; // the evidence spells the name as written
    if (d === undefined) continue;
    const other = normalizeName(e.text);
    if (foreign && !/[^\p{ASCII}]/u.test(e.text)) continue;
    if (!slipInside(norm, other)) continue;
    // A site's name is a brand, often a word spelt short on purpose (`Witeboard`): it only
    // corrects a name that lost or changed letters, never one that has more.
    if (e.where === 'its site name' && norm.length > other.length && !isDoubledLetter(norm, other)) continue;
    found.push({ e, d });
  }
  if (found.length === 0) return undefined;
  const spellings = new Set(found.map((f) => normalizeName(f.e.text)));
  if (spellings.size > 1) return undefined; // the evidence disagrees: not for a machine to choose
  // Prefer evidence written with capitals (a description's `PatternFly`) for the letter case.
  const best = found.find((f) => f.e.text !== f.e.text.toLowerCase() && f.e.text !== f.e.text.toUpperCase()) ?? found[0]!;
  const corrected = respell(cleaned, best.e.text);
  const where = [...new Set(found.map((f) => f.e.where))].join(' and ');
  return {
    canonical: corrected,
    misspelt: cleaned,
    corrected,
    certain: found.some((f) => f.e.strong) || found.length > 1,
    reason: `"${cleaned}" looks like a misspelling of "${corrected}", as ${where} spells it`,
  };
}

/**
 * `target` written in `written`'s letter case: the edits that turn one into the other
 * (optimal string alignment on lower-case letters) keep every letter of `written` they do
 * not change (`HusckyCI` + `huskyci` → `HuskyCI`). A target written in mixed case is its
 * own authority (`PatternFly`).
 */
export function respell(written: string, target: string): string {
  if (target !== target.toLowerCase() && target !== target.toUpperCase()) return target;
  const a = written;
  const b = target;
  const al = a.toLowerCase();
  const bl = b.toLowerCase();
  if (al.length !== a.length || bl.length !== b.length) return target;
  const n = al.length;
  const m = bl.length;
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = al[i - 1] === bl[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && al[i - 1] === bl[j - 2] && al[i - 2] === bl[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  const out: string[] = [];
  const isUpper = (c: string | undefined): boolean => c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = d[i]![j]!;
    if (i > 0 && j > 0 && al[i - 1] === bl[j - 1] && here === d[i - 1]![j - 1]!) {
      out.push(a[i - 1]!);
      i--;
      j--;
    } else if (i > 1 && j > 1 && al[i - 1] === bl[j - 2] && al[i - 2] === bl[j - 1] && here === d[i - 2]![j - 2]! + 1) {
      out.push(a[i - 2]!, a[i - 1]!); // pushed in reverse: the two letters swap places
      i -= 2;
      j -= 2;
    } else if (i > 0 && j > 0 && here === d[i - 1]![j - 1]! + 1) {
      out.push(isUpper(a[i - 1]) ? bl[j - 1]!.toUpperCase() : bl[j - 1]!);
      i--;
      j--;
    } else if (j > 0 && here === d[i]![j - 1]! + 1) {
      // An added letter: upper case between two capitals (`HusckyCI`), else lower case.
      const upper = isUpper(a[i - 1]) && (i >= n || isUpper(a[i]));
      out.push(upper ? bl[j - 1]!.toUpperCase() : bl[j - 1]!);
      j--;
    } else {
      i--; // a dropped letter
    }
  }
  return out.reverse().join('');
}

/**
 * Whether the difference between two folded names is a slip inside the name: not a changed
 * first letter (`tumblr` / `gumblr` are two names), nor an added or dropped last `s`, `x`
 * or digit (`go-type` / `go-types`, `CleanShot` / `CleanShot X`, `Keras` / `Keras3`).
 */
function slipInside(a: string, b: string): boolean {
  if (a[0] !== b[0] && a[1] === b[1]) return false;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length > short.length && long.startsWith(short) && /^[sxz0-9]+$/.test(long.slice(short.length))) return false;
  return true;
}

/** Whether `long` is `short` with one letter typed twice (`fiddleer` / `fiddler`, `nnudge` / `nudge`). */
function isDoubledLetter(long: string, short: string): boolean {
  if (long.length !== short.length + 1) return false;
  for (let i = 0; i + 1 < long.length; i++) {
    if (long[i] === long[i + 1] && long.slice(0, i) + long.slice(i + 1) === short) return true;
  }
  return false;
}
