import type { Finding } from './types.js';

/**
 * Orders strings by UTF-16 code units: the same order on every machine, and cheap.
 * (`localeCompare` depends on the locale and costs ~20 ms on its first call, which is
 * most of a cold CLI run's sorting.)
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Findings in reading order: by file, then position, then rule id. */
export function compareFindings(a: Finding, b: Finding): number {
  return compareCodeUnits(a.file, b.file) || a.span.start.offset - b.span.start.offset || compareCodeUnits(a.ruleId, b.ruleId);
}
