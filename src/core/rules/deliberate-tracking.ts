import type { Link, ListDocument, Section } from '../model/types.js';
import { normalizeUrl } from '../url/normalize-url.js';
import { siteKey } from '../url/site-key.js';
import { decodeQueryPart } from '../url/tracking-params.js';
import { DECLARING_WORDS, LEAD_PHRASES, declaringWord, hasPhrase, wordsOf } from '../text/sponsor-words.js';
import { trimEndChars, trimStartChars } from '../text/trim.js';

/**
 * Evidence that the tracking parameters of a link were put there on purpose by the list's
 * owner (or by the site, with the owner's consent), so that no fix may remove them:
 *
 * - `section`: the link sits in a section — or a subsection of one — whose heading says
 *   sponsored, affiliate or partners ("Sponsors", "Book Deals (Affiliated)", "Our Partners");
 * - `sponsor-block`: the link sits in a block introduced as sponsored: a short lead-in line
 *   ("Sponsored by", "**Thanks to our sponsors**", `<h3>Our partners</h3>`) and the lines of
 *   its block, or the block right after it when the lead-in stands alone; or on a line whose
 *   text before the link is such a lead-in ("Sponsored by [Acme](…)");
 * - `campaign`: one site's own campaign — the same `utm_*` value on at least
 *   {@link CAMPAIGN_PAGES} different pages of one site, and on more pages of that site than of
 *   all others together (so a tag the list puts on every site it links is not one site's);
 *   a link on another site whose every `utm_*` value is such a campaign counts too (the
 *   owner's Discord invite carrying the owner's campaign);
 * - `value`: a `utm_*` value that declares the link as sponsored, affiliate or partner
 *   (`utm_medium=affiliate`, `utm_medium=sponsorship`).
 *
 * Pure code, linear in the size of the document.
 */
export type DeliberateEvidence =
  | { kind: 'section'; title: string; word: string }
  | { kind: 'sponsor-block'; intro: string; line: number }
  | { kind: 'campaign'; name: string; value: string; pages: number; site: string }
  /** `word`: what the value declares, `sponsored`, `affiliate` or `partner`. */
  | { kind: 'value'; name: string; value: string; word: string };

/**
 * Different pages of one site that must carry the same campaign value. Two is what ordinary
 * copying gives — one product listed in two sections, two pages someone copied from one
 * newsletter; three different pages tagged alike is a convention someone applied on purpose.
 */
export const CAMPAIGN_PAGES = 3;

/** A lead-in line has at most this many words ("Thanks to our gold sponsors this year"). */
const LEAD_MAX_WORDS = 6;

/** Whether a short text introduces a sponsor block ("Sponsors", "Sponsored by:", "Thanks to our partners"). */
export function isSponsorLead(text: string): boolean {
  const words = wordsOf(text);
  if (words.length === 0 || words.length > LEAD_MAX_WORDS) return false;
  return declaringWord(text) !== undefined || LEAD_PHRASES.some((phrase) => hasPhrase(words, phrase));
}

/** The text a reader sees on a line of Markdown or HTML: tags, entities and emphasis marks dropped. */
export function visibleText(line: string): string {
  let out = '';
  let inTag = false;
  for (const ch of line) {
    if (inTag) {
      if (ch === '>') inTag = false;
      continue;
    }
    if (ch === '<') {
      inTag = true;
      out += ' ';
    } else out += ch;
  }
  return out.replace(/&[a-z0-9#]{1,8};/gi, ' ').replace(/\s+/g, ' ').trim();
}

/** The campaign tags (`utm_*` with a value) of a URL, names and values decoded and lower-cased. */
export function campaignTags(url: string): { name: string; value: string }[] {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  if (queryAt === -1) return [];
  const tags: { name: string; value: string }[] = [];
  for (const part of beforeHash.slice(queryAt + 1).split('&')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const name = decodeQueryPart(part.slice(0, eq)).toLowerCase();
    const value = decodeQueryPart(part.slice(eq + 1)).trim().toLowerCase();
    if (name.startsWith('utm_') && name.length > 4 && value !== '') tags.push({ name, value });
  }
  return tags;
}

/** Whether a line starts a list item; its indentation when it does. */
function listItemIndent(line: string): number | undefined {
  const match = /^( *)(?:[-*+]|\d{1,9}[.)])(?: |$)/.exec(line);
  return match ? match[1]!.length : undefined;
}

/**
 * Whether line i can be a lead-in: it starts a block (after a blank line or a line of bare
 * HTML tags), is a list item, or is set apart by emphasis, a heading mark or a tag. The
 * continuation line of an entry's description ("  for managing partners.") is not.
 */
function startsALead(lines: string[], i: number): boolean {
  if (i === 0 || visibleText(lines[i - 1]!) === '') return true;
  const line = lines[i]!.trimStart();
  return listItemIndent(lines[i]!) !== undefined || line.startsWith('<') || line.startsWith('*') || line.startsWith('_') || line.startsWith('#');
}

function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  return i;
}

/**
 * For each line (1-based index), the lead-in of the sponsor block it belongs to. A lead-in
 * line without a link covers the rest of its block (for a list item: only the lines nested
 * under it) or, when it is a block of its own, the next block and the blocks of a loose list
 * that continues it. A lead-in written before a link on the same line covers only that line.
 */
