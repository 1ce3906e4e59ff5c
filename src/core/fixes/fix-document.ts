import { buildDocument } from '../parse/build-document.js';
import { runRules, type RunOptions } from '../findings/run-rules.js';
import { applyFixes } from './apply-fixes.js';
import type { Finding } from '../findings/types.js';

export interface FixOutcome {
  output: string;
  applied: Finding[];
  /** Passes it took; fixes that touch the same text (a rowspan two rules adjust) need more than one. */
  passes: number;
}

const MAX_PASSES = 10;

/**
 * Applies every certain fix, re-checking after each pass until nothing certain is left
 * (as eslint does), so running it twice changes nothing the second time.
 */
export function fixDocument(path: string, source: string, options: RunOptions = {}): FixOutcome {
  let text = source;
  const applied: Finding[] = [];
  let passes = 0;
  let doc = buildDocument(path, text);
  while (passes < MAX_PASSES) {
    passes++;
    const findings = runRules(doc, options);
    const result = applyFixes(text, findings, { path, before: doc });
    if (result.applied.length === 0 || !result.doc) break;
    applied.push(...result.applied);
    text = result.output;
    doc = result.doc;
  }
  return { output: text, applied, passes };
}
