import type { Finding } from '../findings/types.js';
import { summarize } from './summarize.js';

/**
 * `file:line:column  severity  rule-id  message`, grouped by file, then a summary line.
 */
export function formatText(findings: Finding[], files: string[]): string {
  const out: string[] = [];
  for (const file of files) {
    const mine = findings.filter((f) => f.file === file);
    if (mine.length === 0) continue;
    out.push(file);
    const locations = mine.map((f) => `${f.file}:${f.span.start.line}:${f.span.start.column}`);
    const width = Math.max(...locations.map((l) => l.length));
    const sevWidth = Math.max(...mine.map((f) => f.severity.length));
    const ruleWidth = Math.max(...mine.map((f) => f.ruleId.length));
    mine.forEach((f, i) => {
      const fixable = f.fix?.certain ? '  (fixable)' : '';
      out.push(`  ${locations[i]!.padEnd(width)}  ${f.severity.padEnd(sevWidth)}  ${f.ruleId.padEnd(ruleWidth)}  ${f.message}${fixable}`);
    });
    out.push('');
  }
  const s = summarize(findings, files.length);
  if (s.findings === 0) out.push(`✓ ${files.length} file${files.length === 1 ? '' : 's'} checked, no problems`);
  else {
    const fixHint = s.fixable > 0 ? ` — ${s.fixable} can be fixed with \`listwarden fix\`` : '';
    out.push(`✖ ${s.findings} problem${s.findings === 1 ? '' : 's'} (${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.infos} info) in ${files.length} file${files.length === 1 ? '' : 's'}${fixHint}`);
  }
  return out.join('\n') + '\n';
}
