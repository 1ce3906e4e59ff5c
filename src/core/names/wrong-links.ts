/**
 * Entries whose link is wrong, on positive evidence only (never because a name "shares
 * nothing" with its URL: vendor domains, app-store ids and repositories named otherwise
 * are how lists are written):
 *
 * - swapped: two entries' names each fit the other's link and not their own;
 * - another tool: the link's repository, package, page title or home page names a tool
 *   the list lists elsewhere under another link, and the name relates to nothing in the link;
 * - the registry: the link is a known tool's home and the name is another known tool
 *   (see mismatchVerdict).
 *
 * One pass over the entries with an index by name: linear in the list. Pure code: no I/O.
 */
import type { LinkFacts } from '../findings/types.js';
import type { Entry, Span } from '../model/types.js';
import { normalizeUrl } from '../url/normalize-url.js';
import { entryNameKeys, sameEntryName } from './entry-name-key.js';
import { isGenericLabel } from './generic-labels.js';
import { cleanName, looksLikeName, mismatchVerdict, nameRelatesTo } from './judge-name.js';
import { linkEvidence } from './link-evidence.js';
import { normalizeName, type ToolRegistry } from './tool-registry.js';
import { urlTokens } from './url-tokens.js';

export interface WrongLink {
  entry: Entry;
  message: string;
  /** The entry whose name the link carries, when it is in the list. */
  other?: Entry;
  target: string;
}

interface Item {
  entry: Entry;
  name: string;
  url: string;
  urlKey: string;
  /** Names the link gives: strong ones (repository, package, title, a home page's site). */
  strong: string[];
  /** Every name the link gives, weak ones (owner, a deep page's site) included. */
  all: string[];
  /** Folded names of the link's repository or package. */
  projects: Set<string>;
  fitsOwn?: boolean;
}

/** Repository and package suffixes and prefixes that are not part of a name (`chartist-js`, `py-foo`). */
const AFFIX = /^(?:py|go|node|js|ts|rb|rs|php|java|kt|swift|dotnet|net|lib|the|awesome)[-_.]|[-_.](?:js|ts|py|go|rs|rb|php|cli|app|lib|core|api|sdk|web|server|client|desktop|android|ios|mac|macos|rs|io|dev|org|com|plugin|extension|addon)$/i;

function keysOf(text: string): string[] {
  let keys = keyCache.get(text);
  if (keys === undefined) {
    if (keyCache.size >= 20_000) keyCache.clear();
    keyCache.set(text, (keys = readKeys(text)));
  }
  return keys;
}

/** normalizeUrl, answered once per URL for the name rules. Bounded. */
export function urlKeyOf(url: string): string | undefined {
  if (urlKeys.has(url)) return urlKeys.get(url);
  if (urlKeys.size >= 20_000) urlKeys.clear();
  const key = normalizeUrl(url);
  urlKeys.set(url, key);
  return key;
}
const urlKeys = new Map<string, string | undefined>();

/** Answers by text (a list repeats repository and owner names). Bounded. */
const keyCache = new Map<string, string[]>();

function readKeys(text: string): string[] {
  const keys = new Set<string>();
  const whole = normalizeName(text);
  if (whole.length >= 4) keys.add(whole);
  const bare = normalizeName(text.replace(AFFIX, ''));
  if (bare.length >= 4) keys.add(bare);
  return [...keys];
}

