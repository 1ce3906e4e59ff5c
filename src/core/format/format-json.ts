import type { Finding } from '../findings/types.js';
import type { LineIndex } from '../parse/line-index.js';
import { summarize, type Summary } from './summarize.js';

export interface JsonEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

export interface JsonFinding {
  ruleId: string;
  severity: Finding['severity'];
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  suggestion?: string;
  fix?: { edits: JsonEdit[] };
  data?: Record<string, unknown>;
}

export interface JsonReport {
  findings: JsonFinding[];
  summary: Summary;
}

/** The stable JSON report (documented in the README). `indexFor` maps a file to its line index for fix edits. */
export function toJsonReport(findings: Finding[], files: string[], indexFor: (file: string) => LineIndex | undefined): JsonReport {
  return {
    findings: findings.map((f) => {
      const index = indexFor(f.file);
      const json: JsonFinding = {
        ruleId: f.ruleId,
        severity: f.severity,
        file: f.file,
        line: f.span.start.line,
        column: f.span.start.column,
        endLine: f.span.end.line,
        endColumn: f.span.end.column,
        message: f.message,
      };
      if (f.suggestion !== undefined) json.suggestion = f.suggestion;
      if (f.fix && f.fix.certain && index) {
        json.fix = {
          edits: f.fix.edits.map((e) => {
            const s = index.point(e.start);
            const end = index.point(e.end);
            return { line: s.line, column: s.column, endLine: end.line, endColumn: end.column, text: e.text };
          }),
        };
      }
      if (f.data) json.data = f.data;
      return json;
    }),
    summary: summarize(findings, files.length),
  };
}

export function formatJson(findings: Finding[], files: string[], indexFor: (file: string) => LineIndex | undefined): string {
  return JSON.stringify(toJsonReport(findings, files, indexFor), null, 2) + '\n';
}