function sponsorZones(doc: ListDocument): Map<number, { intro: string; line: number }> {
  const lines = doc.source.split(/\r\n?|\n/);
  const firstLinkColumn = new Map<number, number>();
  for (const link of doc.links) {
    const { line, column } = link.span.start;
    const known = firstLinkColumn.get(line);
    if (known === undefined || column < known) firstLinkColumn.set(line, column);
  }
  const blank = (i: number) => (lines[i] ?? '').trim() === '';
  const zones = new Map<number, { intro: string; line: number }>();
  for (let i = 0; i < lines.length; i++) {
    const column = firstLinkColumn.get(i + 1);
    const lead = visibleText(column === undefined ? lines[i]! : lines[i]!.slice(0, column - 1));
    if (!isSponsorLead(lead) || !startsALead(lines, i)) continue;
    const zone = { intro: trimStartChars(trimEndChars(lead, ' :#*_>|-'), ' #*_>|-'), line: i + 1 };
    zones.set(i + 1, zone);
    if (column !== undefined) continue;
    const itemIndent = listItemIndent(lines[i]!);
    let j = i + 1;
    if (itemIndent !== undefined) {
      for (; j < lines.length && !blank(j) && indentOf(lines[j]!) > itemIndent; j++) zones.set(j + 1, zone);
      i = j - 1; // Each line is scanned once: a lead-in inside a zone starts no zone of its own.
      continue;
    }
    let linked = false;
    for (; j < lines.length && !blank(j); j++) {
      zones.set(j + 1, zone);
      if (firstLinkColumn.has(j + 1)) linked = true;
    }
    if (linked) {
      i = j - 1;
      continue;
    }
    // No link after the lead-in in its block: it introduces the next block (and a loose list's
    // next items), past short link-less blocks that continue the lead-in ("_Special thanks to_").
    for (;;) {
      while (j < lines.length && blank(j)) j++;
      let end = j;
      let words = 0;
      for (; end < lines.length && !blank(end) && !firstLinkColumn.has(end + 1); end++) words += wordsOf(visibleText(lines[end]!)).length;
      if (end === j || (end < lines.length && !blank(end)) || words > LEAD_MAX_WORDS) break;
      for (; j < end; j++) zones.set(j + 1, zone);
    }
    const listIndent = listItemIndent(lines[j] ?? '');
    for (;;) {
      for (; j < lines.length && !blank(j); j++) zones.set(j + 1, zone);
      let next = j;
      while (next < lines.length && blank(next)) next++;
      if (listIndent === undefined || next >= lines.length || listItemIndent(lines[next]!) !== listIndent) break;
      j = next;
    }
    i = j - 1;
  }
  return zones;
}

/** The section, or the nearest section above it, whose heading declares sponsors, affiliates or partners. */
function declaringSection(section: Section | undefined): { title: string; word: string } | undefined {
  for (let s = section; s; s = s.parent) {
    const word = s.depth > 0 ? declaringWord(s.title) : undefined;
    if (word) return { title: s.title, word };
  }
  return undefined;
}

interface Campaign {
  site: string;
  pages: number;
}

/** For each `name=value` campaign tag, the site it belongs to, when one does (see CAMPAIGN_PAGES). */
function ownedCampaigns(doc: ListDocument): Map<string, Campaign> {
  const pagesBySite = new Map<string, Map<string, Set<string>>>();
  for (const link of doc.links) {
    const tags = campaignTags(link.url);
    if (tags.length === 0) continue;
    const site = siteKey(link.url);
    const page = normalizeUrl(link.url);
    if (site === undefined || page === undefined) continue;
    for (const tag of tags) {
      const key = `${tag.name}=${tag.value}`;
      let sites = pagesBySite.get(key);
      if (!sites) pagesBySite.set(key, (sites = new Map()));
      let pages = sites.get(site);
      if (!pages) sites.set(site, (pages = new Set()));
      pages.add(page);
    }
  }
  const owned = new Map<string, Campaign>();
  for (const [key, sites] of pagesBySite) {
    let total = 0;
    for (const pages of sites.values()) total += pages.size;
    for (const [site, pages] of sites) {
      if (pages.size >= CAMPAIGN_PAGES && pages.size * 2 > total) owned.set(key, { site, pages: pages.size });
    }
  }
  return owned;
}

/** Builds the question "is this link's tracking deliberate, and on what evidence?" for one document. */
export function deliberateTracking(doc: ListDocument): (link: Link) => DeliberateEvidence | undefined {
  let zones: Map<number, { intro: string; line: number }> | undefined;
  let campaigns: Map<string, Campaign> | undefined;
  return (link) => {
    const section = declaringSection(link.section);
    if (section) return { kind: 'section', ...section };
    zones ??= sponsorZones(doc);
    const zone = zones.get(link.span.start.line);
    if (zone) return { kind: 'sponsor-block', ...zone };
    const tags = campaignTags(link.url);
    if (tags.length === 0) return undefined;
    campaigns ??= ownedCampaigns(doc);
    const site = siteKey(link.url);
    const owned = tags.map((tag) => ({ tag, campaign: campaigns!.get(`${tag.name}=${tag.value}`) }));
    const own = owned.find((o) => o.campaign?.site === site) ?? (owned.every((o) => o.campaign) ? owned[0] : undefined);
    const preferred = own && (owned.find((o) => o.tag.name === 'utm_campaign' && o.campaign?.site === own.campaign!.site) ?? own);
    if (preferred?.campaign) return { kind: 'campaign', ...preferred.tag, ...preferred.campaign };
    for (const tag of tags) {
      const word = declaringWord(tag.value);
      if (word) return { kind: 'value', ...tag, word: DECLARING_WORDS.get(word)! };
    }
    return undefined;
  };
}
