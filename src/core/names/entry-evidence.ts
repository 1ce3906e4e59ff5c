/**
 * The names an entry gives for itself besides its link text: its link's repository,
 * package or site, its other links labelled "Source" or "GitHub", its description when
 * that begins with the tool's name, and (when links are checked) the page titles.
 * Pure code: no I/O.
 */
import type { Entry } from '../model/types.js';
import type { EvidenceName } from './judge-name.js';
import { isGenericLabel } from './generic-labels.js';
import { linkEvidence } from './link-evidence.js';

const WHERE = { repo: 'its repository name', package: 'its package name', site: 'its site name', owner: 'its owner' } as const;

/** Evidence from the entry's primary link, other labelled links, description and page titles. */
export function entryEvidence(entry: Entry, titles: readonly string[]): EvidenceName[] {
  const out: EvidenceName[] = [];
  const primary = entry.primaryLink;
  if (primary !== undefined) {
    for (const e of linkEvidence(primary.url).evidence) {
      if (e.kind === 'owner') continue; // an account is often a person or a company
      out.push({ text: e.text, where: WHERE[e.kind], strong: e.kind !== 'site' });
    }
  }
  for (const link of entry.links) {
    if (link === primary || link.isImage || !isGenericLabel(link.text)) continue;
    for (const e of linkEvidence(link.url).evidence) {
      if (e.kind === 'repo' || e.kind === 'package') out.push({ text: e.text, where: `its "${link.text.trim()}" link`, strong: true });
    }
  }
  const subject = descriptionSubject(entry.description, entry.name);
  if (subject !== undefined) out.push({ text: subject, where: 'its description', strong: true });
  for (const title of titles) {
    for (const part of title.split(/\s[-–—|·•:]\s|:\s/)) {
      const p = part.trim();
      if (p !== '' && p.split(/\s+/).length <= 4) out.push({ text: p, where: 'the linked page', strong: true });
    }
  }
  return out;
}

/** Verbs after a subject that say the description is about the tool itself ("PatternFly is …"). */
const SUBJECT_VERBS = /^(?:is|are|was|provides|lets|helps|allows|makes|offers|gives|enables|turns|brings|runs|uses|supports)\b/i;

/**
 * The description's first words when they are its subject, as many words as the name has:
 * `PatternFly is an open source design system` → `PatternFly` for the name `Patterfly`.
 */
function descriptionSubject(description: string, name: string): string | undefined {
  const words = name.trim().split(/\s+/).length;
  const m = /^[\s"'“‘(]*((?:[\p{L}\p{N}][\p{L}\p{N}.+_&'-]*\s+){1,4})/u.exec(`${description.trim()} `);
  if (m === null) return undefined;
  const lead = (m[1] ?? '').trim().split(/\s+/);
  if (lead.length <= words) return undefined;
  const subject = lead.slice(0, words).join(' ').replace(/['’]s$/, '');
  const next = lead.slice(words).join(' ');
  return SUBJECT_VERBS.test(next) ? subject : undefined;
}
