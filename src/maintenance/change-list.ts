import { compareCodeUnits } from '../core/findings/finding-order.js';
import { LineIndex } from '../core/parse/line-index.js';
import type { LinkEvidence } from '../use-cases/check-lists.js';
import { explainFix } from './explain-fix.js';
import { mapForward, type FixTrace } from './trace-fixes.js';

/** One change of the maintenance pull request: a line (or a few) before and after, with why. */
export interface MaintenanceChange {
  file: string;
  /** First line in the list as it is on the default branch. */
  line: number;
  ruleId: string;
  /** The line(s) as they are, without the final newline. */
  before: string;
  /** The line(s) after the fix; '' when they are removed. */
  after: string;
  reason: string;
  evidence?: string;
}

interface Unit {
  first: number;
  last: number;
}

/**
 * The change list of one file from a fix trace: applied fixes grouped into the smallest
 * runs of whole original lines they touch (fixes on one line share its before/after), each
 * with the fix's reason and evidence. A fix that touches two places (an empty row removed
 * and the rowspan above it shortened) gives a change at each.
 */
export function changeList(file: string, source: string, trace: FixTrace, evidence?: LinkEvidence): MaintenanceChange[] {
  const lines = new LineIndex(source);
  const lineOf = (offset: number) => lines.point(offset).line;
  const touched = trace.fixes.map((fix) => fix.ranges.map((r) => ({ first: lineOf(r.start), last: lineOf(Math.max(r.start, r.end - 1)) })));
  const units = mergeUnits(touched.flat());
  const unitOf = (line: number) => units.find((u) => u.first <= line && line <= u.last);
  const text = (unit: Unit) => {
    const from = lines.lineStart(unit.first);
    const to = lines.lineEnd(unit.last);
    return {
      before: source.slice(from, to).replace(/\r?\n$/, ''),
      after: trace.output.slice(mapForward(trace.passes, from), mapForward(trace.passes, to)).replace(/\r?\n$/, ''),
    };
  };

  const changes: MaintenanceChange[] = [];
  trace.fixes.forEach((fix, i) => {
    const { reason, evidence: why } = explainFix(fix.finding, evidence);
    const primary = unitOf(lineOf(fix.at.start)) ?? unitOf(touched[i]![0]!.first)!;
    const seen = new Set<Unit>();
    for (const span of touched[i]!) {
      const unit = unitOf(span.first)!;
      if (seen.has(unit)) continue;
      seen.add(unit);
      changes.push({
        file,
        line: unit.first,
        ruleId: fix.finding.ruleId,
        ...text(unit),
        reason: unit === primary ? reason : secondaryReason(fix.finding.ruleId, reason, primary.first),
        evidence: why,
      });
    }
  });
  return changes.sort((a, b) => a.line - b.line || compareCodeUnits(a.ruleId, b.ruleId));
}

/** The reason at a second place one fix touches: the rowspan an empty row's removal shortens. */
function secondaryReason(ruleId: string, reason: string, primaryLine: number): string {
  if (ruleId === 'table-empty-row') return `rowspan shortened: it covered the empty row removed at line ${primaryLine}`;
  return `${reason} (the same fix as at line ${primaryLine})`;
}

/** Line intervals merged where they share a line (adjacent lines stay separate changes). */
function mergeUnits(spans: Unit[]): Unit[] {
  const sorted = [...spans].sort((a, b) => a.first - b.first || a.last - b.last);
  const units: Unit[] = [];
  for (const span of sorted) {
    const last = units[units.length - 1];
    if (last && span.first <= last.last) last.last = Math.max(last.last, span.last);
    else units.push({ ...span });
  }
  return units;
}
