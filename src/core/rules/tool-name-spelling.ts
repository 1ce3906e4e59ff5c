import type { Fix, Rule, RuleReport } from '../findings/types.js';
import type { Entry } from '../model/types.js';
import { cleanName, evidenceSpellingVerdict, spellingVerdict } from '../names/judge-name.js';
import { entryEvidence } from '../names/entry-evidence.js';
import { isGenericLabel } from '../names/generic-labels.js';
import { linkEvidence } from '../names/link-evidence.js';
import { normalizeName } from '../names/tool-registry.js';

/**
 * `tool-name-spelling`: an entry's name one or two typing slips away from what its own
 * evidence spells (its repository, package or site, its "Source" link, its description, the
 * page title) or from the canonical name of the known tool its URL points to.
 * Example: `[Gitleak](https://github.com/gitleaks/gitleaks)` → `[Gitleaks](…)`.
 * The fix keeps the name's markup (`**Gitleak**` → `**Gitleaks**`) and is certain only when
 * the evidence agrees on one spelling and the name is written where it can be replaced.
 */
export const toolNameSpelling: Rule = {
  meta: {
    id: 'tool-name-spelling',
    defaultSeverity: 'warning',
    description: 'Tool names misspelled against what their own link, description or the known tool spells.',
    fixable: true,
    usesLinkFacts: true,
  },
  check({ doc, registry, facts }) {
    const reports: RuleReport[] = [];
    for (const entry of doc.entries) {
      const link = entry.primaryLink;
      if (!link || link.isImage || entry.name === '' || isGenericLabel(entry.name)) continue;
      const titles = facts.titlesFor(link.url);
      const known = spellingVerdict(entry.name, link.url, registry, titles);
      const verdict = known
        ? { canonical: known.canonical, reason: known.reason, certain: true }
        : mayBeSlip(entry.name, link.url)
          ? evidenceSpellingVerdict(entry.name, link.url, entryEvidence(entry, titles))
          : undefined;
      if (!verdict) continue;
      const fix = nameFix(doc.source, entry, verdict.canonical, verdict.certain);
      reports.push({
        message: `${verdict.reason} — write "${verdict.canonical}"`,
        span: entry.nameSpan ?? link.textSpan ?? link.span,
        suggestion: verdict.canonical,
        ...(fix ? { fix } : {}),
        data: { url: link.url, canonical: verdict.canonical },
      });
    }
    return reports;
  },
};

/**
 * The common cases, settled before gathering evidence: a name of several words or under four
 * letters (never judged against evidence), or one its own link spells as written.
 */
function mayBeSlip(name: string, url: string): boolean {
  const cleaned = cleanName(name);
  if (cleaned.includes(' ')) return false;
  const folded = normalizeName(cleaned);
  if (folded.length < 4) return false;
  return !linkEvidence(url).evidence.some((e) => normalizeName(e.text) === folded);
}

/**
 * Replaces the name inside its link text, keeping the markup around it (`**Gitleak**` →
 * `**Gitleaks**`). When the name is not written verbatim in the source (escapes, entities,
 * markup inside the word) the whole text is replaced, and the fix is never certain.
 */
function nameFix(source: string, entry: Entry, corrected: string, certain: boolean): Fix | undefined {
  // A project named in a `<summary>` without a link has a sub-link ("GitHub") as its link:
  // its text is not the name and is never rewritten.
  const span = entry.nameSpan ?? (entry.primaryLink?.subLink ? undefined : entry.primaryLink?.textSpan);
  if (span === undefined) return undefined;
  const raw = source.slice(span.start.offset, span.end.offset);
  const written = cleanName(entry.name);
  const at = raw.indexOf(written);
  if (written !== '' && at >= 0 && raw.indexOf(written, at + 1) < 0) {
    const start = span.start.offset + at;
    return { edits: [{ start, end: start + written.length, text: corrected }], certain };
  }
  return { edits: [{ start: span.start.offset, end: span.end.offset, text: corrected }], certain: false };
}
