import type { Rule, RuleReport } from '../findings/types.js';
import { spellingVerdict } from '../names/judge-name.js';

/**
 * `tool-name-spelling`: an entry's name one or two edits away from the canonical name of
 * the tool its URL points to, or from a known tool name the URL supports.
 * Example: `[Gitleak](https://gitleaks.io/)` → `[Gitleaks](https://gitleaks.io/)`.
 */
export const toolNameSpelling: Rule = {
  meta: {
    id: 'tool-name-spelling',
    defaultSeverity: 'warning',
    description: 'Tool names misspelled against the tool their link points to.',
    fixable: true,
    usesLinkFacts: true,
  },
  check({ doc, registry, facts }) {
    const reports: RuleReport[] = [];
    for (const entry of doc.entries) {
      const link = entry.primaryLink;
      if (!link || link.isImage || entry.name === '') continue;
      const verdict = spellingVerdict(entry.name, link.url, registry, facts.titlesFor(link.url));
      if (!verdict) continue;
      const span = entry.nameSpan ?? link.span;
      reports.push({
        message: `${verdict.reason} — write "${verdict.canonical}"`,
        span,
        suggestion: verdict.canonical,
        ...(entry.nameSpan
          ? { fix: { edits: [{ start: entry.nameSpan.start.offset, end: entry.nameSpan.end.offset, text: verdict.canonical }], certain: true } }
          : {}),
        data: { url: link.url, canonical: verdict.canonical },
      });
    }
    return reports;
  },
};
