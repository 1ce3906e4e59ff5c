import type { Fix, Rule, RuleReport } from '../findings/types.js';
import type { Heading, ListDocument } from '../model/types.js';
import { inferToc, type TocLine } from '../style/infer-toc.js';
import { styleSettingsOf } from '../style/style-settings.js';
import { entryLineSpan } from '../style/entry-line-span.js';

/**
 * `toc-in-sync`: a table of contents that lists every section of the file, except a new
 * one; or that follows document order, except one line. Example: a `## Testing` heading
 * with no `- [Testing](#testing)` line → add it after the line of the section before.
 * Lines linking to no heading are left to `no-dead-anchor`.
 */
export const tocInSync: Rule = {
  meta: {
    id: 'toc-in-sync',
    defaultSeverity: 'warning',
    description: 'A table of contents missing a section, or out of document order.',
    fixable: true,
  },
  check({ doc, config }) {
    if (styleSettingsOf(config).toc === 'off') return [];
    const toc = inferToc(doc);
    if (!toc) return [];
    const reports: RuleReport[] = [];
    const lineOf = new Map<Heading, TocLine>();
    for (const line of toc.linked) lineOf.set(line.heading!, line);
    const indexOf = new Map(doc.headings.map((h, i) => [h, i]));
    for (const heading of toc.missing) {
      const strength = toc.completeDepths.get(heading.section.depth)!;
      const fix = insertLine(doc, lineOf, indexOf.get(heading)!, heading);
      reports.push({
        message: `Section "${heading.text}" is missing from the table of contents (it lists ${strength.kept} of ${strength.total} sections of this level) — add a line for it`,
        span: heading.span,
        suggestion: `[${escapeLinkText(heading.text)}](#${heading.section.slug})`,
        ...(fix ? { fix } : {}),
      });
    }
    if (toc.inOrder) {
      for (const i of toc.order.outOfPlace) {
        const line = toc.linked[i]!;
        reports.push({
          message: `The contents line "${line.entry.name}" is out of document order (${toc.inOrder.kept} of ${toc.inOrder.total} lines follow the sections) — move it to where its section is`,
          span: entryLineSpan(doc.source, line.entry),
        });
      }
    }
    return reports;
  },
};

/** Markdown link text: brackets and backslashes escaped so a heading cannot end the link. */
function escapeLinkText(text: string): string {
  return text.replace(/[\\[\]]/g, (c) => `\\${c}`);
}

/** Inserts the line after the contents line of the previous section of the same level (same parent), mirroring its indentation and bullet. */
function insertLine(doc: ListDocument, lineOf: Map<Heading, TocLine>, at: number, heading: Heading): Fix | undefined {
  let sibling: TocLine | undefined;
  for (let i = at - 1; i >= 0; i--) {
    const h = doc.headings[i]!;
    if (h.section.depth < heading.section.depth) break;
    if (h.section.depth === heading.section.depth) {
      sibling = lineOf.get(h);
      break;
    }
  }
  if (!sibling) return undefined;
  const entry = sibling.entry;
  const lineStart = doc.source.lastIndexOf('\n', entry.span.start.offset - 1) + 1;
  const link = entry.primaryLink!;
  const prefix = doc.source.slice(lineStart, link.span.start.offset);
  const own = entryLineSpan(doc.source, entry);
  const after = doc.source.slice(link.span.end.offset, own.end.offset);
  // Only a plain "- [Title](#slug)" line is mirrored with certainty.
  if (!/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+$/.test(prefix) || after.trim() !== '') return undefined;
  const end = entry.removalSpan.end.offset;
  if (doc.source[end - 1] !== '\n') return undefined;
  const numbered = /\d/.test(prefix) ? prefix.replace(/\d{1,9}/, (n) => String(Number(n) + 1)) : prefix;
  return { edits: [{ start: end, end, text: `${numbered}[${escapeLinkText(heading.text)}](#${heading.section.slug})\n` }], certain: !/\d/.test(prefix) };
}
