import type { Finding, Severity } from '../core/findings/types.js';
import { ruleDocUrl } from '../core/format/rule-docs.js';
import type { Annotation } from '../github/port.js';
import { repoPath } from './repo-path.js';
import { spanLines } from './span-lines.js';

const LEVEL: Record<Severity, Annotation['annotation_level']> = { error: 'failure', warning: 'warning', info: 'notice' };

/** The check-run API takes at most this many annotations per request. */
export const ANNOTATIONS_PER_REQUEST = 50;

/**
 * Most characters of a finding's message in an annotation. GitHub refuses a check-run
 * request whose annotation message exceeds 64 KB; a message quoting list text can be
 * longer (a 100 KB entry name), and one refused request would lose the whole review.
 */
export const MAX_ANNOTATION_MESSAGE = 4000;

/** A message cut to `max` characters (an ellipsis marks the cut), never inside a surrogate pair. */
export function clipMessage(message: string, max = MAX_ANNOTATION_MESSAGE): string {
  if (message.length <= max) return message;
  let end = max - 1;
  const last = message.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${message.slice(0, end)}…`;
}

/**
 * Check-run annotations for findings: the rule id as title, the message and the rule's
 * documentation as text. Columns only for a span on one line (the API refuses them
 * otherwise); the end column is the last character, inclusive.
 */
export function toAnnotations(findings: Finding[]): Annotation[] {
  return findings.map((f) => {
    const { first, last } = spanLines(f.span);
    const annotation: Annotation = {
      path: repoPath(f.file),
      start_line: first,
      end_line: last,
      annotation_level: LEVEL[f.severity],
      message: `${clipMessage(f.message)}\n\nRule documentation: ${ruleDocUrl(f.ruleId)}`,
      title: clipMessage(f.ruleId, 255),
    };
    if (first === last && f.span.end.line === f.span.start.line) {
      annotation.start_column = f.span.start.column;
      annotation.end_column = Math.max(f.span.start.column, f.span.end.column - 1);
    }
    return annotation;
  });
}

/** Splits items into consecutive groups of at most `size` (the last one may be shorter). */
export function batches<T>(items: T[], size = ANNOTATIONS_PER_REQUEST): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batch size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
