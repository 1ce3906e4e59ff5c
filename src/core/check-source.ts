import { buildDocument } from './parse/build-document.js';
import { runRules, type RunOptions } from './findings/run-rules.js';
import type { Finding } from './findings/types.js';
import { fixDocument, type FixOutcome } from './fixes/fix-document.js';
import { inspectInput } from './parse/inspect-input.js';

export interface CheckResult {
  findings: Finding[];
}

/** Checks one list's text. Pure: text and options in, findings out. */
export function checkSource(path: string, source: string, options: RunOptions = {}): CheckResult {
  const problem = inspectInput(path, source);
  if (problem) return { findings: [problem] };
  return { findings: runRules(buildDocument(path, source), options) };
}

/** Applies every certain fix to one list's text. Input that cannot be read as a list is returned unchanged. */
export function fixSource(path: string, source: string, options: RunOptions = {}): FixOutcome {
  if (inspectInput(path, source)) return { output: source, applied: [], refused: [], passes: 0, appliedByPass: [] };
  return fixDocument(path, source, options);
}
