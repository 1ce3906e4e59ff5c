import type { Finding } from '../core/findings/types.js';
import type { RefusedFix } from '../core/fixes/apply-fixes.js';

/**
 * One line per certain fix that was not applied, in the project's message form
 * ("file:line:column  rule-id  what is wrong — what to do"): the CLI prints them, and the
 * reply to `/listwarden fix` carries them (escaped there for GitHub Markdown).
 */
export function fixesLeftOut(path: string, rejected: readonly Finding[], refused: readonly RefusedFix[]): string[] {
  const at = (f: Finding) => `${path}:${f.span.start.line}:${f.span.start.column}  ${f.ruleId}`;
  return [
    ...rejected.map((f) => `${at(f)}  fix not applied: it would change more of the list than its URL (another link, a table cell) — check it by hand`),
    ...refused.map(({ finding, line }) => `${at(finding)}  fix not applied: it would change line ${line}, which this finding is not on — check it by hand`),
  ];
}
