import * as core from '@actions/core';
import type { Finding, Severity } from '../core/findings/types.js';
import { clipMessage } from '../review/annotations.js';

/**
 * One workflow-command annotation per finding, at most `cap` of each severity (GitHub
 * shows 10 of each per step); returns the findings not annotated, for the job summary.
 * Columns are sent only for one-line spans, as GitHub requires.
 */
export function annotate(findings: Finding[], cap: number): Finding[] {
  const shown: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const overflow: Finding[] = [];
  for (const f of findings) {
    if (shown[f.severity] >= cap) {
      overflow.push(f);
      continue;
    }
    shown[f.severity]++;
    const properties: core.AnnotationProperties = { title: f.ruleId, file: f.file, startLine: f.span.start.line, endLine: f.span.end.line };
    if (f.span.start.line === f.span.end.line) Object.assign(properties, { startColumn: f.span.start.column, endColumn: f.span.end.column });
    // @actions/core escapes the message and properties for the workflow command (%, CR, LF; and : , in properties).
    const message = clipMessage(f.message);
    if (f.severity === 'error') core.error(message, properties);
    else if (f.severity === 'warning') core.warning(message, properties);
    else core.notice(message, properties);
  }
  return overflow;
}
