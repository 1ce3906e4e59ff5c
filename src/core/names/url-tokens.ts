/**
 * Words a URL says about what it points to: the informative host labels, the path
 * segments (GitHub owner and repository included), query values such as
 * `itemName=trunk.io` and the fragment, all lower-cased.
 *
 * Each segment is split on `- _ . /` and on camelCase boundaries, and the joined forms
 * are kept too, so `django-DefectDojo` gives `django`, `defect`, `dojo`, `defectdojo`
 * and `djangodefectdojo`, and `early_stopping` gives `early`, `stopping` and
 * `earlystopping`. Pure code: no I/O.
 */

/** Top-level and second-level domain labels that never name anything. */
const TLD_LABELS = new Set([
  'com', 'org', 'net', 'io', 'dev', 'ai', 'app', 'co', 'uk', 'de', 'fr', 'jp', 'cn', 'ru',
  'info', 'me', 'us', 'eu', 'gov', 'edu', 'ac', 'sh', 'so', 'xyz', 'tech', 'page', 'site',
  'online', 'ly', 'gg', 'to', 'cc', 'tv', 'in', 'au', 'ca', 'nl', 'ch', 'es', 'it', 'se',
  'no', 'fi', 'dk', 'pl', 'cz', 'at', 'be', 'br', 'kr', 'tw', 'hk', 'sg', 'nz', 'za', 'mx',
  'ar', 'il', 'ir', 'gr', 'pt', 'ro', 'hu', 'ua', 'vn', 'id', 'my', 'th', 'ph', 'pk', 'ng',
  'biz', 'pro', 'mobi', 'name', 'int', 'mil', 'lol', 'one', 'run', 'wiki', 'md', 'ws', 'is',
  'im', 'fm', 'am', 'pm', 'gl', 'la', 'li', 'lu', 'nu', 'sk', 'si', 'lt', 'lv', 'ee', 'cx',
  'ninja', 'codes', 'software', 'tools', 'systems', 'works', 'zone', 'rocks', 'cool', 'studio',
  'network', 'space', 'world', 'website', 'digital', 'global', 'today', 'foundation', 'blog',
]);

/** Host labels that say nothing about the tool (sub-domains of a vendor's site). */
const GENERIC_HOST_LABELS = new Set([
  'www', 'www2', 'www3', 'docs', 'doc', 'api', 'apis', 'blog', 'blogs', 'developer',
  'developers', 'dev', 'm', 'web', 'cdn', 'static', 'raw', 'gist', 'en', 'help', 'support',
  'learn', 'portal', 'console', 'app', 'apps', 'pages', 'home', 'about', 'info', 'wiki',
  'community', 'forum', 'forums', 'news', 'go', 'get', 'download', 'downloads', 'site',
  'marketplace', 'store', 'shop', 'status', 'search', 'mail', 'email', 'core', 'hub',
  'documentation', 'guide', 'guides', 'ja', 'zh', 'de', 'fr', 'es', 'ko', 'pt', 'ru',
]);

/**
 * Hosts whose own name says nothing about the linked project: code hosts, package
 * registries, publishing platforms. Only the labels in front of them (as in
 * `owner.github.io`) and the path count.
 */
const HOSTING_SUFFIXES = [
  'github.com', 'github.io', 'githubusercontent.com', 'gitlab.com', 'gitlab.io',
  'bitbucket.org', 'sourceforge.net', 'sr.ht', 'codeberg.org', 'gitee.com',
  'readthedocs.io', 'readthedocs.org', 'rtfd.io', 'pypi.org', 'npmjs.com', 'npmjs.org',
  'crates.io', 'rubygems.org', 'pkg.go.dev', 'hub.docker.com', 'artifacthub.io',
  'marketplace.visualstudio.com', 'plugins.jetbrains.com', 'chrome.google.com',
  'medium.com', 'substack.com', 'dev.to', 'hashnode.dev', 'wordpress.com', 'blogspot.com',
  'youtube.com', 'youtu.be', 'vimeo.com', 'twitter.com', 'x.com', 'linkedin.com',
  'reddit.com', 'arxiv.org', 'huggingface.co', 'kaggle.com', 'colab.research.google.com',
  'netlify.app', 'vercel.app', 'herokuapp.com', 'pages.dev', 'notion.site', 'gitbook.io',
  'slideshare.net', 'speakerdeck.com', 'google.com', 'goo.gl', 'bit.ly', 'awesome.re',
];

/** Path segments and query keys that carry no meaning. */
const NOISE_PATH_WORDS = new Set([
  'blob', 'tree', 'main', 'master', 'html', 'htm', 'md', 'php', 'aspx', 'asp', 'jsp',
  'shtml', 'index', 'readme', 'en', 'us', 'gb', 'www', 'http', 'https', 'pdf', 'svg', 'png',
]);

const NOISE_QUERY_KEYS = new Set([
  'style', 'color', 'colorb', 'colora', 'logo', 'logocolor', 'label', 'labelcolor', 'ref',
  'source', 'sort', 'page', 'tab', 'lang', 'hl', 'cacheseconds', 'v', 's', 'si', 't',
  'branch', 'maxage', 'link', 'format', 'from', 'via', 'sessionid', 'redirect',
]);

