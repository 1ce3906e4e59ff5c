import type { Finding, TextEdit } from '../findings/types.js';

export interface ApplyResult {
  output: string;
  /** Findings whose fix was applied. */
  applied: Finding[];
  /** Findings with a certain fix left out because it overlapped an applied one (a later pass may apply it). */
  deferred: Finding[];
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end || (a.start === a.end && a.start > b.start && a.start < b.end) || (b.start === b.end && b.start > a.start && b.start < a.end);
}

/**
 * Applies the certain fixes of findings to a text. A fix is all or nothing; fixes whose
 * edits overlap an earlier accepted fix are deferred. Bytes outside the edits never change.
 */
export function applyFixes(source: string, findings: Finding[]): ApplyResult {
  const accepted: TextEdit[] = [];
  const applied: Finding[] = [];
  const deferred: Finding[] = [];
  for (const finding of findings) {
    const fix = finding.fix;
    if (!fix || !fix.certain || fix.edits.length === 0) continue;
    const valid = fix.edits.every((e) => e.start >= 0 && e.end <= source.length && e.start <= e.end);
    const noop = fix.edits.every((e) => source.slice(e.start, e.end) === e.text);
    if (!valid || noop) continue;
    if (fix.edits.some((e) => accepted.some((a) => overlaps(a, e)))) {
      deferred.push(finding);
      continue;
    }
    accepted.push(...fix.edits);
    applied.push(finding);
  }
  accepted.sort((a, b) => b.start - a.start || b.end - a.end);
  let output = source;
  for (const edit of accepted) output = output.slice(0, edit.start) + edit.text + output.slice(edit.end);
  return { output, applied, deferred };
}
