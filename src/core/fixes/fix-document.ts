import { buildDocument } from '../parse/build-document.js';
import { runRules, type RunOptions } from '../findings/run-rules.js';
import { LineIndex } from '../parse/line-index.js';
import { applyFixes, type RefusedFix } from './apply-fixes.js';
import { mapBack } from './map-back.js';
import type { Finding, TextEdit } from '../findings/types.js';

export interface FixOutcome {
  output: string;
  applied: Finding[];
  /**
   * Certain fixes left out because they would change a line that carries none of their
   * finding: each once, at its finding's place in the text given (and the line it would
   * have changed, in that text too).
   */
  refused: RefusedFix[];
  /** Passes it took; fixes that touch the same text (a rowspan two rules adjust) need more than one. */
  passes: number;
  /** The findings applied in each pass that applied any, in that pass's text (for tracing them back: traceOf). */
  appliedByPass: Finding[][];
}

const MAX_PASSES = 10;

/**
 * Applies every certain fix, re-checking after each pass until nothing certain is left
 * (as eslint does), so running it twice changes nothing the second time.
 */
export function fixDocument(path: string, source: string, options: RunOptions = {}): FixOutcome {
  let text = source;
  const applied: Finding[] = [];
  const appliedByPass: Finding[][] = [];
  const refused = new Map<string, RefusedFix>();
  const edits: TextEdit[][] = [];
  let passes = 0;
  let doc = buildDocument(path, text);
  while (passes < MAX_PASSES) {
    passes++;
    const findings = runRules(doc, options);
    const result = applyFixes(text, findings, { path, before: doc });
    for (const left of result.refused) {
      const found = edits.length === 0 ? left : inSource(left, text, edits, source);
      const key = `${found.finding.ruleId}\u0000${found.finding.span.start.offset}`;
      if (!refused.has(key)) refused.set(key, found);
    }
    if (result.applied.length === 0 || !result.doc) break;
    applied.push(...result.applied);
    appliedByPass.push(result.applied);
    edits.push(result.applied.flatMap((f) => f.fix!.edits).sort((a, b) => a.start - b.start || a.end - b.end));
    text = result.output;
    doc = result.doc;
  }
  return { output: text, applied, refused: [...refused.values()], passes, appliedByPass };
}

/** A refusal found in a later pass's text, placed in the text given (a refused fix is found again in every pass). */
function inSource(left: RefusedFix, text: string, edits: TextEdit[][], source: string): RefusedFix {
  const original = new LineIndex(source);
  const { start, end } = mapBack(edits, left.finding.span.start.offset, left.finding.span.end.offset);
  const lineStart = new LineIndex(text).lineStart(left.line);
  const lineAt = mapBack(edits, lineStart, lineStart).start;
  return { finding: { ...left.finding, span: original.span(start, end) }, line: original.point(lineAt).line };
}
