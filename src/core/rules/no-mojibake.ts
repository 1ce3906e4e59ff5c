import type { Rule, RuleReport } from '../findings/types.js';
import { findMojibake } from '../text/mojibake.js';
import { LineIndex } from '../parse/line-index.js';

/**
 * `no-mojibake`: text garbled by reading UTF-8 as Windows-1252, such as "ðŸ’¥" for "💥"
 * or "â„¢" for "™". Looks at prose, headings, link texts and HTML text (never code), and
 * replaces each garbled run with what it was meant to read.
 */
export const noMojibake: Rule = {
  meta: {
    id: 'no-mojibake',
    defaultSeverity: 'warning',
    description: 'Text garbled by an encoding mix-up (UTF-8 read as Windows-1252).',
    fixable: true,
  },
  check({ doc }) {
    const reports: RuleReport[] = [];
    const seen = new Set<number>();
    let lines: LineIndex | undefined;
    for (const run of doc.textRuns) {
      for (const found of findMojibake(run.value)) {
        const start = run.span.start.offset + found.start;
        const end = run.span.start.offset + found.end;
        if (seen.has(start)) continue;
        seen.add(start);
        lines ??= new LineIndex(doc.source);
        reports.push({
          message: `"${found.original}" is UTF-8 text read as Windows-1252 — replace it with "${found.repaired}"`,
          span: lines.span(start, end),
          suggestion: found.repaired,
          fix: { edits: [{ start, end, text: found.repaired }], certain: true },
        });
      }
    }
    return reports.sort((a, b) => a.span.start.offset - b.span.start.offset);
  },
};
