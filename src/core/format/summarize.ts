import type { Finding, Severity } from '../findings/types.js';

export interface Summary {
  files: number;
  findings: number;
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
  byRule: Record<string, number>;
}

export function summarize(findings: Finding[], files: number): Summary {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const byRule: Record<string, number> = {};
  for (const f of findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  return {
    files,
    findings: findings.length,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    fixable: findings.filter((f) => f.fix?.certain).length,
    byRule,
  };
}
