import type { ResolvedConfig } from '../core/config/resolved-config.js';
import { applyFixes } from '../core/fixes/apply-fixes.js';
import { mapBack, type OriginalRange } from '../core/fixes/map-back.js';
import { runRules } from '../core/findings/run-rules.js';
import type { Finding, LinkFacts, TextEdit } from '../core/findings/types.js';
import { buildDocument } from '../core/parse/build-document.js';
import { inspectInput } from '../core/parse/inspect-input.js';
import { LINK_RULES } from '../links/link-findings.js';

const LINK_RULE_IDS = new Set(LINK_RULES.map((r) => r.id));
/** As fixDocument: fixes that touch the same text need more than one pass, never more than this. */
const MAX_PASSES = 10;

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
 * The same certain fixes as fixText (use-cases/fix-text.ts) — the link pass on the
 * original text, then the static rules' passes until nothing certain is left — but keeping
 * track of where each applied fix lands in the ORIGINAL text, so a maintenance pull request
 * can say which line each change is on and why. The caller compares `output` with
 * fixText's: a trace that disagrees explains nothing and must not be used.
 */
export function traceFixes(path: string, source: string, findings: Finding[], config: ResolvedConfig, facts?: LinkFacts): FixTrace {
  const passes: TextEdit[][] = [];
  const fixes: TracedFix[] = [];
  const record = (applied: Finding[]) => {
    const edits = applied.flatMap((f) => f.fix!.edits);
    for (const finding of applied) fixes.push({ finding, at: mapBack(passes, finding.span.start.offset, finding.span.end.offset), ranges: finding.fix!.edits.map((e) => mapBack(passes, e.start, e.end)) });
    passes.push([...edits].sort((a, b) => a.start - b.start || a.end - b.end));
  };

  const linkPass = applyFixes(source, findings.filter((f) => f.file === path && (LINK_RULE_IDS.has(f.ruleId) || f.ruleId === 'prefer-https')), { path });
  if (linkPass.applied.length > 0) record(linkPass.applied);
  let text = linkPass.output;
  if (inspectInput(path, text)) return { output: text, fixes, passes };
  let doc = buildDocument(path, text);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const result = applyFixes(text, runRules(doc, { config, ...(facts ? { facts } : {}) }), { path, before: doc });
    if (result.applied.length === 0 || !result.doc) break;
    record(result.applied);
    text = result.output;
    doc = result.doc;
  }
  return { output: text, fixes, passes };
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
