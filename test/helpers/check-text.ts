import { buildDocument } from '../../src/core/parse/build-document.js';
import { runRules, type RunOptions } from '../../src/core/findings/run-rules.js';
import { fixDocument } from '../../src/core/fixes/fix-document.js';
import type { Finding, Rule } from '../../src/core/findings/types.js';

/** Runs the rules over a Markdown text, as `listwarden check` would. */
export function checkText(markdown: string, rules?: Rule[], options: RunOptions = {}): Finding[] {
  return runRules(buildDocument('list.md', markdown), { ...options, ...(rules ? { rules } : {}) });
}

/** Applies the certain fixes, as `listwarden fix` would. */
export function fixText(markdown: string, rules?: Rule[], options: RunOptions = {}): string {
  return fixDocument('list.md', markdown, { ...options, ...(rules ? { rules } : {}) }).output;
}

/** `line:column ruleId` of each finding, for compact assertions. */
export function where(findings: Finding[]): string[] {
  return findings.map((f) => `${f.span.start.line}:${f.span.start.column} ${f.ruleId}`);
}
