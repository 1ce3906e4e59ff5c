import { renderSummary, type SummaryInput } from './summary-comment.js';

/**
 * A step's job summary may hold 1 MiB; this many UTF-16 units stays under it even when
 * every character takes three bytes.
 */
export const JOB_SUMMARY_LIMIT = 300_000;

/**
 * The review summary as Markdown for `core.summary.addRaw(...)`: the same content as the
 * sticky comment, without its hidden marker and with room for many more findings.
 */
export function jobSummary(input: SummaryInput): string {
  return renderSummary(input, { marker: false, limit: JOB_SUMMARY_LIMIT });
}
