import type { Rule, RuleReport } from '../findings/types.js';
import { mismatchVerdict } from '../names/judge-name.js';

/**
 * `tool-name-matches-link`: an entry's name that shares nothing with the page it links to,
 * e.g. a "Sonarqube" label on a Sonatype Nexus URL. Not fixable: either the name or the
 * link is wrong, and only a person knows which.
 */
export const toolNameMatchesLink: Rule = {
  meta: {
    id: 'tool-name-matches-link',
    defaultSeverity: 'warning',
    description: 'Tool names that share nothing with the page they link to.',
    fixable: false,
    usesLinkFacts: true,
  },
  check({ doc, registry, facts }) {
    const reports: RuleReport[] = [];
    for (const entry of doc.entries) {
      const link = entry.primaryLink;
      if (!link || link.isImage || entry.name === '') continue;
      const verdict = mismatchVerdict(entry.name, link.url, registry, facts.titlesFor(link.url));
      if (!verdict) continue;
      reports.push({
        message: `${verdict.reason} — fix the link or the name`,
        span: entry.nameSpan ?? link.span,
        data: { url: link.url, target: verdict.target },
      });
    }
    return reports;
  },
};
