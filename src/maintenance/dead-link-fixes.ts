import type { ResolvedConfig } from '../core/config/resolved-config.js';
import type { Finding } from '../core/findings/types.js';
import type { Entry, ListDocument } from '../core/model/types.js';
import { buildDocument } from '../core/parse/build-document.js';
import { inspectInput } from '../core/parse/inspect-input.js';
import { LineIndex } from '../core/parse/line-index.js';
import type { ListFile, LinkEvidence } from '../use-cases/check-lists.js';
import { outcomeFor, type DeadLinkAction } from './explain-fix.js';

/** A confirmed dead link the maintenance PR does not change, and why: it is left to a person. */
export interface LeftAlone {
  file: string;
  line: number;
  url: string;
  why: string;
}

export interface DeadLinkFixes {
  /** no-dead-link findings with a certain fix: the archived copy, or the entry's line removed. */
  findings: Finding[];
  leftAlone: LeftAlone[];
}

// Spaces, then a marker and its spaces: one optional group, so a run of spaces is not split two ways.
const LIST_MARKER = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]*)?$/;

/**
 * Certain fixes for CONFIRMED dead links (dead in enough runs over enough days), as
 * `maintenance.deadLinks` asks: `archive` replaces the URL with its archived copy where one
 * exists; `archive-or-remove` also removes the entry when there is none — only a Markdown
 * list entry that is alone on its line and named by that link, never a table row or an
 * entry whose description merely cites the dead page. Anything else is left to a person.
 */
export function deadLinkFixes(files: ListFile[], findings: Finding[], evidence: LinkEvidence | undefined, mode: ResolvedConfig['maintenance']['deadLinks']): DeadLinkFixes {
  const out: DeadLinkFixes = { findings: [], leftAlone: [] };
  if (mode === 'off' || !evidence) return out;
  const sources = new Map(files.map((f) => [f.path, f.source]));
  const docs = new Map<string, ListDocument | undefined>();
  const docOf = (path: string): ListDocument | undefined => {
    if (!docs.has(path)) {
      const source = sources.get(path);
      docs.set(path, source === undefined || inspectInput(path, source) ? undefined : buildDocument(path, source));
    }
    return docs.get(path);
  };

  for (const finding of findings) {
    if (finding.ruleId !== 'no-dead-link') continue;
    const outcome = outcomeFor(finding, evidence);
    if (!outcome?.confirmedDead) continue;
    const url = String(finding.data?.url);
    const leave = (why: string) => out.leftAlone.push({ file: finding.file, line: finding.span.start.line, url, why });
    const copy = evidence.archived.get(outcome.url);
    if (copy) {
      if (!finding.fix) {
        leave('its URL could not be located exactly in the text to replace it with the archived copy');
        continue;
      }
      const action: DeadLinkAction = { action: 'archive', archivedCopy: copy };
      out.findings.push({ ...finding, fix: { ...finding.fix, certain: true }, data: { ...finding.data, maintenance: action } });
      continue;
    }
    if (mode !== 'archive-or-remove') {
      leave('no archived copy exists (with maintenance.deadLinks: archive-or-remove, listwarden would remove the entry)');
      continue;
    }
    const doc = docOf(finding.file);
    const source = sources.get(finding.file);
    if (!doc || source === undefined) continue;
    const entry = doc.entries.find((e) => e.links.some((l) => (l.urlSpan ?? l.span).start.offset === finding.span.start.offset));
    const why = entry ? whyNotRemovable(entry, finding, source) : 'the link is not part of a list entry';
    if (why !== undefined || !entry) {
      leave(why ?? 'the link is not part of a list entry');
      continue;
    }
    const lines = new LineIndex(source);
    const line = entry.span.start.line;
    const action: DeadLinkAction = { action: 'remove' };
    out.findings.push({
      ...finding,
      fix: { edits: [{ start: lines.lineStart(line), end: lines.lineEnd(line), text: '' }], certain: true },
      data: { ...finding.data, maintenance: action },
    });
  }
  return out;
}

/** Why an entry with a dead link cannot be removed safely, or undefined when it can. */
function whyNotRemovable(entry: Entry, finding: Finding, source: string): string | undefined {
  if (entry.container.kind === 'table') return 'it is in a table; listwarden does not remove table rows';
  if (entry.container.kind === 'html') return 'it is written in raw HTML';
  const link = entry.primaryLink;
  if (!link || (link.urlSpan ?? link.span).start.offset !== finding.span.start.offset || link.inDescription) {
    return "the dead link is in the entry's description, not the link that names it";
  }
  if (link.syntax === 'html') return 'it is in raw HTML';
  if (entry.span.start.line !== entry.span.end.line) return 'the entry spans more than one line (it has nested items or continuation lines)';
  const lines = new LineIndex(source);
  const line = entry.span.start.line;
  const before = source.slice(lines.lineStart(line), entry.span.start.offset);
  const after = source.slice(entry.span.end.offset, lines.lineEnd(line));
  if (!LIST_MARKER.test(before) || after.trim() !== '') return 'something else stands on the same line';
  return undefined;
}
