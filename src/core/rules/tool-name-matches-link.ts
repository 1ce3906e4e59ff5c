import type { Rule, RuleReport } from '../findings/types.js';
import { wrongLinks } from '../names/wrong-links.js';
import { wrongSubLinks } from '../names/wrong-sub-links.js';

/**
 * `tool-name-matches-link`: an entry whose link belongs to something else, on positive
 * evidence only: two entries with each other's links, a link whose repository, package,
 * page title or home page names another tool the list lists elsewhere, or a known tool's
 * home under another known tool's name. A name that merely "shares nothing" with its URL
 * (a vendor domain, an app-store id, a repository named otherwise) is never reported, and
 * generic link labels ("GitHub", "PyPI", "Docs") are never judged as names. A project's
 * sub-link (its `- [PyPi](…)` inside a `<details>`) that is the repository or package of
 * another listed project, whose name it bears, is reported at that sub-link. Not fixable:
 * either the name or the link is wrong, and only a person knows which.
 */
export const toolNameMatchesLink: Rule = {
  meta: {
    id: 'tool-name-matches-link',
    defaultSeverity: 'warning',
    description: 'Entries whose link names another tool: swapped links, another listed tool, another known tool.',
    fixable: false,
    usesLinkFacts: true,
  },
  check({ doc, registry, facts }) {
    const reports: RuleReport[] = [];
    for (const wrong of wrongLinks(doc.entries, registry, facts).values()) {
      const entry = wrong.entry;
      reports.push({
        message: wrong.message,
        span: entry.nameSpan ?? entry.primaryLink!.span,
        data: { url: entry.primaryLink!.url, target: wrong.target },
      });
    }
    for (const wrong of wrongSubLinks(doc.entries)) {
      reports.push({ message: wrong.message, span: wrong.link.span, data: { url: wrong.link.url, target: wrong.other.name } });
    }
    return reports.sort((a, b) => a.span.start.offset - b.span.start.offset);
  },
};