function itemOf(entry: Entry, facts: LinkFacts): Item | undefined {
  const link = entry.primaryLink;
  if (!link || link.isImage || link.inDescription || !/^\s*https?:\/\//i.test(link.url)) return undefined;
  const name = cleanName(entry.name);
  if (!looksLikeName(name) || isGenericLabel(name)) return undefined;
  const urlKey = urlKeyOf(link.url);
  if (urlKey === undefined) return undefined;
  const { evidence, root } = linkEvidence(link.url);
  const strong: string[] = [];
  const all: string[] = [];
  const projects = new Set<string>();
  for (const e of evidence) {
    all.push(e.text);
    if (e.kind === 'repo' || e.kind === 'package') for (const k of keysOf(e.text)) projects.add(k);
    if (e.kind === 'repo' || e.kind === 'package' || (e.kind === 'site' && root)) strong.push(e.text);
  }
  for (const title of facts.titlesFor(link.url)) {
    for (const part of title.split(/\s[-–—|·•:]\s|:\s/)) {
      const p = part.trim();
      if (p !== '' && p.split(/\s+/).length <= 4) {
        strong.push(p);
        all.push(p);
      }
    }
  }
  return { entry, name, url: link.url, urlKey, strong, all, projects };
}

/** Whether the name relates to anything its own link says (URL words, repository, title). */
function fitsOwn(item: Item): boolean {
  item.fitsOwn ??= nameRelatesTo(item.name, [...item.all, ...urlTokens(item.url)]);
  return item.fitsOwn;
}

/** Whether `name` is exactly what one of `texts` names (folded, affixes aside). */
function namedBy(name: string, texts: readonly string[]): boolean {
  const mine = new Set([...entryNameKeys(name), ...keysOf(name)]);
  return texts.some((t) => keysOf(t).some((k) => mine.has(k)));
}

function at(span: Span): string {
  return `${span.start.line}:${span.start.column}`;
}

function spanOf(entry: Entry): Span {
  return entry.nameSpan ?? entry.primaryLink!.span;
}

/** Answers by entries and facts: two rules ask about the same document in one run. */
const known = new WeakMap<readonly Entry[], WeakMap<LinkFacts, Map<Entry, WrongLink>>>();

/** The wrong links of a document, at most one per entry. */
export function wrongLinks(entries: readonly Entry[], registry: ToolRegistry, facts: LinkFacts): Map<Entry, WrongLink> {
  let byFacts = known.get(entries);
  if (byFacts === undefined) known.set(entries, (byFacts = new WeakMap()));
  let found = byFacts.get(facts);
  if (found === undefined) byFacts.set(facts, (found = findWrongLinks(entries, registry, facts)));
  return found;
}

function findWrongLinks(entries: readonly Entry[], registry: ToolRegistry, facts: LinkFacts): Map<Entry, WrongLink> {
  const items: Item[] = [];
  const byName = new Map<string, Item[]>();
  for (const entry of entries) {
    const item = itemOf(entry, facts);
    if (item === undefined) continue;
    items.push(item);
    for (const key of new Set([...entryNameKeys(item.name), ...keysOf(item.name)])) {
      if (key.length < 4) continue;
      const list = byName.get(key) ?? [];
      if (list.length < 8) list.push(item); // a name listed more often than that is a label
      byName.set(key, list);
    }
  }
  const out = new Map<Entry, WrongLink>();
  for (const item of items) {
    // The registry: a known tool's home under another known tool's name.
    const known = mismatchVerdict(item.name, item.url, registry, facts.titlesFor(item.url));
    if (known !== undefined) {
      out.set(item.entry, { entry: item.entry, target: known.target, message: `${known.reason} — fix the link or the name` });
      continue;
    }
    // Only a link that names another listed entry can be wrong here: looked up first, cheaply.
    const named = entriesNamedBy(item, byName);
    if (named.length === 0) continue;
    const found = judge(item, named);
    if (found === undefined) continue;
    const { other, swapped } = found;
    const link = item.url;
    out.set(item.entry, {
      entry: item.entry,
      other: other.entry,
      target: other.name,
      message: swapped
        ? `"${item.name}" and "${other.name}" at ${at(spanOf(other.entry))} have each other's links (${link} names "${other.name}", ${other.url} names "${item.name}") — swap the two links`
        : `"${item.name}" links to ${link}, which is "${other.name}", listed at ${at(spanOf(other.entry))} with another link — fix the link or the name`,
    });
  }
  return out;
}


interface Named {
  other: Item;
  /** The folded name the link gives, and whether the link gives it strongly. */
  key: string;
  strong: boolean;
}

/** The other listed entries whose names the item's link gives, by index lookup. */
function entriesNamedBy(item: Item, byName: ReadonlyMap<string, Item[]>): Named[] {
  const out: Named[] = [];
  for (const text of item.all) {
    const strong = item.strong.includes(text);
    for (const key of keysOf(text)) {
      for (const other of byName.get(key) ?? []) {
        if (other === item || sameEntryName(other.name, item.name)) continue;
        out.push({ other, key, strong });
      }
    }
  }
  return out;
}

/**
 * Swapped: each link spells the other's name outright and neither spells its own (`Evals`
 * on alpaca_eval and `AlpacaEval` on openai/evals share a word with their wrong links, but
 * each link names the other exactly). Otherwise another tool: the link strongly names a
 * listed entry, the name relates to nothing in the link, and the two are not two projects
 * of one name under different owners (`roboflow/inference`, `mlcommons/inference`).
 */
function judge(item: Item, named: readonly Named[]): { other: Item; swapped: boolean } | undefined {
  const elsewhere = named.filter((n) => n.other.urlKey !== item.urlKey);
  if (elsewhere.length === 0) return undefined;
  if (!spelledOwn(item)) {
    const partner = elsewhere.find((n) => namedBy(item.name, n.other.all) && !spelledOwn(n.other));
    if (partner !== undefined) return { other: partner.other, swapped: true };
  }
  const strong = elsewhere.find((n) => n.strong && !n.other.projects.has(n.key));
  if (strong === undefined || fitsOwn(item)) return undefined;
  return { other: strong.other, swapped: false };
}

/** Whether the link spells the name outright (its repository, package, site or title is the name). */
function spelledOwn(item: Item): boolean {
  return namedBy(item.name, item.all);
}
