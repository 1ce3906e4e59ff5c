import type { Finding, Severity } from '../findings/types.js';
import { codeSpan, markdownText } from './markdown-text.js';
import { ruleDocUrl } from './rule-docs.js';
import { summarize } from './summarize.js';

const ICON: Record<Severity, string> = { error: '🔴', warning: '🟡', info: '🔵' };

/** The longest message and file name shown (a longer one ends in …). */
const MAX_MESSAGE = 4000;
const MAX_FILE = 1000;

/** A finding's message (it carries list text) as one table cell: through the one Markdown escaper. */
function cell(text: string): string {
  return markdownText(text, MAX_MESSAGE, { inTable: true });
}

/** A report a maintainer can paste into an issue: a table by rule, then every finding by file. */
export function formatMarkdown(findings: Finding[], files: string[]): string {
  const s = summarize(findings, files.length);
  const out: string[] = ['## listwarden report', ''];
  if (s.findings === 0) {
    out.push(`No problems found in ${files.length} file${files.length === 1 ? '' : 's'}. ✨`, '');
    return out.join('\n');
  }
  out.push(`**${s.findings}** problems: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} info; ${s.fixable} fixable with \`listwarden fix\`.`, '');
  out.push('| Rule | Count |', '| --- | ---: |');
  for (const [rule, count] of Object.entries(s.byRule).sort((a, b) => b[1] - a[1])) out.push(`| [\`${rule}\`](${ruleDocUrl(rule)}) | ${count} |`);
  out.push('');
  for (const file of files) {
    const mine = findings.filter((f) => f.file === file);
    if (mine.length === 0) continue;
    out.push(`### ${codeSpan(file, MAX_FILE)}`, '', '| | Line | Rule | Problem |', '| --- | ---: | --- | --- |');
    for (const f of mine) {
      out.push(`| ${ICON[f.severity]} | ${f.span.start.line}:${f.span.start.column} | \`${f.ruleId}\` | ${cell(f.message)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
