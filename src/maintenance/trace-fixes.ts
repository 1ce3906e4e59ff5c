import type { ResolvedConfig } from '../core/config/resolved-config.js';
import { mapBack, type OriginalRange } from '../core/fixes/map-back.js';
import type { Finding, LinkFacts, TextEdit } from '../core/findings/types.js';
import { fixText } from '../use-cases/fix-text.js';

export type { OriginalRange } from '../core/fixes/map-back.js';

export interface TracedFix {
  finding: Finding;
  /** Where the finding itself is in the original text. */
  at: OriginalRange;
  /** Where the fix's edits fall in the original text (a later pass's edits mapped back). */
  ranges: OriginalRange[];
}

export interface FixTrace {
  output: string;
  /** Applied fixes in the order they were applied. */
  fixes: TracedFix[];
  /** The edits of each pass, in that pass's input coordinates (for mapping positions forward). */
  passes: TextEdit[][];
}

/**
 * The certain fixes of fixText (use-cases/fix-text.ts: the link pass on the original text,
 * then the static rules' passes until nothing certain is left), with where each applied fix
 * lands in the ORIGINAL text, so a maintenance pull request can say which line each change
 * is on and why.
 */
export function traceFixes(path: string, source: string, findings: Finding[], config: ResolvedConfig, facts?: LinkFacts): FixTrace {
  return traceOf(fixText(path, source, findings, config, facts));
}

/** The trace of fixes already made: each pass's applied findings mapped back through the passes before it. */
export function traceOf(outcome: { output: string; appliedByPass: Finding[][] }): FixTrace {
  const passes: TextEdit[][] = [];
  const fixes: TracedFix[] = [];
  for (const applied of outcome.appliedByPass) {
    const edits = applied.flatMap((f) => f.fix!.edits);
    for (const finding of applied) fixes.push({ finding, at: mapBack(passes, finding.span.start.offset, finding.span.end.offset), ranges: finding.fix!.edits.map((e) => mapBack(passes, e.start, e.end)) });
    passes.push([...edits].sort((a, b) => a.start - b.start || a.end - b.end));
  }
  return { output: outcome.output, fixes, passes };
}

/**
 * Maps an offset of the original text forward to the output. Text inserted exactly at the
 * offset ends up after it, so a line's range [lineStart, nextLineStart) maps to the range
 * holding what the line became, including what was inserted at its start.
 */
export function mapForward(passes: TextEdit[][], offset: number): number {
  let at = offset;
  for (const edits of passes) {
    let delta = 0;
    let inside: number | undefined;
    for (const edit of edits) {
      // Edits at or after the offset leave it in place (text inserted at it goes after it).
      if (edit.start >= at) break;
      if (edit.end <= at) {
        delta += edit.text.length - (edit.end - edit.start);
        continue;
      }
      // The offset is inside replaced text: it lands where the replacement starts.
      inside = edit.start;
      break;
    }
    at = (inside ?? at) + delta;
  }
  return at;
}
