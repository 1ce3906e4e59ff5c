/**
 * Sub-links of a project that belong to another listed project: a `- [PyPi](…/pymilvus)`
 * under "Faiss" when "Milvus" lists the same package. Only a repository or a package counts
 * (a shared docs site or chat server is how families of projects are written), only when
 * another entry that links it relates by name to it and this one does not. The project's
 * own link (its summary link) is judged by the other name rules. One pass, grouped by URL.
 * Pure code: no I/O.
 */
import type { Entry, Link, Span } from '../model/types.js';
import { isGenericLabel } from './generic-labels.js';
import { cleanName, looksLikeName, nameRelatesTo } from './judge-name.js';
import { linkEvidence } from './link-evidence.js';
import { urlKeyOf } from './wrong-links.js';

export interface WrongSubLink {
  entry: Entry;
  link: Link;
  /** The listed entry whose repository or package the link is. */
  other: Entry;
  message: string;
}

interface Use {
  entry: Entry;
  link: Link;
  kind: 'repo' | 'package';
  texts: string[];
}

/** The sub-links of the entries that are another listed project's repository or package. */
export function wrongSubLinks(entries: readonly Entry[]): WrongSubLink[] {
  const byUrl = new Map<string, Use[]>();
  for (const entry of entries) {
    for (const link of entry.links) {
      if (link.isImage || (link !== entry.primaryLink && !link.subLink) || !/^\s*https?:\/\//i.test(link.url)) continue;
      const strong = linkEvidence(link.url).evidence.filter((e) => e.kind === 'repo' || e.kind === 'package');
      const key = strong.length > 0 ? urlKeyOf(link.url) : undefined;
      if (key === undefined) continue;
      const use: Use = { entry, link, kind: strong[0]!.kind as Use['kind'], texts: strong.map((e) => e.text) };
      const list = byUrl.get(key);
      if (list === undefined) byUrl.set(key, [use]);
      else list.push(use);
    }
  }
  const out: WrongSubLink[] = [];
  for (const uses of byUrl.values()) {
    if (new Set(uses.map((u) => u.entry)).size < 2) continue;
    const relates = new Map<Entry, boolean>();
    const relatesOf = (use: Use): boolean => {
      let known = relates.get(use.entry);
      if (known === undefined) relates.set(use.entry, (known = isName(use.entry.name) && nameRelatesTo(use.entry.name, use.texts)));
      return known;
    };
    const owner = uses.find((u) => relatesOf(u));
    if (owner === undefined) continue;
    for (const use of uses) {
      if (!use.link.subLink || use.link === use.entry.primaryLink || use.entry === owner.entry || relatesOf(use) || !isName(use.entry.name)) continue;
      const what = use.kind === 'package' ? 'the package' : 'the repository';
      out.push({
        entry: use.entry,
        link: use.link,
        other: owner.entry,
        message: `"${use.entry.name}" lists ${use.link.url} as its "${use.link.text.trim()}" link, which is ${what} of "${owner.entry.name}" at ${at(owner.entry.nameSpan ?? owner.link.span)} — fix this link`,
      });
    }
  }
  return out.sort((a, b) => a.link.span.start.offset - b.link.span.start.offset);
}

function isName(name: string): boolean {
  const cleaned = cleanName(name);
  return looksLikeName(cleaned) && !isGenericLabel(cleaned);
}

function at(span: Span): string {
  return `${span.start.line}:${span.start.column}`;
}
