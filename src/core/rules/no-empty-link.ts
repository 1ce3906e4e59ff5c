import type { Rule, RuleReport } from '../findings/types.js';

/**
 * `no-empty-link`: a link with no destination (`[]()`, `[text]()`, `<a href="">`) or
 * with no visible text. Example: `- [Scanner]()` → give it its URL.
 *
 * A link with text but no URL is an error: readers see a link that goes nowhere. One with
 * neither text nor URL (`<a href=""></a>`, `[]()`, `![]()`) renders nothing at all: a
 * warning, to remove it or finish it. One with a URL but no text hides what it links to.
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
      const text = link.text.trim();
      if (url === '' || url === '#') {
        if (text === '') {
          const message = link.isImage
            ? 'Empty image with no alt text and no URL renders nothing — remove it, or give it a URL and alt text'
            : 'Empty link with no text and no URL renders nothing — remove it, or give it a URL and text';
          reports.push({ message, span: link.span, severity: 'warning' });
        } else {
          reports.push({ message: `Link "${text}" has no URL — add the destination or remove the link`, span: link.span });
        }
      } else if (!link.isImage && text === '' && link.syntax !== 'autolink') {
        reports.push({ message: `Link to ${url} has no text — add a name readers can see`, span: link.span, data: { url } });
      }
    }
    return reports;
  },
};
