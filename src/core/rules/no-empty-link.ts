import type { Rule, RuleReport } from '../findings/types.js';

/**
 * `no-empty-link`: a link with no destination (`[]()`, `[text]()`, `<a href="">`) or
 * with no visible text. Example: `- [Scanner]()` → give it its URL.
 */
export const noEmptyLink: Rule = {
  meta: {
    id: 'no-empty-link',
    defaultSeverity: 'error',
    description: 'Links with an empty destination or no text.',
    fixable: false,
  },
  check({ doc }) {
    const reports: RuleReport[] = [];
    for (const link of doc.links) {
      const url = link.url.trim();
      if (url === '' || url === '#') {
        const what = link.text.trim() === '' ? 'Empty link with no text and no URL' : `Link "${link.text.trim()}" has no URL`;
        reports.push({ message: `${what} — add the destination or remove the link`, span: link.span });
      } else if (!link.isImage && link.text.trim() === '' && link.syntax !== 'autolink') {
        reports.push({ message: `Link to ${url} has no text — add a name readers can see`, span: link.span, data: { url } });
      }
    }
    return reports;
  },
};
