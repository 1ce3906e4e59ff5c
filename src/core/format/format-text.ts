import type { Finding } from '../findings/types.js';
import { summarize } from './summarize.js';
import { terminalText } from './terminal-text.js';

/**
 * `file:line:column  severity  rule-id  message`, grouped by file, then a summary line.
 * File names and messages quote the list: control and bidirectional characters in them are
 * shown escaped, never sent to the terminal.
 */
export function formatText(findings: Finding[], files: string[]): string {
  const out: string[] = [];
  for (const file of files) {
    const mine = findings.filter((f) => f.file === file);
    if (mine.length === 0) continue;
    out.push(terminalText(file));
    const locations = mine.map((f) => `${terminalText(f.file)}:${f.span.start.line}:${f.span.start.column}`);
    const width = Math.max(...locations.map((l) => l.length));
    const sevWidth = Math.max(...mine.map((f) => f.severity.length));
    const rules = mine.map((f) => terminalText(f.ruleId));
    const ruleWidth = Math.max(...rules.map((r) => r.length));
    mine.forEach((f, i) => {
      const fixable = f.fix?.certain ? '  (fixable)' : '';
      out.push(`  ${locations[i]!.padEnd(width)}  ${f.severity.padEnd(sevWidth)}  ${rules[i]!.padEnd(ruleWidth)}  ${terminalText(f.message)}${fixable}`);
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
