import type { Finding, Severity } from '../../src/core/findings/types.js';

/** A realistic awesome list with `entries` entries in sections of 50. */
export function bigList(entries: number): string {
  const out = ['# Awesome DevSecOps', '', '> A curated list of tools and practices.', '', '## Contents', ''];
  for (let i = 0; i < entries; i++) {
    if (i % 50 === 0) out.push(`## Section ${i / 50 + 1}`, '');
    out.push(`- [Tool ${i}](https://tools.example.org/tool-${i}) - Scans thing number ${i} for secrets and misconfigurations.`);
  }
  out.push('', '## License', '', 'CC0', '');
  return out.join('\n');
}

/** A finding where a test needs one; offsets are not meaningful unless given. */
export function finding(over: Partial<Finding> & { line: number; endLine?: number; column?: number; endColumn?: number }): Finding {
  const { line, endLine = line, column = 3, endColumn = column + 5, ...rest } = over;
  return {
    ruleId: 'no-empty-link',
    severity: 'warning' as Severity,
    message: 'Link has no text — add a name readers can see',
    file: 'README.md',
    span: { start: { line, column, offset: 0 }, end: { line: endLine, column: endColumn, offset: 0 } },
    ...rest,
  };
}