/** Splits one identifier on camelCase boundaries (`TFLint` → `TF`, `Lint`). */
export function splitCamel(word: string): string[] {
  // Without a capital letter there is no boundary to split on (the common case).
  if (!/[A-Z]/.test(word)) return word.split(' ').filter((p) => p.length > 0);
  const parts = word
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(' ');
  return parts.filter((p) => p.length > 0);
}

/**
 * The tokens of one segment of text (a host label, a path segment, a name):
 * its parts split on separators and camelCase, each separator-delimited piece joined,
 * adjacent pieces joined pairwise, and the whole segment joined.
 */
export function segmentTokens(segment: string): string[] {
  const out: string[] = [];
  const pieces = segment.split(/[^\p{L}\p{N}]+/u).filter((p) => p.length > 0);
  const joinedPieces: string[] = [];
  for (const piece of pieces) {
    const camel = splitCamel(piece);
    for (const part of camel) out.push(part.toLowerCase());
    const joined = piece.toLowerCase();
    joinedPieces.push(joined);
    if (camel.length > 1) out.push(joined);
  }
  if (pieces.length > 1) {
    for (let i = 0; i + 1 < joinedPieces.length; i++) {
      out.push(`${joinedPieces[i] ?? ''}${joinedPieces[i + 1] ?? ''}`);
    }
    if (pieces.length > 2) out.push(joinedPieces.join(''));
  }
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function parseUrl(raw: string): URL | undefined {
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  try {
    return new URL(trimmed);
  } catch {
    try {
      return new URL(`https://${trimmed.replace(/^\/+/, '')}`);
    } catch {
      return undefined;
    }
  }
}

/** The host of a URL, lower-cased, without `www.`; undefined when it cannot be parsed. */
export function urlHost(raw: string): string | undefined {
  const u = parseUrl(raw);
  if (u === undefined || u.hostname === '') return undefined;
  return u.hostname.toLowerCase().replace(/^www\d?\./, '').replace(/\.$/, '');
}

function hostLabels(host: string): string[] {
  const suffix = HOSTING_SUFFIXES.find((s) => host === s || host.endsWith(`.${s}`));
  const kept = suffix === undefined ? host : host.slice(0, Math.max(0, host.length - suffix.length - 1));
  if (kept === '') return [];
  const labels = kept.split('.');
  return labels.filter(
    (label, i) =>
      label !== '' &&
      !GENERIC_HOST_LABELS.has(label) &&
      // Country and generic TLD labels count only when they are the only label left.
      !(TLD_LABELS.has(label) && (suffix === undefined || i > 0) && labels.length > 1),
  );
}

/**
 * Whether a segment is an identifier rather than words: a hash, a UUID, a base64 blob,
 * a long run of letters without separators mixed with digits.
 */
function looksLikeId(segment: string): boolean {
  if (/^[0-9a-f]{8,}$/i.test(segment) && /\d/.test(segment)) return true;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(segment)) return true;
  const digits = (segment.match(/\d/g) ?? []).length;
  if (segment.length >= 16 && !/[-_.\s]/.test(segment) && digits >= 3) return true;
  return segment.length > 12 && digits / segment.length > 0.3;
}

/** Lower-case tokens of a URL, without duplicates, in order of appearance. */
export function urlTokens(url: string): string[] {
  let found = tokenCache.get(url);
  if (found === undefined) {
    if (tokenCache.size >= 20_000) tokenCache.clear();
    tokenCache.set(url, (found = readUrlTokens(url)));
  }
  return [...found];
}

/** Answers by URL (several rules ask about each link). Bounded; callers get a copy. */
const tokenCache = new Map<string, readonly string[]>();

function readUrlTokens(url: string): string[] {
  const u = parseUrl(url);
  if (u === undefined) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (segment: string): void => {
    if (looksLikeId(segment)) return;
    for (const t of segmentTokens(segment)) {
      if (looksLikeId(t)) continue;
      if (t.length < 2 || /^\d+$/.test(t) || NOISE_PATH_WORDS.has(t) || seen.has(t)) continue;
      seen.add(t);
      out.push(t);
    }
  };

  const host = u.hostname.toLowerCase().replace(/^www\d?\./, '');
  for (const label of hostLabels(host)) add(label);

  for (const raw of u.pathname.split('/')) {
    const seg = safeDecode(raw).replace(/\.(html?|md|php|aspx?|jsp|pdf|shtml)$/i, '');
    if (seg !== '') add(seg);
  }

  for (const [key, value] of u.searchParams) {
    const k = key.toLowerCase();
    if (NOISE_QUERY_KEYS.has(k) || k.startsWith('utm_')) continue;
    // Values such as `trunk.io` or `ms-python.python`: drop TLD-like trailing labels.
    const labels = value.split('.');
    const kept = labels.filter((l, i) => !(i > 0 && TLD_LABELS.has(l.toLowerCase())));
    add(kept.join('.'));
  }

  if (u.hash.length > 1) add(safeDecode(u.hash.slice(1)));
  return out;
}
